// Replay on the embedded deployment: runs on the machine that holds the data folder, opening its bus
// file beside the running server (SQLite WAL: both may hold it). The window's log rows are routed
// again to one service; the server's consumer for that service receives them at its next poll.
import fs from 'node:fs';
import { CliError } from '../cli-errors';
import { UnknownSubscriber } from './unknown-subscriber';

export interface EmbeddedReplayRequest {
  readonly dataDir: string;
  readonly subscriber: string;
  readonly from: Date;
  readonly to: Date;
}

export const replayEmbedded = async (request: EmbeddedReplayRequest): Promise<{ queued: number }> => {
  // Imported here, not at the top: every other command would load the bus, SQLite and the contracts at start.
  const [{ validateWithContracts }, { SqliteBus }, { embeddedPaths }, { serviceDeclarations }] = await Promise.all([
    import('@mediaflow/bus'),
    import('@mediaflow/bus/sqlite'),
    import('@mediaflow/runtime/paths'),
    import('@mediaflow/service-registry'),
  ]);
  const declaration = serviceDeclarations.find((d) => d.service === request.subscriber);
  if (!declaration) throw new UnknownSubscriber(request.subscriber, serviceDeclarations.map((d) => d.service));
  const file = embeddedPaths(request.dataDir).bus;
  if (!fs.existsSync(file)) throw new CliError(`no bus at ${file}: is MEDIAFLOW_DATA_DIR the embedded server's data folder?`);
  const bus = new SqliteBus({ file, validate: validateWithContracts });
  try {
    return bus.replay(declaration, { from: request.from, to: request.to });
  } finally {
    await bus.close();
  }
};
