// The manifest a finished run reports (TranscodeFinished): one entry per playable or downloadable
// output — playlists, not their segments — with size and checksum as stored.
import type { ManifestOutput } from '@mediaflow/contracts';
import { type Plan, plannedFiles } from '@mediaflow/media-planning';
import type { ProducedFile } from '../ports/transcoder';

export interface StoredFile {
  readonly file: ProducedFile;
  readonly storageKey: string;
  readonly sha256: string;
  readonly size: number;
}

const rungBitrate = (plan: Plan, key: string): number | undefined => {
  if (plan.kind === 'video') {
    const rung = plan.rungs.find((r) => r.playlistKey === key);
    if (rung) return rung.videoBitrateKbps + (plan.audio?.bitrateKbps ?? 0);
    if (plan.mp4.key === key) {
      const top = plan.rungs.find((r) => r.name === plan.mp4.rung);
      return top ? top.videoBitrateKbps + (plan.audio?.bitrateKbps ?? 0) : undefined;
    }
  }
  if (plan.kind === 'audio' && (plan.audio.playlistKey === key || plan.m4a.key === key)) return plan.audio.bitrateKbps;
  return undefined;
};

export const buildManifest = (plan: Plan, stored: readonly StoredFile[]): ManifestOutput[] => {
  const planned = new Map(plannedFiles(plan).map((p) => [p.key, p]));
  const timed = plan.kind === 'image' ? undefined : Math.round(plan.durationSeconds * 1000) / 1000;
  return stored
    .filter((s) => s.file.kind !== 'hls-init' && s.file.kind !== 'hls-segment')
    .map(({ file, storageKey, sha256, size }) => {
      const p = planned.get(file.key);
      const width = file.width ?? p?.width;
      const height = file.height ?? p?.height;
      const bitrateKbps = rungBitrate(plan, file.key);
      const playable = ['hls-master', 'hls-rendition', 'mp4', 'audio-hls', 'm4a'].includes(file.kind);
      return {
        key: storageKey,
        kind: file.kind as ManifestOutput['kind'],
        sizeBytes: size,
        sha256,
        ...(width ? { width } : {}),
        ...(height ? { height } : {}),
        ...(bitrateKbps ? { bitrateKbps } : {}),
        ...(playable && timed !== undefined ? { durationSeconds: timed } : {}),
      };
    });
};
