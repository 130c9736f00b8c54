'use client';

import { useCallback, useState } from 'react';
import { recreateResourceGroup } from '@/app/actions';
import type { ActionError } from '@/lib/action-result';
import { regionDisplayName } from '@/lib/deleted-resources/regions';
import type { DeletedResource, RecreateResourceGroupFix } from '@/lib/deleted-resources/types';
import { useArmCall } from '../use-arm-call';

/** The row's "Recreate resource group" fix: which rows wait for it, and ARM's answer when it fails. */
export function useRecreateResourceGroup(rows: readonly DeletedResource[], onCreated: (text: string) => void) {
  const call = useArmCall();
  const [recreating, setRecreating] = useState<Set<string>>(() => new Set());
  const [error, setError] = useState<ActionError | null>(null);

  const recreate = useCallback(
    async (fix: RecreateResourceGroupFix) => {
      const affected = new Set(
        rows
          .filter((row) => row.subscriptionId === fix.subscriptionId && row.resourceGroup.toLowerCase() === fix.resourceGroup.toLowerCase())
          .map((row) => row.id),
      );
      setRecreating((current) => new Set([...current, ...affected]));
      setError(null);
      const result = await call(recreateResourceGroup, { subscriptionId: fix.subscriptionId, resourceGroup: fix.resourceGroup, location: fix.location });
      setRecreating((current) => new Set([...current].filter((id) => !affected.has(id))));
      if (result.ok) onCreated(`Resource group ${fix.resourceGroup} recreated in ${regionDisplayName(fix.location)}`);
      else setError(result.error);
    },
    [rows, call, onCreated],
  );

  // Stable between renders so the table's memoised rows are not drawn again for it.
  const onRecreate = useCallback((fix: RecreateResourceGroupFix) => void recreate(fix), [recreate]);
  return { recreating, error, onRecreate };
}
