// processing's typed event handlers, as the service runtime's consumer calls them.
import type { TypedHandlers } from '@mediaflow/service-kit';
import type { CancelDependencies } from './cancel-job';
import { handleJobCancelled } from './cancel-job';
import { handleJobValidated, type DispatchDependencies } from './dispatch-attempt';
import { handleJobCreated, type ProbeJobDependencies } from './probe-job';

type ProcessingHandlerDependencies = ProbeJobDependencies & DispatchDependencies & CancelDependencies;

export const processingHandlers = (deps: ProcessingHandlerDependencies): TypedHandlers => ({
  JobCreated: (event, ctx) => handleJobCreated(deps, event, ctx.logger),
  JobValidated: (event, ctx) => handleJobValidated(deps, event, ctx.logger),
  JobCancelled: (event, ctx) => handleJobCancelled(deps, event, ctx.logger),
});
