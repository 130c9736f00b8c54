/**
 * The names under which a recovery plan knows its steps. A step needed by several accounts has one key, so
 * the plan runs it once: a resource group by subscription and name, a Key Vault by its (globally unique)
 * name, a storage account by subscription and name, a deleted account by its ARM id.
 */
export const prerequisiteKey = {
  resourceGroup: (subscriptionId: string, resourceGroup: string) => `rg:${subscriptionId}/${resourceGroup}`.toLowerCase(),
  keyVault: (name: string) => `kv:${name}`.toLowerCase(),
  storageAccount: (subscriptionId: string, name: string) => `st:${subscriptionId}/${name}`.toLowerCase(),
  account: (id: string) => `account:${id}`.toLowerCase(),
};
