// `npm run synth -w @mediaflow/example-subscriber`: writes the stack's Terraform JSON to cdktf.out/.
import path from 'node:path';
import { App } from 'cdktf';
import { ExampleSubscriberStack } from './stack';

const app = new App({ outdir: path.resolve(__dirname, '..', 'cdktf.out') });
new ExampleSubscriberStack(app, 'example-subscriber', { region: process.env.AWS_REGION ?? 'us-east-1' });
app.synth();
