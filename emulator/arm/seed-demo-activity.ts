/**
 * The demo world's activity log: who deleted each soft-deleted resource of the demo seed, and when (its deletion
 * time). Callers vary so that the portal's "Deleted by" shows users and the service principal; the operator deletes
 * only in the groups where it is Contributor. rg-hackathon was deleted as a group (one correlation id for the group
 * and each resource in it); rg-legacy-2019 and rg-temp-poc were emptied one resource at a time, then deleted.
 * Nothing is logged for what was deleted more than 90 days ago (ARM keeps 90 days).
 */
import crypto from 'node:crypto';
import { DEMO_PORTAL_CLIENT_ID, DEMO_SERVICE_PRINCIPAL, DEMO_SUBSCRIPTIONS, DEMO_TENANT, DEMO_USERS } from '../demo-world';
import { actorOf, beginEvent, endEvents, newOperation, type ActivityActor } from './activity-log';
import { accountId, apiManagementServiceId, configurationStoreId, resourceGroupId, storageAccountId, vaultId } from './representations';
import {
  DEMO_DELETED_ACCOUNTS,
  DEMO_DELETED_API_MANAGEMENT_SERVICES,
  DEMO_DELETED_CONFIGURATION_STORES,
  DEMO_DELETED_STORAGE,
  DEMO_DELETED_VAULTS,
} from './seed-demo';
import type { ActivityEventRecord, ArmStore } from './store';
import { ACTIVITY_LOG_RETENTION_MS } from './world';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const S = DEMO_SUBSCRIPTIONS.sandbox.subscriptionId;
const HOUR = 3600_000;

export type DemoDeleter = 'admin' | 'lead' | 'operator' | 'automation';

/** Who deleted a seeded resource when DELETED_BY does not name one: the subscription's usual hand. */
const USUAL_DELETER: Readonly<Record<string, DemoDeleter>> = { [P]: 'admin', [D]: 'lead', [S]: 'automation' };

/** Seeded resources deleted by someone else than their subscription's usual hand, by name. */
const DELETED_BY: Readonly<Record<string, DemoDeleter>> = {
  // The operator, only in its groups (Contributor on rg-ai-prod, rg-dev-ai, rg-dev-speech).
  'contoso-foundry-hub': 'operator',
  'contoso-multiservice': 'operator',
  stcontosospeechdata: 'operator',
  'appcs-contoso-prod': 'operator',
  'dev-openai-playground': 'operator',
  'dev-speech-stt': 'operator',
  'apim-dev-internal': 'operator',
  stdevoldlogs: 'operator',
  // The second Owner in Production.
  'contoso-openai-eastus': 'lead',
  'contoso-openai-gpt4o': 'lead',
  'kv-contoso-old': 'lead',
  'apim-contoso-gateway': 'lead',
  'appcs-contoso-flags': 'lead',
  // The automation service principal in Production and Dev/Test.
  'contoso-translator-web': 'automation',
  'contoso-docintel-receipts': 'automation',
  'kv-contoso-secure': 'automation',
  'dev-allinone-preview': 'automation',
  'kv-dev-protected': 'automation',
  'appcs-dev-settings': 'automation',
  // The admin in Dev/Test and Fabrikam Sandbox.
  'dev-textanalytics-eval': 'admin',
  'fabrikam-openai-labs': 'admin',
  'appcs-fabrikam-labs': 'admin',
  'kv-fabrikam-labs': 'admin',
};

/** Groups that are gone: deleted as a whole (their resources with them), or after being emptied. */
const DELETED_GROUPS: readonly { sub: string; rg: string; by: DemoDeleter; hoursAgo: number; cascaded: boolean }[] = [
  { sub: D, rg: 'rg-hackathon', by: 'lead', hoursAgo: 19, cascaded: true },
  { sub: P, rg: 'rg-legacy-2019', by: 'admin', hoursAgo: 25, cascaded: false },
  { sub: S, rg: 'rg-temp-poc', by: 'automation', hoursAgo: 28, cascaded: false },
];

export function deleterOf(sub: string, rg: string, name: string): DemoDeleter {
  const group = DELETED_GROUPS.find((g) => g.cascaded && g.sub === sub && g.rg === rg);
  return group?.by ?? DELETED_BY[name] ?? USUAL_DELETER[sub]!;
}

