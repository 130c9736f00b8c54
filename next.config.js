/**
 * Static security headers. The Content-Security-Policy depends on the sign-in authority, which is read at
 * runtime (one build serves local and Azure), so it is set per request in proxy.ts instead.
 */
const everyPage = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Auth codes travel in the redirect bridge's URL; no page ever leaks its URL to another origin.
  { key: 'Referrer-Policy', value: 'no-referrer' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()',
  },
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build directory lets an e2e run build and serve without disturbing another run's (scripts/start.ts).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `<distDir>/standalone` is the whole server with only the files it needs: what the Dockerfile ships and what
  // `npm start` runs (scripts/start.ts), so the tests exercise the server that is deployed.
  output: 'standalone',
  // The build type-checks the portal's own code only; `npm test` runs tsc over the whole repository (tests,
  // emulator, scripts), so work in progress elsewhere never blocks a portal build.
  typescript: { tsconfigPath: 'tsconfig.portal.json' },
  poweredByHeader: false,
  // `ANALYZE=1 NEXT_DIST_DIR=.next-analyze next build` keeps source maps, to attribute the bundle's bytes.
  productionBrowserSourceMaps: process.env.ANALYZE === '1',
  reactStrictMode: true,
  // The portal has two root layouts (the portal, and MSAL's bare redirect bridge): a 404 for any unknown path
  // needs the global not-found page (app/global-not-found.tsx).
  experimental: { globalNotFound: true },
  turbopack: {
    resolveAlias: {
      // Fluent's context selector imports `scheduler`; React DOM in the browser uses Next's own copy of it. One
      // copy in the first load instead of two (1.3 KB gzipped; the same scheduler, React's runtime).
      scheduler: { browser: 'next/dist/compiled/scheduler' },
    },
  },
  async headers() {
    return [
      { source: '/:path*', headers: everyPage },
      // MSAL v5's redirect bridge must run without COOP (it may talk to its opener) and must never be cached.
      {
        source: '/((?!auth/redirect).*)',
        headers: [{ key: 'Cross-Origin-Opener-Policy', value: 'same-origin' }],
      },
      { source: '/auth/redirect', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
    ];
  },
};

export default nextConfig;
