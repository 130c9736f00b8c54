import { checkPortalConfig } from '@/lib/config/portal-config';

export const dynamic = 'force-dynamic';

/**
 * Health for Playwright's webServer, start scripts and a container platform's probe: 200 when the server
 * answers and is configured; 503 with what to set when it is not (the settings are read at runtime, so a
 * deployment without them starts, and its probe and logs say why it cannot serve anyone).
 */
export function GET() {
  const checked = checkPortalConfig();
  const headers = { 'Cache-Control': 'no-store' };
  if (!checked.ok) return Response.json({ status: 'misconfigured', problem: checked.problem }, { status: 503, headers });
  return Response.json({ status: 'ok' }, { headers });
}
