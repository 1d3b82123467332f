// `npm run synth -w @mediaflow/cdktf` (and cdktf-cli's `app`): synthesizes every stack into
// cdktf.out/ without network or terraform. MEDIAFLOW_ENV picks the environment (default dev).
import path from 'node:path';
import { App } from 'cdktf';
import { buildApp } from './app';
import { readSettings, settingsWarnings } from './settings';
import { WebDistMissing } from './web/web-dist';

const started = process.hrtime.bigint();
const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? path.resolve(__dirname, '..', 'cdktf.out') });
const contextEnv = app.node.tryGetContext('env') as string | undefined;
const settings = readSettings(process.env, contextEnv);
for (const warning of settingsWarnings(settings)) process.stderr.write(`warning: ${warning}\n`);
const build = (): ReturnType<typeof buildApp> => {
  try {
    return buildApp(app, settings);
  } catch (error) {
    // An expected state, not a crash: say what to run, without a stack trace.
    if (!(error instanceof WebDistMissing)) throw error;
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(1);
  }
};
const { stacks } = build();
app.synth();
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const backend = settings.stateBackend ? `s3://${settings.stateBackend.bucket}/${settings.stateBackend.keyPrefix}/` : 'local files';
process.stderr.write(`synthesized ${stacks.map((s) => s.stackName).join(', ')} for "${settings.env}" (state: ${backend}) into ${app.outdir} in ${ms.toFixed(0)} ms\n`);
