// What a mode's infrastructure hands a composition root: the module that binds the stores, the bus
// and the blob storages (each client or file opened once, from the settings handed in), and how to
// release them when the service has stopped.
import { Container, type ContainerModule } from 'inversify';

export interface ServiceInfrastructure {
  readonly module: ContainerModule;
  /** Closes the files and clients the infrastructure opened; call after the service stopped. */
  close(): Promise<void> | void;
}

/** One container per service: its infrastructure module, then the service's own modules. */
export const createServiceContainer = (infrastructure: ServiceInfrastructure, ...modules: ContainerModule[]): Container => {
  const container = new Container();
  container.load(infrastructure.module, ...modules);
  return container;
};
