// Probes the source clip with the service's own prober and plans it with a named profile, exactly
// as the runner does when a job spec carries no plan.
import { planOutputs, profileByName, type Plan } from '@mediaflow/media-planning';
import { type MediaBinary, FfprobeMediaProber } from '@mediaflow/processing/media';

export const planSource = async (ffprobe: MediaBinary, input: string, profile: string): Promise<Plan> => {
  const info = await new FfprobeMediaProber({ ffprobe }).probe(input);
  return planOutputs(info, profileByName(profile));
};

/** "1080p 5000k, 720p 2800k, …, audio 128k, mp4 from 1080p, poster, storyboard". */
export const describePlan = (plan: Plan): string => {
  if (plan.kind !== 'video') return `${plan.kind} plan`;
  const rungs = plan.rungs.map((r) => `${r.name} ${r.width}x${r.height}`).join(', ');
  return `${rungs}; ${plan.audio ? 'AAC audio rendition, ' : ''}MP4 download (${plan.mp4.rung}), poster, storyboard`;
};
