// A RunnerDispatcher that runs nothing: tests set each runner's liveness and read what was asked of it.
import type { JobSpec } from '../../src/application/job-spec';
import type {
  RunnerEvent,
  RunnerEventListener,
  RunnerLiveness,
  RunnerDispatcher,
} from '../../src/ports/runner-dispatcher';

export class FakeRunnerDispatcher implements RunnerDispatcher {
  readonly started: JobSpec[] = [];
  readonly stopped: string[] = [];
  readonly liveness = new Map<string, RunnerLiveness>();
  private listener: RunnerEventListener = async () => undefined;

  async start(spec: JobSpec): Promise<{ runnerId: string }> {
    this.started.push(spec);
    const runnerId = `fake-${spec.jobId}-${spec.attempt}`;
    this.liveness.set(runnerId, { state: 'running', since: new Date() });
    return { runnerId };
  }

  async stop(runnerId: string): Promise<void> {
    this.stopped.push(runnerId);
  }

  async status(runnerId: string): Promise<RunnerLiveness> {
    return this.liveness.get(runnerId) ?? { state: 'gone' };
  }

  onEvent(listener: RunnerEventListener): void {
    this.listener = listener;
  }

  emit(event: RunnerEvent): Promise<void> {
    return this.listener(event);
  }

  async shutdown(): Promise<void> {}
}
