/**
 * The portal keeps no state between requests: two instances of the standalone server behind nginx (round robin,
 * no session affinity) sign a user in, list, recover and purge as one would. nginx's access log shows both
 * instances answering server actions and nothing failing; the audit log shows each resource acted on exactly
 * once. The browser only ever sees nginx's origin: sign-in redirects and the Content-Security-Policy follow it.
 */
import { DEMO_SUBSCRIPTIONS } from '../../emulator/demo-world';
import { e2ePorts } from '../../playwright.config';
import { expect, signIn, test } from '../fixtures';
import { DeletedResourcesPage } from '../pages/deleted-resources-page';
import { accountPath, deletedAccountPath } from '../support/arm-paths';
import { armGet, eventCounts } from '../support/local-azure';
import { startLoadBalancer, type LoadBalancer } from '../support/nginx';
import { startStandalonePortal, type StandalonePortal } from '../support/standalone-portal';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const RECOVERED = ['contoso-translator-web', 'contoso-personalizer-web', 'contoso-metrics-advisor'];
const PURGED = ['contoso-vision-retail', 'contoso-face-kiosk'];

let instances: StandalonePortal[] = [];
let balancer: LoadBalancer | undefined;
test.afterEach(async () => {
  await balancer?.stop();
  await Promise.all(instances.map((instance) => instance.stop()));
  balancer = undefined;
  instances = [];
});

/** How many times the audit log records `kind`, by resource name. */
async function actionsByName(kind: string): Promise<Map<string, number>> {
  const counts = await eventCounts(kind, `/subscriptions/${production}/`);
  return new Map([...counts].map(([id, count]) => [id.split('/').pop() as string, count]));
}

test('two instances behind nginx: sign-in, list, recover and purge go through both, nothing fails, nothing is done twice', async ({ page }) => {
  test.setTimeout(180_000);
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  instances = await Promise.all(e2ePorts.balancedPortals.map((port) => startStandalonePortal(port)));
  balancer = await startLoadBalancer(e2ePorts.balancer, e2ePorts.balancedPortals);

  await signIn(page, 'admin@contoso.test', `${balancer.origin}/?subscription=${production}`);
  expect(new URL(page.url()).origin).toBe(balancer.origin);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();

  await portal.select(...RECOVERED);
  await portal.recoverButton.click();
  await expect(portal.bulkSummary(`${RECOVERED.length} recovered`)).toBeVisible({ timeout: 30_000 });

  await portal.select(...PURGED);
  await portal.purgeButton.click();
  await portal.purgeDialog().confirmation.fill(String(PURGED.length));
  await portal.purgeDialog().confirmButton().click();
  await expect(portal.bulkSummary(`${PURGED.length} purged`)).toBeVisible({ timeout: 30_000 });
  for (const name of [...RECOVERED, ...PURGED]) await portal.expectNoRow(name);

  // ARM agrees, and its audit log shows each resource acted on once and nothing else acted on.
  for (const name of RECOVERED) expect((await armGet(accountPath(production, 'rg-search-prod', name))).status, `${name} is live`).toBe(200);
  for (const name of PURGED) expect((await armGet(deletedAccountPath(production, 'westeurope', 'rg-vision-prod', name))).status, `${name} is purged`).toBe(404);
  expect(await actionsByName('accountRecovered')).toEqual(new Map(RECOVERED.map((name) => [name, 1])));
  expect(await actionsByName('deletedAccountPurged')).toEqual(new Map(PURGED.map((name) => [name, 1])));

  // Both instances answered server actions; no request through nginx failed.
  const requests = balancer.requests();
  const actionsPerInstance = e2ePorts.balancedPortals.map((port) => requests.filter((request) => request.method === 'POST' && request.nextAction && request.upstream === `127.0.0.1:${port}`).length);
  expect(actionsPerInstance.every((count) => count > 0), `server actions per instance: ${actionsPerInstance.join(', ')}`).toBe(true);
  expect(requests.filter((request) => request.status >= 400 || request.upstream.includes(','))).toEqual([]);
  for (const instance of instances) expect(instance.output()).not.toMatch(/error|failed/i);
  expect(cspViolations).toEqual([]);
});
