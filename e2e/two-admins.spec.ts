/**
 * Two admins, two browsers, the same 20 rows of four types at the same moment: one purges them, the other
 * recovers them. Whatever order ARM takes them in, each session's report matches ARM's final state row by
 * row, and the audit log shows each row either purged once or recovered once, never both, never twice.
 */
import type { Browser, Page } from '@playwright/test';
import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test, type DemoUpn } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import {
  accountPath,
  apiManagementServicePath,
  configurationStorePath,
  deletedAccountPath,
  deletedApiManagementServicePath,
  deletedConfigurationStorePath,
  deletedVaultPath,
  vaultPath,
} from './support/arm-paths';
import { armGet, eventCounts } from './support/local-azure';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;

interface Row {
  name: string;
  live: string;
  deleted: string;
  purgedEvent: string;
  recoveredEvent: string;
}

const account = (name: string, rg: string, location: string): Row => ({
  name,
  live: accountPath(P, rg, name),
  deleted: deletedAccountPath(P, location, rg, name),
  purgedEvent: 'deletedAccountPurged',
  recoveredEvent: 'accountRecovered',
});

const ROWS: Row[] = [
  account('contoso-openai-eastus', 'rg-openai-prod', 'swedencentral'),
  account('contoso-foundry-hub', 'rg-ai-prod', 'eastus'),
  account('contoso-docintel-invoices', 'rg-docs-prod', 'southcentralus'),
  account('contoso-docintel-receipts', 'rg-docs-prod', 'southcentralus'),
  account('contoso-vision-retail', 'rg-vision-prod', 'westeurope'),
  account('contoso-face-kiosk', 'rg-vision-prod', 'westeurope'),
  account('contoso-translator-web', 'rg-search-prod', 'westus'),
  account('contoso-contentsafety', 'rg-ai-prod', 'eastus'),
  account('contoso-openai-gpt4o', 'rg-openai-prod', 'swedencentral'),
  account('contoso-anomaly-iot', 'rg-ai-prod', 'eastus'),
  account('contoso-personalizer-web', 'rg-search-prod', 'westus'),
  account('contoso-metrics-advisor', 'rg-search-prod', 'westus'),
  account('contoso-multiservice', 'rg-ai-prod', 'eastus'),
  account('contoso-customvision-train', 'rg-vision-prod', 'westeurope'),
  account('contoso-customvision-pred', 'rg-vision-prod', 'westeurope'),
  {
    name: 'kv-contoso-old',
    live: vaultPath(P, 'rg-ai-prod', 'kv-contoso-old'),
    deleted: deletedVaultPath(P, 'eastus', 'kv-contoso-old'),
    purgedEvent: 'deletedVaultPurged',
    recoveredEvent: 'vaultRecovered',
  },
  {
    name: 'appcs-contoso-flags',
    live: configurationStorePath(P, 'rg-search-prod', 'appcs-contoso-flags'),
    deleted: deletedConfigurationStorePath(P, 'westus', 'appcs-contoso-flags'),
    purgedEvent: 'deletedConfigurationStorePurged',
    recoveredEvent: 'configurationStoreRecovered',
  },
  {
    name: 'appcs-dev-settings',
    live: configurationStorePath(D, 'rg-dev-ai', 'appcs-dev-settings'),
    deleted: deletedConfigurationStorePath(D, 'eastus2', 'appcs-dev-settings'),
    purgedEvent: 'deletedConfigurationStorePurged',
    recoveredEvent: 'configurationStoreRecovered',
  },
  {
    name: 'apim-contoso-gateway',
    live: apiManagementServicePath(P, 'rg-openai-prod', 'apim-contoso-gateway'),
    deleted: deletedApiManagementServicePath(P, 'swedencentral', 'apim-contoso-gateway'),
    purgedEvent: 'deletedApiManagementServicePurged',
    recoveredEvent: 'apiManagementServiceRestored',
  },
  {
    name: 'apim-dev-internal',
    live: apiManagementServicePath(D, 'rg-dev-ai', 'apim-dev-internal'),
    deleted: deletedApiManagementServicePath(D, 'eastus2', 'apim-dev-internal'),
    purgedEvent: 'deletedApiManagementServicePurged',
    recoveredEvent: 'apiManagementServiceRestored',
  },
];

async function sessionOf(browser: Browser, upn: DemoUpn): Promise<{ page: Page; portal: DeletedResourcesPage }> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, upn);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.select(...ROWS.map((row) => row.name));
  await expect(page.getByText(`${ROWS.length} selected`)).toBeVisible();
  return { page, portal };
}

/** The names the outcome bar lists under "Not as asked", each with its sentence. */
async function notes(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: 'Not as asked' }).getByRole('listitem').allTextContents();
}

const count = async (kind: string, name: string) => [...(await eventCounts(kind, `/${name}`)).values()].reduce((sum, n) => sum + n, 0);

test('two admins purge and recover the same 20 rows at once: both reports match ARM, and nothing is done twice', async ({ browser }) => {
  test.setTimeout(180_000);
  const purger = await sessionOf(browser, 'admin@contoso.test');
  const recoverer = await sessionOf(browser, 'lead@contoso.test');
  await purger.portal.purgeButton.click();
  await purger.portal.purgeDialog().confirmation.fill(String(ROWS.length));

  await Promise.all([purger.portal.purgeDialog().confirmButton().click(), recoverer.portal.recoverButton.click()]);
  const purgeSummary = purger.page.getByRole('status').filter({ hasText: /^\d+ purged/ }).first();
  const recoverSummary = recoverer.page.getByRole('status').filter({ hasText: /^\d+ recovered/ }).first();
  await expect(purgeSummary).toBeVisible({ timeout: 150_000 });
  await expect(recoverSummary).toBeVisible({ timeout: 150_000 });

  // ARM's final state, row by row, and the audit log: each row purged once or recovered once.
  const live: string[] = [];
  const gone: string[] = [];
  for (const row of ROWS) {
    const [liveStatus, deletedStatus] = [(await armGet(row.live)).status, (await armGet(row.deleted)).status];
    expect(deletedStatus, `${row.name} is no longer soft-deleted`).toBe(404);
    (liveStatus === 200 ? live : gone).push(row.name);
    const [purges, recovers] = [await count(row.purgedEvent, row.name), await count(row.recoveredEvent, row.name)];
    expect([purges, recovers], `${row.name}: purged once or recovered once`).toEqual(liveStatus === 200 ? [0, 1] : [1, 0]);
  }

  // The purging admin: "purged" only for rows that are gone; the others "recovered meanwhile", by name.
  const purgeText = `${gone.length} purged${live.length > 0 ? `, ${live.length} recovered meanwhile` : ''}`;
  await expect(purgeSummary).toHaveText(purgeText);
  expect((await notes(purger.page)).map((note) => note.split(':')[0]).sort()).toEqual([...live].sort());
  // The recovering admin: "recovered" only for rows that are live; the purged ones failed, saying so.
  const recoverText = `${live.length} recovered${gone.length > 0 ? `, ${gone.length} failed` : ''}`;
  await expect(recoverSummary).toHaveText(recoverText);
  for (const name of gone) {
    await expect(await recoverer.portal.statusCell(name)).toContainText(/purged or expired meanwhile|purged meanwhile/);
  }
});
