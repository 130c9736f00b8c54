import 'server-only';
import { collect } from '@/lib/arm/operations';
import type { ArmSession } from '@/lib/arm/session';
import { readTimeout, softDeleteOperations } from '@/lib/arm/soft-delete';
import { normalizeRegion } from '@/lib/deleted-resources/regions';
import type { ResourceTypeOperations } from '../definition';
import { assessDeletedEntries, dateOrNull, locationOfDeletedId, parseResourceId, type DeletedEntry } from '../standalone';
import { apiManagementServices } from '.';

/** The RBAC actions (arm-contract-types §4.4). */
const API_MANAGEMENT_ACTIONS = {
  recover: 'Microsoft.ApiManagement/service/write',
  purge: 'Microsoft.ApiManagement/locations/deletedservices/delete',
};

async function listRows(session: ArmSession, subscriptionId: string, now: Date) {
  const services = await collect(session.apiManagement(subscriptionId).deletedServices.listBySubscription(readTimeout()));
  const entries = services.flatMap((service): DeletedEntry[] => {
    const original = parseResourceId(service.serviceId);
    // The id's segment is the short region name; the top-level `location` is a display name ("West US").
    const location = locationOfDeletedId(service.id) ?? (service.location ? normalizeRegion(service.location) : undefined);
    if (!service.id || !original || !location) return [];
    return [
      {
        id: service.id,
        ref: { type: apiManagementServices.id, subscriptionId: original.subscriptionId, resourceGroup: original.resourceGroup, location, name: original.name },
        deletedAt: dateOrNull(service.deletionDate),
        scheduledPurgeAt: dateOrNull(service.scheduledPurgeDate),
      },
    ];
  });
  return assessDeletedEntries(session, subscriptionId, now, API_MANAGEMENT_ACTIONS, entries);
}

export const apiManagementServiceOperations: ResourceTypeOperations = {
  list: listRows,
  ...softDeleteOperations({
    ownNotFoundCodes: ['ServiceNotFound'],
    getDeleted: (session, ref) => session.apiManagement(ref.subscriptionId).deletedServices.getByName(ref.name, ref.location, readTimeout()),
    getLive: (session, ref) => session.apiManagement(ref.subscriptionId).apiManagementService.get(ref.resourceGroup, ref.name, readTimeout()),
    // Restore = PUT the service with restore: true; ARM then ignores every other property (arm-contract-types §4.1).
    // The SDK's serializer still requires a SKU and a publisher, so placeholders that ARM ignores are sent.
    // 201 brings it back; 200 answers a service already live.
    recover: (session, ref, options) =>
      session.apiManagement(ref.subscriptionId).apiManagementService.beginCreateOrUpdateAndWait(
        ref.resourceGroup,
        ref.name,
        { location: ref.location, sku: { name: 'Developer', capacity: 1 }, publisherEmail: 'restore@example.invalid', publisherName: 'restore', restore: true },
        options,
      ),
    alreadyLiveStatus: 200,
    purge: (session, ref, options) => session.apiManagement(ref.subscriptionId).deletedServices.beginPurgeAndWait(ref.name, ref.location, options),
  }),
};
