import { expect, type Locator, type Page } from '@playwright/test';

/** The signed-in portal: header, filters, toolbar, the deleted-resources table and its dialogs. */
export class DeletedResourcesPage {
  readonly header: Locator;
  readonly signOutButton: Locator;
  readonly subscription: Locator;
  readonly resourceType: Locator;
  readonly kind: Locator;
  readonly region: Locator;
  readonly search: Locator;
  readonly table: Locator;
  readonly recoverButton: Locator;
  readonly purgeButton: Locator;
  readonly refreshButton: Locator;
  readonly retryFailedButton: Locator;
  readonly liveRegion: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole('banner');
    this.signOutButton = page.getByRole('button', { name: 'Sign out' });
    this.subscription = page.getByRole('combobox', { name: 'Subscription' });
    this.resourceType = page.getByRole('combobox', { name: 'Resource type' });
    this.kind = page.getByRole('combobox', { name: 'Kind' });
    this.region = page.getByRole('combobox', { name: 'Region' });
    this.search = page.getByRole('searchbox', { name: 'Search name or resource group' });
    this.table = page.getByRole('table', { name: 'Deleted resources' });
    this.recoverButton = page.getByRole('button', { name: 'Recover', exact: true });
    this.purgeButton = page.getByRole('button', { name: 'Purge', exact: true });
    this.refreshButton = page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Refresh', exact: true });
    this.retryFailedButton = page.getByRole('button', { name: 'Retry failed' });
    this.liveRegion = page.getByRole('status').filter({ hasText: /./ }).first();
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await this.waitForRows();
  }

  /** Waits until the table (or an empty state) has replaced the loading skeleton. */
  async waitForRows(): Promise<void> {
    await expect(this.page.getByLabel('Reading deleted resources')).toHaveCount(0, { timeout: 20_000 });
  }

  row(accountName: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('checkbox', { name: `Select ${accountName}`, exact: true }) });
  }

  /** A row's cell under the column headed `column` (header and row cells line up, the selection cell first). */
  async cell(accountName: string, column: string): Promise<Locator> {
    await this.row(accountName).waitFor();
    const headers = (await this.table.getByRole('columnheader').allTextContents()).map((text) => text.trim());
    const index = headers.indexOf(column);
    if (index < 0) throw new Error(`no column '${column}' among ${headers.join(', ')}`);
    return this.row(accountName).getByRole('cell').nth(index);
  }

  checkbox(accountName: string): Locator {
    return this.page.getByRole('checkbox', { name: `Select ${accountName}`, exact: true });
  }

  /** Names of the accounts shown, in table order. */
  async accountNames(): Promise<string[]> {
    const labels = await this.table.getByRole('checkbox', { name: /^Select (?!all)/ }).evaluateAll((boxes) =>
      boxes.map((box) => box.getAttribute('aria-label') ?? ''),
    );
    return labels.map((label) => label.replace(/^Select /, ''));
  }

  async chooseSubscription(displayName: string): Promise<void> {
    await this.subscription.click();
    await this.page.getByRole('option', { name: new RegExp(`^${escapeRegExp(displayName)}`) }).click();
    await this.waitForRows();
  }

  /** The resource type, kind and region filters are multi-select dropdowns: their options are menu item checkboxes. */
  private async pick(filter: Locator, label: string): Promise<void> {
    await filter.click();
    await this.page.getByRole('menuitemcheckbox', { name: label, exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  filterResourceType(label: string): Promise<void> {
    return this.pick(this.resourceType, label);
  }

  filterKind(label: string): Promise<void> {
    return this.pick(this.kind, label);
  }

  filterRegion(label: string): Promise<void> {
    return this.pick(this.region, label);
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  async select(...accountNames: string[]): Promise<void> {
    for (const name of accountNames) {
      await this.checkbox(name).check();
    }
  }

  statusCell(accountName: string): Locator {
    return this.row(accountName).getByRole('cell').last();
  }

  /** The purge confirmation dialog. */
  purgeDialog(): PurgeDialog {
    return new PurgeDialog(this.page);
  }

  /** The recovery plan shown before a recover that must bring back groups, vaults or storage first. */
  recoveryPlanDialog(): RecoveryPlanDialog {
    return new RecoveryPlanDialog(this.page);
  }

  /** One step of the last recovery plan in the steps panel (its state badge and any failure or blocker). */
  planStep(title: string): Locator {
    return this.page.getByRole('region', { name: 'Recovery plan steps' }).getByRole('listitem', { name: title });
  }

  /** The summary of the last bulk action ("3 recovered", "2 purged, 1 failed"). */
  bulkSummary(text: string | RegExp): Locator {
    return this.page.getByText(text, { exact: typeof text === 'string' }).first();
  }
}

export class RecoveryPlanDialog {
  readonly dialog: Locator;
  readonly runButton: Locator;
  readonly steps: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog');
    this.runButton = this.dialog.getByRole('button', { name: 'Run plan' });
    this.steps = this.dialog.getByRole('list', { name: 'Steps before the selected resources' }).getByRole('listitem');
  }
}

export class PurgeDialog {
  readonly dialog: Locator;
  readonly confirmation: Locator;
  readonly cancelButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('alertdialog');
    this.confirmation = this.dialog.getByRole('textbox');
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel' });
  }

  confirmButton(): Locator {
    return this.dialog.getByRole('button', { name: /^Purge / });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
