// The transcoding profiles a job can ask for, as data. Bitrates follow the usual H.264 ladders
// (Apple's HLS authoring spec order of magnitude); maxrate 1.2× and bufsize 2× keep segments even.
import { UnknownProfile } from './planning-errors';
import { type Profile, ProfileSchema, type VideoRungSpec } from './profiles-schema';

export type { Profile, VideoRungSpec } from './profiles-schema';
export { ProfileSchema } from './profiles-schema';

const rung = (
  name: string,
  shortSide: number,
  kbps: number,
  h264Profile: VideoRungSpec['h264Profile'],
): VideoRungSpec => ({
  name,
  shortSide,
  videoBitrateKbps: kbps,
  maxrateKbps: Math.round(kbps * 1.2),
  bufsizeKbps: kbps * 2,
  h264Profile,
});

const defaultProfile: Profile = {
  name: 'default',
  video: {
    preset: 'veryfast',
    rungs: [
      rung('1080p', 1080, 5000, 'high'),
      rung('720p', 720, 2800, 'high'),
      rung('480p', 480, 1400, 'main'),
      rung('360p', 360, 800, 'main'),
    ],
    maxFrameRate: 60,
    snapTolerance: 0.05,
    downloadRung: 'top',
  },
  hls: { segmentSeconds: 4 },
  audio: { bitrateKbps: 128, sampleRate: 48000, maxChannels: 2 },
  poster: { atSeconds: 2, maxLongSide: 1280 },
  storyboard: { intervalSeconds: 5, tileWidth: 160, columns: 10, maxRows: 10 },
  image: { widths: [320, 640, 1280, 1920], formats: ['webp', 'jpeg'], webpQuality: 80, jpegQscale: 3 },
  waveform: { peaks: 1000, sampleRate: 8000 },
};

/** Small screens and slow links: three small rungs, longer segments, lighter audio. */
const sdProfile: Profile = {
  ...defaultProfile,
  name: 'sd',
  video: {
    ...defaultProfile.video,
    rungs: [
      rung('480p', 480, 1200, 'main'),
      rung('360p', 360, 700, 'main'),
      rung('240p', 240, 400, 'baseline'),
    ],
  },
  hls: { segmentSeconds: 6 },
  audio: { bitrateKbps: 96, sampleRate: 44100, maxChannels: 2 },
  poster: { atSeconds: 2, maxLongSide: 854 },
  image: { ...defaultProfile.image, widths: [320, 640] },
};

/** Up to 4K with a slower preset: better quality per bit for sources worth it. */
const highProfile: Profile = {
  ...defaultProfile,
  name: 'high',
  video: {
    ...defaultProfile.video,
    preset: 'medium',
    rungs: [
      rung('2160p', 2160, 16000, 'high'),
      rung('1440p', 1440, 9000, 'high'),
      rung('1080p', 1080, 6000, 'high'),
      rung('720p', 720, 3500, 'high'),
      rung('480p', 480, 1800, 'main'),
      rung('360p', 360, 1000, 'main'),
    ],
  },
  audio: { bitrateKbps: 192, sampleRate: 48000, maxChannels: 2 },
  poster: { atSeconds: 2, maxLongSide: 1920 },
  image: {
    ...defaultProfile.image,
    widths: [320, 640, 1280, 1920, 2560, 3840],
    webpQuality: 85,
    jpegQscale: 2,
  },
  waveform: { peaks: 2000, sampleRate: 8000 },
};

// Parsed at load: a typo in a profile fails the first import, not the first job that asks for it.
const profiles: ReadonlyMap<string, Profile> = new Map(
  [defaultProfile, sdProfile, highProfile].map((p) => [p.name, ProfileSchema.parse(p)]),
);

export const profileNames = (): string[] => [...profiles.keys()];

/** The profile a request that names none gets. */
export const DEFAULT_PROFILE_NAME: string = defaultProfile.name;

/** The named profile, or UnknownProfile. */
export const profileByName = (name: string): Profile => {
  const profile = profiles.get(name);
  if (!profile) throw new UnknownProfile(name, profileNames());
  return profile;
};
