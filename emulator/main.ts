/**
 * The local Azure: the sign-in provider and the ARM emulator, started together. Used by `npm run emulator`,
 * `npm start`, the Vitest conformance suites and the Playwright web server.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED_NAMES, type SeedName } from './arm/seed-names';
import { startArmServer } from './arm/server';
import { readEmulatorConfig, type EmulatorConfig } from './config';
import { startIdentityServer } from './identity/server';
import { ensureTls, tlsPaths } from './tls';

export type { SeedName } from './arm/seed-names';

export interface LocalAzureOptions {
  config: EmulatorConfig;
  seed?: SeedName;
  /** Origins of the portal(s) allowed to sign in; default: http://localhost:<portalPort>. */
  portalOrigins?: string[];
  accessTokenTtlSeconds?: number;
}

export interface LocalAzure {
  armUrl: string;
  identityUrl: string;
  /** The OpenID Connect authority MSAL uses. */
  authority: string;
  /** The ADFS-style authority the Azure CLI uses. */
  adfsAuthority: string;
  caPath: string;
  caPem: string;
  adminKey: string;
  close(): Promise<void>;
}

/** The key that guards the emulator's admin API; made once per state directory, readable only by its owner. */
export function ensureAdminKey(stateDir: string): string {
  const file = path.join(stateDir, 'admin-key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

export async function startLocalAzure(options: LocalAzureOptions): Promise<LocalAzure> {
  const { config } = options;
  const tls = ensureTls(config.stateDir);
  const adminKey = ensureAdminKey(config.stateDir);
  const portalOrigins = options.portalOrigins ?? [`http://localhost:${config.portalPort}`];

  const identity = await startIdentityServer({
    stateDir: config.stateDir,
    host: config.host,
    port: config.identityPort,
    tls,
    portalRedirectUris: portalOrigins.map((origin) => `${origin}/auth/redirect`),
    postLogoutRedirectUris: portalOrigins.map((origin) => `${origin}/`),
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
  });
  let arm;
  try {
    arm = await startArmServer({
      stateDir: config.stateDir,
      host: config.host,
      port: config.armPort,
      tls,
      trustedIssuers: [identity.issuer, identity.adfsIssuer],
      jwksUri: identity.jwksUri,
      adminKey,
      seed: options.seed ?? 'demo',
      caPem: tls.caPem,
    });
  } catch (error) {
    await identity.close();
    throw error;
  }
  const armServer = arm;
  return {
    armUrl: armServer.baseUrl,
    identityUrl: identity.baseUrl,
    authority: identity.issuer,
    adfsAuthority: identity.adfsIssuer,
    caPath: tlsPaths(config.stateDir).ca,
    caPem: tls.caPem,
    adminKey,
    async close() {
      await Promise.allSettled([armServer.close(), identity.close()]);
    },
  };
}

function seedFromArgs(argv: string[]): SeedName {
  const flag = argv.find((arg) => arg.startsWith('--seed='));
  const seed = flag?.slice('--seed='.length) ?? 'demo';
  if (!(SEED_NAMES as readonly string[]).includes(seed)) throw new Error(`Unknown seed '${seed}' (${SEED_NAMES.join(', ')})`);
  return seed as SeedName;
}

/**
 * PORTAL_EXTRA_ORIGINS: more portal origins that may sign in (comma-separated), e.g. a second portal instance
 * or a load balancer in front of several. Each must be an http(s) origin and nothing more.
 */
function originsFromEnv(value: string | undefined): string[] {
  if (!value) return [];
  return value.split(',').map((entry) => {
    const url = new URL(entry.trim());
    if (!/^https?:$/.test(url.protocol) || url.origin !== entry.trim().replace(/\/$/, '')) throw new Error(`Invalid PORTAL_EXTRA_ORIGINS entry '${entry}' (an origin such as http://localhost:3001)`);
    return url.origin;
  });
}

/** IDENTITY_ACCESS_TOKEN_TTL_SECONDS: short-lived tokens to see how clients cope with expiry (unset: the provider's default). */
function accessTokenTtlFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 86_400) throw new Error(`Invalid IDENTITY_ACCESS_TOKEN_TTL_SECONDS '${value}' (1-86400)`);
  return seconds;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const config = readEmulatorConfig();
  const azure = await startLocalAzure({
    config,
    portalOrigins: [`http://localhost:${config.portalPort}`, ...originsFromEnv(process.env.PORTAL_EXTRA_ORIGINS)],
    seed: seedFromArgs(process.argv.slice(2)),
    accessTokenTtlSeconds: accessTokenTtlFromEnv(process.env.IDENTITY_ACCESS_TOKEN_TTL_SECONDS),
  });
  console.log(`ARM emulator   ${azure.armUrl}\nSign-in        ${azure.authority}\nCA certificate ${azure.caPath}`);
  const stop = () => void azure.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
