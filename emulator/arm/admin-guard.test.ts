import { describe, expect, it } from 'vitest';
import { adminKeyMatches, adminRefusal, isLoopbackAddress } from './admin-guard';
import { formatDotNetUtc } from './errors';

describe('admin API gate', () => {
  it('accepts IPv4 loopback, IPv6 loopback and IPv4-mapped loopback', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1']) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
  });

  it('refuses every other address, including look-alikes', () => {
    for (const address of ['10.0.0.5', '192.168.1.20', '::ffff:10.0.0.1', 'fe80::1', '128.0.0.1', '1127.0.0.1', 'localhost', '', undefined]) {
      expect(isLoopbackAddress(address), String(address)).toBe(false);
    }
  });

  it('requires the exact admin key', () => {
    expect(adminKeyMatches('secret', 'secret')).toBe(true);
    expect(adminKeyMatches('secret ', 'secret')).toBe(false);
    expect(adminKeyMatches(['secret'], 'secret')).toBe(false);
    expect(adminKeyMatches(undefined, 'secret')).toBe(false);
    expect(adminKeyMatches('', '')).toBe(false);
  });

  it('names why a call is refused', () => {
    expect(adminRefusal('10.1.2.3', 'k', 'k')).toBe('not-loopback');
    expect(adminRefusal('127.0.0.1', undefined, 'k')).toBe('missing-key');
    expect(adminRefusal('127.0.0.1', 'nope', 'k')).toBe('wrong-key');
    expect(adminRefusal('::1', 'k', 'k')).toBeUndefined();
  });
});

describe('ARM time format', () => {
  it('writes UTC times the way ExpiredAuthenticationToken messages do', () => {
    expect(formatDotNetUtc(new Date(Date.UTC(2023, 2, 19, 8, 55, 46)))).toBe('3/19/2023 8:55:46 AM');
    expect(formatDotNetUtc(new Date(Date.UTC(2023, 11, 1, 0, 5, 7)))).toBe('12/1/2023 12:05:07 AM');
    expect(formatDotNetUtc(new Date(Date.UTC(2023, 11, 1, 13, 0, 0)))).toBe('12/1/2023 1:00:00 PM');
  });
});
