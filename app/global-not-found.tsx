import type { Metadata } from 'next';
import { FallbackPage } from '@/components/fallback-page';

export const metadata: Metadata = { title: 'Page not found · Deleted resources' };

/** Any path the portal does not serve: a 404 with the way back (the portal has two root layouts, so this one is global). */
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <FallbackPage title="Page not found" themed={false}>
          There is no page at this address. Deleted resources are listed on the main view, and its filters live in
          its address (?subscription=&amp;type=&amp;region=&amp;q=).
        </FallbackPage>
      </body>
    </html>
  );
}
