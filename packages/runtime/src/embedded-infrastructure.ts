// Embedded mode: the service's own SQLite event store file, the one SQLite bus the whole process
// shares, and folders on the local disk for blobs. No cloud account, no Docker.
import fs from 'node:fs';
import { ContainerModule } from 'inversify';
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import { type SqliteBus } from '@mediaflow/bus/sqlite';
import { openSqliteEventStore } from '@mediaflow/event-store/sqlite';
import type { ServiceDeclaration } from '@mediaflow/topology';
import { embeddedPaths } from './embedded-paths';
import { storeRetentionPruner } from './embedded-retention';
import type { InfrastructureSettings } from './infrastructure-config';
import { kickRelayAfterAppend } from './relay-kick';
import { runtimeModule } from './runtime-module';
import type { ServiceInfrastructure } from './service-infrastructure';
import { bindTyped, resolve, TOKENS } from './tokens';

interface EmbeddedInfrastructureOptions {
  readonly declaration: ServiceDeclaration;
  readonly settings: InfrastructureSettings;
  /** The process-wide bus (one file for every service of the deployment). */
  readonly bus: SqliteBus;
}

export const embeddedInfrastructure = (options: EmbeddedInfrastructureOptions): ServiceInfrastructure => {
  const { declaration, settings, bus } = options;
  const paths = embeddedPaths(settings.dataDir);
  fs.mkdirSync(settings.dataDir, { recursive: true });
  const file = openSqliteEventStore({ filename: paths.eventStore(declaration.service), service: declaration.service });
  if (declaration.subscriptions.length > 0) bus.provision(declaration);
  const infrastructure = new ContainerModule((options) => {
    const { bind } = options;
    runtimeModule(declaration, settings).load(options);
    bindTyped(bind, TOKENS.EventStore)
      .toDynamicValue((ctx) => kickRelayAfterAppend(file.store, () => resolve(ctx, TOKENS.OutboxRelay)))
      .inSingletonScope();
    bindTyped(bind, TOKENS.Outbox).toConstantValue(file.outbox);
    const uploads = new LocalDiskBlobStorage({ root: paths.blobs('uploads') });
    const outputs = new LocalDiskBlobStorage({ root: paths.blobs('outputs') });
    bindTyped(bind, TOKENS.Pruner)
      .toDynamicValue((ctx) =>
        storeRetentionPruner(file.retention, bus, { settings, logger: resolve(ctx, TOKENS.Logger) }, { uploads, outputs }),
      )
      .inSingletonScope();
    bindTyped(bind, TOKENS.EventPublisher).toConstantValue(bus);
    if (declaration.subscriptions.length > 0) {
      bindTyped(bind, TOKENS.EventConsumer)
        .toDynamicValue((ctx) => bus.consumer(declaration, { concurrency: settings.consumerConcurrency, logger: resolve(ctx, TOKENS.Logger) }))
        .inSingletonScope();
      bindTyped(bind, TOKENS.DeadLetters).toConstantValue(bus.deadLetters(declaration));
    }
    bindTyped(bind, TOKENS.UploadsStorage).toConstantValue(uploads);
    bindTyped(bind, TOKENS.OutputsStorage).toConstantValue(outputs);
  });
  return { module: infrastructure, close: () => file.close() };
};
