# One image for the API, the worker and the one-shot migration; the command picks the role
# (docker-compose.yml). Logs are JSON on stdout; configuration is the environment only. The `edge`
# stage is nginx with the built web files (compose's nginx service); `certs` makes Temporal's
# certificates (compose's certs job).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build.mjs && npm prune --omit=dev

# docker compose's one-shot `certs` job: Temporal's CA and certificates for mTLS, made with openssl by
# the same script as the cluster profile's (deploy/temporal/certificates.sh).
FROM alpine:3.22 AS certs
RUN apk add --no-cache openssl
COPY deploy/temporal/certificates.sh /usr/local/bin/temporal-certificates.sh

FROM nginx:1.28-bookworm AS edge
COPY --from=build /app/apps/web/dist /usr/share/nginx/html

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
COPY package.json ./
# Evidence files: a named volume mounted here starts owned by `node`, who writes it.
# The audit chain's signed checkpoints (issue 20.2), likewise.
RUN mkdir -p /var/lib/hardtech/audit-checkpoints && chown node:node /var/lib/hardtech/audit-checkpoints
RUN mkdir -p /var/lib/hardtech/files && chown node:node /var/lib/hardtech/files
USER node
# API on 3000; the worker's health and metrics on 9464.
EXPOSE 3000 9464
CMD ["node", "dist/apps/api/src/main.js"]
