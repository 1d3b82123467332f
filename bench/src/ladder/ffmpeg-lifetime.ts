// Watches the ffmpeg process inside the runner, which the bench cannot reach (the transcoder spawns
// it): the transcoder is given a tiny sh wrapper that records the argv, runs the real ffmpeg and
// appends its start and end times to a file. The runner's own time is then its wall minus ffmpeg's
// lifetime in the same run, so it does not drown in the load noise between runs, and the argv shows
// the runner ran exactly the hand-written command. The wrapper waits for ffmpeg, so ffmpeg's CPU
// still reaches this process's children counters; it adds a few milliseconds per run.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

interface FfmpegLifetime {
  readonly seconds: number;
  readonly argv: readonly string[];
}

export interface LifetimeProbe {
  /** Give this to the transcoder as its ffmpeg. */
  readonly ffmpegPath: string;
  /** The longest-lived ffmpeg since the last call (the wrappers' and probes' own short runs are not it). */
  takeLongest(): Promise<FfmpegLifetime | undefined>;
  /** Removes the wrapper and what it wrote. */
  dispose(): Promise<void>;
}

const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

export const ffmpegLifetimeProbe = async (realFfmpeg: string): Promise<LifetimeProbe> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mediaflow-bench-ffmpeg-'));
  const log = path.join(dir, 'lifetimes.txt');
  const argvFile = (pid: string): string => path.join(dir, `argv.${pid}`);
  const wrapper = path.join(dir, 'ffmpeg-timed.sh');
  const script = [
    '#!/bin/sh',
    `printf '%s\\0' "$@" > ${shellQuote(dir)}/argv.$$`,
    's=$(date +%s.%N)',
    `${shellQuote(realFfmpeg)} "$@"`,
    'rc=$?',
    `echo "$$ $s $(date +%s.%N)" >> ${shellQuote(log)}`,
    'exit $rc',
  ];
  await writeFile(wrapper, `${script.join('\n')}\n`);
  await chmod(wrapper, 0o755);

  const takeLongest = async (): Promise<FfmpegLifetime | undefined> => {
    const lines = (await readFile(log, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean);
    const runs = lines.map((line) => {
      const [pid = '', start = 'NaN', end = 'NaN'] = line.split(' ');
      return { pid, seconds: Number(end) - Number(start) };
    });
    const longest = runs.sort((a, b) => b.seconds - a.seconds)[0];
    const argv = longest ? await readFile(argvFile(longest.pid), 'utf8') : undefined;
    await Promise.all([log, ...runs.map((r) => argvFile(r.pid))].map((f) => rm(f, { force: true })));
    return longest && argv !== undefined
      ? { seconds: longest.seconds, argv: argv.split('\0').slice(0, -1) }
      : undefined;
  };

  return { ffmpegPath: wrapper, takeLongest, dispose: () => rm(dir, { recursive: true, force: true }) };
};
