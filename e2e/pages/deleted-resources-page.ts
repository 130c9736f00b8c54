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
    await this.expectRow(accountName);
    const headers = (await this.table.getByRole('columnheader').allTextContents()).map((text) => text.trim());
    const index = headers.indexOf(column);
    if (index < 0) throw new Error(`no column '${column}' among ${headers.join(', ')}`);
    return this.row(accountName).getByRole('cell').nth(index);
  }

  checkbox(accountName: string): Locator {
    return this.page.getByRole('checkbox', { name: `Select ${accountName}`, exact: true });
  }

  /**
   * Names of the accounts in the table, in table order. The table holds only the rows in view (and a few
   * beyond), so this scrolls it from top to bottom, as a person reads it, and back to where it was.
   */
  async accountNames(): Promise<string[]> {
    // No table at all (an empty state instead): no rows.
    if ((await this.table.count()) === 0) return [];
    const labels = await this.table.evaluate(async (table) => {
      const scroller = table.parentElement;
      if (!scroller) throw new Error('the table has no scrolling box');
      const byRow = new Map<number, string>();
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const readRendered = () => {
        for (const box of table.querySelectorAll('tbody input[type="checkbox"]')) {
          const index = Number(box.closest('tr')?.getAttribute('aria-rowindex'));
          byRow.set(index, box.getAttribute('aria-label') ?? '');
        }
      };
      const was = scroller.scrollTop;
      scroller.scrollTop = 0;
      await nextFrame();
      readRendered();
      while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
        scroller.scrollTop += scroller.clientHeight;
        await nextFrame();
        readRendered();
      }
      scroller.scrollTop = was;
      await nextFrame();
      return [...byRow.entries()].sort(([a], [b]) => a - b).map(([, label]) => label);
    });
    return labels.map((label) => label.replace(/^Select /, ''));
  }

  /**
   * Scrolls the table until the account's row is in view, as a person looks for it; false when the table has
   * no such row. The table holds only the rows in view: a row further down is not in the page until then.
   */
  async scrollToRow(accountName: string): Promise<boolean> {
    if ((await this.table.count()) === 0) return false;
    const found = await this.table.evaluate(async (table, label) => {
      const scroller = table.parentElement;
      if (!scroller) throw new Error('the table has no scrolling box');
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const rendered = () => [...table.querySelectorAll('tbody input[type="checkbox"]')].find((box) => box.getAttribute('aria-label') === label);
      if (rendered()) return true;
      scroller.scrollTop = 0;
      await nextFrame();
      while (!rendered() && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
        scroller.scrollTop += scroller.clientHeight;
        await nextFrame();
      }
      return rendered() !== undefined;
    }, `Select ${accountName}`);
    if (found) await this.row(accountName).scrollIntoViewIfNeeded();
    return found;
  }

  /** Waits until the table has a row for the account, scrolling to it (a row a refresh brings may come later). */
  async expectRow(accountName: string): Promise<Locator> {
    await expect.poll(() => this.scrollToRow(accountName), { message: `a row for ${accountName}` }).toBe(true);
    return this.row(accountName);
  }

  /** Waits until no row of the table, scrolled through, is the account's. */
  async expectNoRow(accountName: string): Promise<void> {
    await expect.poll(() => this.accountNames(), { message: `no row for ${accountName}` }).not.toContain(accountName);
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
      await this.expectRow(name);
      await this.checkbox(name).check();
    }
  }

  /** The account's Status cell, once its row is scrolled into view. */
  async statusCell(accountName: string): Promise<Locator> {
    return (await this.expectRow(accountName)).getByRole('cell').last();
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
