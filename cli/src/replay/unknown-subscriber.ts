// A replay names a subscriber that does not exist here: no such service embedded, or no rules of
// that name on the bus on AWS. Exit code 2, like any other mistake on the command line.
import { CliError } from '../cli-errors';

export class UnknownSubscriber extends CliError {
  static readonly code = 'UNKNOWN_SUBSCRIBER';
  readonly code = UnknownSubscriber.code;
  override readonly name = 'UnknownSubscriber';

  constructor(
    readonly subscriber: string,
    known: readonly string[],
  ) {
    super(`${UnknownSubscriber.code}: no subscriber "${subscriber}" (known: ${known.join(', ') || 'none'})`, 2);
  }
}
