// The chosen SQLite driver cannot be loaded on this Node: better-sqlite3 missing or built for another
// Node's ABI, or node:sqlite asked for on a Node without it.
export class SqliteDriverUnavailable extends Error {
  readonly code = 'SQLITE_DRIVER_UNAVAILABLE';
  override readonly name = 'SqliteDriverUnavailable';
  constructor(driver: 'node:sqlite' | 'better-sqlite3', cause: unknown) {
    super(
      driver === 'better-sqlite3'
        ? `better-sqlite3 cannot be loaded on Node ${process.versions.node} (npm builds it for the Node that installed it; Node 22.13 and later use node:sqlite instead): ${(cause as Error).message}`
        : `node:sqlite is not available on Node ${process.versions.node} (it needs 22.13 or later): ${(cause as Error).message}`,
      { cause },
    );
  }
}

/** Loads a driver's module, naming the driver and the Node when it cannot be. */
export const loadDriver = <M>(driver: 'node:sqlite' | 'better-sqlite3', load: () => M): M => {
  try {
    return load();
  } catch (error) {
    throw new SqliteDriverUnavailable(driver, error);
  }
};
