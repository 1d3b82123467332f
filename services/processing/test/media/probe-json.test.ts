// mediaInfoFromFfprobe on hand-written ffprobe JSON: the cases generated clips do not reach.
import { bitDepthOf, mediaInfoFromFfprobe, probedMediaFromFfprobe } from '../../src/media/ffprobe-json';
import { MediaUnsupported } from '../../src/domain/media-errors';
import { MP4, aac, ffprobe, h264 } from '../fixtures/ffprobe-samples';

describe('mediaInfoFromFfprobe', () => {
  it('reads a plain H.264/AAC MP4', () => {
    expect(mediaInfoFromFfprobe(ffprobe([h264(), aac()]))).toEqual({
      kind: 'video',
      container: MP4,
      durationSeconds: 10,
      sizeBytes: 5200000,
      bitrateKbps: 4160,
      video: {
        codec: 'h264',
        width: 1920,
        height: 1080,
        rotation: 0,
        displayWidth: 1920,
        displayHeight: 1080,
        frameRate: 30,
        variableFrameRate: false,
        pixelFormat: 'yuv420p',
        bitDepth: 8,
        bitrateKbps: 4000,
      },
      audio: { codec: 'aac', channels: 2, sampleRate: 48000, channelLayout: 'stereo', bitrateKbps: 128 },
    });
  });

  it('prefers the size it is given over the one ffprobe reports', () => {
    expect(mediaInfoFromFfprobe(ffprobe([h264()]), 5300000).sizeBytes).toBe(5300000);
  });

  it('flags VFR when avg_frame_rate and r_frame_rate differ by more than rounding', () => {
    const phone = mediaInfoFromFfprobe(
      ffprobe([h264({ r_frame_rate: '120/1', avg_frame_rate: '8991/300' })]),
    );
    expect(phone.video).toMatchObject({ variableFrameRate: true, frameRate: 29.97 });
    const ntsc = mediaInfoFromFfprobe(
      ffprobe([h264({ r_frame_rate: '30000/1001', avg_frame_rate: '29970/1000' })]),
    );
    expect(ntsc.video?.variableFrameRate).toBe(false);
  });

  it('falls back to r_frame_rate when avg_frame_rate is 0/0', () => {
    const info = mediaInfoFromFfprobe(ffprobe([h264({ avg_frame_rate: '0/0', r_frame_rate: '25/1' })]));
    expect(info.video).toMatchObject({ frameRate: 25, variableFrameRate: false });
  });

  it('reads a 10-bit HEVC stream', () => {
    const info = mediaInfoFromFfprobe(
      ffprobe([h264({ codec_name: 'hevc', pix_fmt: 'yuv420p10le', bits_per_raw_sample: '10' })]),
    );
    expect(info.video).toMatchObject({ codec: 'hevc', pixelFormat: 'yuv420p10le', bitDepth: 10 });
  });

  it('keeps an audio file with cover art audio: the attached picture is not video', () => {
    const cover = {
      index: 1,
      codec_type: 'video',
      codec_name: 'mjpeg',
      width: 600,
      height: 600,
      pix_fmt: 'yuvj420p',
      r_frame_rate: '90000/1',
      avg_frame_rate: '0/0',
      disposition: { default: 0, attached_pic: 1 },
    };
    const info = mediaInfoFromFfprobe(ffprobe([aac(0), cover], { format_name: 'mp3' }));
    expect(info.kind).toBe('audio');
    expect(info.video).toBeUndefined();
    expect(probedMediaFromFfprobe(ffprobe([aac(0), cover])).ignoredStreams).toEqual([
      'cover art stream 1 (mjpeg)',
    ]);
  });

  it('rejects a file with only subtitles as NO_DECODABLE_STREAM', () => {
    const subtitles = { index: 0, codec_type: 'subtitle', codec_name: 'mov_text' };
    expect(() => mediaInfoFromFfprobe(ffprobe([subtitles]))).toThrow(
      expect.objectContaining({
        code: 'NO_DECODABLE_STREAM',
        message: expect.stringContaining('subtitle stream 0 (mov_text)'),
      }),
    );
  });

  it('rejects streams ffprobe cannot decode as UNSUPPORTED_CODEC', () => {
    const unknown = { index: 0, codec_type: 'video', codec_tag_string: 'apv1', width: 1920, height: 1080 };
    expect(() => mediaInfoFromFfprobe(ffprobe([unknown]))).toThrow(MediaUnsupported);
    expect(() => mediaInfoFromFfprobe(ffprobe([unknown]))).toThrow(
      /UNSUPPORTED_CODEC.*video stream 0 \(apv1\): codec unknown/,
    );
  });

  it('rejects a video whose picture cannot be decoded even when its sound can', () => {
    const noDecoder = h264({ codec_name: 'vvc', pix_fmt: undefined });
    expect(() => mediaInfoFromFfprobe(ffprobe([noDecoder, aac()]))).toThrow(
      /UNSUPPORTED_CODEC.*video stream 0 \(vvc\): no decoder/,
    );
  });

  it('rejects an MP4 whose index declares far more media than the file holds as CORRUPT_MEDIA', () => {
    // 4 Mbit/s × 10 s + 128 kbit/s × 10 s = 5.16 MB declared; the file has 1 MB.
    expect(() => mediaInfoFromFfprobe(ffprobe([h264(), aac()]), 1_000_000)).toThrow(
      /CORRUPT_MEDIA.*truncated/,
    );
    expect(mediaInfoFromFfprobe(ffprobe([h264(), aac()]), 5_200_000).kind).toBe('video');
  });

  it('does not apply the MP4 truncation check to other containers', () => {
    expect(
      mediaInfoFromFfprobe(ffprobe([h264(), aac()], { format_name: 'matroska,webm' }), 1_000_000).kind,
    ).toBe('video');
  });

  it('throws on JSON that is not ffprobe output', () => {
    expect(() => mediaInfoFromFfprobe({ streams: [] })).toThrow(/format/);
  });
});

describe('bitDepthOf', () => {
  it.each([
    ['yuv420p', undefined, 8],
    ['yuvj420p', '8', 8],
    ['yuv420p10le', undefined, 10],
    ['yuv422p12be', undefined, 12],
    ['p010le', undefined, 10],
    ['rgb48be', undefined, 16],
    ['rgba64le', undefined, 16],
    ['gray16le', undefined, 16],
    ['rgb565le', undefined, 8],
    ['yuv420p', '10', 10],
    [undefined, undefined, 8],
  ])('%s (bits_per_raw_sample %s) → %d', (pixelFormat, raw, depth) => {
    expect(bitDepthOf(pixelFormat, raw)).toBe(depth);
  });
});
