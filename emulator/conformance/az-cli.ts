/**
 * The real Azure CLI (Debian's azure-cli) signed in to a local Azure, for conformance tests: the README's
 * lines (register the local cloud, sign in as the demo service principal) in a config directory of its own.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEMO_SERVICE_PRINCIPAL, DEMO_TENANT } from '../demo-world';
import type { TestAzure } from './harness';

const run = promisify(execFile);

export const azInstalled = fs.existsSync('/usr/bin/az');

// CI installs az (.ci/run); a developer without it gets a skip, CI never does.
if (!azInstalled && process.env.CI) throw new Error('azure-cli is not installed: .ci/run must install it');

/** Runs `az <args> --output json` and parses what it prints. */
export type Az = (...args: string[]) => Promise<unknown>;

/** Signs az in to `azure` as the demo service principal, with `subscriptionId` as the current subscription. */
export async function signInAz(azure: TestAzure, subscriptionId: string): Promise<Az> {
  const configDir = path.join(azure.stateDir, 'az');
  const az: Az = async (...args) => {
    const { stdout } = await run('az', [...args, '--output', 'json'], {
      env: {
        ...process.env,
        AZURE_CONFIG_DIR: configDir,
        REQUESTS_CA_BUNDLE: azure.caPath,
        AZURE_CORE_COLLECT_TELEMETRY: 'false',
        AZURE_CORE_NO_COLOR: 'true',
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout.trim() ? JSON.parse(stdout) : undefined;
  };
  const identityOrigin = new URL(azure.identityUrl).origin;
  await az(
    'cloud', 'register', '-n', 'LocalAzure',
    '--endpoint-resource-manager', `${azure.armUrl}/`,
    '--endpoint-active-directory', `${identityOrigin}/adfs`,
    '--endpoint-active-directory-resource-id', 'https://management.azure.com/',
    '--endpoint-active-directory-graph-resource-id', 'https://graph.windows.net/',
    '--endpoint-management', 'https://management.core.windows.net/',
    // `az keyvault` refuses to run in a cloud without it, even for management-plane commands.
    '--suffix-keyvault-dns', '.vault.azure.net',
    '--profile', 'latest',
  );
  await az('cloud', 'set', '-n', 'LocalAzure');
  await az('login', '--service-principal', '-u', DEMO_SERVICE_PRINCIPAL.clientId, '-p', DEMO_SERVICE_PRINCIPAL.secret, '--tenant', DEMO_TENANT.id);
  await az('account', 'set', '--subscription', subscriptionId);
  return az;
}
