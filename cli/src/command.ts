// What a command is: its words (`jobs list`), its options for node:util parseArgs, how many
// positionals it takes, its help text, and run(), which answers the exit code.
import type { ParseArgsConfig } from 'node:util';
import type { MediaflowApi } from './api-client';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** The process's streams and environment, passed in so tests and main share one path. */
export interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly env: NodeJS.ProcessEnv;
}

export interface CommandContext {
  readonly io: Io;
  readonly values: OptionValues;
  readonly positionals: readonly string[];
  /** The API client for --api-url/--token (or the environment, or a development token). */
  api(): Promise<MediaflowApi>;
  /** One line to stdout (the command's result). */
  out(line: string): void;
  /** One line to stderr (notes and progress, never parsed by scripts). */
  note(line: string): void;
}

export interface Command {
  readonly words: readonly string[];
  /** `FILE`, `ID`… for the usage line; their count is what the command requires. */
  readonly args: readonly string[];
  /** Fewer arguments the command accepts when an option stands in for them (`upload --url`). */
  readonly minArgs?: number;
  readonly summary: string;
  readonly options: OptionSpecs;
  /** Option lines of the help text, after the usage line. */
  readonly help: string;
  run(ctx: CommandContext): Promise<number>;
}

export const GLOBAL_OPTIONS: OptionSpecs = {
  'api-url': { type: 'string' },
  token: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export const GLOBAL_HELP = `Global options:
  --api-url URL   the API (default: MEDIAFLOW_API_URL, else http://127.0.0.1:8080)
  --token TOKEN   bearer token (default: MEDIAFLOW_TOKEN, else a development token
                  from <MEDIAFLOW_DATA_DIR or ./data>/secrets.json when it exists)
  -h, --help      this help`;

export const usageOf = (command: Command): string =>
  [`Usage: mediaflow ${[...command.words, ...command.args].join(' ')} [options]`, command.summary, command.help, GLOBAL_HELP]
    .filter((block) => block !== '')
    .join('\n\n');

export const stringOption = (values: OptionValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};
