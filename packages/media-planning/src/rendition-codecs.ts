// H.264 levels and the RFC 6381 codec strings HLS players read from the master playlist.
import type { H264Profile } from './profiles-schema';

/** AAC-LC, what ffmpeg's native aac encoder writes. */
export const AAC_LC_CODECS = 'mp4a.40.2';

// H.264 Table A-1: level, max macroblocks per second, max frame size in macroblocks, max bitrate
// (kbit/s, Baseline/Main; High allows 1.25×).
const LEVELS: readonly (readonly [string, number, number, number])[] = [
  ['2.0', 11880, 396, 2000],
  ['2.1', 19800, 792, 4000],
  ['2.2', 20250, 1620, 4000],
  ['3.0', 40500, 1620, 10000],
  ['3.1', 108000, 3600, 14000],
  ['3.2', 216000, 5120, 20000],
  ['4.0', 245760, 8192, 20000],
  ['4.1', 245760, 8192, 50000],
  ['4.2', 522240, 8704, 50000],
  ['5.0', 589824, 22080, 135000],
  ['5.1', 983040, 36864, 240000],
  ['5.2', 2073600, 36864, 240000],
];

interface LevelQuery {
  width: number;
  height: number;
  frameRate: number;
  maxrateKbps: number;
  profile: H264Profile;
}

/**
 * The lowest level whose limits hold the rung: computed rather than fixed per rung, because a
 * portrait or 60 fps rung needs more than its landscape 30 fps twin.
 */
export const h264LevelFor = (q: LevelQuery): string => {
  const mbWide = Math.ceil(q.width / 16);
  const mbHigh = Math.ceil(q.height / 16);
  const frameMbs = mbWide * mbHigh;
  const rateFactor = q.profile === 'high' ? 1.25 : 1;
  const fits = ([, maxMbps, maxFs, maxKbps]: readonly [string, number, number, number]): boolean =>
    frameMbs <= maxFs &&
    Math.max(mbWide, mbHigh) <= Math.sqrt(8 * maxFs) &&
    frameMbs * q.frameRate <= maxMbps &&
    q.maxrateKbps <= maxKbps * rateFactor;
  return (LEVELS.find(fits) ?? LEVELS[LEVELS.length - 1])?.[0] ?? '5.2';
};

const hex2 = (n: number): string => n.toString(16).padStart(2, '0');

/**
 * `avc1.PPCCLL` from the three bytes after the avcC version byte. Read from the encoded stream, not
 * the requested profile: x264 signals the lowest profile its tools need (ultrafast → Constrained Baseline).
 */
export const avc1Codecs = (profileIdc: number, constraintFlags: number, levelIdc: number): string =>
  `avc1.${hex2(profileIdc)}${hex2(constraintFlags)}${hex2(levelIdc)}`;

// profile_idc and the constraint flags x264 writes with each profile (Constrained Baseline, Main, High).
const PROFILE_BYTES: Record<H264Profile, readonly [number, number]> = {
  baseline: [0x42, 0xc0],
  main: [0x4d, 0x40],
  high: [0x64, 0x00],
};

/** The codec string a rung asks for; the stream may signal a lower profile (see avc1Codecs). */
export const plannedAvc1Codecs = (profile: H264Profile, level: string): string =>
  avc1Codecs(PROFILE_BYTES[profile][0], PROFILE_BYTES[profile][1], Math.round(Number(level) * 10));
