import crypto from 'node:crypto';
import net from 'node:net';

/**
 * The admin API's gate, as pure functions so tests can prove every branch: the caller must come from a
 * loopback address (127.0.0.0/8, ::1, or IPv4-mapped 127.x) AND present the emulator's admin key.
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const normalized = address.toLowerCase().replace(/%.*$/, '');
  if (net.isIPv6(normalized)) {
    if (normalized === '::1' || normalized === '0:0:0:0:0:0:0:1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(normalized);
    return mapped ? isLoopbackAddress(mapped[1]) : false;
  }
  if (net.isIPv4(normalized)) return normalized.split('.')[0] === '127';
  return false;
}

/** Constant-time comparison, so the key cannot be guessed byte by byte from response times. */
export function adminKeyMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || expected.length === 0) return false;
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export type AdminRefusal = 'not-loopback' | 'missing-key' | 'wrong-key';

export function adminRefusal(remoteAddress: string | undefined, keyHeader: string | string[] | undefined, adminKey: string): AdminRefusal | undefined {
  if (!isLoopbackAddress(remoteAddress)) return 'not-loopback';
  if (keyHeader === undefined) return 'missing-key';
  if (!adminKeyMatches(keyHeader, adminKey)) return 'wrong-key';
  return undefined;
}
