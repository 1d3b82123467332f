// Creates an SQS queue or, when it exists, brings its attributes to the wanted values: safe to run
// on every bootstrap.
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';

interface EnsuredQueue {
  readonly url: string;
  readonly arn: string;
}

// AWS answers QueueNameExists when the attributes differ. moto 5.2.5 sends the query code QueueAlreadyExists,
// which today's SDK maps to QueueNameExists; both are accepted in case a client or emulator does not.
const ALREADY_EXISTS = new Set(['QueueNameExists', 'QueueAlreadyExists']);

export const ensureQueue = async (
  sqs: SQSClient,
  name: string,
  attributes: Record<string, string>,
): Promise<EnsuredQueue> => {
  let url: string | undefined;
  try {
    url = (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl;
  } catch (error) {
    if (!ALREADY_EXISTS.has((error as Error).name)) throw error;
    url = (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: attributes }));
  }
  if (!url) throw new Error(`SQS returned no URL for queue ${name}`);
  const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] })))
    .Attributes?.QueueArn;
  if (!arn) throw new Error(`SQS returned no ARN for queue ${name}`);
  return { url, arn };
};
