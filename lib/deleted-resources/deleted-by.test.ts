import { describe, expect, it } from 'vitest';
import { deletedResource } from '@/test-support/deleted-resource';
import {
  activityLogWindow,
  deletedByOf,
  deletedByText,
  indexDeleteEvents,
  liveResourceId,
  providersOf,
  unreadableLogReason,
  type DeleteEvent,
} from './deleted-by';
import { readDeleteEventsInput } from './schemas';

const SUB = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
const NOW = Date.parse('2026-11-30T12:00:00Z');
const vault = deletedResource('key-vaults', 'kv-one', { subscriptionId: SUB, resourceGroup: 'RG-Keys', deletedAt: '2026-11-30T09:00:00Z' });
const account = deletedResource('cognitive-accounts', 'ai-one', { subscriptionId: SUB, resourceGroup: 'rg-ai', deletedAt: '2026-11-29T10:00:00Z' });

const event = (resourceId: string, caller: string, at: string): DeleteEvent => ({ resourceId: resourceId.toLowerCase(), caller, at });
const vaultId = `/subscriptions/${SUB}/resourceGroups/RG-Keys/providers/Microsoft.KeyVault/vaults/kv-one`;

describe('deletedByOf', () => {
  it("names the caller of the resource's own delete near its deletion time", () => {
    const events = indexDeleteEvents([event(vaultId, 'admin@contoso.test', '2026-11-30T09:00:02Z')]);
    expect(deletedByOf(vault, events, NOW)).toEqual({ state: 'known', caller: 'admin@contoso.test', at: '2026-11-30T09:00:02Z' });
    expect(liveResourceId(vault)).toBe(vaultId.toLowerCase());
  });

  it('takes the latest of several deletes near the time, and ignores deletes of an earlier life of the name', () => {
    const events = indexDeleteEvents([
      event(vaultId, 'old@contoso.test', '2026-11-20T09:00:00Z'),
      event(vaultId, 'first@contoso.test', '2026-11-30T08:50:00Z'),
      event(vaultId, 'second@contoso.test', '2026-11-30T09:00:01Z'),
    ]);
    expect(deletedByOf(vault, events, NOW)).toMatchObject({ caller: 'second@contoso.test' });
  });

  it('falls back to the delete of its resource group, and says so', () => {
    const events = indexDeleteEvents([event(`/subscriptions/${SUB}/resourceGroups/rg-keys`, '2b1c0d9e-8f7a-4b6c-9d5e-4f3a2b1c0d9e', '2026-11-30T08:59:00Z')]);
    const deletedBy = deletedByOf(vault, events, NOW);
    expect(deletedBy).toEqual({ state: 'known', caller: '2b1c0d9e-8f7a-4b6c-9d5e-4f3a2b1c0d9e', at: '2026-11-30T08:59:00Z', resourceGroup: 'RG-Keys' });
    expect(deletedByText(deletedBy)).toBe('2b1c0d9e-8f7a-4b6c-9d5e-4f3a2b1c0d9e at 2026-11-30T08:59:00Z (with resource group RG-Keys)');
  });

  it('says unknown, with the reason, where the log has no event or no longer covers the deletion', () => {
    expect(deletedByOf(vault, indexDeleteEvents([]), NOW)).toEqual({ state: 'unknown', reason: 'the activity log has no delete event for it' });
    const old = { ...vault, deletedAt: '2026-08-01T00:00:00Z' };
    expect(deletedByOf(old, indexDeleteEvents([]), NOW)).toMatchObject({ state: 'unknown', reason: expect.stringMatching(/more than 90 days ago/) });
    expect(deletedByText(deletedByOf({ ...vault, deletedAt: null }, indexDeleteEvents([]), NOW))).toBe('unknown: ARM does not say when it was deleted');
  });
});

describe('what the column reads', () => {
  it('one window per subscription from the earliest to the latest deletion, rounded out to the hour, within 90 days', () => {
    expect(activityLogWindow([vault, account], NOW)).toEqual({ from: '2026-11-29T09:00:00.000Z', to: '2026-11-30T10:00:00.000Z' });
    const old = { ...vault, deletedAt: '2026-06-01T00:00:00Z' };
    expect(activityLogWindow([old], NOW)).toBeNull();
    const window = activityLogWindow([{ ...vault, deletedAt: '2026-09-01T12:10:00Z' }, vault], NOW);
    expect(Date.parse(window?.from ?? '')).toBeGreaterThan(NOW - 90 * 24 * 3600_000);
  });

  it("the providers of the rows' types, and Microsoft.Resources for resource group deletes", () => {
    expect(providersOf([vault, account])).toEqual(['Microsoft.CognitiveServices', 'Microsoft.KeyVault', 'Microsoft.Resources']);
  });

  it('says why a log could not be read', () => {
    expect(unreadableLogReason({ kind: 'arm', code: 'AuthorizationFailed', message: 'no', status: 403 })).toMatch(/can't read this subscription's activity log .*Microsoft\.Insights\/eventtypes\/values\/read/);
    expect(unreadableLogReason({ kind: 'unavailable', code: 'ServiceUnavailable', message: 'down' })).toBe('the activity log could not be read (ServiceUnavailable)');
  });
});

describe('readDeleteEventsInput', () => {
  const query = { subscriptionId: SUB, from: '2026-11-29T09:00:00.000Z', to: '2026-11-30T10:00:00.000Z', providers: ['Microsoft.KeyVault'] };
  const token = 'aaaaaaaaaa.bbbbbbbbbb.cccc';

  it('takes subscriptions with a window and the providers the portal reads', () => {
    expect(readDeleteEventsInput.safeParse({ token, subscriptions: [query] }).success).toBe(true);
  });

  it('refuses what would end up in the filter unchecked: a provider it does not read, a time that is not one, a reversed window', () => {
    for (const bad of [
      { ...query, providers: ["Microsoft.KeyVault' or 1 eq 1"] },
      { ...query, from: "2026-11-29' or ''='" },
      { ...query, from: query.to, to: query.from },
      { ...query, subscriptionId: '../tenants' },
    ]) {
      expect(readDeleteEventsInput.safeParse({ token, subscriptions: [bad] }).success).toBe(false);
    }
  });
});
