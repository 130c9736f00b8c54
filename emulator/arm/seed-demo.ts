/**
 * The demo world seeded on first start: three subscriptions of "Contoso (demo)", about forty soft-deleted
 * Cognitive Services accounts over many kinds, regions (location spelled as users typed it) and resource
 * groups — some whose resource group, customer-managed-key vault or user-owned storage is gone, some a few
 * hours from their purge date — a few live accounts, and the demo users' role assignments.
 * Deterministic: fixed names; times are relative to the emulator clock at seeding.
 */
import { DEMO_SERVICE_PRINCIPAL, DEMO_SUBSCRIPTIONS, DEMO_USERS } from '../demo-world';
import { PAST_PURGE_DATE_SETTING, type ArmStore } from './store';
import {
  assignRole,
  buildAccount,
  buildDeletedAccount,
  buildDeletedStorageAccount,
  buildDeletedVault,
  buildVault,
  storageIdFor,
  subscriptionRecord,
  type AccountSpec,
  type VaultSpec,
} from './world-builder';
import { buildApiManagementService, buildDeletedApiManagementService, type ApiManagementServiceSpec } from './world-builder';
import { buildConfigurationStore, buildDeletedConfigurationStore, type ConfigurationStoreSpec } from './world-builder';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const S = DEMO_SUBSCRIPTIONS.sandbox.subscriptionId;

const HOUR = 3600_000;

/** Resource groups that exist. Groups referenced below but absent here were deleted (rg-legacy-2019, rg-hackathon, rg-temp-poc). */
const GROUPS: readonly [sub: string, name: string, location: string][] = [
  [P, 'rg-ai-prod', 'eastus'],
  [P, 'rg-openai-prod', 'swedencentral'],
  [P, 'rg-docs-prod', 'southcentralus'],
  [P, 'rg-search-prod', 'westus'],
  [P, 'rg-vision-prod', 'westeurope'],
  // Holds only the soft-deleted kv-contoso-secure; the operator has no role here.
  [P, 'rg-security', 'eastus'],
  [D, 'rg-dev-ai', 'eastus2'],
  [D, 'rg-dev-speech', 'westus2'],
  [D, 'rg-experiments', 'northeurope'],
  [S, 'rg-sandbox', 'eastus'],
  [S, 'rg-fabrikam-labs', 'japaneast'],
];

/**
 * Key vaults holding customer-managed keys that still exist. The others used below are soft-deleted
 * (DELETED_VAULTS), except `kv-contoso-purged`, which was purged: it exists nowhere.
 */
const VAULTS: readonly [sub: string, rg: string, name: string, location: string][] = [
  [P, 'rg-ai-prod', 'kv-contoso-prod-cmk', 'eastus'],
  [D, 'rg-dev-ai', 'kv-dev-cmk', 'eastus2'],
];

/** User-owned storage accounts that still exist. `stcontosospeechdata` (used below) is soft-deleted (DEMO_DELETED_STORAGE). */
const STORAGE: readonly [sub: string, rg: string, name: string, location: string][] = [
  [P, 'rg-ai-prod', 'stcontosoprodai', 'eastus'],
  [D, 'rg-dev-speech', 'stdevuserstore', 'westus2'],
];

/**
 * Soft-deleted storage accounts (restorable for 14 days). `stdevarchive`, used by a deleted account, is in
 * neither list: it was deleted more than 14 days ago and is gone for good.
 */
export const DEMO_DELETED_STORAGE: readonly [sub: string, rg: string, name: string, location: string, hoursAgo: number][] = [
  // User-owned storage of contoso-speech-callcenter: restoring it unblocks that account's recovery.
  [P, 'rg-ai-prod', 'stcontosospeechdata', 'eastus', 30],
  // Its resource group was deleted too: recreate rg-hackathon before restoring.
  [D, 'rg-hackathon', 'sthackathondata', 'eastus', 19],
  // Half a day before its 14 days end.
  [D, 'rg-dev-speech', 'stdevoldlogs', 'westus2', 13.5 * 24],
  // Used by nothing: a standalone row of the recycle bin.
  [S, 'rg-sandbox', 'stfabrikamscratch', 'eastus', 52],
];