/** The token each demo identity signs in with, as its claims would be recorded. */
function tokenOf(who: DemoDeleter): Record<string, unknown> {
  const common = { aud: 'https://management.azure.com/', iss: `https://sts.windows.net/${DEMO_TENANT.id}/`, tid: DEMO_TENANT.id, ver: '1.0' };
  if (who === 'automation') {
    const sp = DEMO_SERVICE_PRINCIPAL;
    return { ...common, appid: sp.clientId, appidacr: '1', idtyp: 'app', oid: sp.objectId, sub: sp.objectId };
  }
  const user = DEMO_USERS[who];
  return {
    ...common,
    amr: ['pwd'],
    appid: DEMO_PORTAL_CLIENT_ID,
    appidacr: '0',
    idtyp: 'user',
    name: user.name,
    oid: user.objectId,
    scp: 'user_impersonation',
    sub: user.objectId,
    unique_name: user.upn,
    upn: user.upn,
  };
}

/** TEST-NET addresses (RFC 5737), one per identity. */
const ADDRESSES: Readonly<Record<DemoDeleter, string>> = { admin: '203.0.113.10', lead: '203.0.113.11', operator: '203.0.113.12', automation: '198.51.100.20' };
const ROLES: Readonly<Record<DemoDeleter, string>> = { admin: 'Owner', lead: 'Owner', operator: 'Contributor', automation: 'Owner' };

function actor(who: DemoDeleter): ActivityActor {
  return actorOf(tokenOf(who), {
    tenantId: DEMO_TENANT.id,
    correlationId: crypto.randomUUID(),
    clientRequestId: crypto.randomUUID(),
    clientIpAddress: ADDRESSES[who],
  });
}

interface Deletion {
  sub: string;
  rg: string;
  name: string;
  type: string;
  id: string;
  hoursAgo: number;
}

function deletions(): Deletion[] {
  const of = (sub: string, rg: string, name: string, type: string, id: string, hoursAgo: number): Deletion => ({ sub, rg, name, type, id, hoursAgo });
  return [
    ...DEMO_DELETED_ACCOUNTS.map((a) => of(a.sub, a.rg, a.name, 'Microsoft.CognitiveServices/accounts', accountId(a.sub, a.rg, a.name), a.hoursAgo)),
    ...DEMO_DELETED_VAULTS.map((v) => of(v.sub, v.rg, v.name, 'Microsoft.KeyVault/vaults', vaultId(v.sub, v.rg, v.name), v.hoursAgo)),
    ...DEMO_DELETED_STORAGE.map(([sub, rg, name, , hoursAgo]) => of(sub, rg, name, 'Microsoft.Storage/storageAccounts', storageAccountId(sub, rg, name), hoursAgo)),
    ...DEMO_DELETED_CONFIGURATION_STORES.map((c) =>
      of(c.sub, c.rg, c.name, 'Microsoft.AppConfiguration/configurationStores', configurationStoreId(c.sub, c.rg, c.name), c.hoursAgo),
    ),
    ...DEMO_DELETED_API_MANAGEMENT_SERVICES.map((s) =>
      of(s.sub, s.rg, s.name, 'Microsoft.ApiManagement/service', apiManagementServiceId(s.sub, s.rg, s.name), s.hoursAgo),
    ),
  ];
}

/** A DELETE's BeginRequest a second before its deletion time, its EndRequest (Succeeded, 200) at it. */
function deleteEvents(d: Deletion, who: DemoDeleter, by: ActivityActor, at: number): ActivityEventRecord[] {
  const action = `${d.type}/delete`;
  const op = newOperation({ subscriptionId: d.sub, action, resourceId: d.id, role: ROLES[who], method: 'DELETE', actor: by });
  return [beginEvent(op, at - 1000), ...endEvents(op, at, 200)];
}

export function seedDemoActivity(store: ArmStore, now: number): void {
  const keepFrom = now - ACTIVITY_LOG_RETENTION_MS;
  const events: ActivityEventRecord[] = [];
  const all = deletions();
  for (const d of all) {
    if (DELETED_GROUPS.some((g) => g.cascaded && g.sub === d.sub && g.rg === d.rg)) continue;
    const who = deleterOf(d.sub, d.rg, d.name);
    events.push(...deleteEvents(d, who, actor(who), now - d.hoursAgo * HOUR));
  }
  for (const group of DELETED_GROUPS) {
    const at = now - group.hoursAgo * HOUR;
    const by = actor(group.by);
    const op = newOperation({
      subscriptionId: group.sub,
      action: 'Microsoft.Resources/subscriptions/resourceGroups/delete',
      resourceId: resourceGroupId(group.sub, group.rg),
      role: ROLES[group.by],
      method: 'DELETE',
      actor: by,
    });
    events.push(beginEvent(op, at - 2000));
    if (group.cascaded) for (const d of all.filter((r) => r.sub === group.sub && r.rg === group.rg)) events.push(...deleteEvents(d, group.by, by, at));
    events.push(...endEvents(op, at, 202, at + 1000));
  }
  store.appendActivityEvents(
    events.filter((e) => e.at >= keepFrom),
    keepFrom,
  );
}
