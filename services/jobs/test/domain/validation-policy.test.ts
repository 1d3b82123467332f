// The validation policy: each limit, and every broken rule reported at once.
import type { MediaInfo } from '@mediaflow/contracts';
import { evaluateMedia, type ValidationLimits } from '../../src/domain/validation-policy';
import { videoInfo } from '../support/job-samples';

const limits: ValidationLimits = {
  allowedKinds: ['video', 'image'],
  maxDurationSeconds: 600,
  maxVideoLongSide: 1920,
  maxImageLongSide: 8000,
  maxSizeBytes: 1_000_000_000,
  profiles: ['default', 'sd'],
};
const codes = (info: MediaInfo, profile = 'default') => evaluateMedia(info, profile, limits).map((r) => r.code);
const audio: MediaInfo = { kind: 'audio', container: 'mp3', sizeBytes: 1000, durationSeconds: 60, audio: { codec: 'mp3', channels: 2, sampleRate: 44100 } };
const image = (width: number, height: number): MediaInfo => ({ kind: 'image', container: 'png_pipe', sizeBytes: 1000, image: { format: 'png', width, height } });

describe('validation policy', () => {
  it('accepts media inside every limit', () => {
    expect(codes(videoInfo())).toEqual([]);
  });

  it('refuses a kind that is not allowed', () => {
    expect(codes(audio)).toEqual(['MEDIA_KIND_NOT_ALLOWED']);
  });

  it('refuses a video longer than the maximum duration, and lets an unknown duration through', () => {
    expect(codes(videoInfo({ durationSeconds: 601 }))).toEqual(['DURATION_TOO_LONG']);
    expect(codes(videoInfo({ durationSeconds: undefined }))).toEqual([]);
  });

  it('measures resolution on the long side, portrait or landscape', () => {
    const portrait = videoInfo({ video: { codec: 'h264', width: 1080, height: 2400, rotation: 0, frameRate: 30, variableFrameRate: false } });
    expect(codes(portrait)).toEqual(['RESOLUTION_TOO_HIGH']);
    expect(codes(image(8000, 6000))).toEqual([]);
    expect(codes(image(6000, 8001))).toEqual(['RESOLUTION_TOO_HIGH']);
  });

  it('refuses a file over the size limit and an unknown profile', () => {
    expect(codes(videoInfo({ sizeBytes: 1_000_000_001 }), 'ultra')).toEqual(['FILE_TOO_LARGE', 'UNKNOWN_PROFILE']);
  });

  it('reports every broken rule with a message naming the limit', () => {
    const reasons = evaluateMedia(videoInfo({ durationSeconds: 7200, sizeBytes: 2e9 }), 'default', limits);
    expect(reasons).toEqual([
      { code: 'FILE_TOO_LARGE', message: 'the file has 2000000000 bytes; at most 1000000000 are accepted' },
      { code: 'DURATION_TOO_LONG', message: 'the video lasts 7200 s; at most 600 s is accepted' },
    ]);
  });
});
