// `npm run synth -w @mediaflow/cdktf` (and cdktf-cli's `app`): synthesizes every stack into
// cdktf.out/ without network or terraform. MEDIAFLOW_ENV picks the environment (default dev).
import path from 'node:path';
import { App } from 'cdktf';
import { buildApp } from './app';
import { readSettings, settingsWarnings } from './settings';

const started = process.hrtime.bigint();
const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? path.resolve(__dirname, '..', 'cdktf.out') });
const contextEnv = app.node.tryGetContext('env') as string | undefined;
const settings = readSettings(process.env, contextEnv);
for (const warning of settingsWarnings(settings)) process.stderr.write(`warning: ${warning}\n`);
const { stacks } = buildApp(app, settings);
app.synth();
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const backend = settings.stateBackend ? `s3://${settings.stateBackend.bucket}/${settings.stateBackend.keyPrefix}/` : 'local files';
process.stderr.write(`synthesized ${stacks.map((s) => s.stackName).join(', ')} for "${settings.env}" (state: ${backend}) into ${app.outdir} in ${ms.toFixed(0)} ms\n`);
