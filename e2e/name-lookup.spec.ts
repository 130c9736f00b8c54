import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { accountPath, deletedAccountPath, vaultPath } from './support/arm-paths';
import { admin, armGet, armRequest } from './support/local-azure';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const devTest = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const SUBDOMAIN = 'fabrikam-chat-gateway';

/** A deleted Azure OpenAI account in Dev/Test whose custom subdomain is not its name. */
async function deletedAccountHoldingSubdomain() {
  await admin('POST', '/world/deleted-accounts', {
    subscriptionId: devTest,
    resourceGroup: 'rg-dev-ai',
    name: 'dev-openai-gateway',
    location: 'eastus2',
    kind: 'OpenAI',
    customSubDomainName: SUBDOMAIN,
    deletedSecondsAgo: 7200,
  });
}

/** Creating an account that asks for the subdomain, as the demo service principal: ARM's answer. */
const createWithSubdomain = (name: string) =>
  armRequest('PUT', accountPath(production, 'rg-ai-prod', name), {
    location: 'eastus',
    kind: 'OpenAI',
    sku: { name: 'S0' },
    properties: { customSubDomainName: SUBDOMAIN },
  });

test("'Why can't I use a name?' finds the deleted account holding a subdomain in another subscription, and purging it there frees the name", async ({ page }) => {
  await deletedAccountHoldingSubdomain();
  const taken = await createWithSubdomain('contoso-new-chat');
  expect(taken.status).toBe(409);
  expect(JSON.stringify(taken.body)).toContain('CustomDomainInUse');

  // The view is on Production; the account that holds the subdomain is in Dev/Test.
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await page.getByRole('button', { name: "Why can't I use a name?" }).click();
  const box = page.getByRole('dialog', { name: "Why can't I use this name?" });
  await box.getByRole('textbox', { name: /Resource name, custom subdomain or endpoint URL/ }).fill(SUBDOMAIN.toUpperCase());
  await box.getByRole('button', { name: 'Find' }).click();
  await expect(page).toHaveURL(/[?&]name=FABRIKAM-CHAT-GATEWAY/);
  const holders = box.getByRole('list', { name: `Deleted resources holding '${SUBDOMAIN}'` }).getByRole('listitem');
  await expect(holders).toHaveCount(1);
  await expect(holders.first()).toContainText(`dev-openai-gateway · AI services account holds it as its custom subdomain '${SUBDOMAIN}'`);
  await expect(holders.first()).toContainText('Contoso Dev/Test · rg-dev-ai');

  // The deep link with an endpoint URL opens the box on it and finds the same account.
  await page.goto(`/?subscription=${production}&name=${encodeURIComponent(`https://${SUBDOMAIN}.openai.azure.com/`)}`);
  const endpointHolder = box.getByRole('listitem', { name: 'dev-openai-gateway' });
  await expect(endpointHolder).toContainText(`holds it as its endpoint ${SUBDOMAIN}.openai.azure.com`);
  await endpointHolder.getByRole('button', { name: 'Purge' }).click();
  await expect(box).toBeHidden();
  await expect(page).not.toHaveURL(/[?&]name=/);
  const dialog = portal.purgeDialog();
  await dialog.confirmation.fill('dev-openai-gateway');
  await dialog.confirmButton().click();
  await expect(portal.bulkSummary('1 purged')).toBeVisible({ timeout: 30_000 });

  expect((await armGet(deletedAccountPath(devTest, 'eastus2', 'rg-dev-ai', 'dev-openai-gateway'))).status).toBe(404);
  const created = await createWithSubdomain('contoso-new-chat');
  expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
});

test('says plainly when no deleted resource holds the name, and what it cannot read', async ({ page }) => {
  // Signed in first: the box is a modal dialog, which hides the page (and its Sign out) from the accessibility tree.
  await signIn(page, 'admin@contoso.test');
  await page.goto('/?name=https%3A%2F%2Fnobody-holds-this.vault.azure.net%2F');
  const box = page.getByRole('dialog', { name: "Why can't I use this name?" });
  await expect(box).toContainText("No deleted resource you can read holds 'nobody-holds-this'");
  await expect(box).toContainText('The conflict is elsewhere');
  await box.getByRole('textbox').fill('https://');
  await box.getByRole('button', { name: 'Find' }).click();
  await expect(box).toContainText("'https://' is not a URL or host name the portal can read.");
  await box.getByRole('button', { name: 'Close' }).click();
  await expect(page).not.toHaveURL(/[?&]name=/);
});

test('finds a Key Vault by its vault URI, with Recover there', async ({ page }) => {
  await signIn(page, 'admin@contoso.test');
  await page.goto('/?name=https%3A%2F%2Fkv-contoso-old.vault.azure.net%2F');
  const holder = page.getByRole('dialog').getByRole('listitem', { name: 'kv-contoso-old' });
  await expect(holder).toContainText('Key Vault holds it as its endpoint kv-contoso-old.vault.azure.net');
  await holder.getByRole('button', { name: 'Recover' }).click();
  const portal = new DeletedResourcesPage(page);
  await expect(portal.bulkSummary('1 recovered')).toBeVisible({ timeout: 30_000 });
  const vault = await armGet(vaultPath(production, 'rg-ai-prod', 'kv-contoso-old'));
  expect(vault.status).toBe(200);
});
