import type { ReactNode } from 'react';

export const metadata = { title: 'Signing in…' };

/** Deliberately bare: MSAL's redirect bridge must not mount MsalProvider or anything else. */
export default function RedirectBridgeLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
