'use client';

import { useCallback, useMemo } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ResourceFilters } from '@/lib/deleted-resources/view';

const LIST_SEPARATOR = ',';

function list(value: string | null): string[] {
  return value ? value.split(LIST_SEPARATOR).filter(Boolean) : [];
}

/**
 * The filters live in the URL (?subscription=&resourceType=&type=&region=&q=) so a view survives reloads and
 * can be shared. `type` keeps its old meaning (an AI services account's API kind), so old links still work.
 */
export function useUrlFilters(): [ResourceFilters, (patch: Partial<ResourceFilters>) => void] {
  const params = useSearchParams();
  const filters = useMemo<ResourceFilters>(
    () => ({
      subscription: params.get('subscription') || 'all',
      types: list(params.get('resourceType')),
      kinds: list(params.get('type')),
      regions: list(params.get('region')),
      search: params.get('q') ?? '',
    }),
    [params],
  );

  const replace = useReplaceParams();
  const update = useCallback(
    (patch: Partial<ResourceFilters>) =>
      replace((next) => {
        const set = (key: string, value: string) => (value ? next.set(key, value) : next.delete(key));
        if (patch.subscription !== undefined) set('subscription', patch.subscription === 'all' ? '' : patch.subscription);
        if (patch.types !== undefined) set('resourceType', patch.types.join(LIST_SEPARATOR));
        if (patch.kinds !== undefined) set('type', patch.kinds.join(LIST_SEPARATOR));
        if (patch.regions !== undefined) set('region', patch.regions.join(LIST_SEPARATOR));
        if (patch.search !== undefined) set('q', patch.search);
      }),
    [replace],
  );

  return [filters, update];
}

/**
 * ?name=: what the "Why can't I use this name?" box looks up; null when the box is closed. A link with it opens
 * the box on that name.
 */
export function useNameParam(): [string | null, (name: string | null) => void] {
  const params = useSearchParams();
  const replace = useReplaceParams();
  const setName = useCallback((name: string | null) => replace((next) => (name === null ? next.delete('name') : next.set('name', name))), [replace]);
  return [params.get('name'), setName];
}

/** Changes the page's query string in place (no new history entry, no scroll). */
function useReplaceParams(): (change: (next: URLSearchParams) => void) => void {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  return useCallback(
    (change) => {
      const next = new URLSearchParams(params.toString());
      change(next);
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, router, pathname],
  );
}
