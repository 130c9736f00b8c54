import fs from 'node:fs';
import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { admin } from './support/local-azure';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;
// ARM allows a resource group name to start with a hyphen, which a spreadsheet would read as a formula.
const HOSTILE_GROUP = '-cmd(calc)';

test('Export CSV saves the filtered rows: the columns shown, ISO times, resource ids, and a cell a spreadsheet would run neutralised', async ({ page }) => {
  await admin('POST', '/world/resource-groups', { subscriptionId: production, name: HOSTILE_GROUP, location: 'eastus' });
  await admin('POST', '/world/deleted-accounts', { subscriptionId: production, resourceGroup: HOSTILE_GROUP, name: 'csv-hostile', location: 'eastus', kind: 'TextAnalytics', deletedSecondsAgo: 3600 });
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}&q=cmd(`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  expect(await portal.accountNames()).toEqual(['csv-hostile']);
  // Made through the emulator's admin API, not ARM: the activity log has no delete for it.
  await expect(await portal.cell('csv-hostile', 'Deleted by')).toHaveText('unknown');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^deleted-resources-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('Name,Resource type,Kind,Location,Resource group,Deleted,Deleted by,Scheduled purge,Status,Resource ID');
  expect(lines).toHaveLength(2);
  const iso = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z';
  expect(lines[1]).toMatch(
    new RegExp(
      `^csv-hostile,AI services account,Language service,East US,'-cmd\\(calc\\),${iso},unknown: the activity log has no delete event for it,${iso},Recoverable,` +
        `/subscriptions/${production}/providers/Microsoft\\.CognitiveServices/locations/eastus/resourceGroups/-cmd\\(calc\\)/deletedAccounts/csv-hostile$`,
    ),
  );
});
