/**
 * The recorded request sequence of `az cognitiveservices account` create / show / delete / show-deleted /
 * recover / delete / purge / list-deleted, sent to the emulator as a new user would send it: a fresh demo
 * world, the recording's subscription mapped onto Contoso Production and its resource group created first.
 * Per call, the emulator must answer what real ARM answered: the status code, the same long-running-operation
 * headers (Azure-AsyncOperation, Location, Retry-After — present or not) and a body with the same keys (top
 * level and `properties`). Time passes between calls as it did in the recording (the emulator clock moves by
 * the gap between the recorded `date` headers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '../demo-world';
import { startTestArm, type RawResponse, type TestArm } from '../arm/test/harness';
import { cognitiveSoftDelete, keySetOf, lroHeadersOf, RECORDED_SUBSCRIPTION, type RecordedInteraction } from './recordings';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const session = cognitiveSoftDelete();
const RECORDED_GROUP = 'clitest.rg000001';

let t: TestArm;
beforeAll(async () => {
  t = await startTestArm();
  expect((await t.admin('POST', '/reset', { seed: 'demo' })).status).toBe(200);
  const group = await t.call('PUT', `/subscriptions/${P}/resourcegroups/${RECORDED_GROUP}?api-version=2022-09-01`, { body: { location: 'southcentralus' } });
  expect(group.status).toBe(201);
});
afterAll(() => t.close());

const onEmulator = (recordedPath: string) => recordedPath.replace(RECORDED_SUBSCRIPTION, P);

/** Where the emulator answered an operation status URL for the recorded one (its operation ids are its own). */
const operationUrls = new Map<string, string>();

function rememberOperationUrls(recorded: RecordedInteraction, answer: RawResponse): void {
  const asyncUrl = answer.headers['azure-asyncoperation'];
  const recordedUrl = recorded.headers['azure-asyncoperation'];
  if (typeof asyncUrl === 'string' && recordedUrl) operationUrls.set(new URL(recordedUrl.replace(/[?].*$/, '')).pathname, asyncUrl);
}

function requestPathFor(recorded: RecordedInteraction): string {
  const operation = operationUrls.get(recorded.path);
  if (operation) return operation.slice(t.arm.baseUrl.length);
  return `${onEmulator(recorded.path)}?api-version=${recorded.apiVersion}`;
}

/**
 * Properties the caller sets on an account, which the recorded entries kept here happen not to use (the whole
 * recorded list has `encryption`; none of its accounts used customer storage): demo accounts do.
 */
const SET_BY_THE_CALLER = new Set(['properties.encryption', 'properties.userOwnedStorage']);

/** Each recorded body lists the account with the keys real ARM sent; a list compares its entries as a set. */
function expectSameKeys(recorded: unknown, answered: unknown): void {
  const entries = (body: unknown) => ((body as { value?: unknown[] } | null)?.value ?? undefined);
  const recordedEntries = entries(recorded);
  if (!recordedEntries) {
    expect(keySetOf(answered)).toEqual(keySetOf(recorded));
    return;
  }
  expect(Object.keys(answered as object).sort()).toEqual(Object.keys(recorded as object).sort());
  // Entries differ by what their accounts have (tags, identity, networkAcls, apiProperties); every key an entry
  // of the emulator has must occur in the recording, and every key all recorded entries share must be there.
  const recordedSets = recordedEntries.map(keySetOf);
  const union = new Set(recordedSets.flat());
  const shared = [...union].filter((key) => recordedSets.every((set) => set.includes(key)));
  const answeredEntries = entries(answered) ?? [];
  expect(answeredEntries.length).toBeGreaterThan(0);
  for (const entry of answeredEntries) {
    const keys = keySetOf(entry);
    expect(keys.filter((key) => !union.has(key) && !SET_BY_THE_CALLER.has(key)), `keys real ARM never sent, in ${(entry as { name: string }).name}`).toEqual([]);
    expect(shared.filter((key) => !keys.includes(key)), `keys real ARM always sent, missing in ${(entry as { name: string }).name}`).toEqual([]);
  }
}

describe(`replay of ${session.source.path.split('/').pop()} against the emulator`, () => {
  it('has the fourteen recorded calls', () => {
    expect(session.interactions).toHaveLength(14);
  });

  it('answers every recorded call with the recorded status, LRO headers and body keys', async () => {
    // The recorded create took 32 s and the purge 1 s (their operations' startTime and endTime).
    expect((await t.admin('PUT', '/lro', { durationSeconds: 32 })).status).toBe(200);
    let previous = Date.parse(session.interactions[0]!.date);
    for (const [index, recorded] of session.interactions.entries()) {
      const at = Date.parse(recorded.date);
      if (at > previous) await t.admin('POST', '/clock/advance', { seconds: (at - previous) / 1000 });
      previous = at;
      if (recorded.command === 'account purge') await t.admin('PUT', '/lro', { durationSeconds: 1 });

      const answer = await t.call(recorded.method, requestPathFor(recorded), { body: recorded.requestBody });
      const step = `call ${index + 1} (${recorded.command}: ${recorded.method} ${recorded.path.split('/').slice(-2).join('/')})`;
      expect(answer.status, step).toBe(recorded.status);
      expect(lroHeadersOf(answer.headers), step).toEqual(lroHeadersOf(recorded.headers));
      expectSameKeys(recorded.body, answer.json ?? null);
      const status = (recorded.body as { status?: string } | null)?.status;
      if (status) expect((answer.json as { status?: string }).status, step).toBe(status);
      const state = (recorded.body as { properties?: { provisioningState?: string } } | null)?.properties?.provisioningState;
      if (state) expect((answer.json as { properties: { provisioningState?: string } }).properties.provisioningState, step).toBe(state);
      rememberOperationUrls(recorded, answer);
    }
  });
});
