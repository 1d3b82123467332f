// The notifications instance over a loaded container: the router, and start/stop in a safe order.
import type { Container } from 'inversify';
import { resolve, TOKENS, type ServiceInfrastructure, type ServiceInstance } from '@mediaflow/runtime';
import { NOTIFICATIONS_TOKENS } from './notifications-tokens';

interface NotificationsHooks {
  /** After the runtime and dispatcher started (embedded: the pruning loop). */
  readonly afterStart?: () => void;
  /** Before the parts stop (embedded: the pruning loop). */
  readonly beforeStop?: () => void;
  /** After everything stopped, before the infrastructure closes (the mode's own files and clients). */
  readonly release?: () => Promise<void> | void;
}

export const notificationsInstance = (container: Container, infrastructure: ServiceInfrastructure, hooks: NotificationsHooks = {}): ServiceInstance => {
  const parts = resolve(container, NOTIFICATIONS_TOKENS.Parts);
  const runtime = resolve(container, TOKENS.Runtime);
  return {
    service: 'notifications',
    routers: [parts.router],
    async start() {
      await runtime.start();
      parts.dispatcher.start();
      hooks.afterStart?.();
    },
    async stop() {
      hooks.beforeStop?.();
      // Streams first (clients reconnect elsewhere), then deliveries in flight are released, then the bus.
      parts.hub.closeAll();
      parts.feed.close();
      await parts.dispatcher.stop();
      await runtime.stop();
      await hooks.release?.();
      await infrastructure.close();
    },
  };
};
