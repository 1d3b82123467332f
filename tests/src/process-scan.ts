// Which processes on this machine belong to one embedded deployment: every process whose environment
// or command line names its data folder (the all-in-one, its runner children, their ffmpeg and
// ffprobe inherit MEDIAFLOW_DATA_DIR). Read from /proc, so it sees orphans adopted by init as well.
import fs from 'node:fs';

export interface ScannedProcess {
  readonly pid: number;
  readonly ppid: number;
  /** The executable's name as the kernel knows it (node, ffmpeg, ffprobe). */
  readonly name: string;
  readonly cmdline: string;
}

const readOrEmpty = (file: string): string => {
  try {
    return fs.readFileSync(file, 'latin1');
  } catch {
    return ''; // gone meanwhile, or not ours to read
  }
};

const parentOf = (pid: number): number => {
  // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
  const stat = readOrEmpty(`/proc/${pid}/stat`);
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[1] ?? 0);
};

/** Live processes (zombies excluded) that carry `dataDir` in their environment or command line. */
export const processesOfDataDir = (dataDir: string): ScannedProcess[] => {
  const marker = `MEDIAFLOW_DATA_DIR=${dataDir}`;
  const found: ScannedProcess[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const cmdline = readOrEmpty(`/proc/${pid}/cmdline`).split('\0').join(' ').trim();
    if (!cmdline) continue; // a zombie or a kernel thread
    const environ = readOrEmpty(`/proc/${pid}/environ`).split('\0');
    if (!environ.includes(marker) && !cmdline.includes(dataDir)) continue;
    found.push({ pid, ppid: parentOf(pid), name: readOrEmpty(`/proc/${pid}/comm`).trim(), cmdline });
  }
  return found;
};

/** The processes of `dataDir` that are not `rootPid` nor one of its descendants. */
export const orphansOf = (dataDir: string, rootPid: number | undefined): ScannedProcess[] => {
  const all = processesOfDataDir(dataDir);
  const inTree = new Set<number>(rootPid === undefined ? [] : [rootPid]);
  // Parents come before children often but not always: repeat until nothing joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all)
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
  }
  return all.filter((p) => !inTree.has(p.pid));
};
