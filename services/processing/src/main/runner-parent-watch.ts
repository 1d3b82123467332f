// A forked runner must not outlive the process that forked it: a parent killed with -9 cannot stop it,
// and an orphan would keep ffmpeg running and write outputs beside the retry of its attempt. The IPC
// channel closing says the parent is gone; so does a changed parent pid (adopted by init or a
// subreaper), checked on a timer because Node has no PR_SET_PDEATHSIG. A channel already closed when
// the runner starts (the parent died while tsx was still loading us) counts at once.
export interface ParentWatch {
  stop(): void;
}

interface ParentWatchProcess {
  readonly send?: unknown;
  readonly connected?: boolean;
  readonly ppid: number;
  once(event: 'disconnect', listener: () => void): unknown;
  removeListener(event: 'disconnect', listener: () => void): unknown;
}

/** Calls `onParentLost` once when a forked runner's parent is gone; does nothing without a parent channel. */
export const watchParent = (
  onParentLost: () => void,
  options: { readonly process?: ParentWatchProcess; readonly pollMs?: number } = {},
): ParentWatch => {
  const proc = options.process ?? process;
  if (!proc.send) return { stop: () => undefined }; // started by hand or as an ECS task: no parent to lose
  if (!proc.connected) {
    queueMicrotask(onParentLost);
    return { stop: () => undefined };
  }
  const parent = proc.ppid;
  let lost = false;
  const lose = (): void => {
    if (lost) return;
    lost = true;
    stop();
    onParentLost();
  };
  const timer = setInterval(() => {
    if (proc.ppid !== parent) lose();
  }, options.pollMs ?? 1000);
  timer.unref();
  proc.once('disconnect', lose);
  function stop(): void {
    clearInterval(timer);
    proc.removeListener('disconnect', lose);
  }
  return { stop };
};
