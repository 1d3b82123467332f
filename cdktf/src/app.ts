// Builds the whole cdktf app: the foundation stack and one stack per service, in one place for the
// synth entrypoint and the tests.
import { SERVICES } from '@mediaflow/contracts';
import type { App } from 'cdktf';
import { FoundationStack } from './foundation/foundation-stack';
import type { MediaflowStack } from './mediaflow-stack';
import { ServiceStack } from './service/service-stack';
import { serviceProfiles } from './service-profiles';
import type { InfraSettings } from './settings';

export interface MediaflowApp {
  readonly app: App;
  readonly foundation: FoundationStack;
  /** By stack name, which is the service name. */
  readonly services: Readonly<Record<string, ServiceStack>>;
  readonly stacks: readonly MediaflowStack[];
}

export const buildApp = (app: App, settings: InfraSettings): MediaflowApp => {
  const foundation = new FoundationStack(app, settings);
  const services = Object.fromEntries(SERVICES.map((s) => [s, new ServiceStack(app, serviceProfiles[s], settings)]));
  return { app, foundation, services, stacks: [foundation, ...Object.values(services)] };
};
