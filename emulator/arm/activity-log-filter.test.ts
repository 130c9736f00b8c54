import { describe, expect, it } from 'vitest';
import { parseActivityLogFilter, parseSelect } from './activity-log-filter';

describe('activity log $filter', () => {
  it('reads the spec form: quoted timestamps and one resource clause', () => {
    expect(parseActivityLogFilter("eventTimestamp ge '2026-11-29T00:00:00Z' and eventTimestamp le '2026-11-30T00:00:00Z' and resourceUri eq '/subscriptions/x/a'")).toEqual({
      from: Date.UTC(2026, 10, 29),
      to: Date.UTC(2026, 10, 30),
      resourceId: '/subscriptions/x/a',
    });
  });

  it("reads the Azure CLI's forms: bare timestamps, with an offset or none (UTC), resourceId, caller and status", () => {
    const filter = "eventTimestamp ge 2026-11-30T06:00:00.123456 and eventTimestamp le 2026-11-30T13:00:00+01:00 and resourceId eq 'r' and caller eq 'o''brien@x' and status eq 'Failed'";
    expect(parseActivityLogFilter(filter)).toEqual({
      from: Date.UTC(2026, 10, 30, 6, 0, 0, 123),
      to: Date.UTC(2026, 10, 30, 12),
      resourceId: 'r',
      caller: "o'brien@x",
      status: 'Failed',
    });
  });

  it('compares names case-insensitively and ignores the tenant form eventChannels', () => {
    expect(parseActivityLogFilter("EVENTTIMESTAMP GE 2026-11-30 AND eventChannels eq 'Admin, Operation' and ResourceGroupName eq 'rg'")).toEqual({
      from: Date.UTC(2026, 10, 30),
      resourceGroupName: 'rg',
    });
  });

  it('refuses an end before the start and a clause given twice', () => {
    expect(() => parseActivityLogFilter('eventTimestamp ge 2026-11-30 and eventTimestamp le 2026-11-29')).toThrow(/end time is before/);
    expect(() => parseActivityLogFilter("eventTimestamp ge 2026-11-30 and caller eq 'a' and caller eq 'b'")).toThrow(/given twice/);
  });
});

describe('activity log $select', () => {
  it("reads the CLI's ' , ' list in any case, in ARM's spelling, dropping unknown names", () => {
    expect(parseSelect('caller , EVENTTIMESTAMP,nonsense,resourceId')).toEqual(['caller', 'eventTimestamp', 'resourceId']);
    expect(parseSelect(undefined)).toBeUndefined();
  });
});
