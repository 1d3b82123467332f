// Puts ffmpeg's HLS output at the planned keys: `hls/<index>/` folders become `hls/<name>/`, init
// sections become `init.mp4`, and the master playlist is written from what is on disk.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AudioPlan, VideoPlan } from '@mediaflow/media-planning';
import { normalizeInitSection } from './hls-media-playlist';
import { writeMasterPlaylist } from './hls-master-playlist';

/** `names[i]` is the rendition ffmpeg wrote to `<hlsDir>/<i>/` (the var_stream_map order). */
const renameVariantFolders = async (hlsDir: string, names: readonly string[]): Promise<void> => {
  // Two passes through temporary names, in case a rendition were ever named like an index.
  for (const [index, name] of names.entries())
    await fs.rename(path.join(hlsDir, String(index)), path.join(hlsDir, `.${name}`));
  for (const name of names) {
    await fs.rename(path.join(hlsDir, `.${name}`), path.join(hlsDir, name));
    await normalizeInitSection(path.join(hlsDir, name));
  }
};

export const finishHlsPackage = async (
  stagingDir: string,
  hlsDir: string,
  plan: VideoPlan | AudioPlan,
  names: readonly string[],
): Promise<void> => {
  await renameVariantFolders(hlsDir, names);
  await writeMasterPlaylist(stagingDir, plan);
};