type DeletedVaultSpec = Omit<VaultSpec, 'subscriptionId' | 'resourceGroup'> & { sub: string; rg: string; hoursAgo: number };

/** Soft-deleted key vaults holding the customer-managed keys of deleted accounts: recover the vault, then the account. */
export const DEMO_DELETED_VAULTS: readonly DeletedVaultSpec[] = [
  { sub: P, rg: 'rg-ai-prod', name: 'kv-contoso-old', location: 'eastus', hoursAgo: 15 },
  // Purge protection: recoverable, never purgeable before its scheduled purge date.
  { sub: D, rg: 'rg-dev-ai', name: 'kv-dev-protected', location: 'eastus2', hoursAgo: 30, enablePurgeProtection: true },
  // Seven days' retention; in a group where the operator has no role.
  { sub: P, rg: 'rg-security', name: 'kv-contoso-secure', location: 'eastus', hoursAgo: 10, softDeleteRetentionInDays: 7 },
  // Its resource group was deleted too: recreate rg-hackathon before recovering it.
  { sub: D, rg: 'rg-hackathon', name: 'kv-hackathon', location: 'eastus', hoursAgo: 19 },
  // Holds no account's key: a standalone row of the recycle bin.
  { sub: S, rg: 'rg-fabrikam-labs', name: 'kv-fabrikam-labs', location: 'japaneast', hoursAgo: 40 },
];

type DemoConfigurationStoreSpec = Omit<ConfigurationStoreSpec, 'subscriptionId' | 'resourceGroup'> & { sub: string; rg: string };

/** Soft-deleted App Configuration stores (Standard tier; retention 1-7 days). */
export const DEMO_DELETED_CONFIGURATION_STORES: readonly (DemoConfigurationStoreSpec & { hoursAgo: number })[] = [
  // Purge protection: recoverable, never purgeable before its scheduled purge date.
  { sub: P, rg: 'rg-ai-prod', name: 'appcs-contoso-prod', location: 'eastus', hoursAgo: 48, softDeleteRetentionInDays: 7, enablePurgeProtection: true },
  { sub: P, rg: 'rg-search-prod', name: 'appcs-contoso-flags', location: 'westus', hoursAgo: 6, softDeleteRetentionInDays: 7 },
  // One day's retention, 20 hours gone: close to its purge date.
  { sub: D, rg: 'rg-dev-ai', name: 'appcs-dev-settings', location: 'eastus2', hoursAgo: 20, softDeleteRetentionInDays: 1 },
  { sub: S, rg: 'rg-fabrikam-labs', name: 'appcs-fabrikam-labs', location: 'japaneast', hoursAgo: 72, softDeleteRetentionInDays: 7 },
];

const LIVE_CONFIGURATION_STORES: readonly DemoConfigurationStoreSpec[] = [{ sub: P, rg: 'rg-ai-prod', name: 'appcs-contoso-live', location: 'eastus' }];

type DemoApiManagementServiceSpec = Omit<ApiManagementServiceSpec, 'subscriptionId' | 'resourceGroup'> & { sub: string; rg: string };

/** Soft-deleted API Management services (kept 48 h). */
export const DEMO_DELETED_API_MANAGEMENT_SERVICES: readonly (DemoApiManagementServiceSpec & { hoursAgo: number })[] = [
  { sub: P, rg: 'rg-openai-prod', name: 'apim-contoso-gateway', location: 'swedencentral', hoursAgo: 10 },
  // Eight hours before its purge date.
  { sub: D, rg: 'rg-dev-ai', name: 'apim-dev-internal', location: 'eastus2', hoursAgo: 40 },
  // Its resource group was deleted too: recreate rg-hackathon before restoring.
  { sub: D, rg: 'rg-hackathon', name: 'apim-hackathon', location: 'eastus', hoursAgo: 19 },
  { sub: S, rg: 'rg-sandbox', name: 'apim-fabrikam-sandbox', location: 'eastus', hoursAgo: 20 },
];

