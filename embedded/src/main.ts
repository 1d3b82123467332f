// `npm start`: the embedded all-in-one. Prints where it listens and a development token, and stops
// gracefully on SIGINT/SIGTERM (a second signal exits at once). A kill -9 loses nothing: every
// service's state is in its SQLite file and unfinished transcodes are retried on the next start.
import { issueDevelopmentToken } from '@mediaflow/http';
import { createLogger } from '@mediaflow/logging';
import { defaultSqliteDriver } from '@mediaflow/sqlite';
import { mediaBinariesOrError, mediaOriginLine, sandboxLine } from '@mediaflow/processing/media';
import { startAllInOne } from './all-in-one';
import { loadEmbeddedSettings } from './embedded-config';

const logger = createLogger('embedded');

const main = async (): Promise<void> => {
  const settings = loadEmbeddedSettings(process.env);
  const deployment = await startAllInOne(settings, logger, process.env);
  const ffmpeg = mediaOriginLine(mediaBinariesOrError(process.env)); // a warning when it is the npm package's 2018 build
  const sandbox = sandboxLine('none'); // embedded runners have no network, where unshare is permitted
  if (sandbox.warning) logger.warn('ffmpeg runs without part of its sandbox', { sandbox: sandbox.text });
  const token = await issueDevelopmentToken({ secret: deployment.secrets.jwt, sub: settings.devOwner, admin: true, ttlSeconds: 7 * 24 * 3600 });
  process.stdout.write(
    [
      '',
      `mediaflow is running at ${deployment.url} (data in ${settings.infrastructure.dataDir})`,
      `  runtime:    Node ${process.versions.node}, SQLite through ${defaultSqliteDriver()}`,
      `  ffmpeg:     ${ffmpeg.text}`,
      `  sandbox:    ${sandbox.text}`,
      `  web UI:     ${deployment.url}/`,
      `  API docs:   ${deployment.url}/docs/ (OpenAPI: ${deployment.url}/openapi.json)`,
      `  events:     ${deployment.url}/docs/events/ (AsyncAPI: ${deployment.url}/asyncapi.json)`,
      `  dev token (owner "${settings.devOwner}", admin, 7 days):`,
      `  export MEDIAFLOW_TOKEN=${token}`,
      `  curl -H "Authorization: Bearer $MEDIAFLOW_TOKEN" ${deployment.url}/v1/jobs`,
      '',
    ].join('\n') + '\n',
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(130);
    stopping = true;
    logger.info('stopping', { signal });
    deployment.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('stop failed', { error: error as Error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
};

main().catch((error: unknown) => {
  logger.critical('mediaflow failed to start', { error: error as Error });
  process.exit(1);
});
