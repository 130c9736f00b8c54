/**
 * Runs the ARM emulator alone in its own process (for the restart test): reads its options as JSON from
 * argv[2], prints `{"baseUrl": ...}` on one line once it listens, and runs until killed.
 */
import { ensureTls } from '../../tls';
import { startArmServer } from '../server';

const options = JSON.parse(process.argv[2] ?? '{}') as {
  stateDir: string;
  port: number;
  trustedIssuers: string[];
  jwksUri: string;
  adminKey: string;
  seed: 'demo' | 'scale' | 'none';
};
const tls = ensureTls(options.stateDir);
const server = await startArmServer({ ...options, host: 'localhost', tls, caPem: tls.caPem });
process.stdout.write(`${JSON.stringify({ baseUrl: server.baseUrl, pid: process.pid })}\n`);
