/**
 * Real ARM answers, as recorded in public recordings, read by Microsoft's SDK clients and by the portal's own
 * readers — so a change that breaks reading real ARM fails here even when the emulator agrees with it. A local
 * HTTPS server plays the recorded answers back (recorded-arm.ts); nothing else is faked.
 * Found and covered: Cognitive Services accounts (the CLI's 2025 soft-delete session, all 14 calls), one
 * recorded deleted Key Vault, one recorded deleted API Management service. Not found: a recorded list of
 * deleted storage accounts (the CLI has no such command; contract §2) or of deleted App Configuration stores
 * (only the spec example): those lists are answered empty.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CognitiveServicesManagementClient } from '@azure/arm-cognitiveservices';
import type { TokenCredential } from '@azure/core-auth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readArmDeletedAccount, toDeletedAccount, type AccountChecks } from '@/lib/resource-types/cognitive-accounts/to-deleted-account';
import { resourceRefSchema } from '@/lib/resource-types/refs';
import { pointPortalAt, recordOutgoingRequests } from '@/test-support/portal-arm';
import { ensureTls } from '../tls';
import { startRecordedArm, type RecordedArm } from './recorded-arm';
import { apiManagementDeletedServices, cognitiveSoftDelete, keyVaultDeletedVaults, RECORDED_SUBSCRIPTION as SUB } from './recordings';

vi.mock('server-only', () => ({}));
const { listDeletedResources } = await import('@/app/actions');

const tls = ensureTls(fs.mkdtempSync(path.join(os.tmpdir(), 'replay-')));
const session = cognitiveSoftDelete();
const recordedList = session.interactions.at(-1)!.body as { value: unknown[] };
const RG = 'clitest.rg000001';
const NAME = 'cs_cli_test_000002';
/** When the recorded list was answered. */
const RECORDED_AT = new Date(session.interactions.at(-1)!.date);

describe('@azure/arm-cognitiveservices reads the recorded soft-delete session', () => {
  let arm: RecordedArm;
  let client: CognitiveServicesManagementClient;
  beforeAll(async () => {
    arm = await startRecordedArm(tls, session.interactions);
    const credential: TokenCredential = { getToken: async () => ({ token: 'recorded', expiresOnTimestamp: Date.now() + 3600_000 }) };
    client = new CognitiveServicesManagementClient(credential, SUB, {
      endpoint: arm.base,
      credentialScopes: ['https://management.azure.com/.default'],
      tlsOptions: { ca: tls.caPem },
      retryOptions: { maxRetries: 0 },
    });
  });
  afterAll(() => arm.close());

  it('creates, reads, deletes, reads deleted, recovers, purges and lists through the recorded answers', async () => {
    const created = await client.accounts.beginCreateAndWait(
      RG,
      NAME,
      { kind: 'FormRecognizer', sku: { name: 'S0' }, location: 'SOUTHCENTRALUS', properties: { customSubDomainName: 'csclitest000003' } },
      { updateIntervalInMs: 0 },
    );
    expect(created.properties?.provisioningState).toBe('Succeeded');
    expect(created.properties?.endpoints?.FormRecognizer).toBe('https://csclitest000003.cognitiveservices.azure.com/');
    expect(created.properties?.capabilities?.map((capability) => capability.name)).toContain('CustomerManagedKey');
    expect(created.properties?.privateEndpointConnections).toEqual([]);

    expect((await client.accounts.get(RG, NAME)).properties?.customSubDomainName).toBe('csclitest000003');
    await client.accounts.beginDeleteAndWait(RG, NAME, { updateIntervalInMs: 0 });
    const deleted = await client.deletedAccounts.get('SOUTHCENTRALUS', RG, NAME);
    expect(deleted.properties?.deletionDate).toBe('2025-10-28T14:50:02.4583939Z');
    expect(deleted.properties?.scheduledPurgeDate).toBe('2025-10-30T14:50:02.4583939Z');

    const recovered = await client.accounts.beginCreateAndWait(RG, NAME, { location: 'SOUTHCENTRALUS', properties: { restore: true } }, { updateIntervalInMs: 0 });
    expect(recovered.properties?.provisioningState).toBe('Succeeded');
    expect((await client.accounts.get(RG, NAME)).name).toBe(NAME);
    await client.accounts.beginDeleteAndWait(RG, NAME, { updateIntervalInMs: 0 });
    await client.deletedAccounts.beginPurgeAndWait('SOUTHCENTRALUS', RG, NAME, { updateIntervalInMs: 0 });

    const listed = [];
    for await (const account of client.deletedAccounts.list()) listed.push(account);
    expect(listed.map((account) => [account.name, account.location])).toEqual([
      ['felixwa-luis-vnet-Authoring', 'westeurope'],
      ['cs_cli_test_rveu', 'SOUTHCENTRALUS'],
      ['cs_cli_test_zut6', 'SOUTHCENTRALUS'],
      ['cogods55lmvz', 'SOUTHCENTRALUS'],
      ['reversezone', 'centraluseuap'],
      ['pe-dns-debug1', 'eastus2euap'],
    ]);
    expect(listed[4]?.properties?.endpoints?.['OpenAI Language Model Instance API']).toBe('https://reversezone.openai.azure.com/');
    expect(arm.unanswered).toEqual([]);
    // Every recorded answer was asked for: the client took the recorded path through the session.
    expect(new Set(arm.answered).size).toBe(new Set(session.interactions.map((i) => `${i.method} ${i.path.toLowerCase()}`)).size);
  });
});

