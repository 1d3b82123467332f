// The jobs that may have an attempt running: the watchdog's worklist, so it never scans every stream.
// An entry is added before a runner is dispatched and removed once the job's stream shows nothing
// running; the stream stays the truth, the index only says where to look.
export interface ActiveTranscode {
  readonly jobId: string;
  /** When the entry was last added (dispatch time): young entries are kept even if nothing runs yet. */
  readonly since: Date;
}

export interface ActiveTranscodes {
  /** Adds the job, or refreshes its `since`. */
  add(jobId: string, since: Date): Promise<void>;
  /** Removing a missing entry succeeds. */
  remove(jobId: string): Promise<void>;
  /** Every entry, oldest first. */
  list(): Promise<ActiveTranscode[]>;
}
