/**
 * The access token travels from the browser to a server action and from there to ARM, in the Authorization
 * header only. Everything the portal's server writes (console, stdout, stderr, with the Azure SDK's own
 * logging turned up to verbose) and everything it returns is searched for it, over successes, retries,
 * ARM errors, expired tokens and an unreachable ARM.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '@/emulator/demo-world';
import { userClaims } from '@/emulator/arm/test/harness';
import { hashToken, startPortalArm, type PortalArm } from '@/test-support/portal-arm';
import { accountActions } from '@/test-support/account-actions';

vi.mock('server-only', () => ({}));
// Before the SDK loads: its logger reads the level once.
process.env.AZURE_LOG_LEVEL = 'verbose';
const actions = accountActions(await import('@/app/actions'));

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;

let env: PortalArm;
beforeAll(async () => {
  env = await startPortalArm();
});
afterAll(() => env.close());

/** Everything written while `run` runs; nothing is passed on to the real streams (verbose SDK logs are long). */
async function captureOutput(run: () => Promise<unknown>): Promise<{ text: string; results: unknown }> {
  const chunks: string[] = [];
  const keep = (...args: unknown[]) => void chunks.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '));
  const streams = [process.stdout, process.stderr] as const;
  const originalWrites = streams.map((stream) => stream.write);
  for (const stream of streams) {
    stream.write = ((chunk: unknown) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return true;
    }) as typeof stream.write;
  }
  const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation(keep),
  );
  try {
    const results = await run();
    return { text: chunks.join('\n'), results };
  } finally {
    streams.forEach((stream, i) => (stream.write = originalWrites[i] as typeof stream.write));
    for (const spy of spies) spy.mockRestore();
  }
}

function secretsOf(token: string): string[] {
  const [, payload, signature] = token.split('.');
  return [token, payload as string, signature as string];
}

describe('the access token', () => {
  it('is never written to a log, returned, or put in a URL, whatever happens to the call', async () => {
    const token = await env.arm.token('admin');
    const expired = await env.arm.issuer.sign(userClaims('admin'), { expiresInSeconds: -120 });
    const account = { subscriptionId: P, resourceGroup: 'rg-ai-prod', location: 'eastus', name: 'contoso-multiservice' };

    const { text, results } = await captureOutput(async () => {
      await env.arm.admin('POST', '/faults', { status: 503, method: 'DELETE', path: '/contoso-multiservice$', count: 1, retryAfterSeconds: 0 });
      const outcomes: unknown[] = [
        await actions.listSubscriptions({ token }),
        await actions.listDeletedAccounts({ token, subscription: Object.values(DEMO_SUBSCRIPTIONS).map((sub) => sub.subscriptionId) }),
        await actions.purgeDeletedAccount({ token, account }),
        await actions.recoverDeletedAccount({ token, account: { ...account, resourceGroup: 'rg-legacy-2019', name: 'contoso-legacy-luis', location: 'westus' } }),
        await actions.purgeDeletedAccount({ token: expired, account: { ...account, name: 'contoso-anomaly-iot' } }),
        await actions.listSubscriptions({ token: expired }),
        await actions.purgeDeletedAccount({ token, account: { ...account, subscriptionId: 'not-a-guid' } }),
      ];
      // ARM gone: the connection is refused.
      const armEndpoint = process.env.ARM_ENDPOINT;
      process.env.ARM_ENDPOINT = 'https://localhost:9';
      outcomes.push(await actions.purgeDeletedAccount({ token, account }));
      process.env.ARM_ENDPOINT = armEndpoint;
      return outcomes;
    });

    // The scenarios really ran: successes, ARM errors, an expired token and an outage, with the SDK logging.
    const kinds = (results as { ok: boolean; error?: { kind: string } }[]).map((r) => (r.ok ? 'ok' : r.error?.kind));
    expect(kinds).toEqual(['ok', 'ok', 'ok', 'arm', 'sign-in-required', 'sign-in-required', 'validation', 'unavailable']);
    expect(text).toMatch(/core-rest-pipeline/);
    expect(text).toMatch(/authorization/i);

    for (const secret of [...secretsOf(token), ...secretsOf(expired)]) {
      expect(text.includes(secret), 'token in the server output').toBe(false);
      expect(JSON.stringify(results).includes(secret), 'token in an action result').toBe(false);
      for (const request of env.recorder.requests) expect(request.path.includes(secret), 'token in a URL').toBe(false);
    }
    // The token did travel, in the Authorization header, to ARM.
    expect(env.recorder.requests.some((r) => r.tokenHash === hashToken(token))).toBe(true);
    expect(env.recorder.requests.every((r) => r.origin === env.armOrigin || r.origin === 'https://localhost:9')).toBe(true);
  }, 60_000);
});
