// How a picture must be turned for display: the rotation of a video stream and the EXIF orientation
// of a still image, read from ffprobe's display matrix side data and from tags.
//
// Sign convention: ffprobe's display matrix `rotation` is counter-clockwise, so -90 means "turn 90°
// clockwise to display" (a phone held upright). The legacy `rotate` tag (ffmpeg ≤ 4) is already
// clockwise: rotate=90 is the same phone video.
import type { FfprobeFrame, FfprobeSideData, FfprobeStream } from './ffprobe-json-schema';
import { toNumber } from './ffprobe-json-schema';

export type Rotation = 0 | 90 | 180 | 270;

/** Any angle in degrees → the nearest quarter turn in 0..270. */
const quarterTurn = (degrees: number): Rotation => {
  const snapped = Math.round(degrees / 90) * 90;
  return (((snapped % 360) + 360) % 360) as Rotation;
};

const displayMatrixOf = (sideData: FfprobeSideData[] | undefined): FfprobeSideData | undefined =>
  sideData?.find(
    (d) => /display ?matrix/i.test(d.side_data_type ?? '') && toNumber(d.rotation) !== undefined,
  );

/** Clockwise rotation to apply for display: the display matrix first, else the legacy tag. */
export const videoRotation = (stream: FfprobeStream): Rotation => {
  const matrix = displayMatrixOf(stream.side_data_list);
  const counterClockwise = toNumber(matrix?.rotation);
  if (counterClockwise !== undefined) return quarterTurn(-counterClockwise);
  const tag = toNumber(stream.tags?.rotate);
  return tag === undefined ? 0 : quarterTurn(tag);
};

/**
 * True when the display matrix also mirrors the picture (negative determinant). ffprobe prints the
 * matrix as three rows of "offset: a b u"; only the 2x2 part matters here.
 */
const isMirrored = (displaymatrix: string | undefined): boolean => {
  const rows = (displaymatrix ?? '')
    .split('\n')
    .map((line) => line.split(':')[1]?.trim().split(/\s+/).map(Number))
    .filter((row): row is number[] => Array.isArray(row) && row.length >= 2);
  const [first, second] = rows;
  if (!first || !second) return false;
  const [a = 0, b = 0] = first;
  const [c = 0, d = 0] = second;
  return a * d - b * c < 0;
};

// EXIF orientation for each clockwise quarter turn, without and with a horizontal mirror; this is
// the inverse of what ffmpeg's mjpeg decoder builds from the EXIF tag.
const ORIENTATION_BY_TURN: Record<Rotation, number> = { 0: 1, 90: 6, 180: 3, 270: 8 };
const MIRRORED_ORIENTATION_BY_TURN: Record<Rotation, number> = { 0: 4, 90: 5, 180: 2, 270: 7 };

const orientationFromTag = (value: string | number | undefined): number | undefined => {
  const n = toNumber(typeof value === 'string' ? value.trim() : value);
  return n !== undefined && Number.isInteger(n) && n >= 1 && n <= 8 ? n : undefined;
};

/**
 * EXIF orientation (1..8) of a still image. ffprobe exposes EXIF only on decoded frames: the
 * `Orientation` frame tag (space-padded, "    6"), and in newer builds a display matrix too.
 */
export const imageOrientation = (frame: FfprobeFrame | undefined, stream: FfprobeStream): number => {
  const tagged = orientationFromTag(frame?.tags?.Orientation) ?? orientationFromTag(stream.tags?.Orientation);
  if (tagged !== undefined) return tagged;
  const matrix = displayMatrixOf(frame?.side_data_list) ?? displayMatrixOf(stream.side_data_list);
  if (!matrix) return 1;
  const turn = quarterTurn(-(toNumber(matrix.rotation) ?? 0));
  return (isMirrored(matrix.displaymatrix) ? MIRRORED_ORIENTATION_BY_TURN : ORIENTATION_BY_TURN)[turn];
};

/** Orientations 5..8 turn the picture by a quarter, so width and height trade places on display. */
export const orientationSwapsAxes = (orientation: number): boolean => orientation >= 5 && orientation <= 8;
