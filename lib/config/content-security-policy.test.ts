import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from './content-security-policy';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('buildContentSecurityPolicy', () => {
  const production = directives(
    buildContentSecurityPolicy({ nonce: 'abc', authorityOrigin: 'https://login.microsoftonline.com', development: false }),
  );

  it('allows scripts only from the app itself and its nonce, never eval in production', () => {
    expect(production.get('script-src')).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
  });

  it('lets the page talk only to itself and the configured sign-in authority', () => {
    expect(production.get('connect-src')).toEqual(["'self'", 'https://login.microsoftonline.com']);
    expect(production.get('default-src')).toEqual(["'self'"]);
  });

  it('can never be framed', () => {
    expect(production.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('allows eval only in development, for React debugging', () => {
    const development = directives(buildContentSecurityPolicy({ nonce: 'n', authorityOrigin: 'https://x', development: true }));
    expect(development.get('script-src')).toContain("'unsafe-eval'");
  });

  it('allows no other origin at all while the portal is not configured', () => {
    const unconfigured = directives(buildContentSecurityPolicy({ nonce: 'n', authorityOrigin: undefined, development: false }));
    expect(unconfigured.get('connect-src')).toEqual(["'self'"]);
    expect(unconfigured.get('frame-src')).toEqual(["'none'"]);
  });
});
