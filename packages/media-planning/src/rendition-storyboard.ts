// The storyboard: one sprite of thumbnails, one per interval, and the WebVTT index players use to
// show the right tile while scrubbing (`sprite.jpg#xywh=x,y,w,h`).
import type { FrameSize } from './ladder';
import { roundEven } from './ladder';
import type { Profile } from './profiles-schema';
import { outputKeys } from './rendition-keys';

export interface StoryboardPlan {
  /** Thumbnail `i` is the first frame at or after `i × intervalSeconds`. */
  intervalSeconds: number;
  tiles: number;
  tileWidth: number;
  tileHeight: number;
  columns: number;
  rows: number;
  spriteKey: string;
  vttKey: string;
}

/** A tiny margin so a duration like 3.0000001 s does not ask for a thumbnail past the last frame. */
const EPSILON = 1e-6;

export const planStoryboard = (
  durationSeconds: number,
  display: FrameSize,
  spec: Profile['storyboard'],
): StoryboardPlan => {
  const capacity = spec.columns * spec.maxRows;
  const wanted = Math.ceil(durationSeconds / spec.intervalSeconds - EPSILON);
  // Whole seconds when stretched: cue times stay readable and the sprite never needs a second sheet.
  const intervalSeconds = wanted > capacity ? Math.ceil(durationSeconds / capacity) : spec.intervalSeconds;
  const tiles = Math.max(1, Math.ceil(durationSeconds / intervalSeconds - EPSILON));
  const columns = Math.min(spec.columns, tiles);
  const tileWidth = Math.min(roundEven(spec.tileWidth), roundEven(display.width));
  return {
    intervalSeconds,
    tiles,
    tileWidth,
    tileHeight: roundEven((tileWidth * display.height) / display.width),
    columns,
    rows: Math.ceil(tiles / columns),
    spriteKey: outputKeys.storyboardSprite,
    vttKey: outputKeys.storyboardVtt,
  };
};

const timestamp = (seconds: number): string => {
  const ms = Math.round(seconds * 1000);
  const hh = String(Math.floor(ms / 3_600_000)).padStart(2, '0');
  const mm = String(Math.floor(ms / 60_000) % 60).padStart(2, '0');
  const ss = String(Math.floor(ms / 1000) % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}.${String(ms % 1000).padStart(3, '0')}`;
};

/** The WebVTT text; tile URLs are relative to the VTT, which sits beside the sprite. */
export const storyboardVtt = (plan: StoryboardPlan, durationSeconds: number): string => {
  const sprite = plan.spriteKey.slice(plan.spriteKey.lastIndexOf('/') + 1);
  const cues: string[] = [];
  for (let i = 0; i < plan.tiles; i += 1) {
    const start = i * plan.intervalSeconds;
    const end = Math.min((i + 1) * plan.intervalSeconds, Math.max(durationSeconds, start + 0.001));
    const x = (i % plan.columns) * plan.tileWidth;
    const y = Math.floor(i / plan.columns) * plan.tileHeight;
    cues.push(
      `${timestamp(start)} --> ${timestamp(end)}\n${sprite}#xywh=${x},${y},${plan.tileWidth},${plan.tileHeight}`,
    );
  }
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
};
