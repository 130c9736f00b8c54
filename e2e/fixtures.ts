import { test as base, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../emulator/demo-world';
import { resetDemoWorld } from './support/local-azure';

export type DemoUpn = 'admin@contoso.test' | 'lead@contoso.test' | 'operator@contoso.test' | 'reader@contoso.test';

/** Signs in through the portal's "Sign in" button and the local sign-in provider's form. */
export async function signIn(page: Page, upn: DemoUpn, startPath = '/'): Promise<void> {
  await page.goto(startPath);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Username').fill(upn);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export const test = base.extend<{ freshWorld: void }>({
  freshWorld: [
    async ({}, use) => {
      await resetDemoWorld();
      await use();
    },
    { auto: true },
  ],
});

export { expect };
