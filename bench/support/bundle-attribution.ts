/**
 * `npx tsx bench/support/bundle-attribution.ts [--files] [--dist=.next-bench] [--maps=.next-analyze]`: what row
 * 5's bytes are. Reads the scripts row 5 counted (its `urls` in bench/results.json), gzips each from the bench's
 * build as row 5 does, and shares each script's gzipped size among the packages (or project folders) its source
 * map says its minified bytes came from; `--files` lists source files instead.
 *
 * The source maps come from a second build of the same tree, `ANALYZE=1 NEXT_DIST_DIR=.next-analyze npx next
 * build`: Turbopack names a chunk by a hash of its content, which the source-map comment changes, so each counted
 * chunk is found there by its first module id and its size (the same but for that comment and chunk names).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface RawMap {
  sources: string[];
  mappings: string;
}
interface IndexMap {
  sections: { offset: { line: number; column: number }; map: RawMap }[];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One mapping segment's fields (Base64 VLQ, relative values as the source-map format writes them). */
function decodeSegment(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return fields;
}

/** Adds, per source, the generated characters a map's segments cover (a segment runs to the next one). */
function addMap(map: RawMap, lines: string[], lineOffset: number, bySource: Map<string, number>) {
  let sourceIndex = 0;
  map.mappings.split(';').forEach((lineMappings, index) => {
    const line = lines[index + lineOffset] ?? '';
    let column = 0;
    const segments = lineMappings
      ? lineMappings.split(',').map((segment) => {
          const [columnDelta = 0, sourceDelta] = decodeSegment(segment);
          column += columnDelta;
          if (sourceDelta !== undefined) sourceIndex += sourceDelta;
          return { column, source: sourceDelta === undefined ? '(no source)' : (map.sources[sourceIndex] ?? '(no source)') };
        })
      : [];
    segments.forEach((segment, i) => {
      const end = segments[i + 1]?.column ?? line.length;
      bySource.set(segment.source, (bySource.get(segment.source) ?? 0) + Math.max(0, end - segment.column));
    });
  });
}

/** Griffel's own maps point above its package (`../../packages/core/src/...`, its repository's layout). */
const GRIFFEL = /^packages\/(core|react)\//;

function sourcePath(source: string): string {
  return source.replace(/^turbopack:\/\/\/?(\[project\]\/)?/, '');
}

/** `node_modules/@fluentui/react-button/...` → `@fluentui/react-button`; project files by folder. */
function ownerOf(source: string): string {
  const file = sourcePath(source);
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (modules?.[1]) return modules[1];
  const griffel = GRIFFEL.exec(file);
  if (griffel) return `@griffel/${griffel[1]}`;
  if (file.startsWith('[turbopack]')) return 'Turbopack runtime';
  if (file.startsWith('app/data:')) return 'app/ (server action stubs)';
  return `project ${file.split('/').slice(0, file.startsWith('components/deleted-resources') ? 2 : 1).join('/')}`;
}

function firstModuleId(code: string): string {
  return /currentScript:void 0,(\d+)/.exec(code.slice(0, 400))?.[1] ?? '';
}

function withoutMapComment(code: string): string {
  return code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '');
}

function main() {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
  const dist = option('dist', '.next-bench');
  const mapsDir = path.join(option('maps', '.next-analyze'), 'static/chunks');
  const byFile = args.includes('--files');

  const results = JSON.parse(fs.readFileSync('bench/results.json', 'utf8')) as { rows: { row: string; detail?: { urls?: string[] } }[] };
  const urls = results.rows.find((row) => row.row.startsWith('5.'))?.detail?.urls;
  if (!urls?.length) throw new Error('bench/results.json has no row 5 with its urls: run `npm run bench -- --only=5` first');

  const candidates = fs
    .readdirSync(mapsDir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => {
      const code = fs.readFileSync(path.join(mapsDir, name), 'utf8');
      return { name, code, id: firstModuleId(code), size: withoutMapComment(code).length };
    });

  const shares = new Map<string, number>();
  let total = 0;
  for (const url of urls) {
    const file = path.join(dist, new URL(url).pathname.replace(/^\/_next\//, ''));
    const code = fs.readFileSync(file, 'utf8');
    const gzipped = gzipSync(Buffer.from(code), { level: 6 }).length;
    total += gzipped;
    // The same chunk: same first module; its size differs only by chunk names it mentions (a few hundred bytes).
    const distance = (candidate: (typeof candidates)[number]) => Math.abs(candidate.size - code.length) + (candidate.id === firstModuleId(code) ? 0 : 250);
    const match = candidates.reduce<(typeof candidates)[number] | undefined>((best, candidate) => (!best || distance(candidate) < distance(best) ? candidate : best), undefined);
    const mapName = match && distance(match) < 400 ? /sourceMappingURL=(\S+)/.exec(match.code)?.[1] : undefined;
    const bySource = new Map<string, number>();
    if (match && mapName) {
      const map = JSON.parse(fs.readFileSync(path.join(mapsDir, mapName), 'utf8')) as RawMap | IndexMap;
      const lines = match.code.split('\n');
      if ('sections' in map) for (const section of map.sections) addMap(section.map, lines, section.offset.line, bySource);
      else addMap(map, lines, 0, bySource);
    } else {
      bySource.set(`(no source map found for ${path.basename(file)})`, 1);
    }
    const covered = [...bySource.values()].reduce((sum, n) => sum + n, 0);
    for (const [source, chars] of bySource) {
      const key = byFile ? sourcePath(source) : ownerOf(source);
      shares.set(key, (shares.get(key) ?? 0) + (gzipped * chars) / covered);
    }
  }

  console.log(`${(total / 1024).toFixed(1)} KB gzipped in ${urls.length} scripts`);
  for (const [key, bytes] of [...shares].sort((a, b) => b[1] - a[1])) {
    if (bytes >= 50) console.log(`${(bytes / 1024).toFixed(1).padStart(7)} KB  ${key}`);
  }
}

main();