const LIVE_API_MANAGEMENT_SERVICES: readonly DemoApiManagementServiceSpec[] = [{ sub: P, rg: 'rg-ai-prod', name: 'apim-contoso-live', location: 'eastus' }];

const PTU_NOTE = { 'billing-note': 'provisioned deployment (PTU) keeps billing until purged' };

type DeletedSpec = Omit<AccountSpec, 'subscriptionId' | 'resourceGroup'> & { sub: string; rg: string; hoursAgo: number };

export const DEMO_DELETED_ACCOUNTS: readonly DeletedSpec[] = [
  // Contoso Production
  { sub: P, rg: 'rg-openai-prod', name: 'contoso-openai-eastus', location: 'swedencentral', kind: 'OpenAI', hoursAgo: 2, tags: PTU_NOTE },
  { sub: P, rg: 'rg-ai-prod', name: 'contoso-foundry-hub', location: 'eastus', kind: 'AIServices', hoursAgo: 5 },
  { sub: P, rg: 'rg-docs-prod', name: 'contoso-docintel-invoices', location: 'SOUTHCENTRALUS', kind: 'FormRecognizer', hoursAgo: 10 },
  { sub: P, rg: 'rg-docs-prod', name: 'contoso-docintel-receipts', location: 'SouthCentralUS', kind: 'FormRecognizer', hoursAgo: 44 },
  { sub: P, rg: 'rg-vision-prod', name: 'contoso-vision-retail', location: 'westeurope', kind: 'ComputerVision', hoursAgo: 20 },
  { sub: P, rg: 'rg-vision-prod', name: 'contoso-face-kiosk', location: 'West Europe', kind: 'Face', hoursAgo: 46.5 },
  {
    sub: P,
    rg: 'rg-ai-prod',
    name: 'contoso-speech-callcenter',
    location: 'eastus',
    kind: 'SpeechServices',
    hoursAgo: 30,
    userOwnedStorageId: storageIdFor(P, 'rg-ai-prod', 'stcontosospeechdata'),
  },
  { sub: P, rg: 'rg-ai-prod', name: 'contoso-language-support', location: 'eastus', kind: 'TextAnalytics', hoursAgo: 12, keyVaultName: 'kv-contoso-prod-cmk' },
  { sub: P, rg: 'rg-search-prod', name: 'contoso-translator-web', location: 'westus', kind: 'TextTranslation', sku: 'S1', hoursAgo: 3 },
  { sub: P, rg: 'rg-ai-prod', name: 'contoso-contentsafety', location: 'EASTUS', kind: 'ContentSafety', hoursAgo: 47.2 },
  { sub: P, rg: 'rg-legacy-2019', name: 'contoso-legacy-luis', location: 'westus', kind: 'LUIS', hoursAgo: 26, customSubDomainName: null },
  { sub: P, rg: 'rg-legacy-2019', name: 'contoso-legacy-qna', location: 'westus', kind: 'QnAMaker', hoursAgo: 40, customSubDomainName: null },
  { sub: P, rg: 'rg-ai-prod', name: 'contoso-cmk-textanalytics', location: 'eastus', kind: 'TextAnalytics', hoursAgo: 15, keyVaultName: 'kv-contoso-old' },
  { sub: P, rg: 'rg-openai-prod', name: 'contoso-openai-gpt4o', location: 'SWEDENCENTRAL', kind: 'OpenAI', hoursAgo: 8, tags: PTU_NOTE },
  { sub: P, rg: 'rg-ai-prod', name: 'contoso-anomaly-iot', location: 'eastus', kind: 'AnomalyDetector', hoursAgo: 33 },
  { sub: P, rg: 'rg-search-prod', name: 'contoso-personalizer-web', location: 'westus', kind: 'Personalizer', hoursAgo: 22 },
  { sub: P, rg: 'rg-search-prod', name: 'contoso-metrics-advisor', location: 'westus', kind: 'MetricsAdvisor', hoursAgo: 45 },
  { sub: P, rg: 'rg-ai-prod', name: 'contoso-multiservice', location: 'eastus', kind: 'CognitiveServices', hoursAgo: 1 },
  { sub: P, rg: 'rg-vision-prod', name: 'contoso-customvision-train', location: 'westeurope', kind: 'CustomVision.Training', sku: 'S0', hoursAgo: 18 },
  { sub: P, rg: 'rg-vision-prod', name: 'contoso-customvision-pred', location: 'westeurope', kind: 'CustomVision.Prediction', sku: 'S0', hoursAgo: 18 },
  // More accounts whose customer-managed key is in a soft-deleted or purged vault.
  { sub: P, rg: 'rg-ai-prod', name: 'contoso-cmk-openai', location: 'eastus', kind: 'OpenAI', hoursAgo: 6, keyVaultName: 'kv-contoso-old' },
  { sub: P, rg: 'rg-ai-prod', name: 'contoso-cmk-speech', location: 'eastus', kind: 'SpeechServices', hoursAgo: 9, keyVaultName: 'kv-contoso-old' },
  { sub: P, rg: 'rg-docs-prod', name: 'contoso-cmk-purgedkey', location: 'southcentralus', kind: 'FormRecognizer', hoursAgo: 20, keyVaultName: 'kv-contoso-purged' },
  { sub: P, rg: 'rg-ai-prod', name: 'contoso-cmk-secure', location: 'eastus', kind: 'AIServices', hoursAgo: 8, keyVaultName: 'kv-contoso-secure' },
  // Contoso Dev/Test
  { sub: D, rg: 'rg-dev-ai', name: 'dev-openai-playground', location: 'eastus2', kind: 'OpenAI', hoursAgo: 4 },
  { sub: D, rg: 'rg-dev-ai', name: 'dev-aiservices-sandbox', location: 'eastus2', kind: 'AIServices', hoursAgo: 9, tags: PTU_NOTE },
  {
    sub: D,
    rg: 'rg-dev-speech',
    name: 'dev-speech-tts',
    location: 'westus2',
    kind: 'SpeechServices',
    hoursAgo: 14,
    userOwnedStorageId: storageIdFor(D, 'rg-dev-speech', 'stdevuserstore'),
  },
  { sub: D, rg: 'rg-dev-speech', name: 'dev-speech-stt', location: 'WESTUS2', kind: 'SpeechServices', hoursAgo: 43 },
  { sub: D, rg: 'rg-dev-ai', name: 'dev-immersive-reader', location: 'eastus2', kind: 'ImmersiveReader', hoursAgo: 27 },
  { sub: D, rg: 'rg-experiments', name: 'dev-content-moderator', location: 'northeurope', kind: 'ContentModerator', hoursAgo: 36 },
  { sub: D, rg: 'rg-experiments', name: 'dev-luis-authoring', location: 'northeurope', kind: 'LUIS.Authoring', hoursAgo: 6, customSubDomainName: null },
  { sub: D, rg: 'rg-hackathon', name: 'dev-hackathon-vision', location: 'eastus', kind: 'ComputerVision', hoursAgo: 19 },
  { sub: D, rg: 'rg-hackathon', name: 'dev-hackathon-openai', location: 'eastus', kind: 'OpenAI', hoursAgo: 19 },
  { sub: D, rg: 'rg-dev-ai', name: 'dev-cmk-formrecognizer', location: 'eastus2', kind: 'FormRecognizer', hoursAgo: 11, keyVaultName: 'kv-dev-cmk' },
  { sub: D, rg: 'rg-experiments', name: 'dev-allinone-preview', location: 'northeurope', kind: 'Internal.AllInOne', hoursAgo: 2.5 },
  { sub: D, rg: 'rg-experiments', name: 'dev-textanalytics-eval', location: 'NorthEurope', kind: 'TextAnalytics', hoursAgo: 47.8 },
  { sub: D, rg: 'rg-dev-ai', name: 'dev-cmk-protected', location: 'eastus2', kind: 'OpenAI', hoursAgo: 25, keyVaultName: 'kv-dev-protected' },
  // Group, vault and storage all deleted: recreate rg-hackathon, recover kv-hackathon, restore sthackathondata.
  {
    sub: D,
    rg: 'rg-hackathon',
    name: 'dev-hackathon-speech',
    location: 'eastus',
    kind: 'SpeechServices',
    hoursAgo: 19,
    keyVaultName: 'kv-hackathon',
    userOwnedStorageId: storageIdFor(D, 'rg-hackathon', 'sthackathondata'),
  },
  // Its user-owned storage (stdevarchive) is gone for good.
  {
    sub: D,
    rg: 'rg-dev-speech',
    name: 'dev-speech-archive',
    location: 'westus2',
    kind: 'SpeechServices',
    hoursAgo: 5,
    userOwnedStorageId: storageIdFor(D, 'rg-dev-speech', 'stdevarchive'),
  },
  // Deleted four years ago and never purged: real ARM still lists such accounts long after their scheduled
  // purge date (the CLI's soft-delete recording of Oct 2025 listed a LUIS.Authoring account purged-by-date in
  // June 2021). It stays because the demo world lets entries past their purge date linger (seedDemo).
  { sub: D, rg: 'rg-experiments', name: 'dev-luis-authoring-2021', location: 'westeurope', kind: 'LUIS.Authoring', hoursAgo: 4 * 365 * 24 },
  // Fabrikam Sandbox
  { sub: S, rg: 'rg-fabrikam-labs', name: 'fabrikam-openai-labs', location: 'japaneast', kind: 'OpenAI', hoursAgo: 7 },
  { sub: S, rg: 'rg-fabrikam-labs', name: 'fabrikam-foundry-labs', location: 'JapanEast', kind: 'AIServices', hoursAgo: 16 },
  { sub: S, rg: 'rg-sandbox', name: 'fabrikam-translator', location: 'eastus', kind: 'TextTranslation', hoursAgo: 24 },
  { sub: S, rg: 'rg-temp-poc', name: 'fabrikam-qna-bot', location: 'centralus', kind: 'QnAMaker', hoursAgo: 39 },
  { sub: S, rg: 'rg-temp-poc', name: 'fabrikam-vision-poc', location: 'centralus', kind: 'ComputerVision', hoursAgo: 29 },
  { sub: S, rg: 'rg-sandbox', name: 'fabrikam-docintel', location: 'eastus', kind: 'FormRecognizer', hoursAgo: 41 },
  { sub: S, rg: 'rg-sandbox', name: 'fabrikam-speech', location: 'EastUS', kind: 'SpeechServices', hoursAgo: 13 },
  { sub: S, rg: 'rg-sandbox', name: 'fabrikam-contentsafety', location: 'eastus', kind: 'ContentSafety', hoursAgo: 46 },
  { sub: S, rg: 'rg-sandbox', name: 'fabrikam-experimental', location: 'eastus', kind: 'Fabrikam.Experimental', hoursAgo: 21 },
];

