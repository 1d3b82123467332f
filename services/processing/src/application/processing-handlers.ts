// processing's typed event handlers, as the service runtime's consumer calls them.
import type { TypedHandlers } from '@mediaflow/service-kit';
import type { CancelDependencies } from './cancel-job';
import { handleJobCancelled } from './cancel-job';
import { handleTranscodeRequested, type DispatchDependencies } from './dispatch-attempt';
import { handleProbeRequested, type ProbeJobDependencies } from './probe-job';

type ProcessingHandlerDependencies = ProbeJobDependencies & DispatchDependencies & CancelDependencies;

export const processingHandlers = (deps: ProcessingHandlerDependencies): TypedHandlers => ({
  ProbeRequested: (event, ctx) => handleProbeRequested(deps, event, ctx.logger),
  TranscodeRequested: (event, ctx) => handleTranscodeRequested(deps, event, ctx.logger),
  JobCancelled: (event, ctx) => handleJobCancelled(deps, event, ctx.logger),
});
