import { RESOURCE_TYPES, resourceTypeOf } from '@/lib/resource-types';
import type { ResourceTypeDefinition } from '@/lib/resource-types/definition';
import type { DeletedResource } from './types';

/**
 * "Why can't I use this name?": what the person typed, read as the DNS label a deleted resource may still hold.
 * A URL or a host name of a listed type's endpoint narrows the search to that type ('kv1.vault.azure.net' → Key
 * Vaults named kv1); a bare word is looked for as every type's name and every custom subdomain.
 */
export type NameQuery =
  | { ok: true; label: string; host: string | null; types: readonly ResourceTypeDefinition[] }
  | { ok: false; error: string };

/** Resource names and DNS labels: letters, digits, hyphens, underscores and dots, at most 90 (ARM's longest). */
const LABEL = /^[a-z0-9][a-z0-9_.-]{0,89}$/i;

function hostOf(input: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input}`;
  try {
    return new URL(withScheme).hostname.toLowerCase();
  } catch {
    return null;
  }
}

const typesServing = (host: string) =>
  RESOURCE_TYPES.filter((type) => type.endpoints.hostSuffixes.some((suffix) => host.endsWith(`.${suffix}`)));

export function readNameQuery(input: string): NameQuery {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Enter a resource name, a custom subdomain or an endpoint URL.' };
  // A bare name may contain dots (an AI services account's may): it is a host only with a scheme, a path or a
  // suffix one of the listed types serves.
  const looksLikeUrl = text.includes('://') || text.includes('/');
  const host = hostOf(text);
  const types = host ? typesServing(host) : [];
  if (looksLikeUrl || types.length > 0) {
    const label = host?.split('.')[0] ?? '';
    if (!host || !LABEL.test(label)) return { ok: false, error: `'${text}' is not a URL or host name the portal can read.` };
    return { ok: true, label, host, types: types.length > 0 ? types : RESOURCE_TYPES };
  }
  if (!LABEL.test(text)) return { ok: false, error: `'${text}' is not a resource name: use letters, digits, hyphens, underscores and dots.` };
  return { ok: true, label: text.toLowerCase(), host: null, types: RESOURCE_TYPES };
}

/** A deleted resource that holds the name, and what of it holds it ("its name", "its custom subdomain"). */
export interface NameHolder {
  row: DeletedResource;
  holds: string;
}

/**
 * The deleted resources among `rows` that hold the queried name. From an endpoint, only the label the type's
 * endpoints are named by counts (an AI services account's subdomain, a vault's name); a bare word matches
 * names and subdomains alike, since both block a create.
 */
export function findNameHolders(rows: readonly DeletedResource[], query: Extract<NameQuery, { ok: true }>): NameHolder[] {
  const types = new Set(query.types.map((type) => type.id));
  const holders: NameHolder[] = [];
  for (const row of rows) {
    const type = resourceTypeOf(row.type);
    if (!type || !types.has(type.id)) continue;
    const subdomain = row.subdomain?.toLowerCase() === query.label;
    const name = row.name.toLowerCase() === query.label;
    const endpointHeld = type.endpoints.label === 'subdomain' ? subdomain : name;
    if (query.host !== null) {
      if (endpointHeld) holders.push({ row, holds: `its endpoint ${query.host}` });
    } else if (subdomain || name) {
      holders.push({ row, holds: subdomain && !name ? `its custom subdomain '${row.subdomain}'` : 'its name' });
    }
  }
  return holders;
}
