/**
 * The error factory: every failure the emulator answers with is built here, with the code, status and
 * message text Azure Resource Manager (or the resource provider behind it) uses, so clients that branch on
 * `error.code` or show `error.message` behave as they do against Azure.
 */

export interface ArmErrorBody {
  code: string;
  message: string;
  target?: string;
  details?: ArmErrorBody[];
  additionalInfo?: { type: string; info: unknown }[];
}

export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly target?: string,
  ) {
    super(message);
    this.name = 'ArmError';
  }

  toBody(): { error: ArmErrorBody } {
    const error: ArmErrorBody = { code: this.code, message: this.message };
    if (this.target !== undefined) error.target = this.target;
    return { error };
  }

  /** The body the serializer sends. */
  responseBody(): unknown {
    return this.toBody();
  }
}

/**
 * An error of a service behind ARM that answers in its own shape: PascalCase and not nested under `error`, as the
 * activity log does (`{"Code":"BadRequest","Message":"..."}`, contract §5.1).
 */
export class FlatArmError extends ArmError {
  override responseBody(): unknown {
    return { Code: this.code, Message: this.message };
  }
}

/** ARM's .NET-style UTC rendering used in token expiry messages: `3/19/2023 8:55:46 AM`. */
export function formatDotNetUtc(date: Date): string {
  const hours = date.getUTCHours();
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ` +
    `${hour12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`
  );
}

export const errors = {
  missingApiVersion: () =>
    new ArmError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.'),

  invalidApiVersion: (version: string, supported: readonly string[]) =>
    new ArmError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${version}' is invalid. The supported versions are '${supported.join(',')}'.`,
    ),

  authorizationHeaderMissing: () =>
    new ArmError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing."),

  authorizationHeaderMalformed: () =>
    new ArmError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is provided in an invalid format."),

  invalidToken: (message = 'The access token is invalid.') => new ArmError(401, 'InvalidAuthenticationToken', message),

  invalidTokenAudience: (audience: string, allowed: readonly string[]) =>
    new ArmError(
      401,
      'InvalidAuthenticationTokenAudience',
      `The access token has been obtained for wrong audience or resource '${audience}'. ` +
        `It should exactly match with one of the allowed audiences ${allowed.map((a) => `'${a}'`).join(',')}.`,
    ),

  invalidTokenIssuer: (issuer: string, tenantId: string, authority: string) =>
    new ArmError(
      401,
      'InvalidAuthenticationTokenTenant',
      `The access token is from the wrong issuer '${issuer}'. It must match the tenant '${tenantId}' associated with ` +
        `this subscription. Please use the authority (URL) '${authority}' to get the token.`,
    ),

  expiredToken: (expiry: Date, now: Date) =>
    new ArmError(
      401,
      'ExpiredAuthenticationToken',
      `The access token expiry UTC time '${formatDotNetUtc(expiry)}' is earlier than current UTC time '${formatDotNetUtc(now)}'.`,
    ),

  authorizationFailed: (client: string, objectId: string, action: string, scope: string) =>
    new ArmError(
      403,
      'AuthorizationFailed',
      `The client '${client}' with object id '${objectId}' does not have authorization to perform action '${action}' ` +
        `over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    ),

  invalidSubscriptionId: (id: string) =>
    new ArmError(400, 'InvalidSubscriptionId', `The provided subscription identifier '${id}' is malformed or invalid.`),

  subscriptionNotFound: (id: string) =>
    new ArmError(404, 'SubscriptionNotFound', `The subscription '${id}' could not be found.`),

  resourceGroupNotFound: (rg: string) =>
    new ArmError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`),

  invalidResourceGroupName: (rg: string) =>
    new ArmError(
      400,
      'InvalidResourceGroup',
      `The provided resource group name '${rg}' has these invalid characters or length. ` +
        "The name can be only a letter, digit, '-', '.', '(', ')' or '_', at most 90 characters, and cannot end with '.'.",
    ),

  resourceNotFound: (type: string, name: string, rg: string) =>
    new ArmError(
      404,
      'ResourceNotFound',
      `The Resource '${type}/${name}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    ),

  deletedAccountNotFound: (location: string, rg: string, name: string) =>
    new ArmError(
      404,
      'ResourceNotFound',
      `The Resource 'Microsoft.CognitiveServices/locations/${location}/resourceGroups/${rg}/deletedAccounts/${name}' was not found. ` +
        'For more details please go to https://aka.ms/ARMResourceNotFoundFix',
    ),

  invalidSkipToken: () => new ArmError(400, 'InvalidSkipToken', 'The provided skip token is invalid or has expired.'),

  locationNotAvailable: (location: string, resourceType: string, available: readonly string[]) =>
    new ArmError(
      400,
      'LocationNotAvailableForResourceType',
      `The provided location '${location}' is not available for resource type '${resourceType}'. ` +
        `List of available regions for the resource type is '${available.join(',')}'.`,
    ),

  locationNotAvailableForResourceGroup: (location: string, available: readonly string[]) =>
    new ArmError(
      400,
      'LocationNotAvailableForResourceGroup',
      `The provided location '${location}' is not available for resource group. List of available regions is '${available.join(',')}'.`,
    ),

  invalidResourceGroupLocation: (requested: string, existing: string) =>
    new ArmError(
      409,
      'InvalidResourceGroupLocation',
      `Invalid resource group location '${requested}'. The Resource group already exists in location '${existing}'.`,
    ),

  invalidSubdomainName: (subdomain: string) =>
    new ArmError(400, 'InvalidSubdomainName', `The custom subdomain name '${subdomain}' is invalid. It must be 2 to 64 characters of letters, digits and hyphens, and start and end with a letter or digit.`),

  missingProperty: (property: string) =>
    new ArmError(400, 'InvalidRequestContent', `The request content was invalid: the required property '${property}' is missing.`),

  invalidResourceName: (name: string, type: string, rule: string) =>
    new ArmError(400, 'InvalidResourceName', `Resource name '${name}' is invalid for resource type '${type}'. ${rule}`),

  invalidResourceNamespace: (namespace: string) =>
    new ArmError(400, 'InvalidResourceNamespace', `The resource namespace '${namespace}' is invalid.`),

  invalidResourceType: (type: string, namespace: string, apiVersion: string) =>
    new ArmError(
      404,
      'InvalidResourceType',
      `The resource type '${type}' could not be found in the namespace '${namespace}' for api version '${apiVersion}'.`,
    ),

  notImplemented: (method: string, path: string) =>
    new ArmError(
      501,
      'NotImplemented',
      `The local ARM emulator does not implement '${method} ${path}'. See emulator/arm/README.md for what it covers.`,
    ),

  noRoute: (method: string, path: string) =>
    new ArmError(404, 'NotFound', `No HTTP resource was found that matches the request URI '${path}' for method '${method}'.`),

  methodNotAllowed: (method: string) =>
    new ArmError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`),

  invalidRequestContent: (message: string) => new ArmError(400, 'InvalidRequestContent', message),

  unsupportedMediaType: () =>
    new ArmError(415, 'UnsupportedMediaType', "The content media type 'text/plain' is not supported. Only 'application/json' is supported."),

  locationRequired: () =>
    new ArmError(400, 'LocationRequired', 'The location property is required for this definition.'),

  flagMustBeSetForRestore: (sub: string, rg: string, name: string) =>
    new ArmError(
      409,
      'FlagMustBeSetForRestore',
      `An existing resource with ID '/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.CognitiveServices/accounts/${name}' ` +
        "has been soft-deleted. To restore the resource, you must specify 'restore' to be 'true' in the property. " +
        "If you don't want to restore existing resource, please purge it first.",
    ),

  customDomainInUse: (subdomain: string) =>
    new ArmError(
      409,
      'CustomDomainInUse',
      `Please pick a different name. The subdomain name '${subdomain}' is not available as it's already used by a resource. ` +
        'If the resource using the name was deleted in the last 48 hours, you may need to purge the deleted resource.',
    ),

  // The two prerequisite errors below are the emulator's choice: the Cognitive Services resource provider's
  // exact texts are not published. They follow ARM conventions (409 Conflict, a code naming the missing thing).
  keyVaultNotFoundForRestore: (name: string, keyVaultUri: string) =>
    new ArmError(
      409,
      'KeyVaultNotFound',
      `The key vault '${keyVaultUri}' that holds the customer-managed key of account '${name}' could not be found. ` +
        'Recover or recreate the key vault, then retry.',
    ),

  userOwnedStorageNotFound: (name: string, storageId: string) =>
    new ArmError(
      409,
      'UserOwnedStorageNotFound',
      `The storage account '${storageId}' used as user-owned storage by account '${name}' could not be found. ` +
        'Recover or recreate the storage account, then retry.',
    ),

  nothingToRestore: (sub: string, rg: string, name: string) =>
    new ArmError(
      404,
      'ResourceNotFound',
      `No soft-deleted resource with ID '/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.CognitiveServices/accounts/${name}' ` +
        'was found to restore. It may have been purged or its retention period may have ended.',
    ),

  requestConflict: (id: string) =>
    new ArmError(
      409,
      'RequestConflict',
      `Cannot modify resource with id '${id}' because the resource entity provisioning state is not terminal. Please wait for the provisioning state to become terminal and then retry the request.`,
    ),

  vaultNameTaken: (name: string) =>
    new ArmError(
      409,
      'VaultAlreadyExists',
      `The vault name '${name}' is already in use. Vault names are globally unique so it is possible that the name is already taken.`,
    ),

  // Contract §1.4 (📄 data-safe-haven#2523, azure-cli#29115): a create in the subscription that holds the name soft-deleted.
  vaultNameSoftDeleted: () =>
    new ArmError(
      409,
      'ConflictError',
      'A vault with the same name already exists in deleted state. You need to either recover or purge existing key vault. ' +
        'Follow this link https://go.microsoft.com/fwlink/?linkid=2149745 for more information on soft delete.',
    ),

  // Contract §1.4 (📄 customer log, terraform-provider-azurerm#12972): createMode "recover" with nothing to recover.
  softDeletedVaultDoesNotExist: () =>
    new ArmError(
      400,
      'SoftDeletedVaultDoesNotExist',
      'A soft deleted vault with the given name does not exist. Ensure that the name for the vault that is being attempted to recover is in a recoverable state.',
    ),

  // ⚠️ Unverified (contract §1.4, §6.2): the code is what teardown scripts and Az PowerShell name; the 404 status
  // and this wording are the emulator's.
  deletedVaultNotFound: (location: string, name: string) =>
    new ArmError(404, 'DeletedVaultNotFound', `Deleted vault '${name}' does not exist in location '${location}'.`),

  // ⚠️ Unverified (contract §1.4, §6.1): code and message as quoted in microsoft/AzureTRE#1446 (one 2024 report
  // says `InvalidOperation`); no source shows the status line or whether it comes from the POST or the poll.
  // The emulator refuses the POST itself with 405, the status that goes with MethodNotAllowed.
  deletedVaultPurgeNotAllowed: () => new ArmError(405, 'MethodNotAllowed', "Operation 'DeletedVaultPurge' is not allowed."),

  // Contract §1.3 (✅ SDK comment; 📄 azure-cli#29115): purge protection cannot be turned off.
  purgeProtectionIrreversible: () =>
    new ArmError(
      400,
      'BadRequest',
      'The property "enablePurgeProtection" cannot be set to false. Enabling the purge protection for a vault is an irreversible action.',
    ),

  storageNameTaken: (name: string) =>
    new ArmError(409, 'StorageAccountAlreadyTaken', `The storage account named ${name} is already taken.`),

  // ⚠️ Unverified: no recording of Storage's deletedAccounts endpoints exists (contract §2.4). ARM's usual
  // 404 ResourceNotFound, naming the deleted account's type and location.
  deletedStorageAccountNotFound: (location: string, name: string) =>
    new ArmError(
      404,
      'ResourceNotFound',
      `The Resource 'Microsoft.Storage/locations/${location}/deletedAccounts/${name}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    ),

  // ⚠️ Unverified, the emulator's choice (contract §2.4: code and status unknown): a restore PUT whose
  // deletedAccountCreationTime matches no deleted account (retention over, name reused, wrong time or place).
  // The first sentence is the Azure portal's text for a failed storage recovery.
  storageAccountNotRecoverable: (name: string, creationTime: string, location: string) =>
    new ArmError(
      404,
      'DeletedStorageAccountNotFound',
      `The storage account "${name}" could not be recovered. If the issue persists, we may not be able to recover this storage account. ` +
        `No soft-deleted storage account '${name}' created at '${creationTime}' in location '${location}' was found in this subscription and resource group: ` +
        'it may have been deleted more than 14 days ago, or a new account with that name may have been created since.',
    ),

  // Contract §3.4 (📄 azure-cli#22714, a terraform log): a create whose name is held, live or soft-deleted, fails
  // through the LRO with this code and text. Only its body is used: it is the failed operation's `error`.
  configurationStoreNameUnavailable: () => new ArmError(409, 'NameUnavailable', 'The specified name is already in use.'),

  // ⚠️ Unverified (contract §3.4, §6.4: no source): ARM's usual 404 ResourceNotFound, naming the deleted store.
  deletedConfigurationStoreNotFound: (location: string, name: string) =>
    new ArmError(
      404,
      'ResourceNotFound',
      `The Resource 'Microsoft.AppConfiguration/locations/${location}/deletedConfigurationStores/${name}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    ),

  // ⚠️ Unverified (contract §3.4: no source): createMode "Recover" with no soft-deleted store of that name in this
  // subscription and resource group (retention over, purged, never deleted).
  configurationStoreNotRecoverable: (rg: string, name: string) =>
    new ArmError(
      404,
      'ResourceNotFound',
      `No soft-deleted configuration store named '${name}' was found in resource group '${rg}' to recover. ` +
        'It may have been purged or its retention period may have ended.',
    ),

  // ⚠️ Unverified, the emulator's choice (contract §3.4, §6.4: no source for code, status or text): a purge under
  // purge protection is refused on the POST itself, before any operation starts.
  configurationStorePurgeProtected: (name: string, scheduledPurgeDate: string) =>
    new ArmError(
      409,
      'PurgeProtectionEnabled',
      `The configuration store '${name}' has purge protection enabled and cannot be purged before its scheduled purge date '${scheduledPurgeDate}'.`,
    ),

  // Contract §3.3 (📄 azure-cli PR #21362): the code is InvalidProperty; the source truncates the text, this
  // wording is the emulator's ⚠️.
  configurationStorePurgeProtectionIrreversible: () =>
    new ArmError(400, 'InvalidProperty', "The property 'EnablePurgeProtection' cannot be set to false once purge protection is enabled."),

  // ⚠️ Unverified: retention is set at creation only (docs); code as above, text the emulator's.
  configurationStoreRetentionImmutable: () =>
    new ArmError(400, 'InvalidProperty', "The property 'SoftDeleteRetentionInDays' cannot be changed after the configuration store is created."),

  // Contract §4.3 (📄 terraform-provider-azurerm#11580, #12839): code and text as reported. ⚠️ The status is
  // unverified: 409, as ARM answers a name conflict.
  apiManagementServiceSoftDeleted: (name: string) =>
    new ArmError(
      409,
      'ServiceAlreadyExistsInSoftDeletedState',
      `Api service ${name} was soft-deleted. In order to create the new service with the same name, you have to either undelete the service or purge it. See https://aka.ms/apimsoftdelete.`,
    ),

  // ⚠️ Unverified: a live service of another resource group or subscription holds the name (names are global).
  apiManagementServiceNameTaken: (name: string) => new ArmError(409, 'ServiceAlreadyExists', `Api service already exists: ${name}`),

  // ⚠️ Unverified (contract §4.3: "ServiceNotFound" reported for a purge in 2021; no status or text): a deleted
  // service that does not exist in that subscription and location, on get or purge.
  deletedApiManagementServiceNotFound: (name: string) => new ArmError(404, 'ServiceNotFound', `Api service does not exist: ${name}`),

  // ⚠️ Unverified, the emulator's choice (contract §4.3: the RP "will error", no code quoted): restore:true with no
  // soft-deleted service of that name in this subscription and resource group.
  apiManagementServiceNotRestorable: (rg: string, name: string) =>
    new ArmError(
      404,
      'ServiceNotFound',
      `Api service ${name} cannot be restored: no soft-deleted API Management service with this name was found in resource group '${rg}' ` +
        'of this subscription. It may have been purged, or its 48-hour retention period may have ended.',
    ),

  operationNotFound: (id: string) =>
    new ArmError(404, 'OperationNotFound', `The operation '${id}' could not be found.`),

  tooManyRequests: (retryAfterSeconds: number) =>
    new ArmError(429, 'TooManyRequests', 'The request is being throttled.', { 'retry-after': String(retryAfterSeconds) }),

  /**
   * An empty ARM throttle bucket (throttle.ts). The per-principal subscription answer is recorded (an
   * azure-sdk-for-go ResponseError from ARO-HCP's CI, 2026, kept in roivaz/ARO-HCP-CIHealth's failure-pattern
   * tests): 429 `SubscriptionRequestsThrottled`, "Number of 'read' requests for subscription '<id>' actor
   * '<object id>' exceeded. Please try again after '10' seconds after additional tokens are available. Refer to
   * https://aka.ms/arm-throttling for additional information." ⚠️ Unverified, the emulator's choice: the global
   * bucket's text (the same without the actor) and the tenant one (`TenantRequestsThrottled`, a code clients
   * list as ARM's, with the same sentence about the tenant).
   */
  requestsThrottled: (scope: 'subscription' | 'global' | 'tenant', kind: 'reads' | 'writes' | 'deletes', id: string, actor: string, retryAfterSeconds: number) => {
    const noun = kind.slice(0, -1);
    const target = scope === 'tenant' ? `tenant '${id}'` : `subscription '${id}'`;
    const who = scope === 'global' ? '' : ` actor '${actor}'`;
    return new ArmError(
      429,
      scope === 'tenant' ? 'TenantRequestsThrottled' : 'SubscriptionRequestsThrottled',
      `Number of '${noun}' requests for ${target}${who} exceeded. Please try again after '${retryAfterSeconds}' seconds after additional tokens are available. ` +
        'Refer to https://aka.ms/arm-throttling for additional information.',
      { 'retry-after': String(retryAfterSeconds) },
    );
  },

  internalServerError: (correlationId: string) =>
    new ArmError(
      500,
      'InternalServerError',
      `Encountered internal server error. Diagnostic information: timestamp '${new Date().toISOString()}', ` +
        `tracking id '${correlationId}', request correlation id '${correlationId}'.`,
    ),

  serviceUnavailable: (retryAfterSeconds: number) =>
    new ArmError(
      503,
      'ServiceUnavailable',
      'The server is currently unable to receive requests. Please retry your request.',
      { 'retry-after': String(retryAfterSeconds) },
    ),

  /** Recorded (contract §5.1, REC monitor/test_activity_log_list_scenario.yaml): code, status, text and the flat shape. */
  activityLogStartTooOld: () => new FlatArmError(400, 'BadRequest', 'The start time cannot be more than 90 days in the past.'),

  /** ⚠️ The shape and code follow the recorded 90-day error; the text is the emulator's (no bad-filter answer was recorded). */
  activityLogBadFilter: (reason: string) => new FlatArmError(400, 'BadRequest', `The $filter is not valid: ${reason}`),
};
