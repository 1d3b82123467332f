// Builds the whole cdktf app: the foundation stack, one stack per service and the web UI's stack, in
// one place for the synth entrypoint and the tests.
import { SERVICES } from '@mediaflow/contracts';
import type { App } from 'cdktf';
import { FoundationStack } from './foundation/foundation-stack';
import type { MediaflowStack } from './mediaflow-stack';
import { ServiceStack } from './service/service-stack';
import { serviceProfiles } from './service-profiles';
import type { InfraSettings } from './settings';
import { WebStack } from './web/web-stack';

interface MediaflowApp {
  readonly app: App;
  readonly foundation: FoundationStack;
  /** By stack name, which is the service name. */
  readonly services: Readonly<Record<string, ServiceStack>>;
  readonly web: WebStack;
  readonly stacks: readonly MediaflowStack[];
}

export const buildApp = (app: App, settings: InfraSettings): MediaflowApp => {
  const foundation = new FoundationStack(app, settings);
  const services = Object.fromEntries(SERVICES.map((s) => [s, new ServiceStack(app, serviceProfiles[s], settings)]));
  const web = new WebStack(app, settings);
  return { app, foundation, services, web, stacks: [foundation, ...Object.values(services), web] };
};
