// Bindings that do not depend on the mode: the declaration, config, logger, clock, ids, the relay
// over whatever outbox the mode bound, and the runtime.
import type { Container } from 'inversify';
import { OutboxRelay } from '@mediaflow/event-store';
import { createLogger } from '@mediaflow/logging';
import { publishPublicEvents, randomIds, systemClock } from '@mediaflow/service-kit';
import type { ServiceDeclaration } from '@mediaflow/topology';
import type { ServiceInfrastructureConfig } from './infrastructure-config';
import { ServiceRuntime } from './service-runtime';
import { TOKENS } from './tokens';

export const bindCommon = (container: Container, declaration: ServiceDeclaration, config: ServiceInfrastructureConfig): void => {
  container.bind(TOKENS.Declaration).toConstantValue(declaration);
  container.bind(TOKENS.Config).toConstantValue(config);
  container.bind(TOKENS.Logger).toConstantValue(createLogger(declaration.service));
  container.bind(TOKENS.Clock).toConstantValue(systemClock);
  container.bind(TOKENS.Ids).toConstantValue(randomIds);
  container
    .bind(TOKENS.OutboxRelay)
    .toDynamicValue((ctx) =>
      new OutboxRelay({
        outbox: ctx.get(TOKENS.Outbox),
        publish: publishPublicEvents(ctx.get(TOKENS.EventPublisher)),
        intervalMs: config.MEDIAFLOW_RELAY_INTERVAL_MS,
        logger: ctx.get(TOKENS.Logger),
      }),
    )
    .inSingletonScope();
  container
    .bind(TOKENS.Runtime)
    .toDynamicValue((ctx) => {
      const consumes = declaration.subscriptions.length > 0;
      return new ServiceRuntime(
        declaration.service,
        ctx.get(TOKENS.OutboxRelay),
        consumes ? ctx.get(TOKENS.EventConsumer) : undefined,
        consumes ? ctx.get(TOKENS.EventHandlers) : {},
        ctx.get(TOKENS.Logger),
      );
    })
    .inSingletonScope();
};
