// Identifiers of processing's own bindings, beside @mediaflow/runtime's TOKENS. Only src/main resolves them.
import type { RunnerWatchdog } from '../application/runner-watchdog';
import type { MediaProber } from '../ports/media-prober';
import type { ActiveTranscodes } from '../ports/active-transcodes';
import type { RunnerDispatcher } from '../ports/runner-dispatcher';
import type { ProcessingConfig } from './processing-config';

const token = <T>(name: string) => Symbol.for(`mediaflow.processing.${name}`) as symbol & { __type?: T };

export const PROCESSING_TOKENS = {
  Settings: token<ProcessingConfig>('Settings'),
  RunnerDispatcher: token<RunnerDispatcher>('RunnerDispatcher'),
  ActiveTranscodes: token<ActiveTranscodes>('ActiveTranscodes'),
  MediaProber: token<MediaProber>('MediaProber'),
  Watchdog: token<RunnerWatchdog>('Watchdog'),
} as const;
