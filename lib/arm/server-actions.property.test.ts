/**
 * Property-based: thousands of hostile inputs thrown at every server action, called directly as the browser
 * would call them. Refused inputs come back as typed validation errors and send nothing at all; accepted
 * inputs send requests only to the configured ARM endpoint, on the path their validated values spell.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '@/emulator/demo-world';
import { AZURE_REGIONS } from '@/lib/deleted-resources/regions';
import type { ActionResult } from '@/lib/action-result';
import { startPortalArm, type PortalArm } from '@/test-support/portal-arm';

vi.mock('server-only', () => ({}));
const actions = await import('@/app/actions');

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;

let env: PortalArm;
let token: string;
beforeAll(async () => {
  env = await startPortalArm();
  token = await env.arm.token('admin');
});
afterAll(() => env.close());

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

interface ActionSpec {
  /** A well-formed input (read after the token exists). */
  valid: () => Record<string, unknown>;
  /** Where a hostile value can replace a valid one. */
  fields: string[][];
  /** Arrays whose length must be bounded (at most 500 items, whatever the action's own limit below that). */
  arrays?: string[][];
}

const account = (name: string) => ({ type: 'cognitive-accounts', subscriptionId: P, resourceGroup: 'rg-ai-prod', location: 'eastus', name });
/** One ref of every type the portal lists, each with its own fields. */
const mixedRefs = () => [
  account('contoso-foundry-hub'),
  { type: 'key-vaults', subscriptionId: P, resourceGroup: 'rg-ai-prod', location: 'eastus', name: 'kv-contoso-old' },
  { type: 'storage-accounts', subscriptionId: P, resourceGroup: 'rg-ai-prod', location: 'eastus', name: 'stcontosodata', creationTime: '2026-01-01T00:00:00Z' },
  { type: 'app-configuration-stores', subscriptionId: P, resourceGroup: 'rg-ai-prod', location: 'eastus', name: 'appcs-contoso-flags' },
  { type: 'api-management-services', subscriptionId: P, resourceGroup: 'rg-ai-prod', location: 'eastus', name: 'apim-contoso-gateway' },
];
const REF_FIELDS = (prefix: string[], extra: string[] = []) => [
  prefix,
  ...['type', 'subscriptionId', 'resourceGroup', 'location', 'name', ...extra].map((field) => [...prefix, field]),
];

/** Every server action, by its exported name. A new action without an entry here fails the first test. */
const SPECS: Record<string, ActionSpec> = {
  listSubscriptions: { valid: () => ({ token }), fields: [['token']] },
  listTenants: { valid: () => ({ token }), fields: [['token']] },
  listDeletedResources: { valid: () => ({ token, subscription: [P] }), fields: [['token'], ['subscription'], ['subscription', '0']], arrays: [['subscription']] },
  ...Object.fromEntries(
    ['recoverDeletedResources', 'purgeDeletedResources', 'readDeletedResourceStates'].map((name) => [
      name,
      {
        valid: () => ({ token, resources: mixedRefs() }),
        fields: [['token'], ['resources'], ...REF_FIELDS(['resources', '0']), ...REF_FIELDS(['resources', '1']), ...REF_FIELDS(['resources', '2'], ['creationTime']), ...REF_FIELDS(['resources', '4'])],
        arrays: [['resources']],
      },
    ]),
  ),
  recreateResourceGroups: {
    valid: () => ({ token, groups: [{ subscriptionId: P, resourceGroup: 'rg-legacy-2019', location: 'westus' }] }),
    fields: [['token'], ['groups'], ...['subscriptionId', 'resourceGroup', 'location'].map((field) => ['groups', '0', field])],
    arrays: [['groups']],
  },
  recreateResourceGroup: {
    valid: () => ({ token, subscriptionId: P, resourceGroup: 'rg-legacy-2019', location: 'westus' }),
    fields: [['token'], ['subscriptionId'], ['resourceGroup'], ['location']],
  },
  readDeleteEvents: {
    valid: () => ({
      token,
      subscriptions: [{ subscriptionId: P, from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date().toISOString(), providers: ['Microsoft.KeyVault', 'Microsoft.Resources'] }],
    }),
    fields: [['token'], ['subscriptions'], ...['subscriptionId', 'from', 'to', 'providers'].map((field) => ['subscriptions', '0', field]), ['subscriptions', '0', 'providers', '0']],
    arrays: [['subscriptions'], ['subscriptions', '0', 'providers']],
  },
};

