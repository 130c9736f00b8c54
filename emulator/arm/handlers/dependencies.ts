/**
 * Microsoft.KeyVault/vaults, far enough for recover's prerequisites: they can exist, be listed, be deleted and
 * be created again. (Storage accounts are in storage.ts.)
 */
import { z } from 'zod';
import { DEMO_TENANT } from '../../demo-world';
import { errors } from '../errors';
import { empty, json } from '../pipeline';
import { canonicalRegion, REGION_DISPLAY_NAMES } from '../regions';
import { toArmVault } from '../representations';
import type { VaultRecord } from '../store';
import { pageOf, parseBody, requireResourceGroup, type Handler } from './common';

const VAULT_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;

const tags = z.record(z.string().max(512), z.string().max(256)).optional();

const vaultBody = z.object({
  location: z.string().max(100).optional(),
  tags,
  properties: z
    .object({
      tenantId: z.string().max(64).optional(),
      sku: z.object({ family: z.string().max(8), name: z.enum(['standard', 'premium']) }).optional(),
      enableSoftDelete: z.boolean().optional(),
      softDeleteRetentionInDays: z.number().int().min(7).max(90).optional(),
      enablePurgeProtection: z.boolean().optional(),
      enableRbacAuthorization: z.boolean().optional(),
    })
    .optional(),
});

export const putVault: Handler = ({ ctx, params, services }) => {
  const { store, world } = services;
  const group = requireResourceGroup(store, params.sub!, params.rg!);
  const name = params.name!;
  if (!VAULT_NAME.test(name) || name.includes('--')) {
    throw errors.invalidResourceName(name, 'Microsoft.KeyVault/vaults', 'Vault names are 3-24 characters of letters, digits and single hyphens, starting with a letter.');
  }
  const body = parseBody(vaultBody, ctx.body);
  const existing = store.getVault(params.sub!, group.name, name);
  if (!existing && store.findVaultByName(name)) throw errors.vaultNameTaken(name);
  const location = body.location ?? existing?.location;
  if (!location) throw errors.locationRequired();
  if (!canonicalRegion(location)) throw errors.locationNotAvailable(location, 'Microsoft.KeyVault/vaults', REGION_DISPLAY_NAMES);
  const record: VaultRecord = {
    subscriptionId: params.sub!,
    resourceGroup: group.name,
    name: existing?.name ?? name,
    location,
    tags: body.tags ?? existing?.tags ?? {},
    properties: {
      tenantId: DEMO_TENANT.id,
      sku: { family: 'A', name: 'standard' },
      accessPolicies: [],
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enableRbacAuthorization: true,
      publicNetworkAccess: 'Enabled',
      ...existing?.properties,
      ...body.properties,
    },
    createdAt: existing?.createdAt ?? world.now(),
  };
  const outcome = store.putVault(record);
  return json(outcome === 'created' ? 201 : 200, toArmVault(record));
};

export const getVault: Handler = ({ params, services }) => {
  const group = requireResourceGroup(services.store, params.sub!, params.rg!);
  const vault = services.store.getVault(params.sub!, group.name, params.name!);
  if (!vault) throw errors.resourceNotFound('Microsoft.KeyVault/vaults', params.name!, params.rg!);
  return json(200, toArmVault(vault));
};

export const deleteVault: Handler = ({ params, services }) => {
  const group = requireResourceGroup(services.store, params.sub!, params.rg!);
  return empty(services.store.deleteVault(params.sub!, group.name, params.name!) ? 200 : 204);
};

export const listVaultsInGroup: Handler = ({ ctx, params, services }) => {
  const group = requireResourceGroup(services.store, params.sub!, params.rg!);
  return pageOf(ctx, services.store.listVaults(params.sub!, group.name), services.world.listPageSize, toArmVault);
};

export const listVaultsInSubscription: Handler = ({ ctx, params, services, access }) => {
  const groups = access.groupsAllowing(params.sub!, 'Microsoft.KeyVault/vaults/read', `/subscriptions/${params.sub}`);
  const vaults = services.store.listVaults(params.sub!).filter((v) => groups === undefined || groups.includes(v.resourceGroup.toLowerCase()));
  return pageOf(ctx, vaults, services.world.listPageSize, toArmVault);
};
