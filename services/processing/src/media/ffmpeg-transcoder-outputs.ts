// After ffmpeg: completes the staged outputs (HLS layout and master, storyboard VTT, waveform),
// checks every planned file is there, then moves them to their keys under the output folder.
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Plan, type PlannedFile, plannedFiles, storyboardVtt } from '@mediaflow/media-planning';
import { TranscodeFailed } from '../domain/media-errors';
import type { ProducedFile, ProducedFileKind } from '../ports/transcoder';
import { waveformPcmKey } from './ffmpeg-command-audio';
import { outPath } from './ffmpeg-command-spec';
import { HLS_STAGING_DIR, videoVariantNames } from './ffmpeg-command-video';
import { writeWaveformJson } from './ffmpeg-transcoder-waveform';
import { finishHlsPackage } from './hls-output-layout';

export const finishStagedOutputs = async (stagingDir: string, plan: Plan): Promise<void> => {
  const hlsDir = outPath(stagingDir, HLS_STAGING_DIR);
  if (plan.kind === 'video') {
    await finishHlsPackage(stagingDir, hlsDir, plan, videoVariantNames(plan));
    await fs.writeFile(
      outPath(stagingDir, plan.storyboard.vttKey),
      storyboardVtt(plan.storyboard, plan.durationSeconds),
    );
  } else if (plan.kind === 'audio') {
    await finishHlsPackage(stagingDir, hlsDir, plan, [plan.audio.name]);
    await writeWaveformJson(
      outPath(stagingDir, waveformPcmKey(plan)),
      outPath(stagingDir, plan.waveform.key),
      plan,
    );
  }
};

const exists = (file: string): Promise<boolean> =>
  fs.stat(file).then(
    (s) => s.isFile() && s.size > 0,
    () => false,
  );

/** ffmpeg can exit 0 and still skip an output (a poster time past the last frame): that is a failure. */
export const assertPlannedFilesExist = async (stagingDir: string, plan: Plan): Promise<void> => {
  for (const file of plannedFiles(plan)) {
    if (!(await exists(outPath(stagingDir, file.key))))
      throw new TranscodeFailed(`ffmpeg finished without writing ${file.key}`, false, []);
  }
};

const CONTENT_TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.vtt': 'text/vtt',
  '.json': 'application/json',
};

const listFiles = async (root: string, dir = ''): Promise<string[]> => {
  const entries = await fs.readdir(path.join(root, dir), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? listFiles(root, path.posix.join(dir, e.name))
        : Promise.resolve([path.posix.join(dir, e.name)]),
    ),
  );
  return nested.flat().sort();
};

/**
 * Moves every staged file to `<outputDir>/<key>`, replacing what a previous run left. HLS rendition
 * folders are replaced whole, so a rerun leaves no stale segment behind.
 */
export const moveIntoPlace = async (
  stagingDir: string,
  outputDir: string,
  plan: Plan,
): Promise<ProducedFile[]> => {
  const planned = new Map(plannedFiles(plan).map((f) => [f.key, f]));
  const renditionDirs = [...planned.values()]
    .filter((f) => f.kind === 'hls-rendition' || f.kind === 'audio-hls')
    .map((f) => path.posix.dirname(f.key));
  for (const dir of renditionDirs) {
    await fs.rm(outPath(outputDir, dir), { recursive: true, force: true });
    await fs.mkdir(path.dirname(outPath(outputDir, dir)), { recursive: true });
    await fs.rename(outPath(stagingDir, dir), outPath(outputDir, dir));
  }
  for (const key of await listFiles(stagingDir)) {
    await fs.mkdir(path.dirname(outPath(outputDir, key)), { recursive: true });
    await fs.rename(outPath(stagingDir, key), outPath(outputDir, key));
  }
  const renditionKeys = await Promise.all(renditionDirs.map((d) => listFiles(outputDir, d)));
  const keys = [...new Set([...renditionKeys.flat(), ...planned.keys()])].sort();
  return Promise.all(keys.map((key) => describeFile(outputDir, key, planned.get(key))));
};

/** Files not in the plan's list are the init sections and segments inside rendition folders. */
const describeFile = async (
  outputDir: string,
  key: string,
  planned: PlannedFile | undefined,
): Promise<ProducedFile> => {
  const file = outPath(outputDir, key);
  const extension = path.extname(key);
  const kind: ProducedFileKind = planned?.kind ?? (extension === '.m4s' ? 'hls-segment' : 'hls-init');
  return {
    key,
    path: file,
    kind,
    contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
    sizeBytes: (await fs.stat(file)).size,
    ...(planned?.width !== undefined ? { width: planned.width } : {}),
    ...(planned?.height !== undefined ? { height: planned.height } : {}),
  };
};