const ACTIONS = Object.entries(actions as Record<string, unknown>)
  .filter(([, run]) => typeof run === 'function')
  .map(([name, run]) => ({ name, run: run as Action, ...(SPECS[name] as ActionSpec) }));

/** Fragments that no field may contain: separators, encodings, query and header syntax, control characters. */
const forbidden = fc.constantFrom(
  '/',
  '\\',
  '../',
  '..\\',
  '%2e%2e',
  '%2E%2E%2F',
  '%2F',
  '%252F',
  '%5C',
  '%00',
  '\u0000',
  '?api-version=2099-01-01',
  '?x=1&api-version=1',
  '#frag',
  '&$filter=1',
  '\r\nX-Injected: 1',
  ' ',
  '\t',
  '@evil.example',
  'https://evil.example/',
  '//evil.example',
  ':443',
  '\u2215', // division slash
  '\uFF0F', // fullwidth solidus
  '\u2044', // fraction slash
  '\u200B', // zero-width space
  '\uFE52', // small full stop
  "' OR 1=1 --",
  '<script>',
  '${x}',
  '*',
);

const hostileString = fc.oneof(
  fc.tuple(fc.string({ maxLength: 12 }), forbidden, fc.string({ maxLength: 12 })).map(([a, b, c]) => `${a}${b}${c}`),
  fc.constantFrom('', '.', '..', '...', 'a'.repeat(100_000), 'x'.repeat(16_385)),
);

/**
 * Look-alikes per field: strings that read like a valid value of that field but are not one (Cyrillic or
 * fullwidth letters, braces, lost dashes, invisible characters). Resource group names may hold any Unicode
 * letter (as in ARM), so they get only the universal fragments above.
 */
const LOOK_ALIKES: Record<string, string[]> = {
  token: ['Bearer a.b.c', 'a.b', 'a.b.c.d', 'eyJh\u0430.e30.sig', `${'e'.repeat(10)}.e30.sig\n`],
  subscriptionId: [P.replace('a', '\u0430'), P.replace('4', '\uFF14'), `{${P}}`, P.replaceAll('-', ''), `${P}\u200B`, `${P} `, 'all'],
  subscription: [P.replace('a', '\u0430'), `{${P}}`, 'ALL', 'all ', '*', `${P},${P}`],
  location: ['\u0435astus', '\uFF45\uFF41\uFF53\uFF54\uFF55\uFF53', 'eastus\u0000', 'eastus\u200B', 'mars', 'global', 'east us 9'],
  // Each is invalid for every type's name rules ('a' alone would be a valid API Management name).
  name: ['contoso-\u043Epenai', 'na\u00EFve', '\uFF11ab', '_x', '-lead', '.hidden', 'a'.repeat(65)],
  type: ['account', 'Key-Vaults', 'key-vaults ', 'key\u2010vaults', 'Microsoft.KeyVault/vaults', '__proto__'],
  creationTime: ['2026-01-01', '2026-13-01T00:00:00Z', 'now', '2026-01-01T00:00:00Z\u0000'],
  resourceGroup: ['ends.', '(x).', 'a'.repeat(91)],
  // What ends up in the activity log's $filter.
  from: ['2026-11-30', 'now', "2026-11-30T00:00:00Z' or ''='", '2026-11-30T00:00:00Z\u0000'],
  to: ['2026-11-30', 'now', "2026-11-30T00:00:00Z' or ''='", '2026-11-30T00:00:00Z\u0000'],
  providers: ['microsoft.keyvault', 'Microsoft.KeyVault ', "Microsoft.KeyVault' or ''='", 'Microsoft.Insights'],
};

const lookAlike = (field: string) => fc.constantFrom(...(LOOK_ALIKES[field] ?? ['\u0000']));

const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.date(),
  fc.array(fc.string(), { maxLength: 600 }),
  fc.constant(new Map([['token', 'x']])),
  fc.constant(new Set(['a'])),
  fc.object({ maxDepth: 2 }),
);

const hostileValue = (field: string) => fc.oneof(hostileString, lookAlike(field), wrongType);

const dangerousKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'endpoint', 'armEndpoint', 'nextLink', 'url', 'host', 'toString', 'then', 'token '),
  fc.string({ minLength: 1, maxLength: 20 }),
);

