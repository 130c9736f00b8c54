/**
 * Microsoft.Resources generic listing, `GET /subscriptions/{s}/resources?$filter=resourceType eq '<type>'&$top=N`,
 * for the resource types whose clients list through it: @azure/arm-keyvault's `vaults.list` and the Azure
 * CLI's `az keyvault` name lookups (contract §1.1). Any other filter, or none, is answered 501.
 */
import { readQueryParam } from '../api-versions';
import { errors } from '../errors';
import { toArmGenericVault } from '../representations';
import type { ArmStore } from '../store';
import { pageOf, type Handler } from './common';
import { VAULT_ACTIONS } from './key-vault';

interface Listing {
  /** The read action per resource; callers see the resource groups where it is granted. */
  readAction: string;
  list(store: ArmStore, subscriptionId: string, groups: readonly string[] | undefined): unknown[];
}

const LISTINGS = new Map<string, Listing>([
  [
    'microsoft.keyvault/vaults',
    {
      readAction: VAULT_ACTIONS.read,
      list: (store, sub, groups) =>
        store
          .listVaults(sub)
          .filter((v) => groups === undefined || groups.includes(v.resourceGroup.toLowerCase()))
          .map(toArmGenericVault),
    },
  ],
]);

const RESOURCE_TYPE_FILTER = /^\s*resourceType\s+eq\s+'([^']+)'\s*$/i;

export const listResources: Handler<'sub'> = ({ ctx, params, services, access }) => {
  const sub = params.sub;
  const filter = readQueryParam(ctx.url.searchParams, '$filter');
  const listing = LISTINGS.get(RESOURCE_TYPE_FILTER.exec(filter ?? '')?.[1]?.toLowerCase() ?? '');
  if (!listing) throw errors.notImplemented('GET', `${ctx.url.pathname}${filter === undefined ? '' : `?$filter=${filter}`}`);
  const topParam = readQueryParam(ctx.url.searchParams, '$top');
  const top = topParam === undefined ? services.world.listPageSize : Number(topParam);
  if (!Number.isInteger(top) || top < 1 || top > 1000) throw errors.invalidRequestContent(`The value '${topParam}' of the query parameter '$top' is invalid.`);
  const groups = access.groupsAllowing(sub, listing.readAction, `/subscriptions/${sub}`);
  return pageOf(ctx, listing.list(services.store, sub, groups), top, (item) => item);
};
