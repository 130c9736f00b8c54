/**
 * The benchmark world: thousands of soft-deleted accounts over 20 subscriptions (admin and the service
 * principal are Owner on all), and in each subscription a few soft-deleted resources of every other type the
 * emulator serves. Deterministic names, regions, kinds and deletion times.
 */
import { DEMO_SERVICE_PRINCIPAL, DEMO_USERS } from '../demo-world';
import { isCanaryRegion, REGIONS } from './regions';
import type { ArmStore } from './store';
import { assignRole, buildDeletedAccount, buildDeletedStorageAccount, buildDeletedVault, subscriptionRecord } from './world-builder';
import { buildDeletedApiManagementService } from './world-builder';
import { buildDeletedConfigurationStore } from './world-builder';

export interface ScaleSeedOptions {
  subscriptions?: number;
  deletedAccountsPerSubscription?: number;
  resourceGroupsPerSubscription?: number;
}

export const SCALE_DEFAULTS = { subscriptions: 20, deletedAccountsPerSubscription: 500, resourceGroupsPerSubscription: 10 } as const;

/** Soft-deleted storage accounts per subscription, spread over the 14 days. */
const DELETED_STORAGE_PER_SUBSCRIPTION = 3;

/** Soft-deleted API Management services per subscription, spread over their 48 hours. */
const DELETED_API_MANAGEMENT_SERVICES_PER_SUBSCRIPTION = 3;

/** Soft-deleted App Configuration stores per subscription, spread over the 7 days' retention. */
const DELETED_CONFIGURATION_STORES_PER_SUBSCRIPTION = 3;

/** Soft-deleted key vaults per subscription, spread over the first weeks of their 90 days' retention. */
const DELETED_VAULTS_PER_SUBSCRIPTION = 3;

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const KINDS = [
  'AIServices',
  'OpenAI',
  'CognitiveServices',
  'ComputerVision',
  'ContentSafety',
  'FormRecognizer',
  'Face',
  'TextAnalytics',
  'SpeechServices',
  'TextTranslation',
  'CustomVision.Training',
  'AnomalyDetector',
];

/** `5ca1e000-0000-4000-8000-0000000000NN`: valid, recognisable subscription ids for the scale world. */
export function scaleSubscriptionId(index: number): string {
  return `5ca1e000-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

export function seedScale(store: ArmStore, now: number, options: ScaleSeedOptions = {}): void {
  const subscriptions = options.subscriptions ?? SCALE_DEFAULTS.subscriptions;
  const perSubscription = options.deletedAccountsPerSubscription ?? SCALE_DEFAULTS.deletedAccountsPerSubscription;
  const groupsPerSubscription = options.resourceGroupsPerSubscription ?? SCALE_DEFAULTS.resourceGroupsPerSubscription;
  const regions = REGIONS.filter((r) => !isCanaryRegion(r.name));
  store.transaction(() => {
    for (let s = 1; s <= subscriptions; s++) {
      const sub = scaleSubscriptionId(s);
      store.upsertSubscription(subscriptionRecord(sub, `Scale Test ${String(s).padStart(2, '0')}`));
      assignRole(store, { principalId: DEMO_USERS.admin.objectId, role: 'Owner', scope: `/subscriptions/${sub}`, at: now });
      assignRole(store, { principalId: DEMO_SERVICE_PRINCIPAL.objectId, role: 'Owner', scope: `/subscriptions/${sub}`, principalType: 'ServicePrincipal', at: now });
      for (let g = 1; g <= groupsPerSubscription; g++) {
        // Every fifth group is gone, so some deleted accounts cannot be recovered.
        if (g % 5 === 0) continue;
        store.putResourceGroup({ subscriptionId: sub, name: `rg-scale-${g}`, location: regions[g % regions.length]!.name, tags: {}, createdAt: now });
      }
      const number = String(s).padStart(3, '0');
      /** The nth soft-deleted resource of a type: its group, and a region stepping by `stride` per resource. */
      const placed = (n: number, stride: number) => ({
        subscriptionId: sub,
        resourceGroup: `rg-scale-${(n % groupsPerSubscription) + 1}`,
        location: regions[(n * stride + s) % regions.length]!.name,
      });
      for (let d = 0; d < DELETED_STORAGE_PER_SUBSCRIPTION; d++) {
        store.putDeletedStorageAccount(buildDeletedStorageAccount({ ...placed(d, 5), name: `stscale${number}del${d}` }, now - (d * 4 + 1) * DAY, now));
      }
      for (let c = 0; c < DELETED_CONFIGURATION_STORES_PER_SUBSCRIPTION; c++) {
        const spec = { ...placed(c, 3), name: `appcs-scale-${number}-${c}`, enablePurgeProtection: c === 0 };
        store.putDeletedConfigurationStore(buildDeletedConfigurationStore(spec, now - (c * 2 + 1) * DAY, now));
      }
      for (let v = 0; v < DELETED_VAULTS_PER_SUBSCRIPTION; v++) {
        const spec = { ...placed(v, 6), name: `kv-scale-${number}-${v}`, enablePurgeProtection: v === 0 };
        store.putDeletedVault(buildDeletedVault(spec, now - (v * 10 + 1) * DAY, now));
      }
      for (let m = 0; m < DELETED_API_MANAGEMENT_SERVICES_PER_SUBSCRIPTION; m++) {
        store.putDeletedApiManagementService(buildDeletedApiManagementService({ ...placed(m, 4), name: `apim-scale-${number}-${m}` }, now - (m * 15 + 2) * HOUR, now));
      }
      for (let a = 0; a < perSubscription; a++) {
        const region = regions[(a * 7 + s) % regions.length]!;
        const minutesAgo = (a * 37 + s * 11) % (47 * 60);
        store.putDeletedAccount(
          buildDeletedAccount(
            {
              subscriptionId: sub,
              resourceGroup: `rg-scale-${(a % groupsPerSubscription) + 1}`,
              name: `scale-${String(s).padStart(2, '0')}-${String(a).padStart(5, '0')}`,
              location: a % 3 === 0 ? region.name.toUpperCase() : region.name,
              kind: KINDS[a % KINDS.length]!,
            },
            now - minutesAgo * 60_000,
            now,
          ),
        );
      }
    }
  });
}