describe("the portal's account reader on the recorded deleted-accounts list", () => {
  const allKnown: AccountChecks = { resourceGroupExists: true, storageAccounts: [], canRecover: true, canPurge: true, canCreateResourceGroup: true };
  const rows = recordedList.value.map((entry) => {
    const raw = readArmDeletedAccount(entry);
    expect(raw, JSON.stringify(entry).slice(0, 120)).toBeDefined();
    return toDeletedAccount(raw!, allKnown, RECORDED_AT)!;
  });
  const row = (name: string) => rows.find((candidate) => candidate.name === name)!;

  it('reads every entry, its place and its dates', () => {
    expect(rows.map((r) => [r.name, r.kind, r.location, r.resourceGroup, r.subscriptionId])).toEqual([
      ['felixwa-luis-vnet-Authoring', 'LUIS.Authoring', 'westeurope', 'felixwa-01', SUB],
      ['cs_cli_test_rveu', 'Face', 'SOUTHCENTRALUS', 'clitest.rgad2gk35qfg27fhw6k7jmi4ttls2sgvrcou6e5ugm2wvyfdhc3oxnldbn2phuzdrx2', SUB],
      ['cs_cli_test_zut6', 'QnAMaker.v2', 'SOUTHCENTRALUS', 'clitest.rgi3rtuej6baazg7rhiymecmmxe6cygatrjw4mo7z7uu7whwdkfuss3ybnvsg2gdokt', SUB],
      ['cogods55lmvz', 'FormRecognizer', 'SOUTHCENTRALUS', 'clitest.rg7upzmmpcwbhczpk2tkpb2p4ei3xfunst3jxcdnbjqydz5uslkhejsk6z4ve3z4olt', SUB],
      ['reversezone', 'AIServices', 'centraluseuap', 'angli', SUB],
      ['pe-dns-debug1', 'ComputerVision', 'eastus2euap', 'angli', SUB],
    ]);
    expect(row('cs_cli_test_rveu')).toMatchObject({ deletedAt: '2025-10-28T14:49:22.862Z', scheduledPurgeAt: '2025-10-30T14:49:22.862Z' });
  });

  it('says an entry still listed years after its purge date cannot be recovered, and may be purged', () => {
    expect(row('felixwa-luis-vnet-Authoring').status).toMatchObject({ label: 'Past purge date', recover: { allowed: false }, purge: { allowed: true } });
    expect(row('cs_cli_test_rveu').status).toMatchObject({ label: 'Recoverable', recover: { allowed: true } });
  });

  it('names canary regions and gives every row a reference the actions accept', () => {
    expect(row('reversezone').locationDisplayName).toBe('Central US EUAP');
    expect(row('pe-dns-debug1').locationDisplayName).toBe('East US 2 EUAP');
    for (const r of rows) expect(resourceRefSchema.safeParse(r.ref).success, r.name).toBe(true);
  });
});

describe("the portal's list of deleted resources on recorded answers of every type", () => {
  // Shape-valid only: the recorded server never checks it.
  const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDAsInN1YiI6InRlc3QifQ.c2lnbmF0dXJlLWZvci10ZXN0cw';
  let arm: RecordedArm;
  let restoreEnv = () => {};
  let recorder: ReturnType<typeof recordOutgoingRequests>;
  beforeAll(async () => {
    const list = session.interactions.at(-1)!;
    arm = await startRecordedArm(tls, [list], {
      [`/subscriptions/${SUB}/providers/Microsoft.KeyVault/deletedVaults`]: keyVaultDeletedVaults().body,
      [`/subscriptions/${SUB}/providers/Microsoft.ApiManagement/deletedservices`]: apiManagementDeletedServices().body,
      [`/subscriptions/${SUB}/providers/Microsoft.Storage/deletedAccounts`]: { value: [] },
      [`/subscriptions/${SUB}/providers/Microsoft.AppConfiguration/deletedConfigurationStores`]: { value: [] },
      [`/subscriptions/${SUB}/providers/Microsoft.Authorization/permissions`]: { value: [{ actions: ['*'], notActions: [] }] },
      [`/subscriptions/${SUB}/resourcegroups`]: { value: [] },
    });
    restoreEnv = pointPortalAt(arm.base);
    recorder = recordOutgoingRequests(tls.caPem);
  });
  afterAll(async () => {
    recorder.restore();
    restoreEnv();
    await arm.close();
  });

  it('lists the recorded accounts, vault and API Management service as rows, with no failed list', async () => {
    const result = await listDeletedResources({ token: TOKEN, subscription: SUB });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    expect(result.data.failures).toEqual([]);
    const byType = (type: string) => result.data.resources.filter((r) => r.type === type).map((r) => [r.name, r.location, r.resourceGroup]);
    expect(byType('cognitive-accounts').map(([name]) => name)).toEqual(rowsNames());
    expect(byType('key-vaults')).toEqual([['cli-test-kv-sd-000002', 'eastus2', 'cli_test_keyvault_sd000001']]);
    expect(byType('api-management-services')).toEqual([['myserviceyyy2', 'eastus', 'myjstest']]);
    const vault = result.data.resources.find((r) => r.type === 'key-vaults')!;
    expect(vault).toMatchObject({ deletedAt: '2022-04-07T07:20:50.000Z', scheduledPurgeAt: '2022-04-14T07:20:50.000Z' });
  });

  const rowsNames = () => (recordedList.value as { name: string }[]).map((entry) => entry.name);
});
