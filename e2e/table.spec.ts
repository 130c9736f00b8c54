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

test('the table holds only the rows in view, and a time says its exact moment once hovered or focused', async ({ page }) => {
  await signIn(page, 'admin@contoso.test');
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  const total = Number(await portal.table.getAttribute('aria-rowcount')) - 1;
  // The demo world's rows do not all fit: the DOM follows the scroll, not the row count.
  const rendered = await portal.table.locator('tbody tr[aria-rowindex]').count();
  expect(rendered).toBeLessThan(total);
  expect(await portal.accountNames()).toHaveLength(total);
  // No tooltip exists, hidden or shown, before one is asked for (each used to wait in a portal of its own).
  await expect(page.locator('[role="tooltip"]')).toHaveCount(0);

  const [first] = await portal.accountNames();
  const deleted = (await portal.cell(first!, 'Deleted')).getByText(/ago$/);
  await deleted.focus();
  await expect(deleted).toHaveAccessibleDescription(/\d{4}/);
  await expect(page.getByRole('tooltip')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toHaveCount(0);

  const purge = (await portal.cell(first!, 'Scheduled purge')).locator('[tabindex="0"]');
  await purge.hover();
  await expect(page.getByRole('tooltip')).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
});

test('columns keep their widths while the table scrolls through rows of other lengths', async ({ page }) => {
  await signIn(page, 'admin@contoso.test');
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  const total = Number(await portal.table.getAttribute('aria-rowcount')) - 1;
  // Where each column starts, from the table's left edge: the header row is the same element throughout.
  const columnStarts = () =>
    portal.table
      .locator('thead tr > *')
      .evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().left - cell.closest('table')!.getBoundingClientRect().left)));
  const atTop = await columnStarts();
  await portal.table.evaluate((table) => table.parentElement!.scrollTo({ top: table.parentElement!.scrollHeight }));
  await expect(portal.table.locator(`tbody tr[aria-rowindex="${total + 1}"]`)).toBeVisible();
  expect(await columnStarts()).toEqual(atTop);
});
