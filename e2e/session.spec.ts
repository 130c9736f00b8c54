import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;

/**
 * What a browser looks like once its sign-in has run out: the provider's session is over and MSAL holds no
 * usable access or refresh token, so only an interactive sign-in can get a new one. The page is reloaded for
 * MSAL to read its (now thinner) cache again.
 */
async function expireSignIn(page: Page): Promise<void> {
  await page.context().clearCookies({ name: '_session' });
  await page.context().clearCookies({ name: '_session.sig' });
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) {
      if (/\|(accesstoken|refreshtoken)\|/.test(key)) localStorage.removeItem(key);
    }
  });
  await page.reload();
}

test('when only an interactive sign-in can help, the person is told, signs in again and keeps the view', async ({ page }) => {
  const view = `/?subscription=${production}&q=contoso-docintel`;
  await signIn(page, 'admin@contoso.test', view);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await expect(await portal.expectRow('contoso-docintel-invoices')).toBeVisible();

  await expireSignIn(page);
  const problem = page.getByText('Sign in again to continue');
  await expect(problem).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Your sign-in has expired. Sign in again to continue.')).toBeVisible();

  await page.getByRole('button', { name: 'Sign in again' }).click();
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(portal.signOutButton).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`subscription=${production}.*q=contoso-docintel`));
  await portal.waitForRows();
  await expect(await portal.expectRow('contoso-docintel-invoices')).toBeVisible();
  await expect(portal.search).toHaveValue('contoso-docintel');
  await expect(problem).toHaveCount(0);
});

test('an expired access token is renewed silently, without bothering the person', async ({ page }) => {
  await page.clock.install();
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}&q=contoso-docintel`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  // Two hours later the cached access token (one hour) has expired; the refresh token still works. The page
  // may renew it as the clock moves (the Deleted by column reads the activity log again for the new hour), or
  // on the refresh: either way silently.
  const renewal = page.waitForRequest((request) => request.url().includes('/oauth2/v2.0/token') && request.method() === 'POST');
  await page.clock.fastForward('02:00:00');
  await portal.refreshButton.click();
  await renewal;
  await portal.waitForRows();
  await expect(await portal.expectRow('contoso-docintel-invoices')).toBeVisible();
  await expect(page.getByText('Sign in again to continue')).toHaveCount(0);
});
