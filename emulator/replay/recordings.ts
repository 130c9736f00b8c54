/**
 * Real ARM traffic, copied from public recordings into `recordings/*.json` (each names its source repository,
 * path and commit, and what was cut for size). The replay tests run it both ways: the recorded answers
 * through Microsoft's clients and the portal's readers, and the recorded requests through the emulator.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface RecordedInteraction {
  /** The `az` command that sent it. */
  command: string;
  method: 'GET' | 'PUT' | 'DELETE' | 'POST';
  /** Path as sent to management.azure.com, without the query. */
  path: string;
  apiVersion: string;
  requestBody?: unknown;
  status: number;
  /** ISO time of the answer's `date` header. */
  date: string;
  /** The long-running-operation headers the answer carried (lower case). */
  headers: Partial<Record<'azure-asyncoperation' | 'location' | 'retry-after', string>>;
  /** null: an empty body. */
  body: unknown;
}

/** Where a recording comes from: repository, path, commit, and what was cut. */
export interface RecordingSource {
  repository: string;
  path: string;
  commit: string;
  [detail: string]: string;
}

export interface RecordedSession {
  source: RecordingSource;
  interactions: RecordedInteraction[];
}

export interface RecordedAnswer {
  source: RecordingSource;
  body: { value: Record<string, unknown>[] };
}

const read = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'recordings', name), 'utf8'));

/** `az cognitiveservices account` create, show, delete, show-deleted, recover, delete, purge, list-deleted (2025). */
export const cognitiveSoftDelete = () => read('cognitiveservices-softdelete.json') as RecordedSession;
export const keyVaultDeletedVaults = () => read('keyvault-deleted-vaults.json') as RecordedAnswer;
export const apiManagementDeletedServices = () => read('apim-deleted-services.json') as RecordedAnswer;

/** The subscription every recording here was sanitised to. */
export const RECORDED_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';

/** The LRO headers an answer carries, as a sorted list of names. */
export const LRO_HEADERS = ['azure-asyncoperation', 'location', 'retry-after'] as const;

export function lroHeadersOf(headers: Record<string, unknown>): string[] {
  return LRO_HEADERS.filter((name) => headers[name] !== undefined);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keys of a body and of its `properties`, sorted ('properties.endpoint', ...); [] for an empty body. */
export function keySetOf(body: unknown): string[] {
  if (!isObject(body)) return [];
  const top = Object.keys(body);
  const properties = isObject(body.properties) ? Object.keys(body.properties).map((key) => `properties.${key}`) : [];
  return [...top, ...properties].sort();
}
