/**
 * The header names the signed-in tenant: its name comes from ARM's `GET /tenants`, read with the user's token
 * through Microsoft's SubscriptionClient (Entra's tokens carry no tenant name).
 */
import { expect, it, vi } from 'vitest';
import { DEMO_TENANT } from '@/emulator/demo-world';
import { portalArmWithFreshDemoWorld } from '@/test-support/portal-arm';

vi.mock('server-only', () => ({}));
const { listTenants } = await import('@/app/actions');

const demo = portalArmWithFreshDemoWorld();

it("lists the user's tenant with its display name, read from ARM's tenants list", async () => {
  demo.env.recorder.clear();
  expect(await listTenants({ token: demo.token })).toEqual({ ok: true, data: [{ tenantId: DEMO_TENANT.id, displayName: 'Contoso (demo)' }] });
  expect(demo.env.recorder.requests.map((request) => `${request.method} ${request.path}`)).toEqual([expect.stringMatching(/^GET \/tenants\?api-version=/)]);
});
