'use client';

import { FallbackPage } from '@/components/fallback-page';

/**
 * A failure while rendering the portal's page (ARM's own failures are shown in the page itself, as data):
 * say so without internals, give the reference the server logged, and let the person try again.
 */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <FallbackPage title="Something went wrong" action={{ label: 'Try again', onClick: reset }}>
      The page could not be shown. Nothing was recovered or purged by this failure.
      {error.digest ? ` Reference for support: ${error.digest}.` : ''}
    </FallbackPage>
  );
}
