// @mediaflow/sqlite: the one way a SQLite file is opened (WAL, busy timeout, chosen durability, a versioned schema applied under the write lock).
export * from './open-sqlite-file';
