import crypto from 'node:crypto';
import { PAST_PURGE_DATE_SETTING, type ArmStore, type PastPurgeDate } from './store';

/** Soft-deleted Cognitive Services accounts are kept exactly this long (docs: 48 hours). */
export const RETENTION_MS = 48 * 3600_000;

/** Soft-deleted storage accounts can be restored for 14 days (docs: storage-account-recover.md); there is no purge. */
export const STORAGE_RETENTION_MS = 14 * 24 * 3600_000;

/** Soft-deleted API Management services are kept exactly this long (docs: 48 hours). */
export const API_MANAGEMENT_RETENTION_MS = 48 * 3600_000;

/** ARM keeps activity log events 90 days and refuses queries that start earlier (contract §5.1). */
export const ACTIVITY_LOG_RETENTION_MS = 90 * 24 * 3600_000;

export const DEFAULTS = {
  deletedAccountsPageSize: 100,
  listPageSize: 100,
  // ⚠️ ARM's page size for the activity log is not published; the emulator's choice.
  activityLogPageSize: 200,
  lroDurationMs: 2_000,
} as const;

/**
 * The world's clock and tunables, persisted with the world so that a restart keeps the same "now" (moving
 * the clock forward is how tests age deleted accounts towards their purge date).
 */
export class World {
  private clockOffsetMs: number;

  constructor(readonly store: ArmStore) {
    this.clockOffsetMs = Number(store.getSetting('clockOffsetMs') ?? '0');
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceClock(seconds: number): number {
    this.clockOffsetMs += Math.round(seconds * 1000);
    this.store.setSetting('clockOffsetMs', String(this.clockOffsetMs));
    return this.now();
  }

  /** Called after the store was cleared: the clock starts again at real time. */
  reloadSettings(): void {
    this.clockOffsetMs = Number(this.store.getSetting('clockOffsetMs') ?? '0');
  }

  private numberSetting(key: string, fallback: number): number {
    const value = this.store.getSetting(key);
    return value === undefined ? fallback : Number(value);
  }

  get deletedAccountsPageSize(): number {
    return this.numberSetting('deletedAccountsPageSize', DEFAULTS.deletedAccountsPageSize);
  }

  set deletedAccountsPageSize(size: number) {
    this.store.setSetting('deletedAccountsPageSize', String(size));
  }

  get listPageSize(): number {
    return this.numberSetting('listPageSize', DEFAULTS.listPageSize);
  }

  set listPageSize(size: number) {
    this.store.setSetting('listPageSize', String(size));
  }

  get activityLogPageSize(): number {
    return this.numberSetting('activityLogPageSize', DEFAULTS.activityLogPageSize);
  }

  set activityLogPageSize(size: number) {
    this.store.setSetting('activityLogPageSize', String(size));
  }

  get lroDurationMs(): number {
    return this.numberSetting('lroDurationMs', DEFAULTS.lroDurationMs);
  }

  set lroDurationMs(ms: number) {
    this.store.setSetting('lroDurationMs', String(ms));
  }

  /** `vanish` unless set: an empty world keeps the documented 48 hours; the demo seed sets `linger` (seed-demo.ts). */
  get deletedAccountsPastPurgeDate(): PastPurgeDate {
    return this.store.getSetting(PAST_PURGE_DATE_SETTING) === 'linger' ? 'linger' : 'vanish';
  }

  set deletedAccountsPastPurgeDate(value: PastPurgeDate) {
    this.store.setSetting(PAST_PURGE_DATE_SETTING, value);
  }
}

/** .NET's round-trip format with 7 fractional digits, as ARM writes timestamps: 2025-10-28T14:50:02.4583939Z. */
export function armTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** An etag in the shape Cognitive Services uses: "\"b503bee3-0000-0500-0000-6900d7db0000\"". */
export function newEtag(): string {
  const hex = crypto.randomBytes(4).toString('hex');
  const time = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
  return `"${hex}-0000-0500-0000-${time}0000"`;
}

export function newGuid(): string {
  return crypto.randomUUID();
}