/** Sets a value as an own property, as JSON.parse (and React's reply decoder) does, even for '__proto__'. */
function withOwn(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

function cloneValid(valid: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
}

function replaceAt(input: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  let node = input;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  withOwn(node, path[path.length - 1] as string, value);
  return input;
}

/** A valid input whose array at `path` repeats its first item `length` times (or, without arrays, an extra key). */
function oversized(valid: Record<string, unknown>, path: string[], length: number): Record<string, unknown> {
  const input = cloneValid(valid);
  let node: Record<string, unknown> = input;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path.at(-1) as string;
  const items = node[last];
  return withOwn(node, last, Array.from({ length }, () => (Array.isArray(items) ? items[0] : 'x'))) && input;
}

/** Where an extra key goes: the top level, or the nested account. */
function addExtra(input: Record<string, unknown>, nested: boolean, key: string, value: unknown): Record<string, unknown> {
  const target = nested && typeof input.account === 'object' ? (input.account as Record<string, unknown>) : input;
  if (Object.hasOwn(target, key)) return withOwn(input, `${key}-extra`, value);
  withOwn(target, key, value);
  return input;
}

function expectRefused(result: ActionResult<unknown>, label: string) {
  expect(result.ok, label).toBe(false);
  if (result.ok) return;
  expect(result.error.kind, label).toBe('validation');
  expect(result.error.code).toBe('InvalidInput');
  expect(result.error.message).toMatch(/refused/);
  expect(result.error.issues?.length).toBeGreaterThan(0);
}

describe('server actions refuse hostile input', () => {
  it('every exported server action has a hostile-input spec here', () => {
    expect(ACTIONS.length).toBeGreaterThanOrEqual(5);
    for (const action of ACTIONS) expect(Object.keys(SPECS), `no spec for the server action ${action.name}`).toContain(action.name);
  });

  for (const action of ACTIONS.filter((a) => a.valid !== undefined)) {
    it(`${action.name}: every hostile field, extra key or whole input is refused as data and sends nothing`, async () => {
      const mutation = fc.oneof(
        fc
          .constantFrom(...action.fields)
          .chain((path) => fc.record({ kind: fc.constant('field' as const), path: fc.constant(path), value: hostileValue(path.at(-1) as string) })),
        fc.record({ kind: fc.constant('extra' as const), nested: fc.boolean(), key: dangerousKey, value: fc.anything() }),
        fc.record({
          kind: fc.constant('oversized' as const),
          path: fc.constantFrom(...(action.arrays ?? [['(none)']])),
          length: fc.integer({ min: 501, max: 5_000 }),
        }),
        fc.record({
          kind: fc.constant('whole' as const),
          value: fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true }),
        }),
      );
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          env.recorder.clear();
          const input =
            m.kind === 'field'
              ? replaceAt(cloneValid(action.valid()), m.path, m.value)
              : m.kind === 'extra'
                ? addExtra(cloneValid(action.valid()), m.nested, m.key, m.value)
                : m.kind === 'oversized'
                  ? oversized(action.valid(), m.path, m.length)
                  : m.value;
          let result: ActionResult<unknown> | undefined;
          await expect((async () => (result = await action.run(input)))()).resolves.toBeDefined();
          expectRefused(result as ActionResult<unknown>, `${action.name} ${m.kind}`);
          expect(env.recorder.requests, `${action.name} sent a request for a refused input`).toEqual([]);
        }),
        { numRuns: 1_000 },
      );
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
      expect(({} as Record<string, unknown>).token).toBeUndefined();
    }, 60_000);
  }
});

// Valid values, in every spelling ARM allows: these reach ARM, and the path must say exactly them.
const subscriptionId = fc.oneof(fc.constant(P), fc.uuid().map((id) => id.toUpperCase()), fc.uuid());
const resourceGroup = fc
  .stringMatching(/^[-\w.()\u00E4\u00F6\u043E\u4E2D]{1,89}[-\w()\u00E4]$/)
  .filter((name) => name.length <= 90);
const accountName = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$/);
const location = fc
  .constantFrom(...Object.keys(AZURE_REGIONS))
  .chain((key) => fc.constantFrom(key, key.toUpperCase(), AZURE_REGIONS[key] as string));

function decodedSegments(path: string): string[] {
  return path.split('?')[0]!.split('/').slice(1).map(decodeURIComponent);
}

