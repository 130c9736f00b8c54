import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';

test('the table lists the closest purge first, sorts by a clicked column, and selects with the keyboard', async ({ page }) => {
  // AI services accounts only: the other types' names (apim-…, appcs-…, kv-…) would lead the sort by name.
  await signIn(page, 'admin@contoso.test', `/?subscription=${DEMO_SUBSCRIPTIONS.sandbox.subscriptionId}&resourceType=cognitive-accounts`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  // Seeded hours since deletion: fabrikam-contentsafety 46, fabrikam-docintel 41, fabrikam-qna-bot 39, ...
  expect((await portal.accountNames()).slice(0, 3)).toEqual(['fabrikam-contentsafety', 'fabrikam-docintel', 'fabrikam-qna-bot']);
  await expect(portal.table.getByRole('columnheader', { name: 'Scheduled purge' })).toHaveAttribute('aria-sort', 'ascending');

  await portal.table.getByRole('button', { name: 'Name' }).click();
  await expect.poll(async () => (await portal.accountNames()).slice(0, 2)).toEqual(['fabrikam-contentsafety', 'fabrikam-docintel']);
  await expect(portal.table.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  await portal.table.getByRole('button', { name: 'Name' }).click();
  await expect.poll(async () => (await portal.accountNames())[0]).toBe('fabrikam-vision-poc');

  await portal.checkbox('fabrikam-vision-poc').focus();
  await page.keyboard.press('Space');
  await expect(portal.checkbox('fabrikam-vision-poc')).toBeChecked();
  await expect(page.getByText('1 selected')).toBeVisible();

  await page.getByRole('checkbox', { name: 'Select all rows' }).check();
  await expect(page.getByText(`${(await portal.accountNames()).length} selected`)).toBeVisible();
});
