import path from 'node:path';
import { DEMO_PORTAL_CLIENT_ID, DEMO_TENANT } from './demo-world';

/**
 * Where the local stand-ins listen and keep their state. Every value can be overridden by an
 * environment variable (documented in README.md).
 */
export interface EmulatorConfig {
  stateDir: string;
  armPort: number;
  identityPort: number;
  portalPort: number;
  /** Host name the stand-ins put into URLs they hand out (issuer, nextLink, operation status). */
  host: string;
}

function portFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port '${value}'`);
  return port;
}

export function readEmulatorConfig(env: NodeJS.ProcessEnv = process.env): EmulatorConfig {
  return {
    // The portal imports this for ports only; keep Next's file tracing from following the state directory.
    stateDir: path.resolve(/*turbopackIgnore: true*/ env.EMULATOR_STATE_DIR ?? '.emulator'),
    armPort: portFrom(env.ARM_EMULATOR_PORT, 4443),
    identityPort: portFrom(env.IDENTITY_PORT, 4444),
    portalPort: portFrom(env.PORT, 3000),
    host: env.EMULATOR_HOST ?? 'localhost',
  };
}

export function armBaseUrl(config: Pick<EmulatorConfig, 'host' | 'armPort'>): string {
  return `https://${config.host}:${config.armPort}`;
}

export function identityBaseUrl(config: Pick<EmulatorConfig, 'host' | 'identityPort'>): string {
  return `https://${config.host}:${config.identityPort}`;
}

/**
 * The portal's settings for the local stand-ins, as environment variables: scripts/start.ts (and test and
 * bench harnesses) pass them to the portal, which itself knows nothing of the emulator.
 */
export function localPortalEnv(config: Pick<EmulatorConfig, 'host' | 'armPort' | 'identityPort'>): Record<string, string> {
  return {
    AZURE_CLIENT_ID: DEMO_PORTAL_CLIENT_ID,
    AZURE_TENANT_ID: DEMO_TENANT.id,
    AZURE_AUTHORITY: `${identityBaseUrl(config)}/${DEMO_TENANT.id}/v2.0`,
    ARM_ENDPOINT: armBaseUrl(config),
  };
}
