/**
 * Someone else changes a row in ARM after the page listed it. Whatever the portal then does, each row's report
 * says what ARM shows — checked afterwards in ARM and in the emulator's audit log (nothing done twice).
 */
import type { Page } from '@playwright/test';
import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { accountPath, deletedAccountPath, vaultPath } from './support/arm-paths';
import { armGet, armRequest, eventCounts } from './support/local-azure';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const search = `/?subscription=${production}&q=rg-search-prod`;
const live = (name: string) => accountPath(production, 'rg-search-prod', name);
const recoverElsewhere = (name: string) => armRequest('PUT', live(name), { location: 'westus', properties: { restore: true } });
const purgeElsewhere = (name: string) => armRequest('DELETE', deletedAccountPath(production, 'westus', 'rg-search-prod', name));

/**
 * The first server action call whose body contains `needle` runs on the portal server, but its answer is lost
 * on the way back to the browser (the connection drops after the server answered).
 */
async function dropAnswerTo(page: Page, needle: string): Promise<{ dropped: boolean }> {
  const drop = { dropped: false };
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (drop.dropped || request.method() !== 'POST' || !request.headers()['next-action'] || !request.postData()?.includes(needle)) {
      return route.fallback();
    }
    drop.dropped = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  return drop;
}

test('a purge of a row someone recovered meanwhile reports "recovered meanwhile", not "purged", and purges nothing', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', search);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  expect((await recoverElsewhere('contoso-translator-web')).status).toBe(201);

  await portal.select('contoso-translator-web', 'contoso-personalizer-web');
  await portal.purgeButton.click();
  await portal.purgeDialog().confirmation.fill('2');
  await portal.purgeDialog().confirmButton().click();

  await expect(portal.bulkSummary('1 purged, 1 recovered meanwhile')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'Not as asked' })).toHaveText(
    'contoso-translator-web: not purged: it was recovered meanwhile (live in rg-search-prod)',
  );
  expect((await armGet(live('contoso-translator-web'))).status).toBe(200);
  expect((await eventCounts('deletedAccountPurged', '/deletedaccounts/contoso-translator-web')).size).toBe(0);
  expect([...(await eventCounts('deletedAccountPurged', '/deletedaccounts/contoso-personalizer-web')).values()]).toEqual([1]);
});

test('a recover of rows changed meanwhile says "already recovered" for one and "purged or expired meanwhile" for the other', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', search);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  expect((await recoverElsewhere('contoso-translator-web')).status).toBe(201);
  expect((await purgeElsewhere('contoso-metrics-advisor')).status).toBe(202);

  await portal.select('contoso-translator-web', 'contoso-metrics-advisor', 'contoso-personalizer-web');
  await portal.recoverButton.click();

  await expect(portal.bulkSummary('1 recovered, 1 already recovered, 1 failed')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'Not as asked' })).toHaveText(/contoso-translator-web: already recovered/);
  await expect(await portal.statusCell('contoso-metrics-advisor')).toContainText('Cannot be recovered: it was purged or expired meanwhile');
  // Recovered once (by the other admin), not twice; the purged one was not brought back.
  expect([...(await eventCounts('accountRecovered', '/accounts/contoso-translator-web')).values()]).toEqual([1]);
  expect((await armGet(live('contoso-metrics-advisor'))).status).toBe(404);
  expect((await armGet(live('contoso-personalizer-web'))).status).toBe(200);
});

test('a bulk purge whose answer never reaches the browser is checked in ARM, and reported as what ARM shows', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', search);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.select('contoso-translator-web', 'contoso-personalizer-web');
  await portal.purgeButton.click();
  await portal.purgeDialog().confirmation.fill('2');
  // The portal server runs the purge, but its answer is lost on the way back (a dropped connection).
  const drop = await dropAnswerTo(page, 'contoso-translator-web');
  await portal.purgeDialog().confirmButton().click();

  await expect(portal.bulkSummary('0 purged, 2 confirmed gone')).toBeVisible({ timeout: 30_000 });
  expect(drop.dropped).toBe(true);
  for (const name of ['contoso-translator-web', 'contoso-personalizer-web']) {
    expect((await armGet(deletedAccountPath(production, 'westus', 'rg-search-prod', name))).status, name).toBe(404);
    expect([...(await eventCounts('deletedAccountPurged', `/deletedaccounts/${name}`)).values()], `${name} purged once`).toEqual([1]);
  }
  await portal.expectNoRow('contoso-translator-web');
});

test("a recovery plan's vault step whose answer is lost is checked in ARM: the vault is live, so its account goes on, and nothing runs twice", async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}&q=contoso-cmk-textanalytics`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.select('contoso-cmk-textanalytics');
  await portal.recoverButton.click();
  // The portal server recovers the vault, but its answer is lost on the way back.
  const drop = await dropAnswerTo(page, '"kv-contoso-old"');
  await portal.recoveryPlanDialog().runButton.click();

  await expect(portal.bulkSummary('1 step done, 1 recovered')).toBeVisible({ timeout: 30_000 });
  expect(drop.dropped).toBe(true);
  expect((await armGet(vaultPath(production, 'rg-ai-prod', 'kv-contoso-old'))).status).toBe(200);
  expect([...(await eventCounts('vaultRecovered', 'kv-contoso-old')).values()]).toEqual([1]);
  expect([...(await eventCounts('accountRecovered', 'contoso-cmk-textanalytics')).values()]).toEqual([1]);
});
