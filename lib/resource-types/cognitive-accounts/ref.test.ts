import { describe, expect, it } from 'vitest';
import { accountNameSchema } from './ref';

describe('account names', () => {
  it.each(['ab', 'contoso-openai', 'A1_b.c-d', 'a'.repeat(64)])('accepts %j', (value) => {
    expect(accountNameSchema.safeParse(value).success).toBe(true);
  });

  it.each(['a', '-leading', '.hidden', 'a'.repeat(65), 'a/b', 'a..%2f', 'naïve', 'a b'])('refuses %j', (value) => {
    expect(accountNameSchema.safeParse(value).success).toBe(false);
  });
});
