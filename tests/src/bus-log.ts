// Everything published on an embedded deployment's bus so far, read from its log file (a second
// connection, read only): what the end-to-end tests count facts in.
import type { BusEnvelope } from '@mediaflow/contracts';
import { embeddedPaths } from '@mediaflow/runtime/paths';
import { openSqliteDatabase } from '@mediaflow/sqlite';

export const busLog = (dataDir: string): BusEnvelope[] => {
  const db = openSqliteDatabase(embeddedPaths(dataDir).bus);
  try {
    return db
      .prepare<[], { body: string }>('SELECT body FROM bus_events ORDER BY seq')
      .all()
      .map((row) => JSON.parse(row.body) as BusEnvelope);
  } finally {
    db.close();
  }
};
