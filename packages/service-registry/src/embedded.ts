// @mediaflow/service-registry/embedded: each service's embedded composition root, in start order.
import type { ServiceName } from '@mediaflow/contracts';
import { createEmbeddedService as ingest } from '@mediaflow/ingest/embedded';
import { createEmbeddedService as jobs } from '@mediaflow/jobs/embedded';
import { createEmbeddedService as notifications } from '@mediaflow/notifications/embedded';
import { createEmbeddedService as processing } from '@mediaflow/processing/embedded';
import type { EmbeddedServiceFactory } from '@mediaflow/runtime';
import { SERVICE_ORDER } from './index';

const factories: Record<ServiceName, EmbeddedServiceFactory> = { ingest, jobs, processing, notifications };

export const embeddedServiceFactories: readonly EmbeddedServiceFactory[] = SERVICE_ORDER.map((name) => factories[name]);
