// What a job's input must satisfy before anything is transcoded: kinds, duration, resolution, size and
// a known profile. Pure and config-driven; every broken rule is reported so the owner fixes them at once.
import type { MediaInfo, MediaKind, RejectionReason } from '@mediaflow/contracts';

export interface ValidationLimits {
  readonly allowedKinds: readonly MediaKind[];
  /** Longest accepted video or audio. An unknown duration passes: the runner has its own time limit. */
  readonly maxDurationSeconds: number;
  /** Longest accepted side of a video frame, in pixels (4096 admits DCI 4K). */
  readonly maxVideoLongSide: number;
  /** Longest accepted side of an image: stills are larger than video frames. */
  readonly maxImageLongSide: number;
  readonly maxSizeBytes: number;
  /** The profiles a job may ask for (the planner's catalogue). */
  readonly profiles: readonly string[];
}

export const REJECTION_CODES = {
  kind: 'MEDIA_KIND_NOT_ALLOWED',
  duration: 'DURATION_TOO_LONG',
  resolution: 'RESOLUTION_TOO_HIGH',
  size: 'FILE_TOO_LARGE',
  profile: 'UNKNOWN_PROFILE',
  unsupported: 'MEDIA_UNSUPPORTED',
} as const;

const longSideOf = (info: MediaInfo): number | undefined => {
  if (info.kind === 'video') return Math.max(info.video.width, info.video.height);
  if (info.kind === 'image') return Math.max(info.image.width, info.image.height);
  return undefined;
};

const checkResolution = (info: MediaInfo, limits: ValidationLimits): RejectionReason[] => {
  const longSide = longSideOf(info);
  const max = info.kind === 'image' ? limits.maxImageLongSide : limits.maxVideoLongSide;
  if (longSide === undefined || longSide <= max) return [];
  return [{ code: REJECTION_CODES.resolution, message: `the ${info.kind} is ${longSide} px on its long side; at most ${max} px is accepted` }];
};

const checkDuration = (info: MediaInfo, limits: ValidationLimits): RejectionReason[] => {
  if (info.kind === 'image' || info.durationSeconds === undefined) return [];
  if (info.durationSeconds <= limits.maxDurationSeconds) return [];
  return [
    {
      code: REJECTION_CODES.duration,
      message: `the ${info.kind} lasts ${Math.round(info.durationSeconds)} s; at most ${limits.maxDurationSeconds} s is accepted`,
    },
  ];
};

export const evaluateMedia = (info: MediaInfo, profile: string, limits: ValidationLimits): RejectionReason[] => {
  const reasons: RejectionReason[] = [];
  if (!limits.allowedKinds.includes(info.kind)) {
    reasons.push({ code: REJECTION_CODES.kind, message: `${info.kind} is not accepted; allowed: ${limits.allowedKinds.join(', ') || 'none'}` });
  }
  if (info.sizeBytes > limits.maxSizeBytes) {
    reasons.push({ code: REJECTION_CODES.size, message: `the file has ${info.sizeBytes} bytes; at most ${limits.maxSizeBytes} are accepted` });
  }
  reasons.push(...checkDuration(info, limits), ...checkResolution(info, limits));
  if (!limits.profiles.includes(profile)) {
    reasons.push({ code: REJECTION_CODES.profile, message: `profile "${profile}" does not exist; known: ${limits.profiles.join(', ')}`.slice(0, 500) });
  }
  return reasons;
};
