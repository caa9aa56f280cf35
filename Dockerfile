# The Quotegraph API on Node 20. Used by docker-compose.yml with a real PostgreSQL.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY seeds ./seeds
RUN npm run build
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
CMD ["sh", "-c", "node dist/quotegraph.mjs migrate && node dist/quotegraph.mjs seed && node dist/quotegraph.mjs serve"]
