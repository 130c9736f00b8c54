/**
 * The Content-Security-Policy for every page: the app itself and the configured sign-in authority, nothing
 * else. Styles allow inline because Fluent UI (Griffel) inserts style rules at runtime; scripts never do.
 */
export function buildContentSecurityPolicy(options: {
  nonce: string;
  /** Undefined while the portal is not configured: nothing but the portal itself is allowed then. */
  authorityOrigin: string | undefined;
  development: boolean;
}): string {
  const { nonce, authorityOrigin, development } = options;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // React's development build needs eval for its debugging stacks; production never does.
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(authorityOrigin ? [authorityOrigin] : []), ...(development ? ['ws:'] : [])],
    // MSAL may renew tokens in a hidden iframe on the authority.
    'frame-src': authorityOrigin ? [authorityOrigin] : ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
