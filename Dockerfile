# One image for api, worker and migrations (see docker-compose.yml).
FROM node:20.19-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx tsc -p tsconfig.build.json && node scripts/bundle-workflows.cjs dist/workflow-bundle.js && npm prune --omit=dev

FROM node:20.19-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/scripts/lib ./scripts/lib
COPY --from=build /app/libs ./libs
COPY package.json tsconfig.base.json ./
USER node
