import crypto from 'node:crypto';

/**
 * OAuth error bodies the way Entra ID writes them: the AADSTS code leads `error_description`, followed by
 * trace id, correlation id and timestamp, and `error_codes` repeats the number. Tools (MSAL, az) show the
 * description to people and some branch on the code.
 */
export interface EntraErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

export interface EntraError {
  status: number;
  body: EntraErrorBody;
}

export function entraError(
  status: number,
  error: string,
  code: number,
  message: string,
  correlationId: string = crypto.randomUUID(),
): EntraError {
  const traceId = crypto.randomUUID();
  const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp.replace('T', ' ')}`,
      error_codes: [code],
      timestamp: timestamp.replace('T', ' '),
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

export function invalidClientSecret(clientId: string, correlationId?: string): EntraError {
  return entraError(
    401,
    'invalid_client',
    7000215,
    `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
    correlationId,
  );
}

export function unknownClient(clientId: string, tenantId: string, correlationId?: string): EntraError {
  return entraError(
    400,
    'unauthorized_client',
    700016,
    `Application with identifier '${clientId}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    correlationId,
  );
}

export function missingParameter(name: string, correlationId?: string): EntraError {
  return entraError(
    400,
    'invalid_request',
    900144,
    `The request body must contain the following parameter: '${name}'.`,
    correlationId,
  );
}

export function unsupportedGrantType(correlationId?: string): EntraError {
  return entraError(
    400,
    'unsupported_grant_type',
    70003,
    'The app requested an unsupported grant type.',
    correlationId,
  );
}

export function invalidScope(scope: string, correlationId?: string): EntraError {
  return entraError(
    400,
    'invalid_scope',
    1002012,
    `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    correlationId,
  );
}

export function unknownResource(resource: string, tenantName: string, correlationId?: string): EntraError {
  return entraError(
    400,
    'invalid_resource',
    500011,
    `The resource principal named ${resource} was not found in the tenant named ${tenantName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    correlationId,
  );
}

export function invalidGrant(detail: string, correlationId?: string): EntraError {
  return entraError(400, 'invalid_grant', 70000, `The provided value for the input parameter is not valid. ${detail}`, correlationId);
}

export function crossOriginRefused(correlationId?: string): EntraError {
  return entraError(
    400,
    'invalid_request',
    9002326,
    "Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin is not a registered redirect URI origin of the app.",
    correlationId,
  );
}
