// The files a plan promises, by key, kind and size: the runner checks them after ffmpeg and the
// manifest reports them. HLS segments are not listed: their playlists name them.
import type { OutputKind } from '@mediaflow/contracts';
import type { Plan } from './plan-types';

export interface PlannedFile {
  key: string;
  kind: OutputKind;
  width?: number;
  height?: number;
}

export const plannedFiles = (plan: Plan): PlannedFile[] => {
  switch (plan.kind) {
    case 'video': {
      const top = plan.rungs.find((r) => r.name === plan.mp4.rung);
      const sb = plan.storyboard;
      return [
        { key: plan.hls.masterKey, kind: 'hls-master' },
        ...plan.rungs.map((r) => ({
          key: r.playlistKey,
          kind: 'hls-rendition' as const,
          width: r.width,
          height: r.height,
        })),
        ...(plan.audio ? [{ key: plan.audio.playlistKey, kind: 'audio-hls' as const }] : []),
        { key: plan.mp4.key, kind: 'mp4', ...(top ? { width: top.width, height: top.height } : {}) },
        { key: plan.poster.key, kind: 'poster', width: plan.poster.width, height: plan.poster.height },
        {
          key: sb.spriteKey,
          kind: 'storyboard',
          width: sb.tileWidth * sb.columns,
          height: sb.tileHeight * sb.rows,
        },
        { key: sb.vttKey, kind: 'storyboard-vtt' },
      ];
    }
    case 'audio':
      return [
        { key: plan.hls.masterKey, kind: 'hls-master' },
        { key: plan.audio.playlistKey, kind: 'audio-hls' },
        { key: plan.m4a.key, kind: 'm4a' },
        { key: plan.waveform.key, kind: 'waveform' },
      ];
    case 'image':
      return plan.variants.map((v) => ({
        key: v.key,
        kind: 'image-variant' as const,
        width: v.width,
        height: v.height,
      }));
  }
};
