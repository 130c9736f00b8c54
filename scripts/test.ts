/**
 * `npm test`: first what the machine must have (scripts/preflight.ts: Chromium, the Azure CLI, nginx; installed
 * when it can be, or one message and no test), then every check, in the order that fails fastest — typecheck,
 * lint, unit and emulator conformance tests (Vitest), then the browser end-to-end tests (Playwright, which
 * builds and starts the product).
 * Ends with one line "tests: N passed, N failed" summed over both runners.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureTestMachine } from './preflight';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

interface Step {
  name: string;
  command: string;
  args: string[];
}

const steps: Step[] = [
  { name: 'typecheck', command: bin('tsc'), args: ['--noEmit'] },
  { name: 'lint', command: bin('eslint'), args: ['.', '--max-warnings=0'] },
  {
    name: 'unit and emulator conformance (vitest)',
    command: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'vitest.json')}`],
  },
  { name: 'browser end-to-end (playwright)', command: bin('playwright'), args: ['test'] },
];

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function countTests(): { passed: number; failed: number } {
  const vitest = readJson(path.join(results, 'vitest.json')) as { numPassedTests?: number; numFailedTests?: number } | undefined;
  // playwright.config.ts names its report after E2E_PORT_OFFSET when one is set.
  const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
  const playwright = readJson(path.join(results, offset ? `playwright-${offset}.json` : 'playwright.json')) as
    | { stats?: { expected?: number; unexpected?: number; flaky?: number } }
    | undefined;
  return {
    passed: (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0),
    failed: (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0),
  };
}

ensureTestMachine();
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });
const failedSteps: string[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}`);
  const started = Date.now();
  const { status } = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit', env: process.env });
  console.log(`=== ${step.name}: ${status === 0 ? 'ok' : 'FAILED'} (${Math.round((Date.now() - started) / 1000)} s)`);
  if (status !== 0) failedSteps.push(step.name);
}

const { passed, failed } = countTests();
if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 ? 1 : 0);
