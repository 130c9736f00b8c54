/**
 * `npx tsx bench/support/profile-summary.ts <file.cpuprofile> [top]`: where a bench task's CPU time went (a
 * profile written with BENCH_CPU_PROFILE, see bench/node-tasks.ts): self time by package or project folder, then
 * by function. Idle time is left out of the shares.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/@azure/core-rest-pipeline/...` → `@azure/core-rest-pipeline`; project files by top folder. */
function ownerOf(url: string): string {
  if (!url) return '(native / V8)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules?.[1]) return modules[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const project = /\/(app|lib|bench|components|emulator)\//.exec(url);
  return project ? `project ${project[1]}/` : url;
}

function summarise(profile: CpuProfile, top: number): string {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = nodes.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') {
      idle += ms;
      return;
    }
    busy += ms;
    const owner = ownerOf(frame.url);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + ms);
    const name = `${frame.functionName || '(anonymous)'} (${owner}${frame.url ? `:${frame.lineNumber + 1}` : ''})`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  });
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((ms / busy) * 100).toFixed(1).padStart(5)} %  ${key}`);
  return [`busy ${busy.toFixed(0)} ms, idle ${idle.toFixed(0)} ms`, '', 'self time by owner:', ...rows(byOwner), '', 'self time by function:', ...rows(byFunction)].join('\n');
}

const [file, top] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
console.log(summarise(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, Number(top ?? 25)));
