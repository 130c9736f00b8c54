export const dynamic = 'force-dynamic';

/** Liveness for Playwright's webServer and start scripts: the server answers, nothing more. */
export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
