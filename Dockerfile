# One image for the API, the worker, the gateway and the one-shot migration; the command picks the
# role (docker-compose.yml). Logs are JSON on stdout; configuration is the environment only.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build.mjs && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
COPY package.json ./
USER node
# API and gateway on 3000; the worker's health and metrics on 9464.
EXPOSE 3000 9464
CMD ["node", "dist/apps/api/src/main.js"]
