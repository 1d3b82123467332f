// Replay on the embedded deployment: runs on the machine that holds the data folder, opening its bus
// file beside the running server (SQLite WAL: both may hold it). The window's log rows are routed
// again to one service; the server's consumer for that service receives them at its next poll.
import { validateWithContracts } from '@mediaflow/bus';
import { SqliteBus } from '@mediaflow/bus/sqlite';
import { embeddedPaths } from '@mediaflow/runtime/paths';
import { serviceDeclarations } from '@mediaflow/service-registry';
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
