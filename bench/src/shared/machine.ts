// One line on the machine a bench ran on, printed with every set of figures.
import os from 'node:os';

export const describeMachine = (): string => {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const memGiB = (os.totalmem() / 2 ** 30).toFixed(0);
  return `${cpus.length} cores (${model}), ${memGiB} GiB, ${os.platform()} ${os.release()}, node ${process.version}, load avg ${load}`;
};
