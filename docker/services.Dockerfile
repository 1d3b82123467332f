# syntax=docker/dockerfile:1.7
# One image for every mediaflow service: the ECS task's command picks the process, e.g.
# `node services/jobs/dist/main/worker.js` (see cdktf/src/service-commands.ts).
# Build from the repository root:  docker build -f docker/services.Dockerfile -t mediaflow-services .
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
# better-sqlite3 compiles from source when no prebuilt binary matches the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# The lock file was written by npm 11.
RUN npm install -g npm@11.19.1 --no-audit --no-fund
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund
RUN node docker/bundle-entrypoints.mjs
# Production dependencies only; the ffmpeg installer packages (optional) are not needed here, and the
# workspace links point at TypeScript sources the bundles already contain.
RUN npm prune --omit=dev --omit=optional --no-audit --no-fund \
 && rm -rf node_modules/@mediaflow \
 && mkdir -p /out \
 && for dist in services/*/dist; do mkdir -p "/out/$dist" && cp -r "$dist/." "/out/$dist/"; done

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /out/services ./services
# The `node` user (uid 1000) of the official image: nothing runs as root.
USER node
# No default process: every task names its own command.
CMD ["node", "-e", "console.error('pass the process to run, e.g. node services/jobs/dist/main/worker.js'); process.exit(64)"]
