import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { cookies, headers } from 'next/headers';
import { Providers } from '@/components/providers';
import { checkPortalConfig } from '@/lib/config/portal-config';
import { readPublicAuthConfig } from '@/lib/auth/public-auth-config';
import { parseThemeChoice, THEME_COOKIE } from '@/lib/theme/theme-mode';

export const metadata: Metadata = {
  title: 'Deleted resources',
  description: 'Recover or purge soft-deleted Azure resources (AI services accounts, Key Vaults, storage accounts, App Configuration stores, API Management services) across subscriptions',
  icons: { icon: [{ url: '/favicon.svg', type: 'image/svg+xml' }, { url: '/favicon.ico', sizes: '16x16 32x32 48x48' }] },
};

export default async function PortalLayout({ children }: { children: ReactNode }) {
  // The request is read first: that makes every page dynamic before the configuration is read, so `next build`
  // needs no configuration (the Docker image is built without any, scripts/start.ts builds without any).
  const themeChoice = parseThemeChoice((await cookies()).get(THEME_COOKIE)?.value);
  const systemDark = (await headers()).get('sec-ch-prefers-color-scheme') === 'dark';
  // Runtime configuration (not NEXT_PUBLIC_*): one build serves the local stand-ins and real Azure.
  const checked = checkPortalConfig();
  if (!checked.ok) return <NotConfigured problem={checked.problem} />;
  const authConfig = await readPublicAuthConfig(checked.config);

  return (
    <html lang="en">
      <body>
        <Providers authConfig={authConfig} initialTheme={themeChoice} initialSystemDark={systemDark}>
          {children}
        </Providers>
      </body>
    </html>
  );
}

/**
 * What an operator sees on a deployment without its settings, instead of a bare 500: what is missing and where
 * the README says how to set it. Plain HTML: nothing else can run without a sign-in authority.
 */
function NotConfigured({ problem }: { problem: string }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '2rem', maxWidth: '48rem', lineHeight: 1.5 }}>
        <main>
          <h1 style={{ fontSize: '1.5rem' }}>Deleted resources: the portal is not configured</h1>
          <p role="alert">{problem}</p>
          <p>
            The settings (the Entra app registration, and optionally the authority and ARM endpoint) are read when the server starts: see
            &ldquo;Deploy for your team&rdquo; in the README. Its health check, <code>/api/health</code>, answers 503 until they are set.
          </p>
        </main>
      </body>
    </html>
  );
}
