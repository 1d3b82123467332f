// Reads the foundation's SSM parameters in a service stack. A data source is declared the first
// time a value is asked for, so a stack reads exactly the parameters it uses.
import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { foundationParameterNames, type FoundationParameter } from '../naming/parameter-names';

export class FoundationInputs extends Construct {
  private readonly names: ReturnType<typeof foundationParameterNames>;
  private readonly read = new Map<FoundationParameter, DataAwsSsmParameter>();

  constructor(scope: Construct, id: string, env: string) {
    super(scope, id);
    this.names = foundationParameterNames(env);
  }

  /** The parameter's value (a token resolved at plan time). */
  value(key: FoundationParameter): string {
    let parameter = this.read.get(key);
    if (!parameter) {
      parameter = new DataAwsSsmParameter(this, key, { name: this.names[key] });
      this.read.set(key, parameter);
    }
    return parameter.value;
  }

  /** A StringList parameter as a list. */
  list(key: FoundationParameter): string[] {
    return Fn.split(',', this.value(key));
  }
}
