# The Quotegraph API for production, in three stages: a build with every dependency, the production
# dependencies alone, and a small runtime image that holds only those, the bundle, the migrations
# and the demo seeds. Used by docker-compose.yml. `npm run check:image` runs the runtime stage's
# steps outside Docker and checks what they install.

# 1. Build: TypeScript, the bundle (dist/quotegraph.mjs, its chunks and the extraction thread beside it).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# 2. Production dependencies only (no benchmark servers, test runners, browsers or Prisma's CLI);
#    install scripts are skipped: Prisma's client is generated and bundled in stage 1.
FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# 3. Runtime: a non-root user, tini as PID 1 forwarding signals to Node (SIGTERM reaches the
#    server's graceful shutdown, not a shell), a health check on /readyz.
FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY --from=dependencies --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json ./
# The program, the chunks it loads when first used (dist/quotegraph-chunk-*.mjs) and the extraction thread.
COPY --from=build --chown=root:root /app/dist/*.mjs ./dist/
COPY --from=build --chown=root:root /app/dist/desk ./dist/desk
COPY --chown=root:root prisma/migrations ./prisma/migrations
COPY --chown=root:root seeds ./seeds
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The options of `npm start` (README, "Memory"). --max-old-space-size: V8 lets the old generation grow to four
# times what survived the last full collection when its limit is 2 GB or more, under 2x at 1536 MB;
# --no-allocation-site-pretenuring: V8 had moved each response text into the old generation.
ENTRYPOINT ["/usr/bin/tini", "--", "node", "--max-old-space-size=1536", "--no-allocation-site-pretenuring", "dist/quotegraph.mjs"]
# serve migrates the database first (under PostgreSQL's advisory lock, so several instances may start
# at once); demo seeds only with QUOTEGRAPH_SEED=demo.
CMD ["serve"]
