// What each service hands the process that runs it: its HTTP routers and a start/stop pair for its
// background work. The embedded all-in-one runs four of them in one process; on AWS each runs alone.
import type { SqliteBus } from '@mediaflow/bus/sqlite';
import type { ServiceName } from '@mediaflow/contracts';
import type { ServiceRouter } from '@mediaflow/http';
import type { InfrastructureSettings } from './infrastructure-config';

export interface EmbeddedShared {
  /** The infrastructure settings every service of the deployment shares (data folder, relay, consumer). */
  readonly config: InfrastructureSettings;
  /** One bus file for the whole deployment. */
  readonly bus: SqliteBus;
  /** The origin clients reach this process at, for URLs handed to them (e.g. http://127.0.0.1:8080). */
  readonly publicBaseUrl: string;
  /** The signing secrets; a `previous*` one is still accepted during a rotation, never used to sign. */
  readonly secrets: {
    readonly jwt: string;
    readonly urlSigning: string;
    readonly previousJwt?: string;
    readonly previousUrlSigning?: string;
  };
  /** The environment the deployment was configured from; each service reads its own settings here. */
  readonly env: NodeJS.ProcessEnv;
}

export interface ServiceInstance {
  readonly service: ServiceName;
  readonly routers: readonly ServiceRouter[];
  /** Starts the relay, the consumer and any loop of the service (scheduler, watchdog, runner pool). */
  start(): Promise<void>;
  /** Graceful: no new work, in-flight work finished or released for redelivery. */
  stop(): Promise<void>;
}

export type EmbeddedServiceFactory = (shared: EmbeddedShared) => Promise<ServiceInstance>;
