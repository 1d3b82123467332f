// bench/upload: throughput of one large upload through the embedded all-in-one (started in this
// process, as `npm start` builds it) by the real clients — the CLI as a child process and the web UI
// in headless Chromium — against raw-put, the floor: one streamed PUT from this process to the
// server's blob endpoint. Prints medians over interleaved repetitions and the ratios.
process.env.LOG_LEVEL ??= 'ERROR'; // the services' JSON logs would bury the tables
import { performance } from 'node:perf_hooks';
import { failBench } from '../shared/fail';
import { describeMachine } from '../shared/machine';
import { fixed } from '../shared/stats';
import { print } from '../shared/table';
import { browserUiVariant } from './browser-upload';
import { cliMultipartVariant } from './cli-upload';
import { startDeployment, type BenchDeployment } from './deployment';
import { fetchMultipartVariant, rawPutVariant } from './http-upload';
import { startPutClient, type PutClient } from './put-client';
import { cliComponentsLines, outcomesLine, phasesTable, runsTable, summaryTable } from './report';
import { runRounds } from './rounds';
import { rssCheckLines } from './rss-check';
import { loadUploadBenchSettings, type UploadBenchSettings } from './settings';
import { makeRandomFile, type SourceFile } from './source-file';
import type { UploadVariant } from './variant';

const MiB = 1024 * 1024;
/** Above any file this bench makes: every upload on the "single" deployment is one PUT. */
const NEVER_MULTIPART = String(2 ** 50);

const startDeployments = async (s: UploadBenchSettings) => {
  const single = await startDeployment('single', {
    MEDIAFLOW_UPLOAD_MULTIPART_THRESHOLD_BYTES: NEVER_MULTIPART,
  });
  const partBytes = String(s.BENCH_UPLOAD_PART_MB * MiB);
  const needsMultipart = s.BENCH_UPLOAD_RSS_MB > 0 || s.BENCH_UPLOAD_VARIANTS.some((v) => v !== 'raw-put');
  const multipart = needsMultipart
    ? await startDeployment('multipart', {
        MEDIAFLOW_UPLOAD_MULTIPART_THRESHOLD_BYTES: partBytes,
        MEDIAFLOW_UPLOAD_PART_SIZE_BYTES: partBytes,
      }).catch(async (error: unknown) => {
        await single.stop();
        throw error;
      })
    : undefined;
  return { single, multipart, all: [single, ...(multipart ? [multipart] : [])] };
};

const buildVariants = async (
  s: UploadBenchSettings,
  source: SourceFile,
  deployments: { single: BenchDeployment; multipart?: BenchDeployment },
  putClient: PutClient,
): Promise<UploadVariant[]> => {
  const { single, multipart } = deployments;
  const variants: UploadVariant[] = [rawPutVariant(single, putClient, source)];
  if (!multipart) return variants;
  const wanted = new Set(s.BENCH_UPLOAD_VARIANTS);
  if (wanted.has('fetch-multipart')) variants.push(fetchMultipartVariant(multipart, putClient, source));
  if (wanted.has('cli-multipart')) variants.push(cliMultipartVariant(multipart, source));
  if (wanted.has('browser-ui')) {
    const browser = await browserUiVariant(multipart, source, s.BENCH_UPLOAD_TIMEOUT_SECONDS * 1000);
    if ('skipped' in browser) print(`!! browser-ui SKIPPED: ${browser.skipped}`);
    else variants.push(browser.variant);
  }
  return variants;
};

const describeSetup = (
  s: UploadBenchSettings,
  source: SourceFile,
  deployments: readonly BenchDeployment[],
) => {
  const partCount = Math.ceil(source.bytes / (s.BENCH_UPLOAD_PART_MB * MiB));
  const multipartTicket =
    source.bytes < s.BENCH_UPLOAD_PART_MB * MiB
      ? 'a single PUT (the file is under the threshold)'
      : `${partCount} part(s) of ${s.BENCH_UPLOAD_PART_MB} MiB, 4 in flight`;
  print(
    `file:    ${source.path}, ${s.BENCH_UPLOAD_MB} MiB of random bytes (declared video/mp4: each job is rejected at its probe)`,
  );
  for (const d of deployments) {
    const what =
      d.label === 'single'
        ? `multipart threshold ${NEVER_MULTIPART} B → one PUT`
        : `multipart threshold and part size ${s.BENCH_UPLOAD_PART_MB} MiB → ${multipartTicket}`;
    print(`deployment ${d.label.padEnd(9)} ${d.url}: ${what}`);
  }
  print(
    `MEDIAFLOW_UPLOAD_COMPLETE_ON_STORE=${process.env.MEDIAFLOW_UPLOAD_COMPLETE_ON_STORE ?? '(unset: false)'}`,
  );
};

const main = async (): Promise<void> => {
  const s = loadUploadBenchSettings();
  const started = performance.now();
  print(
    `bench/upload: one ${s.BENCH_UPLOAD_MB} MiB upload through the embedded all-in-one, by client, vs raw-put`,
  );
  print(`machine: ${describeMachine()}`);
  const source = makeRandomFile(s.BENCH_UPLOAD_MB);
  const variants: UploadVariant[] = [];
  const putClient = startPutClient(s.BENCH_UPLOAD_PUT_THREAD);
  let deployments: Awaited<ReturnType<typeof startDeployments>> | undefined;
  try {
    deployments = await startDeployments(s);
    describeSetup(s, source, deployments.all);
    variants.push(...(await buildVariants(s, source, deployments, putClient)));
    for (const v of variants) print(`  ${v.name.padEnd(15)} ${v.how}`);
    print(
      `window: from the client's first request (CLI: spawn) to holding the job id; ${s.BENCH_UPLOAD_REPS} rounds + 1 warm-up, order rotating`,
    );
    const result = await runRounds({
      variants,
      source,
      reps: s.BENCH_UPLOAD_REPS,
      timeoutMs: s.BENCH_UPLOAD_TIMEOUT_SECONDS * 1000,
      progress: (line) => print(`  ${line}`),
    });
    print(`\nmedians over ${s.BENCH_UPLOAD_REPS} rounds (MiB/s = ${s.BENCH_UPLOAD_MB} MiB ÷ median s)`);
    print(summaryTable(result, source.bytes));
    print(runsTable(result));
    print(phasesTable(result));
    for (const line of cliComponentsLines(result)) print(line);
    print(`jobs after their probe: ${outcomesLine(result)}`);
    if (s.BENCH_UPLOAD_RSS_MB > 0 && deployments.multipart)
      for (const line of await rssCheckLines(deployments.multipart, putClient, s.BENCH_UPLOAD_RSS_MB)) print(line);
  } finally {
    for (const v of variants) await v.dispose().catch(() => undefined);
    await putClient.close();
    for (const d of deployments?.all ?? []) await d.stop().catch(() => undefined);
    source.dispose();
  }
  print(`\ntotal ${fixed((performance.now() - started) / 1000, 1)} s`);
};

main().catch(failBench('bench/upload'));
