import { describe, expect, it } from 'vitest';
import { serialNumber } from './tls';

describe('certificate serial numbers', () => {
  it('are always a positive, minimally encoded DER INTEGER (first byte 0x01-0x7f, whole bytes)', () => {
    for (let i = 0; i < 20_000; i++) {
      const serial = serialNumber();
      expect(serial).toMatch(/^[0-9a-f]{32}$/);
      const first = parseInt(serial.slice(0, 2), 16);
      expect(first).toBeGreaterThanOrEqual(0x01);
      expect(first).toBeLessThanOrEqual(0x7f);
    }
  });
});
