/**
 * The Deleted by column's server side against the emulator's demo world: the portal's own readDeleteEvents
 * action, through @azure/arm-monitor, finds who deleted each row (a user, a service principal by its application
 * id, a resource group delete that took a row with it), and a person without the log's read right gets ARM's
 * refusal for that subscription alone.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEMO_SERVICE_PRINCIPAL, DEMO_SUBSCRIPTIONS } from '@/emulator/demo-world';
import { activityLogWindow, deletedByOf, indexDeleteEvents, providersOf } from '@/lib/deleted-resources/deleted-by';
import type { DeletedResource } from '@/lib/deleted-resources/types';
import { portalArmWithFreshDemoWorld } from '@/test-support/portal-arm';

vi.mock('server-only', () => ({}));
const actions = await import('@/app/actions');

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const portal = portalArmWithFreshDemoWorld();

async function rowsOf(subscriptionId: string): Promise<DeletedResource[]> {
  const listed = await actions.listDeletedResources({ token: portal.token, subscription: subscriptionId });
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.data.resources;
}

const queryFor = (subscriptionId: string, rows: DeletedResource[]) => ({ subscriptionId, ...activityLogWindow(rows, Date.now()), providers: providersOf(rows) });

describe('readDeleteEvents', () => {
  it('names who deleted each demo row: a user, a service principal by its application id, a resource group delete', async () => {
    const [production, devTest] = [await rowsOf(P), await rowsOf(D)];
    const answer = await actions.readDeleteEvents({ token: portal.token, subscriptions: [queryFor(P, production), queryFor(D, devTest)] });
    if (!answer.ok) throw new Error(answer.error.message);
    const [p, d] = answer.data.results;
    if (!p?.ok || !d?.ok) throw new Error(JSON.stringify(answer.data.results));
    const who = (rows: DeletedResource[], events: typeof p.data, name: string) => {
      const row = rows.find((candidate) => candidate.name === name);
      return row && deletedByOf(row, indexDeleteEvents(events), Date.now());
    };
    expect(who(production, p.data, 'contoso-docintel-invoices')).toMatchObject({ state: 'known', caller: 'admin@contoso.test' });
    expect(who(production, p.data, 'contoso-foundry-hub')).toMatchObject({ state: 'known', caller: 'operator@contoso.test' });
    expect(who(devTest, d.data, 'kv-dev-protected')).toMatchObject({ state: 'known', caller: `application ${DEMO_SERVICE_PRINCIPAL.clientId}` });
    // rg-hackathon went with everything in it, by the lead.
    expect(who(devTest, d.data, 'dev-hackathon-speech')).toMatchObject({ state: 'known', caller: 'lead@contoso.test' });
    expect(who(devTest, d.data, 'sthackathondata')).toMatchObject({ state: 'known', caller: 'lead@contoso.test' });
    // Only deletes are returned, whatever else the log holds.
    expect(p.data.every((event) => event.resourceId === event.resourceId.toLowerCase())).toBe(true);
  });

  it("reads one provider at a time, and refuses nobody's subscription but the one they may not read", async () => {
    const operator = await portal.env.arm.token('operator');
    const production = await rowsOf(P);
    portal.env.recorder.clear();
    const answer = await actions.readDeleteEvents({ token: operator, subscriptions: [queryFor(P, production)] });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.results[0]).toMatchObject({ ok: false, error: { kind: 'arm', code: 'AuthorizationFailed', status: 403 } });
    const filters = portal.env.recorder.requests.map((request) => decodeURIComponent(new URL(request.path, 'https://x').searchParams.get('$filter') ?? ''));
    expect(filters.some((filter) => / and resourceProvider eq 'Microsoft\.(CognitiveServices|KeyVault|Resources|Storage|AppConfiguration|ApiManagement)'$/.test(filter))).toBe(true);
  });
});
