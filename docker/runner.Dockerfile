# syntax=docker/dockerfile:1.7
# The ffmpeg runner image: Debian bookworm-slim with Node 20 and ffmpeg/ffprobe from Debian, pinned
# to one 5.1 build (FFMPEG_VERSION; tests/test/runner-image.test.ts checks the pin is there).
# Its default command is the processing runner (one job per Fargate task); the processing worker
# runs in it too, with its own command, because probing needs ffprobe.
# Build from the repository root:  docker build -f docker/runner.Dockerfile -t mediaflow-runner .
ARG NODE_IMAGE=node:20-bookworm-slim
# Debian replaces a package in bookworm and bookworm-security when a fix lands, and the old build
# leaves the mirror: when the install below says "Version … was not found", take the candidate of
# `apt-cache policy ffmpeg` on bookworm (or build with --build-arg FFMPEG_VERSION=…).
ARG FFMPEG_VERSION=7:5.1.9-0+deb12u1

# Same build stage as services.Dockerfile: keep the two in step.
FROM ${NODE_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
RUN npm install -g npm@11.19.1 --no-audit --no-fund
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund
RUN node docker/bundle-entrypoints.mjs
# ffmpeg comes from apt below, so the npm ffmpeg/ffprobe installers (optional dependencies) go.
RUN npm prune --omit=dev --omit=optional --no-audit --no-fund \
 && rm -rf node_modules/@mediaflow \
 && mkdir -p /out/services/processing \
 && cp -r services/processing/dist /out/services/processing/

FROM ${NODE_IMAGE}
ARG FFMPEG_VERSION
RUN apt-get update \
 && apt-get install -y --no-install-recommends "ffmpeg=${FFMPEG_VERSION}" \
 && rm -rf /var/lib/apt/lists/* \
 && ffmpeg -hide_banner -version | head -n 1
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    TMPDIR=/tmp
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /out/services ./services
USER node
CMD ["node", "services/processing/dist/main/runner.js"]
