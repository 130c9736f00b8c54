/**
 * The e2e run's local Azure, seen from the tests: its admin API (reset, faults, clock) and ARM itself,
 * called as the demo service principal to check what the portal did.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Agent, fetch } from 'undici';
import { DEMO_SERVICE_PRINCIPAL, DEMO_TENANT } from '../../emulator/demo-world';
import { e2ePorts, e2eStateDir } from '../../playwright.config';

export const armUrl = `https://localhost:${e2ePorts.arm}`;
export const identityUrl = `https://localhost:${e2ePorts.identity}`;
export const authority = `${identityUrl}/${DEMO_TENANT.id}/v2.0`;

const dispatcher = new Agent({ connect: { ca: fs.readFileSync(path.join(e2eStateDir, 'ca.pem'), 'utf8') } });
const adminKey = () => fs.readFileSync(path.join(e2eStateDir, 'admin-key'), 'utf8').trim();

async function send(url: string, init: { method: string; headers?: Record<string, string>; body?: string }) {
  const response = await fetch(url, { ...init, dispatcher });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Calls the emulator's admin API; throws unless it answers 2xx. */
export async function admin(method: string, pathAndQuery: string, body?: unknown): Promise<unknown> {
  const result = await send(`${armUrl}/_emulator${pathAndQuery}`, {
    method,
    headers: { 'x-emulator-admin-key': adminKey(), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (result.status >= 300) throw new Error(`admin ${method} ${pathAndQuery}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

let servicePrincipalToken: { token: string; expiresAt: number } | undefined;

/** An ARM access token for the demo service principal (Owner everywhere), cached until a minute before expiry. */
export async function tokenForServicePrincipal(): Promise<string> {
  if (servicePrincipalToken && servicePrincipalToken.expiresAt > Date.now() + 60_000) return servicePrincipalToken.token;
  const response = await fetch(`${identityUrl}/${DEMO_TENANT.id}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: DEMO_SERVICE_PRINCIPAL.clientId,
      client_secret: DEMO_SERVICE_PRINCIPAL.secret,
      scope: 'https://management.azure.com/.default',
    }).toString(),
    dispatcher,
  });
  const body = (await response.json()) as { access_token: string; expires_in: number };
  servicePrincipalToken = { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
  return body.access_token;
}

/** A GET on ARM as the service principal (Owner everywhere): what is really there. */
export async function armGet(pathAndQuery: string): Promise<{ status: number; body: unknown }> {
  return armRequest('GET', pathAndQuery);
}

/**
 * Any ARM request, as the service principal unless `token` names someone else (e.g. a signed-in user's, see
 * e2e/support/user-token.ts), e.g. checkDomainAvailability to see whether a name is free.
 */
export async function armRequest(method: string, pathAndQuery: string, body?: unknown, token?: string): Promise<{ status: number; body: unknown }> {
  return send(`${armUrl}${pathAndQuery}`, {
    method,
    headers: { authorization: `Bearer ${token ?? (await tokenForServicePrincipal())}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** How many times the emulator's audit log records `kind` for each resource id (lower case) containing `idPart`. */
export async function eventCounts(kind: string, idPart = ''): Promise<Map<string, number>> {
  const body = (await admin('GET', '/events?after=0&limit=10000')) as { value: { kind: string; resourceId: string }[] };
  const counts = new Map<string, number>();
  for (const event of body.value) {
    const id = event.resourceId.toLowerCase();
    if (event.kind !== kind || !id.includes(idPart.toLowerCase())) continue;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** How many times the emulator purged each account of one resource group, by (lower-case) name, from its audit log. */
export async function purgesByAccount(resourceGroup: string): Promise<Map<string, number>> {
  const counts = await eventCounts('deletedAccountPurged', `/resourcegroups/${resourceGroup}/`);
  return new Map([...counts].map(([id, count]) => [id.split('/').pop() as string, count]));
}

/** The demo world, fresh: every test starts from the same seeded state with quick long-running operations. */
export async function resetDemoWorld(): Promise<void> {
  await admin('POST', '/reset', { seed: 'demo' });
  await admin('PUT', '/lro', { durationSeconds: 1 });
}
