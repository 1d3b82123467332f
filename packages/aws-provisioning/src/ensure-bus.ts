// The environment's custom EventBridge bus, created once and shared by every service.
import {
  CreateEventBusCommand,
  DeleteEventBusCommand,
  DescribeEventBusCommand,
  type EventBridgeClient,
} from '@aws-sdk/client-eventbridge';
import { busName as busNameOf } from '@mediaflow/topology';

export const ensureBus = async (
  eventBridge: EventBridgeClient,
  env: string,
): Promise<{ busName: string; busArn: string }> => {
  const busName = busNameOf(env);
  try {
    const created = await eventBridge.send(new CreateEventBusCommand({ Name: busName }));
    if (created.EventBusArn) return { busName, busArn: created.EventBusArn };
  } catch (error) {
    if ((error as Error).name !== 'ResourceAlreadyExistsException') throw error;
  }
  const described = await eventBridge.send(new DescribeEventBusCommand({ Name: busName }));
  if (!described.Arn) throw new Error(`EventBridge returned no ARN for bus ${busName}`);
  return { busName, busArn: described.Arn };
};

/** Deletes the environment's bus (its rules must be gone first); a missing bus is fine. */
export const deleteBus = async (eventBridge: EventBridgeClient, env: string): Promise<void> => {
  try {
    await eventBridge.send(new DeleteEventBusCommand({ Name: busNameOf(env) }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
};
