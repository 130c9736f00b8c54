import 'server-only';
import { collect } from '@/lib/arm/operations';
import type { ArmSession } from '@/lib/arm/session';
import { readTimeout, softDeleteOperations } from '@/lib/arm/soft-delete';
import type { ResourceTypeOperations } from '../definition';
import { assessDeletedEntries, purgeProtectedUntil, dateOrNull, locationOfDeletedId, parseResourceId, type DeletedEntry } from '../standalone';
import { appConfigurationStores } from '.';

/** The RBAC actions (arm-contract-types §3.5); a list without read is refused with 403. */
const APP_CONFIGURATION_ACTIONS = {
  recover: 'Microsoft.AppConfiguration/configurationStores/write',
  purge: 'Microsoft.AppConfiguration/locations/deletedConfigurationStores/purge/action',
};

async function listRows(session: ArmSession, subscriptionId: string, now: Date) {
  const stores = await collect(session.appConfiguration(subscriptionId).configurationStores.listDeleted(readTimeout()));
  const entries = stores.flatMap((store): DeletedEntry[] => {
    const original = parseResourceId(store.configurationStoreId);
    const location = locationOfDeletedId(store.id) ?? store.location;
    if (!store.id || !original || !location) return [];
    const scheduledPurgeAt = dateOrNull(store.scheduledPurgeDate);
    return [
      {
        id: store.id,
        ref: { type: appConfigurationStores.id, subscriptionId: original.subscriptionId, resourceGroup: original.resourceGroup, location, name: original.name },
        deletedAt: dateOrNull(store.deletionDate),
        scheduledPurgeAt,
        ...(store.purgeProtectionEnabled
          ? { purgeRefused: purgeProtectedUntil(scheduledPurgeAt) }
          : {}),
      },
    ];
  });
  return assessDeletedEntries(session, subscriptionId, now, APP_CONFIGURATION_ACTIONS, entries);
}

export const appConfigurationStoreOperations: ResourceTypeOperations = {
  list: listRows,
  ...softDeleteOperations({
    getDeleted: (session, ref) => session.appConfiguration(ref.subscriptionId).configurationStores.getDeleted(ref.location, ref.name, readTimeout()),
    getLive: (session, ref) => session.appConfiguration(ref.subscriptionId).configurationStores.get(ref.resourceGroup, ref.name, readTimeout()),
    // Recover = PUT the store with createMode "Recover", the body the Azure CLI sends (arm-contract-types §3.1):
    // ARM brings back the old store and ignores the rest. 201 recreates it; 200 answers a store already live.
    recover: (session, ref, options) =>
      session
        .appConfiguration(ref.subscriptionId)
        .configurationStores.beginCreateAndWait(ref.resourceGroup, ref.name, { location: ref.location, sku: { name: 'Standard' }, createMode: 'Recover' }, options),
    alreadyLiveStatus: 200,
    purge: (session, ref, options) => session.appConfiguration(ref.subscriptionId).configurationStores.beginPurgeDeletedAndWait(ref.location, ref.name, options),
  }),
};
