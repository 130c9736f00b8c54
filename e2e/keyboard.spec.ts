import type { Page } from '@playwright/test';
import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';

/** The focused element, described the way a screen reader user would hear it: its accessible label or text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
  });
}

test('the keyboard reaches every action: Tab between groups, arrow keys within the toolbar and the table', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${DEMO_SUBSCRIPTIONS.sandbox.subscriptionId}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  const [first, second] = await portal.accountNames();
  await portal.checkbox(first!).check(); // with a selection every toolbar button is reachable

  // The toolbar is one Tab stop; arrow keys move along it and wrap.
  await portal.recoverButton.focus();
  await page.keyboard.press('ArrowRight');
  expect(await focusedName(page)).toBe('Purge');
  await page.keyboard.press('ArrowRight');
  expect(await focusedName(page)).toBe('Refresh');
  await page.keyboard.press('ArrowLeft');
  expect(await focusedName(page)).toBe('Purge');

  // In the table, arrow keys move between rows' checkboxes, and Space selects.
  await portal.checkbox(first!).focus();
  await page.keyboard.press('ArrowDown');
  expect(await focusedName(page)).toBe(`Select ${second}`);
  await page.keyboard.press('Space');
  await expect(portal.checkbox(second!)).toBeChecked();
  await page.keyboard.press('ArrowUp');
  expect(await focusedName(page)).toBe(`Select ${first}`);

  // Tab leaves the table and Shift+Tab comes back, landing on a real control each time (never on a focus sentinel).
  await page.keyboard.press('Tab');
  const after = await page.evaluate(() => document.activeElement?.hasAttribute('data-tabster-dummy') ?? false);
  expect(after).toBe(false);
  await page.keyboard.press('Shift+Tab');
  expect(await focusedName(page)).toMatch(/^Select /);
});

test('the theme menu opens from the keyboard, moves focus into it, and gives focus back to its button', async ({ page }) => {
  await signIn(page, 'admin@contoso.test');
  const theme = page.getByRole('button', { name: /^Theme:/ });
  await theme.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitemradio', { name: 'System' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeFocused();

  // Opened again (the menu is loaded by now) with ArrowDown, as Fluent's menu buttons do; Escape closes it.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitemradio', { name: 'System' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeFocused();
});
