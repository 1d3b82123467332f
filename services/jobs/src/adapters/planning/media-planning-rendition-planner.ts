// RenditionPlanner on @mediaflow/media-planning: the same pure planner the runner executes, so the
// plan published in JobValidated is the one processing will make. Planning errors become rejections.
import type { MediaInfo } from '@mediaflow/contracts';
import { isMediaError, mediaInfoFromContract, planOutputs, profileByName, profileNames, toRenditionPlan } from '@mediaflow/media-planning';
import { REJECTION_CODES } from '../../domain/validation-policy';
import type { PlanningResult, RenditionPlanner } from '../../ports/rendition-planner';

export class MediaPlanningRenditionPlanner implements RenditionPlanner {
  profiles(): readonly string[] {
    return profileNames();
  }

  plan(mediaInfo: MediaInfo, profile: string, outputPrefix: string): PlanningResult {
    try {
      const plan = planOutputs(mediaInfoFromContract(mediaInfo), profileByName(profile));
      return { ok: true, plan: toRenditionPlan(plan, outputPrefix) };
    } catch (error) {
      // Planning is pure: what it refuses now it refuses on every retry, so it is the input's fault.
      if (!isMediaError(error)) throw error;
      const code = error.code === 'UNKNOWN_PROFILE' ? REJECTION_CODES.profile : REJECTION_CODES.unsupported;
      return { ok: false, reason: { code, message: error.message.slice(0, 500) } };
    }
  }
}