const LIVE_ACCOUNTS: readonly (Omit<AccountSpec, 'subscriptionId' | 'resourceGroup'> & { sub: string; rg: string })[] = [
  { sub: P, rg: 'rg-ai-prod', name: 'contoso-openai-live', location: 'eastus', kind: 'OpenAI' },
  { sub: P, rg: 'rg-ai-prod', name: 'contoso-speech-live', location: 'eastus', kind: 'SpeechServices' },
  { sub: D, rg: 'rg-dev-ai', name: 'dev-language-live', location: 'eastus2', kind: 'TextAnalytics' },
  { sub: S, rg: 'rg-sandbox', name: 'fabrikam-vision-live', location: 'eastus', kind: 'ComputerVision' },
];

/** Resource groups where the operator is Contributor (can recover there; cannot purge anywhere). */
export const OPERATOR_GROUPS: readonly [sub: string, rg: string][] = [
  [P, 'rg-ai-prod'],
  [D, 'rg-dev-ai'],
  [D, 'rg-dev-speech'],
];

export function seedDemo(store: ArmStore, now: number): void {
  store.transaction(() => {
    store.setSetting(PAST_PURGE_DATE_SETTING, 'linger');
    for (const { subscriptionId, displayName } of Object.values(DEMO_SUBSCRIPTIONS)) {
      store.upsertSubscription(subscriptionRecord(subscriptionId, displayName, displayName.includes('Dev/Test') ? 'MSDNDevTest_2014-09-01' : 'PayAsYouGo_2014-09-01'));
      const scope = `/subscriptions/${subscriptionId}`;
      assignRole(store, { principalId: DEMO_USERS.admin.objectId, role: 'Owner', scope, at: now });
      assignRole(store, { principalId: DEMO_USERS.lead.objectId, role: 'Owner', scope, at: now });
      assignRole(store, { principalId: DEMO_USERS.reader.objectId, role: 'Reader', scope, at: now });
      assignRole(store, { principalId: DEMO_SERVICE_PRINCIPAL.objectId, role: 'Owner', scope, principalType: 'ServicePrincipal', at: now });
    }
    for (const [sub, name, location] of GROUPS) {
      store.putResourceGroup({ subscriptionId: sub, name, location, tags: {}, createdAt: now - 90 * 24 * HOUR });
    }
    for (const [sub, rg] of OPERATOR_GROUPS) {
      assignRole(store, { principalId: DEMO_USERS.operator.objectId, role: 'Contributor', scope: `/subscriptions/${sub}/resourceGroups/${rg}`, at: now });
    }
    for (const [sub, rg, name, location] of VAULTS) {
      store.putVault(buildVault({ subscriptionId: sub, resourceGroup: rg, name, location, enablePurgeProtection: true }, now));
    }
    for (const { sub, rg, hoursAgo, ...spec } of DEMO_DELETED_VAULTS) {
      store.putDeletedVault(buildDeletedVault({ ...spec, subscriptionId: sub, resourceGroup: rg }, now - hoursAgo * HOUR, now));
    }
    for (const [sub, rg, name, location] of STORAGE) {
      store.putStorageAccount({
        subscriptionId: sub,
        resourceGroup: rg,
        name,
        location,
        kind: 'StorageV2',
        sku: { name: 'Standard_LRS', tier: 'Standard' },
        tags: {},
        properties: { accessTier: 'Hot', minimumTlsVersion: 'TLS1_2', supportsHttpsTrafficOnly: true },
        createdAt: now - 120 * 24 * HOUR,
      });
    }
    for (const [sub, rg, name, location, hoursAgo] of DEMO_DELETED_STORAGE) {
      store.putDeletedStorageAccount(buildDeletedStorageAccount({ subscriptionId: sub, resourceGroup: rg, name, location }, now - hoursAgo * HOUR, now));
    }
    for (const { sub, rg, hoursAgo, ...spec } of DEMO_DELETED_ACCOUNTS) {
      store.putDeletedAccount(buildDeletedAccount({ ...spec, subscriptionId: sub, resourceGroup: rg }, now - hoursAgo * HOUR, now));
    }
    for (const { sub, rg, ...spec } of LIVE_ACCOUNTS) {
      store.putAccount(buildAccount({ ...spec, subscriptionId: sub, resourceGroup: rg }, now));
    }
    for (const { sub, rg, hoursAgo, ...spec } of DEMO_DELETED_API_MANAGEMENT_SERVICES) {
      store.putDeletedApiManagementService(buildDeletedApiManagementService({ ...spec, subscriptionId: sub, resourceGroup: rg }, now - hoursAgo * HOUR, now));
    }
    for (const { sub, rg, ...spec } of LIVE_API_MANAGEMENT_SERVICES) {
      store.putApiManagementService(buildApiManagementService({ ...spec, subscriptionId: sub, resourceGroup: rg }, now));
    }
    for (const { sub, rg, hoursAgo, ...spec } of DEMO_DELETED_CONFIGURATION_STORES) {
      store.putDeletedConfigurationStore(buildDeletedConfigurationStore({ ...spec, subscriptionId: sub, resourceGroup: rg }, now - hoursAgo * HOUR, now));
    }
    for (const { sub, rg, ...spec } of LIVE_CONFIGURATION_STORES) {
      store.putConfigurationStore(buildConfigurationStore({ ...spec, subscriptionId: sub, resourceGroup: rg }, now));
    }
  });
}
