// Where the embedded deployment keeps its files under MEDIAFLOW_DATA_DIR. Its own module so a process
// that needs only the paths (the runner child, started per job) does not load the whole runtime.
import path from 'node:path';

export const embeddedPaths = (dataDir: string) => ({
  bus: path.join(dataDir, 'bus.sqlite'),
  eventStore: (service: string) => path.join(dataDir, `${service}.events.sqlite`),
  blobs: (bucket: 'uploads' | 'outputs') => path.join(dataDir, 'blobs', bucket),
});
