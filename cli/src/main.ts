// mediaflow, the command-line client: finds the command in argv, parses its options with
// node:util parseArgs, runs it and turns every failure into a message on stderr and an exit code
// (0 ok, 1 error, 2 usage, 3 a watched job that did not complete).
import { parseArgs } from 'node:util';
import { ApiProblem, CliError, UsageError } from './cli-errors';
import { GLOBAL_HELP, GLOBAL_OPTIONS, usageOf, type Command, type CommandContext, type Io } from './command';
import { COMMANDS } from './commands';
import { connectApi } from './settings';

const overview = (commands: readonly Command[]): string => {
  const lines = commands.map((c) => [`mediaflow ${[...c.words, ...c.args].join(' ')}`, c.summary.split('\n')[0] ?? '']);
  const width = Math.max(...lines.map(([usage]) => (usage ?? '').length));
  return lines.map(([usage, summary]) => `  ${(usage ?? '').padEnd(width)}  ${summary}`).join('\n');
};

const TOP_USAGE = `Usage: mediaflow COMMAND [options]   (mediaflow COMMAND --help for its options)

The command-line client of the mediaflow API.

Commands:
${overview(COMMANDS)}

${GLOBAL_HELP}`;

const groupUsage = (group: string): string =>
  `Usage: mediaflow ${group} ${COMMANDS.filter((c) => c.words[0] === group).map((c) => c.words[1]).join('|')} [options]\n\nCommands:\n${overview(COMMANDS.filter((c) => c.words[0] === group))}\n\n${GLOBAL_HELP}`;

const isHelp = (word: string | undefined): boolean => word === '--help' || word === '-h' || word === 'help';

/** The command named by the first words of argv and the rest; a usage error when there is none. */
const findCommand = (argv: readonly string[]): { command: Command; rest: string[] } | { help: string } => {
  const [first, second] = argv;
  if (first === undefined) throw new UsageError('no command given', TOP_USAGE);
  if (isHelp(first)) return { help: TOP_USAGE };
  const single = COMMANDS.find((c) => c.words.length === 1 && c.words[0] === first);
  if (single) return { command: single, rest: argv.slice(1) };
  if (!COMMANDS.some((c) => c.words[0] === first)) throw new UsageError(`unknown command "${first}"`, TOP_USAGE);
  if (second === undefined) throw new UsageError(`"${first}" needs a subcommand`, groupUsage(first));
  if (isHelp(second)) return { help: groupUsage(first) };
  const command = COMMANDS.find((c) => c.words[0] === first && c.words[1] === second);
  if (!command) throw new UsageError(`unknown command "${first} ${second}"`, groupUsage(first));
  return { command, rest: argv.slice(2) };
};

const parse = (command: Command, args: string[]) => {
  try {
    return parseArgs({ args, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    // node's advice on '--' after the reason is noise here: the usage below says what is accepted.
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'), usageOf(command));
  }
};

const execute = async (argv: readonly string[], io: Io): Promise<number> => {
  const found = findCommand(argv);
  if ('help' in found) {
    io.stdout.write(`${found.help}\n`);
    return 0;
  }
  const { command, rest } = found;
  const { values, positionals } = parse(command, rest);
  if (values.help) {
    io.stdout.write(`${usageOf(command)}\n`);
    return 0;
  }
  if (positionals.length < (command.minArgs ?? command.args.length) || positionals.length > command.args.length) {
    const expected = command.args.length === 0 ? 'no arguments' : command.args.join(' ');
    throw new UsageError(`expected ${expected}, got ${positionals.length === 0 ? 'none' : positionals.map((p) => `"${p}"`).join(' ')}`, usageOf(command));
  }
  const note = (line: string): void => void io.stderr.write(`${line}\n`);
  const ctx: CommandContext = {
    io,
    values,
    positionals,
    api: () => connectApi(values as { 'api-url'?: string; token?: string }, io.env, note),
    out: (line) => void io.stdout.write(`${line}\n`),
    note,
  };
  return command.run(ctx);
};

const describeFailure = (error: unknown): { message: string; exitCode: number } => {
  if (error instanceof UsageError) return { message: `mediaflow: ${error.message}\n\n${error.usage}`, exitCode: error.exitCode };
  if (error instanceof ApiProblem && error.status === 401) {
    return { message: `${error.message}\n(pass --token or set MEDIAFLOW_TOKEN; for the embedded server, mediaflow token prints one)`, exitCode: 1 };
  }
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  return { message: `mediaflow: unexpected failure: ${(error as Error)?.stack ?? String(error)}`, exitCode: 1 };
};

/** Runs one command line; resolves with the exit code (never rejects). */
export const run = async (argv: readonly string[], io: Io): Promise<number> => {
  try {
    return await execute(argv, io);
  } catch (error) {
    const { message, exitCode } = describeFailure(error);
    io.stderr.write(`${message}\n`);
    return exitCode;
  }
};

/** The bin's entry: the real process streams, then exit with the code. */
export const main = (argv: readonly string[]): void => {
  run(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env }).then((code) => {
    process.exitCode = code;
  });
};
