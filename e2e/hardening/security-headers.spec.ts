/**
 * Against the production server: every page carries the security headers, the Content-Security-Policy allows
 * only the app itself and the configured sign-in authority, and Next's server-action origin check refuses a
 * POST from another origin (while the same POST from the portal's own origin does run, so the refusal is the
 * check's doing and not a malformed request's).
 */
import fs from 'node:fs';
import path from 'node:path';
import { e2ePorts } from '../../playwright.config';
import { armGet, identityUrl, tokenForServicePrincipal } from '../support/local-azure';
import { expect, test } from '../fixtures';

const portalOrigin = `http://localhost:${e2ePorts.portal}`;
const authorityOrigin = new URL(identityUrl).origin;

const PAGES = ['/', '/?subscription=all&q=openai', '/auth/redirect', '/no-such-page', '/api/health'];

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...sources] = part.split(/\s+/);
        return [name.toLowerCase(), sources];
      }),
  );
}

test.describe('security headers', () => {
  for (const page of PAGES) {
    test(`${page} carries the security headers`, async ({ request }) => {
      const response = await request.get(page, { maxRedirects: 0 });
      const headers = response.headers();
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toMatch(/^(no-referrer|same-origin|strict-origin(-when-cross-origin)?)$/);
      expect(headers['permissions-policy']).toMatch(/camera=\(\)/);
      expect(headers['permissions-policy']).toMatch(/microphone=\(\)/);
      expect(headers['x-powered-by']).toBeUndefined();

      const csp = headers['content-security-policy'];
      expect(csp, 'Content-Security-Policy').toBeTruthy();
      const policy = directives(csp as string);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      const scripts = policy.get('script-src') ?? [];
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(policy.get('connect-src')).toEqual(["'self'", authorityOrigin]);
      // No other origin anywhere in the policy: only the app, the sign-in authority, nonces and local schemes.
      for (const [name, sources] of policy) {
        for (const source of sources) {
          const allowed =
            ["'self'", "'none'", "'strict-dynamic'", 'data:', 'blob:', authorityOrigin].includes(source) ||
            /^'nonce-[A-Za-z0-9+/=]+'$/.test(source) ||
            (name === 'style-src' && source === "'unsafe-inline'");
          expect(allowed, `${name} ${source}`).toBe(true);
        }
      }
    });
  }

  test('each page gets its own script nonce, and the page uses it', async ({ request }) => {
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const response = await request.get('/');
      const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];
      expect(nonce).toBeTruthy();
      expect(await response.text()).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

/** The server action's id in this build (the production server's manifest), by its exported name. */
function serverActionId(exportedName: string): string {
  const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
  const distDir = process.env.NEXT_DIST_DIR || (offset ? `.next-e2e-${offset}` : '.next');
  const manifest = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../..', distDir, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, value]) => value.exportedName === exportedName && value.filename === 'app/actions.ts');
  if (!entry) throw new Error(`No server action '${exportedName}' in ${distDir}`);
  return entry[0];
}

const PRODUCTION = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
const resourceGroupPath = (name: string) => `/subscriptions/${PRODUCTION}/resourcegroups/${name}?api-version=2021-04-01`;

test.describe('server actions', () => {
  test('a cross-origin POST to a server action is refused and does nothing; the same POST from the portal runs', async ({ request }) => {
    const actionId = serverActionId('recreateResourceGroup');
    const token = await tokenForServicePrincipal();
    // rg-legacy-2019 and rg-hackathon were deleted in the demo world; recreating one is visible in ARM.
    const post = (origin: string, resourceGroup: string) =>
      request.post('/', {
        headers: { 'next-action': actionId, origin, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' },
        data: JSON.stringify([{ token, subscriptionId: PRODUCTION, resourceGroup, location: 'westus' }]),
        maxRedirects: 0,
      });

    for (const origin of ['https://evil.example', `http://localhost.evil.example:${e2ePorts.portal}`, 'null']) {
      const refused = await post(origin, 'rg-legacy-2019');
      expect(refused.status(), origin).not.toBe(200);
      expect(await refused.text()).not.toContain('"created":true');
    }
    expect((await armGet(resourceGroupPath('rg-legacy-2019'))).status).toBe(404);

    const accepted = await post(portalOrigin, 'rg-hackathon');
    expect(accepted.status()).toBe(200);
    expect(await accepted.text()).toContain('"created":true');
    expect((await armGet(resourceGroupPath('rg-hackathon'))).status).toBe(200);
  });
});
