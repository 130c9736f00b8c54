'use client';

import dynamic from 'next/dynamic';
import { loadFallbackPage } from '@/components/load-fallback-page';

// An error boundary is part of the page's first load; what it shows loads only when something fails.
const FallbackPage = dynamic(() => loadFallbackPage().then((module) => module.FallbackPage), { ssr: false });

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