/** Every request goes to ARM on clean segments; the user's values are whole segments of the first request (or, `anyRequest`, of one of them). */
function expectOnlyArmPaths(values: string[], label: string, anyRequest = false) {
  const sent = env.recorder.requests;
  for (const request of sent) {
    expect(request.origin, label).toBe(env.armOrigin);
    const [pathPart = '', query = ''] = request.path.split('?');
    // No segment the server would resolve differently: nothing empty, '.', '..', nor an encoded separator.
    expect(new URL(`${env.armOrigin}${pathPart}`).pathname, label).toBe(pathPart);
    for (const segment of decodedSegments(request.path)) {
      expect(['', '.', '..'], label).not.toContain(segment);
      expect(segment, label).not.toMatch(/[/\\?#]/);
    }
    expect([...new URLSearchParams(query).keys()], label).toEqual(['api-version']);
  }
  const segmentsOf = (path: string) => decodedSegments(path).map((segment) => segment.toLowerCase());
  const wanted = values.map((value) => value.toLowerCase());
  const spelled = (anyRequest ? sent : sent.slice(0, 1)).some((request) => wanted.every((value) => segmentsOf(request.path).includes(value)));
  expect(spelled, `${label}: no request spells ${wanted.join(', ')}`).toBe(true);
}

function expectClearOutcome(result: ActionResult<unknown>, label: string) {
  if (result.ok) return;
  expect(['arm', 'validation'], `${label}: ${JSON.stringify(result.error)}`).toContain(result.error.kind);
  expect(result.error.message.length, label).toBeGreaterThan(0);
}

describe('server actions build ARM paths only from validated values', () => {
  // ARM's answers (404s for made-up subscriptions) are logged by the actions; keep the test output readable.
  beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  it('recover, purge and recreate send requests only to the configured ARM host, on the path their values spell', async () => {
    const byName = new Map(ACTIONS.map((action) => [action.name, action.run]));
    const writes = [...byName.keys()].filter((name) => /^(recover|purge)DeletedResources$|^recreateResourceGroup$/.test(name));
    expect(writes.length).toBe(3);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), subscriptionId, resourceGroup, location, accountName, async (name, sub, rg, loc, account) => {
        env.recorder.clear();
        const label = `${name} ${sub} ${rg} ${loc} ${account}`;
        const ref = { type: 'cognitive-accounts', subscriptionId: sub, resourceGroup: rg, location: loc, name: account };
        const input = name === 'recreateResourceGroup' ? { token, subscriptionId: sub, resourceGroup: rg, location: loc } : { token, resources: [ref] };
        const result = await byName.get(name)!(input);
        expect(env.recorder.requests.length, label).toBeGreaterThan(0);
        expectOnlyArmPaths(name === 'recreateResourceGroup' ? [sub, rg] : [sub, rg, account], label);
        expectClearOutcome(result, label);
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it("every type's recover sends requests only to the configured ARM host, on the path its values spell", async () => {
    const vaultName = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{1,10}(-[a-zA-Z0-9]{1,5})?[a-zA-Z0-9]$/);
    const storageName = fc.stringMatching(/^[a-z0-9]{3,24}$/);
    const step = fc.oneof(
      // A vault's recover first reads its subscription's tenant: a made-up subscription ends there, so a real one.
      fc.record({ type: fc.constant('key-vaults'), subscriptionId: fc.constantFrom(P, P.toUpperCase()), resourceGroup, location, name: vaultName }),
      fc.record({ type: fc.constant('app-configuration-stores'), subscriptionId, resourceGroup, location, name: fc.stringMatching(/^[a-zA-Z0-9_-]{5,50}$/) }),
      fc.record({ type: fc.constant('api-management-services'), subscriptionId, resourceGroup, location, name: fc.stringMatching(/^[a-zA-Z]([a-zA-Z0-9-]{0,20}[a-zA-Z0-9])?$/) }),
      fc.record({
        type: fc.constant('storage-accounts'),
        subscriptionId,
        resourceGroup,
        location,
        name: storageName,
        creationTime: fc.constant('2026-01-01T00:00:00.0000000Z'),
      }),
    );
    await fc.assert(
      fc.asyncProperty(step, async (recoveryStep) => {
        env.recorder.clear();
        const label = JSON.stringify(recoveryStep);
        const result = await actions.recoverDeletedResources({ token, resources: [recoveryStep] });
        expect(env.recorder.requests.length, label).toBeGreaterThan(0);
        expectOnlyArmPaths([recoveryStep.subscriptionId, recoveryStep.resourceGroup, recoveryStep.name], label, true);
        expectClearOutcome(result, label);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
