// Whether a process still runs, for the tests that kill runners and check what is left: signal 0
// reaches a zombie too, so /proc's state says whether it has really ended.
import fs from 'node:fs';

export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z '); // a zombie has ended
  } catch {
    return false;
  }
};
