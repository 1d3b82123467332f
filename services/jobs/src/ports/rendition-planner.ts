// Plans the outputs of a validated job from its probe and profile (the shared pure planner behind it).
import type { MediaInfo, RejectionReason, RenditionPlan } from '@mediaflow/contracts';

export type PlanningResult = { readonly ok: true; readonly plan: RenditionPlan } | { readonly ok: false; readonly reason: RejectionReason };

export interface RenditionPlanner {
  /** Profile names it can plan for (the validation policy refuses any other). */
  profiles(): readonly string[];
  plan(mediaInfo: MediaInfo, profile: string, outputPrefix: string): PlanningResult;
}
