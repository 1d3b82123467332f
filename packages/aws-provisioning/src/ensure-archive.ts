// The bus's archive (every event of the environment), as the foundation stack declares it: the
// source of replays. The emulator bootstrap creates it too, so replay can be tested there.
import { CreateArchiveCommand, DescribeArchiveCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { archiveName } from '@mediaflow/topology';

export const ensureArchive = async (
  eventBridge: EventBridgeClient,
  env: string,
  busArn: string,
  retentionDays = 30,
): Promise<{ archiveName: string; archiveArn: string }> => {
  const name = archiveName(env);
  try {
    const created = await eventBridge.send(
      new CreateArchiveCommand({ ArchiveName: name, EventSourceArn: busArn, RetentionDays: retentionDays }),
    );
    if (created.ArchiveArn) return { archiveName: name, archiveArn: created.ArchiveArn };
  } catch (error) {
    if ((error as Error).name !== 'ResourceAlreadyExistsException') throw error;
  }
  const described = await eventBridge.send(new DescribeArchiveCommand({ ArchiveName: name }));
  if (!described.ArchiveArn) throw new Error(`EventBridge returned no ARN for archive ${name}`);
  return { archiveName: name, archiveArn: described.ArchiveArn };
};
