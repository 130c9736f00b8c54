import { NextResponse, type NextRequest } from 'next/server';
import { buildContentSecurityPolicy } from '@/lib/config/content-security-policy';
import { checkPortalConfig } from '@/lib/config/portal-config';
import { REDIRECT_PATH } from '@/lib/auth/msal-config';

// Unconfigured, the pages only say what to set (app/(portal)/layout.tsx): no sign-in authority is allowed then.
const checked = checkPortalConfig();
const authorityOrigin = checked.ok ? new URL(checked.config.authority).origin : undefined;

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = buildContentSecurityPolicy({
    nonce,
    authorityOrigin,
    development: process.env.NODE_ENV === 'development',
  });
  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from the request's CSP and puts it on its own scripts.
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  // Lets Chromium tell the server the system colour scheme, so the first paint already has the right theme.
  response.headers.set('Accept-CH', 'Sec-CH-Prefers-Color-Scheme');
  response.headers.set('Critical-CH', 'Sec-CH-Prefers-Color-Scheme');
  response.headers.set('Vary', 'Sec-CH-Prefers-Color-Scheme');
  if (request.nextUrl.pathname === REDIRECT_PATH) response.headers.set('Cache-Control', 'no-store');
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
