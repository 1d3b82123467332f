import { awsWorld } from '../src/delivery-worlds';
import { describeExactlyOnce } from '../src/exactly-once-scenario';

describeExactlyOnce('on AWS adapters (DynamoDB + EventBridge + SQS, emulator)', awsWorld);
