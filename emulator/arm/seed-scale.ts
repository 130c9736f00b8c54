/**
 * The benchmark worlds: soft-deleted accounts over many subscriptions (admin and the service principal are
 * Owner on all), and in each subscription soft-deleted resources of every other type the emulator serves.
 * Deterministic names, regions, kinds and deletion times. `scale` (20 subscriptions x 500 deleted accounts and
 * 3 of each other type) is what most bench rows read; `scale-200` (SCALE_200: 200 subscriptions x 100 deleted
 * resources, 20 of each of the five types, 20,000 in all) is the ten-times-scale world.
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
  /** Soft-deleted key vaults, storage accounts, App Configuration stores and API Management services: this many of each per subscription. */
  deletedOfEachOtherTypePerSubscription?: number;
}

export const SCALE_DEFAULTS = {
  subscriptions: 20,
  deletedAccountsPerSubscription: 500,
  resourceGroupsPerSubscription: 10,
  deletedOfEachOtherTypePerSubscription: 3,
} as const;

/** The ten-times-scale world (seed `scale-200`): 200 subscriptions, 100 deleted resources in each, 20 per type. */
export const SCALE_200 = {
  subscriptions: 200,
  deletedAccountsPerSubscription: 20,
  resourceGroupsPerSubscription: 10,
  deletedOfEachOtherTypePerSubscription: 20,
} as const satisfies Required<ScaleSeedOptions>;

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
  const others = options.deletedOfEachOtherTypePerSubscription ?? SCALE_DEFAULTS.deletedOfEachOtherTypePerSubscription;
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
      // Deletion times step through each type's retention and wrap inside it, so every resource is still kept.
      for (let d = 0; d < others; d++) {
        store.putDeletedStorageAccount(buildDeletedStorageAccount({ ...placed(d, 5), name: `stscale${number}del${d}` }, now - (((d * 4) % 13) + 1) * DAY, now));
      }
      for (let c = 0; c < others; c++) {
        const spec = { ...placed(c, 3), name: `appcs-scale-${number}-${c}`, enablePurgeProtection: c === 0 };
        store.putDeletedConfigurationStore(buildDeletedConfigurationStore(spec, now - (((c * 2) % 6) + 1) * DAY, now));
      }
      for (let v = 0; v < others; v++) {
        const spec = { ...placed(v, 6), name: `kv-scale-${number}-${v}`, enablePurgeProtection: v === 0 };
        store.putDeletedVault(buildDeletedVault(spec, now - (((v * 10) % 80) + 1) * DAY, now));
      }
      for (let m = 0; m < others; m++) {
        store.putDeletedApiManagementService(buildDeletedApiManagementService({ ...placed(m, 4), name: `apim-scale-${number}-${m}` }, now - (((m * 15) % 45) + 2) * HOUR, now));
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
