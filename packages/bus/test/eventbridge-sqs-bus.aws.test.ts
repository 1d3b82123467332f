// The bus contract against EventBridge + SQS on the emulator named by AWS_ENDPOINT_URL (moto by
// default): resources provisioned per test with a random environment suffix, removed afterwards.
import { randomUUID } from 'node:crypto';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  deleteBus,
  deprovisionMessaging,
  ensureBus,
  provisionMessaging,
  type ProvisionedMessaging,
} from '@mediaflow/aws-provisioning';
import { awsClientSettings } from '@mediaflow/config';
import type { ServiceDeclaration } from '@mediaflow/topology';
import { EventBridgePublisher } from '../src/adapters/aws/eventbridge-publisher';
import { SqsDeadLetters } from '../src/adapters/aws/sqs-dead-letters';
import { SqsEventConsumer } from '../src/adapters/aws/sqs-event-consumer';
import { describeBusContract, type MakeBus } from '../src/testing/bus-contract';

const makeAwsBus: MakeBus = async (validate) => {
  const env = `t-${randomUUID().slice(0, 8)}`;
  const eventBridge = new EventBridgeClient(awsClientSettings());
  const sqs = new SQSClient(awsClientSettings());
  const batchSizes: number[] = [];
  eventBridge.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'PutEventsCommand')
        batchSizes.push((args.input as { Entries: unknown[] }).Entries.length);
      return next(args);
    },
    { step: 'initialize', name: 'recordPutEventsBatchSizes' },
  );
  const { busName } = await ensureBus(eventBridge, env);
  const provisioned = new Map<ServiceDeclaration, Promise<ProvisionedMessaging>>();
  const provision = (d: ServiceDeclaration): Promise<ProvisionedMessaging> => {
    const known = provisioned.get(d) ?? provisionMessaging({ eventBridge, sqs }, d, env);
    provisioned.set(d, known);
    return known;
  };
  return {
    publisher: new EventBridgePublisher({ client: eventBridge, busName, validate }),
    consumer: async (declaration) => {
      const { queueUrl, dlqUrl } = await provision(declaration);
      return new SqsEventConsumer({
        client: sqs,
        queueUrl,
        deadLetterQueueUrl: dlqUrl,
        declaration,
        validate,
        waitTimeSeconds: 1,
        retryDelay: () => 0,
        stopTimeoutMs: 300,
      });
    },
    deadLetters: (declaration) => ({
      list: async () =>
        new SqsDeadLetters({
          client: sqs,
          deadLetterQueueUrl: (await provision(declaration)).dlqUrl,
          validate,
          maxAttempts: declaration.maxAttempts,
        }).list(),
    }),
    // What an EventBridge rule target would deliver, sent straight to the inbox.
    injectRaw: async (declaration, event) => {
      const { queueUrl } = await provision(declaration);
      const body = {
        version: '0',
        id: randomUUID(),
        account: '123456789012',
        time: new Date().toISOString(),
        region: 'us-east-1',
        resources: [],
        ...event,
      };
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(body) }));
    },
    publishBatchSizes: () => batchSizes,
    cleanup: async () => {
      for (const declaration of provisioned.keys())
        await deprovisionMessaging({ eventBridge, sqs }, declaration, env);
      await deleteBus(eventBridge, env);
      eventBridge.destroy();
      sqs.destroy();
    },
  };
};

describeBusContract(`Bus contract [EventBridge+SQS @ ${process.env.AWS_ENDPOINT_URL}]`, makeAwsBus);
