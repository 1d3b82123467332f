// Bindings that do not depend on the mode: logger, clock, ids, the relay over whatever outbox the
// mode bound (running the service's BeforePublish hook first when it binds one), and the runtime.
// Every binding is a lazy factory, so the order modules are loaded in does not matter.
import { ContainerModule } from 'inversify';
import { OutboxRelay } from '@mediaflow/event-store';
import { createLogger } from '@mediaflow/logging';
import { publishPublicEvents, randomIds, systemClock } from '@mediaflow/service-kit';
import type { ServiceDeclaration } from '@mediaflow/topology';
import type { InfrastructureSettings } from './infrastructure-config';
import { ServiceRuntime } from './service-runtime';
import { bindTyped, resolve, TOKENS } from './tokens';

export const runtimeModule = (declaration: ServiceDeclaration, settings: InfrastructureSettings): ContainerModule =>
  new ContainerModule(({ bind }) => {
    bindTyped(bind, TOKENS.Logger).toConstantValue(createLogger(declaration.service, {}, settings.logLevel));
    bindTyped(bind, TOKENS.Clock).toConstantValue(systemClock);
    bindTyped(bind, TOKENS.Ids).toConstantValue(randomIds);
    bindTyped(bind, TOKENS.OutboxRelay)
      .toDynamicValue((ctx) => {
        const publish = publishPublicEvents(resolve(ctx, TOKENS.EventPublisher));
        const beforePublish = ctx.get(TOKENS.BeforePublish, { optional: true });
        return new OutboxRelay({
          outbox: resolve(ctx, TOKENS.Outbox),
          publish: beforePublish
            ? async (entries) => {
                await beforePublish(entries);
                await publish(entries);
              }
            : publish,
          intervalMs: settings.relayIntervalMs,
          logger: resolve(ctx, TOKENS.Logger),
        });
      })
      .inSingletonScope();
    bindTyped(bind, TOKENS.Runtime)
      .toDynamicValue((ctx) => {
        const consumes = declaration.subscriptions.length > 0;
        return new ServiceRuntime(
          declaration.service,
          resolve(ctx, TOKENS.OutboxRelay),
          consumes ? resolve(ctx, TOKENS.EventConsumer) : undefined,
          consumes ? resolve(ctx, TOKENS.EventHandlers) : {},
          resolve(ctx, TOKENS.Logger),
          ctx.get(TOKENS.Pruner, { optional: true }),
        );
      })
      .inSingletonScope();
  });
