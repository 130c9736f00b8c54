import { expect, test } from './fixtures';

const warning = 'Your browser does not trust the local sign-in service yet';

test.describe('a fresh browser that does not trust the local certificate authority yet', () => {
  test.use({ ignoreHTTPSErrors: false });

  test('is told the one step to take before signing in', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText(warning)).toBeVisible();
    const step = page.getByRole('link', { name: /^https:\/\/localhost:\d+$/ });
    await expect(step).toHaveAttribute('href', /\/v2\.0\/\.well-known\/openid-configuration$/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });
});

test('a browser that trusts the local sign-in service sees no certificate warning', async ({ page }) => {
  const discovery = page.waitForResponse((response) => response.url().endsWith('/.well-known/openid-configuration'));
  await page.goto('/');
  expect((await discovery).ok()).toBe(true);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText(warning)).toHaveCount(0);
});
