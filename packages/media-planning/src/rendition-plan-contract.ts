// A plan in the contract's words (JobValidated.data.plan): which outputs to make, under which prefix.
// The contract is a summary — the runner re-plans the details from the same probe and profile — so
// the rung list is what both sides must agree on (see rungNamesOf / expectedRungsOf).
import type { PlannedOutput, RenditionPlan } from '@mediaflow/contracts';
import type { AudioPlan, ImagePlan, Plan, VideoPlan, VideoRungPlan } from './plan-types';

const fps3 = (fps: number): number => Math.round(fps * 1000) / 1000;

const rungFields = (rung: VideoRungPlan, plan: VideoPlan) => ({
  name: rung.name,
  width: rung.width,
  height: rung.height,
  videoBitrateKbps: rung.videoBitrateKbps,
  ...(plan.audio ? { audioBitrateKbps: plan.audio.bitrateKbps } : {}),
  codec: 'h264' as const,
  maxFrameRate: fps3(plan.frameRate.fps),
});

const videoOutputs = (plan: VideoPlan): PlannedOutput[] => {
  const mp4Rung = plan.rungs.find((r) => r.name === plan.mp4.rung);
  const sb = plan.storyboard;
  return [
    { kind: 'hls-master' },
    ...plan.rungs.map((r): PlannedOutput => ({ kind: 'hls-rendition', ...rungFields(r, plan) })),
    ...(plan.audio
      ? [
          {
            kind: 'audio-hls',
            name: plan.audio.name,
            audioBitrateKbps: plan.audio.bitrateKbps,
            codec: 'aac',
          } as const,
        ]
      : []),
    ...(mp4Rung ? [{ kind: 'mp4', ...rungFields(mp4Rung, plan) } as const] : []),
    { kind: 'poster', atSeconds: plan.poster.atSeconds, width: plan.poster.width, format: 'jpeg' },
    {
      kind: 'storyboard',
      intervalSeconds: sb.intervalSeconds,
      tileWidth: sb.tileWidth,
      tileHeight: sb.tileHeight,
      columns: sb.columns,
      rows: sb.rows,
    },
    { kind: 'storyboard-vtt' },
  ];
};

const audioOutputs = (plan: AudioPlan): PlannedOutput[] => {
  // The contract counts waveform points per second; the plan fixes the total (the picture's width).
  const perSecond =
    plan.durationSeconds > 0 ? plan.waveform.peaks / plan.durationSeconds : plan.waveform.peaks;
  return [
    { kind: 'hls-master' },
    { kind: 'audio-hls', name: plan.audio.name, audioBitrateKbps: plan.audio.bitrateKbps, codec: 'aac' },
    { kind: 'm4a', audioBitrateKbps: plan.audio.bitrateKbps },
    { kind: 'waveform', pointsPerSecond: Math.min(1000, Math.max(1, Math.round(perSecond))) },
  ];
};

const imageOutputs = (plan: ImagePlan): PlannedOutput[] =>
  plan.variants.map((v) => ({
    kind: 'image-variant',
    name: v.name,
    width: v.width,
    height: v.height,
    format: v.format,
    fit: 'inside',
  }));

const outputsOf = (plan: Plan): PlannedOutput[] => {
  switch (plan.kind) {
    case 'video':
      return videoOutputs(plan);
    case 'audio':
      return audioOutputs(plan);
    case 'image':
      return imageOutputs(plan);
  }
};

/** The contract RenditionPlan of a plan; `outputPrefix` is where the job's outputs go (`<owner>/<jobId>`). */
export const toRenditionPlan = (plan: Plan, outputPrefix: string): RenditionPlan => ({
  outputPrefix,
  outputs: outputsOf(plan),
});

/** The video rungs a plan makes, top first ([] for audio and images). */
export const rungNamesOf = (plan: Plan): string[] =>
  plan.kind === 'video' ? plan.rungs.map((r) => r.name) : [];

/** The video rungs a contract plan asks for, top first: what the runner's own plan must match. */
export const expectedRungsOf = (plan: RenditionPlan): string[] =>
  plan.outputs.flatMap((o) => (o.kind === 'hls-rendition' ? [o.name] : []));
