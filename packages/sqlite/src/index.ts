export * from './open-sqlite-file';
