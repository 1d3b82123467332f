// The base of every mediaflow stack: the AWS provider with tags naming the environment and stack,
// and the state backend (S3 + DynamoDB lock per environment, or a local file for offline work).
import path from 'node:path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { LocalBackend, S3Backend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { InfraSettings } from './settings';

export class MediaflowStack extends TerraformStack {
  constructor(
    scope: Construct,
    readonly stackName: string,
    readonly settings: InfraSettings,
  ) {
    super(scope, stackName);
    new AwsProvider(this, 'aws', {
      region: settings.region,
      defaultTags: [{ tags: { project: 'mediaflow', environment: settings.env, stack: stackName } }],
    });
    const state = settings.stateBackend;
    if (state) {
      new S3Backend(this, {
        bucket: state.bucket,
        key: `${state.keyPrefix}/${stackName}.tfstate`,
        region: state.region,
        dynamodbTable: state.lockTable,
        encrypt: true,
      });
    } else {
      // One file per stack and environment beside cdktf.json (terraform runs in cdktf.out/stacks/<stack>,
      // hence the absolute path), so `dev` and `test` never share state.
      const file = path.resolve(__dirname, '..', `terraform.${settings.env}.${stackName}.tfstate`);
      new LocalBackend(this, { path: file });
    }
  }
}
