# One image for every Seatwise service (and the simulators); docker-compose picks the entry point.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.base.json ./
COPY packages ./packages
COPY apps ./apps
# Install scripts are not needed: swc ships prebuilt binaries, and the native optional builds
# (ssh2, cpu-features, @parcel/watcher) belong to test tooling only.
RUN npm install --ignore-scripts --no-audit --no-fund
# Builds every workspace, the web console (apps/console/dist, static files) included: the gateway
# serves it at / from there (GATEWAY_CONSOLE_DIR), so an image without it must not be built.
RUN npx turbo run build && test -f apps/console/dist/index.html
RUN npm prune --omit=dev --ignore-scripts

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/packages ./packages
COPY --from=build --chown=node:node /app/apps ./apps
# Mount point of docker-compose's `secrets` volume. Its writer runs as root and gives each file to the one
# service user that reads it (compose's `user:`), so the services read only their own secrets.
RUN mkdir -p /secrets && chown node:node /secrets
USER node
CMD ["node", "apps/gateway/dist/main.js"]
