// Writes what the service stacks need from the foundation into SSM Parameter Store, under
// /mediaflow/<env>/...: the only link between the stacks, so each deploys on its own.
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { Construct } from 'constructs';
import { foundationParameterNames, type FoundationParameter } from '../naming/parameter-names';

type ParameterValues = Record<FoundationParameter, string | string[]>;

export class PublishedParameters extends Construct {
  constructor(scope: Construct, id: string, props: { env: string; values: ParameterValues }) {
    super(scope, id);
    const names = foundationParameterNames(props.env);
    for (const [key, value] of Object.entries(props.values) as [FoundationParameter, string | string[]][]) {
      const isList = Array.isArray(value);
      new SsmParameter(this, key, {
        name: names[key],
        type: isList ? 'StringList' : 'String',
        value: isList ? value.join(',') : value,
        description: `mediaflow ${props.env} foundation: ${key}`,
      });
    }
  }
}
