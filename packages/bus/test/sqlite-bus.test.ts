// The bus contract against the embedded SQLite bus, on a real file in a temp dir.
import { openSqliteDatabase, defaultSqliteDriver } from '@mediaflow/sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteBus } from '../src/adapters/local/sqlite-bus';
import { describeBusContract, type MakeBus } from '../src/testing/bus-contract';

const makeSqliteBus: MakeBus = async (validate) => {
  const dir = mkdtempSync(join(tmpdir(), 'mediaflow-bus-'));
  const file = join(dir, 'bus.sqlite');
  const bus = new SqliteBus({ file, validate });
  return {
    publisher: bus,
    consumer: async (declaration) => {
      bus.provision(declaration);
      return bus.consumer(declaration, { retryDelay: () => 100, stopTimeoutMs: 300, pollIntervalMs: 50 });
    },
    deadLetters: (declaration) => bus.deadLetters(declaration),
    // Another connection, as another process would: no in-process wake-up, the poll finds it.
    injectRaw: async (_declaration, event) => {
      const db = openSqliteDatabase(file);
      try {
        db.prepare(`INSERT INTO bus_events (body, published_at) VALUES (?, ?)`).run(
          JSON.stringify(event),
          new Date().toISOString(),
        );
      } finally {
        db.close();
      }
    },
    cleanup: async () => {
      await bus.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

describeBusContract(`Bus contract [SQLite ${defaultSqliteDriver()}]`, makeSqliteBus);
