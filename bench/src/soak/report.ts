// The soak bench's tables: one column per sample and the ratio of the last to the one before (end to
// middle), which should stay near 1.00x for what pruning bounds and grow with the jobs for what is kept
// by design.
import type { Footprint } from './footprint';
import { renderTable, type Row } from '../shared/table';

const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(2);
const ratio = (end: number, middle: number): string => (middle === 0 ? (end === 0 ? '1.00x' : 'n/a') : `${(end / middle).toFixed(2)}x`);

export const footprintTable = (samples: readonly Footprint[]): string => {
  const end = samples.at(-1)!;
  const middle = samples.at(-2)!;
  const header: Row = ['', ...samples.map((s) => `${s.label} (${s.jobs} jobs)`), 'end/middle'];
  const line = (name: string, pick: (f: Footprint) => number, show: (n: number) => string = String): Row => [
    name,
    ...samples.map((s) => show(pick(s))),
    ratio(pick(end), pick(middle)),
  ];
  const databases = Object.keys(end.sqliteBytes).sort();
  const sqliteTotal = (f: Footprint) => Object.values(f.sqliteBytes).reduce((a, b) => a + b, 0);
  const rows: Row[] = [
    line('RSS, MiB', (f) => f.rssBytes, mib),
    line('JS heap used, MiB', (f) => f.heapUsedBytes, mib),
    line('open file descriptors', (f) => f.openFds),
    ...databases.map((d) => line(`${d} (+wal, shm), MiB`, (f) => f.sqliteBytes[d] ?? 0, mib)),
    line('all SQLite files, MiB', sqliteTotal, mib),
    line('blobs (uploads + outputs), MiB', (f) => f.blobBytes, mib),
    ...Object.keys(end.rows).map((name) => line(`rows: ${name}`, (f) => f.rows[name] ?? 0)),
  ];
  return renderTable(header, rows);
};
