import { DEMO_TENANT, DEMO_USERS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';

for (const user of Object.values(DEMO_USERS)) {
  test(`${user.upn} signs in, sees name, tenant and Sign out, and signs out to the landing page`, async ({ page }) => {
    await signIn(page, user.upn);
    const portal = new DeletedResourcesPage(page);
    await expect(portal.header).toContainText(user.name);
    // The tenant by its name, as ARM lists it (its id is what the token carries).
    await expect(portal.header).toContainText(`tenant ${DEMO_TENANT.displayName}`);
    await expect(portal.signOutButton).toBeVisible();
    await expect(portal.table).toBeVisible();

    await portal.signOutButton.click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 15_000 });
    // Back on the portal's own landing page, with a clean URL (no leftover sign-out state).
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe('/');
    await expect(portal.header).toHaveCount(0);
  });
}
