// Rotation of videos and EXIF orientation of stills, from hand-written ffprobe JSON: both sign
// conventions, the legacy tag, and the display-matrix fallback for images.
import { mediaInfoFromFfprobe } from '../../src/media/ffprobe-json';
import { ffprobe, h264 } from '../fixtures/ffprobe-samples';

describe('mediaInfoFromFfprobe: orientation', () => {
  it.each([
    [
      'display matrix -90 (ffmpeg ≥ 5)',
      { side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] },
      90,
    ],
    ['display matrix 90', { side_data_list: [{ side_data_type: 'Display Matrix', rotation: 90 }] }, 270],
    ['display matrix -180', { side_data_list: [{ side_data_type: 'Display Matrix', rotation: -180 }] }, 180],
    ['legacy rotate tag 90 (ffmpeg ≤ 4)', { tags: { rotate: '90' } }, 90],
    [
      'both: the matrix wins',
      { tags: { rotate: '180' }, side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] },
      90,
    ],
  ])('reads rotation from a %s', (_what, extra, rotation) => {
    const info = mediaInfoFromFfprobe(ffprobe([h264({ width: 1920, height: 1080, ...extra })]));
    const swapped = rotation === 90 || rotation === 270;
    expect(info.video).toMatchObject({
      rotation,
      displayWidth: swapped ? 1080 : 1920,
      displayHeight: swapped ? 1920 : 1080,
    });
  });

  it('reads a still JPEG with EXIF orientation from the first frame', () => {
    const jpeg = {
      index: 0,
      codec_type: 'video',
      codec_name: 'mjpeg',
      width: 4032,
      height: 3024,
      pix_fmt: 'yuvj420p',
      r_frame_rate: '25/1',
      avg_frame_rate: '25/1',
    };
    const info = mediaInfoFromFfprobe(
      ffprobe([jpeg], { format_name: 'image2', duration: '0.040000' }, [
        { stream_index: 0, tags: { Orientation: '    6' } },
      ]),
    );
    expect(info).toMatchObject({ kind: 'image', durationSeconds: 0 });
    expect(info.image).toEqual({
      format: 'mjpeg',
      width: 4032,
      height: 3024,
      orientation: 6,
      displayWidth: 3024,
      displayHeight: 4032,
    });
  });

  it.each([
    ['-90, unmirrored', -90, '0 65536 0\n00000001: -65536 0 0', 6],
    ['90, unmirrored', 90, '0 -65536 0\n00000001: 65536 0 0', 8],
    ['-90, mirrored', -90, '0 65536 0\n00000001: 65536 0 0', 5],
    ['180, mirrored', -180, '-65536 0 0\n00000001: 0 65536 0', 2],
  ])(
    'derives EXIF orientation from a frame display matrix when the tag is missing (%s)',
    (_what, rotation, rows, orientation) => {
      const matrix = `\n00000000: ${rows}\n00000002: 0 0 1073741824\n`;
      const png = {
        index: 0,
        codec_type: 'video',
        codec_name: 'mjpeg',
        width: 40,
        height: 30,
        pix_fmt: 'yuvj444p',
      };
      const frames = [
        {
          stream_index: 0,
          side_data_list: [{ side_data_type: '3x3 displaymatrix', displaymatrix: matrix, rotation }],
        },
      ];
      expect(
        mediaInfoFromFfprobe(ffprobe([png], { format_name: 'jpeg_pipe' }, frames)).image?.orientation,
      ).toBe(orientation);
    },
  );

  it('reads a PNG from png_pipe as an image with orientation 1', () => {
    const png = {
      index: 0,
      codec_type: 'video',
      codec_name: 'png',
      width: 640,
      height: 480,
      pix_fmt: 'rgba',
    };
    const info = mediaInfoFromFfprobe(ffprobe([png], { format_name: 'png_pipe', duration: undefined }));
    expect(info.image).toMatchObject({ format: 'png', orientation: 1, displayWidth: 640 });
  });
});
