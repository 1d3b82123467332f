// Embedded mode: the service's own SQLite event store file, the one SQLite bus the whole process
// shares, and folders on the local disk for blobs. No cloud account, no Docker.
import fs from 'node:fs';
import { Container } from 'inversify';
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage';
import { type SqliteBus } from '@mediaflow/bus';
import { openSqliteEventStore } from '@mediaflow/event-store';
import type { ServiceDeclaration } from '@mediaflow/topology';
import { bindCommon } from './bind-common';
import { kickRelayAfterAppend } from './relay-kick';
import { embeddedPaths } from './embedded-paths';
import type { ServiceInfrastructureConfig } from './infrastructure-config';
import { TOKENS } from './tokens';

export interface EmbeddedInfrastructureOptions {
  readonly declaration: ServiceDeclaration;
  readonly config: ServiceInfrastructureConfig;
  /** The process-wide bus (one file for every service of the deployment). */
  readonly bus: SqliteBus;
  /** Signs blob URLs for the embedded HTTP endpoint; absent gives file:// URLs. */
  readonly urlSigner?: (key: string, expiresInSeconds: number) => string | Promise<string>;
}


export const createEmbeddedContainer = (options: EmbeddedInfrastructureOptions): Container => {
  const { declaration, config, bus } = options;
  const paths = embeddedPaths(config.MEDIAFLOW_DATA_DIR);
  fs.mkdirSync(config.MEDIAFLOW_DATA_DIR, { recursive: true });
  const container = new Container();
  bindCommon(container, declaration, config);
  const file = openSqliteEventStore({ filename: paths.eventStore(declaration.service), service: declaration.service });
  container
    .bind(TOKENS.EventStore)
    .toDynamicValue((ctx) => kickRelayAfterAppend(file.store, () => ctx.get(TOKENS.OutboxRelay)))
    .inSingletonScope();
  container.bind(TOKENS.Outbox).toConstantValue(file.outbox);
  container.bind(TOKENS.EventPublisher).toConstantValue(bus);
  if (declaration.subscriptions.length > 0) {
    bus.provision(declaration);
    container
      .bind(TOKENS.EventConsumer)
      .toDynamicValue((ctx) => bus.consumer(declaration, { concurrency: config.MEDIAFLOW_CONSUMER_CONCURRENCY, logger: ctx.get(TOKENS.Logger) }))
      .inSingletonScope();
    container.bind(TOKENS.DeadLetters).toConstantValue(bus.deadLetters(declaration));
  }
  for (const [token, bucket] of [[TOKENS.UploadsStorage, 'uploads'], [TOKENS.OutputsStorage, 'outputs']] as const) {
    container.bind(token).toConstantValue(new LocalDiskBlobStorage({ root: paths.blobs(bucket), urlSigner: options.urlSigner }));
  }
  return container;
};
