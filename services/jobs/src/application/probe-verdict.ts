// Turns a probe into the job's verdict: the validation policy first (every broken rule), then the
// plan from the planner, which may still refuse media it cannot plan.
import type { MediaInfo } from '@mediaflow/contracts';
import type { ProbeVerdict } from '../domain/job-commands';
import { outputPrefixFor } from '../domain/job-identity';
import { evaluateMedia, type ValidationLimits } from '../domain/validation-policy';
import type { RenditionPlanner } from '../ports/rendition-planner';

/** The policy's limits; the profile catalogue comes from the planner. */
export type PolicyLimits = Omit<ValidationLimits, 'profiles'>;

/** Generous defaults for a single machine: 4 h, DCI 4K video, 16K stills, 10 GiB. */
export const DEFAULT_POLICY_LIMITS: PolicyLimits = {
  allowedKinds: ['video', 'audio', 'image'],
  maxDurationSeconds: 4 * 3600,
  maxVideoLongSide: 4096,
  maxImageLongSide: 16384,
  maxSizeBytes: 10 * 1024 ** 3,
};

interface ProbeVerdictInput {
  readonly jobId: string;
  readonly ownerId: string;
  readonly profile: string;
  readonly mediaInfo: MediaInfo;
}

export const probeVerdict = (input: ProbeVerdictInput, limits: PolicyLimits, planner: RenditionPlanner): ProbeVerdict => {
  const reasons = evaluateMedia(input.mediaInfo, input.profile, { ...limits, profiles: planner.profiles() });
  if (reasons.length > 0) return { accepted: false, reasons };
  const planned = planner.plan(input.mediaInfo, input.profile, outputPrefixFor(input.ownerId, input.jobId));
  return planned.ok ? { accepted: true, plan: planned.plan } : { accepted: false, reasons: [planned.reason] };
};
