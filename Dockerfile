# The portal as one container image: Next's standalone server (next.config.js `output: 'standalone'`) and its
# assets, run as a non-root user. Laid out after Next's official example (vercel/next.js examples/with-docker).
# The image holds no configuration: AZURE_CLIENT_ID, AZURE_TENANT_ID (and optionally AZURE_AUTHORITY,
# ARM_ENDPOINT) are read when it starts, so one image serves every environment (README, "Deploy for your team").
#
#   az acr build --registry <registry> --image deleted-resources-portal:<tag> .
#   docker build -t deleted-resources-portal . && docker run -p 3000:3000 -e AZURE_CLIENT_ID=... -e AZURE_TENANT_ID=... deleted-resources-portal

FROM node:20-bookworm-slim AS base
ENV NEXT_TELEMETRY_DISABLED=1

# Dependencies only when the lock file changes. Install scripts are skipped: the two that have one
# (better-sqlite3, esbuild) serve the local emulator and the test tools, never the portal's build or server.
FROM base AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

FROM base AS builder
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build

# Only the standalone output: server.js with the files it traced, plus what Next leaves out of it (public/ and
# .next/static, which server.js serves when they sit beside it).
FROM base AS runner
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0
COPY --from=builder --chown=node:node /app/.next/standalone ./
COPY --from=builder --chown=node:node /app/.next/static ./.next/static
COPY --from=builder --chown=node:node /app/public ./public
# The official node image's unprivileged user (uid 1000).
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
