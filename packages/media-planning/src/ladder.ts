// Sizes the video ladder for one source: which rungs it gets and their exact frame sizes. Rungs are
// compared on the short side, so a portrait 1080x1920 source is "1080p" and is never upscaled.
import type { VideoRungSpec } from './profiles-schema';

export interface FrameSize {
  width: number;
  height: number;
}

export interface SizedRung {
  spec: VideoRungSpec;
  width: number;
  height: number;
}

/** H.264 4:2:0 needs even sizes; rounding to the nearest even number keeps the aspect error ≤ 1 px. */
export const roundEven = (x: number): number => Math.max(2, 2 * Math.round(x / 2));
const floorEven = (x: number): number => Math.max(2, 2 * Math.floor(x / 2));

/**
 * The frame size whose short side is `shortSide` with the source's display aspect ratio, never
 * larger than the source in either dimension.
 */
export const sizeForShortSide = (display: FrameSize, shortSide: number): FrameSize => {
  const portrait = display.height > display.width;
  const sourceShort = portrait ? display.width : display.height;
  const sourceLong = portrait ? display.height : display.width;
  const short = Math.min(roundEven(shortSide), floorEven(sourceShort));
  const long = Math.min(roundEven((short * sourceLong) / sourceShort), floorEven(sourceLong));
  return portrait ? { width: short, height: long } : { width: long, height: short };
};

/** Below the smallest rung: one rung at the source size, its bitrates scaled down by area. */
const sourceSizedRung = (display: FrameSize, smallest: VideoRungSpec): SizedRung => {
  const size = sizeForShortSide(display, Math.min(display.width, display.height));
  const areaRatio = (Math.min(size.width, size.height) / smallest.shortSide) ** 2;
  const scale = (kbps: number): number => Math.max(100, Math.round(kbps * areaRatio));
  const spec: VideoRungSpec = {
    ...smallest,
    name: `${Math.min(size.width, size.height)}p`,
    shortSide: Math.min(size.width, size.height),
    videoBitrateKbps: scale(smallest.videoBitrateKbps),
    maxrateKbps: scale(smallest.maxrateKbps),
    bufsizeKbps: scale(smallest.bufsizeKbps),
  };
  return { spec, ...size };
};

/**
 * The rungs a source gets, top first. A rung fits when its short side is at most the source's, or
 * within `snapTolerance` above it (then shrunk to the source size, so still no upscaling).
 */
export const sizeLadder = (
  display: FrameSize,
  rungs: readonly VideoRungSpec[],
  snapTolerance: number,
): SizedRung[] => {
  const sourceShort = Math.min(display.width, display.height);
  const fitting = rungs.filter((r) => r.shortSide <= sourceShort * (1 + snapTolerance));
  const smallest = rungs[rungs.length - 1];
  if (fitting.length === 0 && smallest) return [sourceSizedRung(display, smallest)];
  const sized: SizedRung[] = [];
  for (const spec of fitting) {
    const size = sizeForShortSide(display, spec.shortSide);
    // Two rungs snapped to the same source size would be the same stream twice: keep the higher one.
    if (sized.some((s) => s.width === size.width && s.height === size.height)) continue;
    sized.push({ spec, ...size });
  }
  return sized;
};
