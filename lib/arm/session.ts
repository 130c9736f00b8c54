import 'server-only';
import { randomUUID } from 'node:crypto';
import {
  bearerTokenAuthenticationPolicyName,
  createDefaultHttpClient,
  type HttpClient,
  type Pipeline,
  type PipelinePolicy,
} from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/core-auth';
import { CognitiveServicesManagementClient } from '@azure/arm-cognitiveservices';
import { ResourceManagementClient } from '@azure/arm-resources';
// Subscriptions_List lives in arm-resources-subscriptions; @azure/arm-subscriptions has no list operation.
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { StorageManagementClient } from '@azure/arm-storage';
import { AppConfigurationManagementClient } from '@azure/arm-appconfiguration';
import { ApiManagementClient } from '@azure/arm-apimanagement';
import { MonitorClient } from '@azure/arm-monitor';
import { readPortalConfig } from '@/lib/config/portal-config';
import { userTokenCredential } from './credential';
import { armOriginGuard } from './origin-guard';

/** Retries for transient failures (429 with Retry-After, 5xx, dropped connections); bounded in count and delay. */
const RETRY_OPTIONS = { maxRetries: 3, retryDelayInMs: 500, maxRetryDelayInMs: 8_000 };

/**
 * One HTTP client (one keep-alive connection pool) for every SDK client of every action. Each SDK client
 * otherwise opens its own pool, so "All subscriptions" paid a TLS handshake per subscription and client:
 * `npm run bench` row 2 spent more CPU on handshakes than on its 10,000 accounts' own reshaping. Connections
 * carry no identity (each request brings its caller's token), so sharing them across users is safe.
 */
const sharedHttpClient: HttpClient = createDefaultHttpClient();

/** One correlation id for every request of one portal action, so ARM's logs and the UI's error line up. */
function correlationPolicy(correlationId: string): PipelinePolicy {
  return {
    name: 'portalCorrelationId',
    async sendRequest(request, next) {
      if (!request.headers.has('x-ms-correlation-request-id')) {
        request.headers.set('x-ms-correlation-request-id', correlationId);
      }
      return next(request);
    },
  };
}

/** The Azure SDK clients for one server action, all bound to the user's token and the configured endpoint. */
export class ArmSession {
  readonly correlationId = randomUUID();
  private readonly credential: TokenCredential;
  private readonly endpoint: string;
  /** Each client is made once per action: building one (its pipeline and policies) costs more than the request. */
  private readonly clients = new Map<string, unknown>();

  constructor(accessToken: string, armEndpoint: string = readPortalConfig().armEndpoint) {
    this.credential = userTokenCredential(accessToken);
    this.endpoint = armEndpoint;
  }

  private options() {
    return {
      endpoint: this.endpoint,
      $host: this.endpoint,
      httpClient: sharedHttpClient,
      credentialScopes: ['https://management.azure.com/.default'],
      retryOptions: RETRY_OPTIONS,
      userAgentOptions: { userAgentPrefix: 'deleted-resources-portal' },
      additionalPolicies: [
        { policy: correlationPolicy(this.correlationId), position: 'perCall' as const },
        // Innermost: sees every attempt, including redirects, right before it is sent.
        { policy: armOriginGuard(new URL(this.endpoint).origin), position: 'perRetry' as const },
      ],
    };
  }

  /**
   * Also guards before the bearer policy adds the token, so a status link or nextLink to another host (or to
   * http://) is refused as foreign by the portal rather than by whatever rule the SDK has for it.
   */
  private guarded<C extends { pipeline: Pipeline }>(client: C): C {
    client.pipeline.addPolicy(armOriginGuard(new URL(this.endpoint).origin, 'armOriginGuardBeforeSign'), {
      beforePolicies: [bearerTokenAuthenticationPolicyName],
    });
    return client;
  }

  /** The session's one client of a kind for a subscription, made (and guarded) on first use. */
  private once<C extends { pipeline: Pipeline }>(key: string, make: () => C): C {
    const known = this.clients.get(key) as C | undefined;
    if (known) return known;
    const client = this.guarded(make());
    this.clients.set(key, client);
    return client;
  }

  subscriptions(): SubscriptionClient {
    return this.once('subscriptions', () => {
      const { endpoint, httpClient, credentialScopes, retryOptions, userAgentOptions, additionalPolicies } = this.options();
      return new SubscriptionClient(this.credential, { endpoint, httpClient, credentialScopes, retryOptions, userAgentOptions, additionalPolicies });
    });
  }

  cognitiveServices(subscriptionId: string): CognitiveServicesManagementClient {
    return this.once(`cognitiveServices:${subscriptionId}`, () => new CognitiveServicesManagementClient(this.credential, subscriptionId, this.options()));
  }

  resources(subscriptionId: string): ResourceManagementClient {
    return this.once(`resources:${subscriptionId}`, () => new ResourceManagementClient(this.credential, subscriptionId, this.options()));
  }

  authorization(subscriptionId: string): AuthorizationManagementClient {
    return this.once(`authorization:${subscriptionId}`, () => new AuthorizationManagementClient(this.credential, subscriptionId, this.options()));
  }

  /**
   * arm-keyvault 5 is generated from TypeSpec on @azure-rest/core-client: it takes its token scopes as
   * `credentials.scopes` (left out, it would ask for `<endpoint>/.default`, which only Entra knows).
   */
  keyVault(subscriptionId: string): KeyVaultManagementClient {
    return this.once(`keyVault:${subscriptionId}`, () => {
      const { endpoint, httpClient, credentialScopes, retryOptions, userAgentOptions, additionalPolicies } = this.options();
      return new KeyVaultManagementClient(this.credential, subscriptionId, {
        endpoint,
        httpClient,
        credentials: { scopes: credentialScopes },
        retryOptions,
        userAgentOptions,
        additionalPolicies,
      });
    });
  }

  storage(subscriptionId: string): StorageManagementClient {
    return this.once(`storage:${subscriptionId}`, () => new StorageManagementClient(this.credential, subscriptionId, this.options()));
  }

  appConfiguration(subscriptionId: string): AppConfigurationManagementClient {
    return this.once(`appConfiguration:${subscriptionId}`, () => new AppConfigurationManagementClient(this.credential, subscriptionId, this.options()));
  }

  apiManagement(subscriptionId: string): ApiManagementClient {
    return this.once(`apiManagement:${subscriptionId}`, () => new ApiManagementClient(this.credential, subscriptionId, this.options()));
  }

  /** The activity log (who deleted what). */
  monitor(subscriptionId: string): MonitorClient {
    return this.once(`monitor:${subscriptionId}`, () => new MonitorClient(this.credential, subscriptionId, this.options()));
  }
}
