// The single ffmpeg process for a still image: turn it upright by its EXIF orientation, then one
// resized WebP or JPEG per planned variant.
import type { ImagePlan, ImageVariantPlan } from '@mediaflow/media-planning';
import { jpegStillOutput } from './ffmpeg-command-filters';
import {
  type FfmpegCommandSpec,
  type FfmpegOutputSpec,
  inputOptionsFor,
  outPath,
  parentDir,
} from './ffmpeg-command-spec';

/**
 * EXIF orientation (1..8) → the filters that undo it. ffmpeg 4.1 and 5.1 ignore the EXIF tag of a
 * still, so this is the only turn applied (`-noautorotate` keeps a newer build from turning twice).
 */
const orientationFilters = (orientation: number): string[] => {
  switch (orientation) {
    case 2:
      return ['hflip'];
    case 3:
      return ['hflip', 'vflip'];
    case 4:
      return ['vflip'];
    case 5:
      return ['transpose=cclock_flip'];
    case 6:
      return ['transpose=clock'];
    case 7:
      return ['transpose=clock_flip'];
    case 8:
      return ['transpose=cclock'];
    default:
      return [];
  }
};

const variantOutput = (variant: ImageVariantPlan, pad: string, outDir: string): FfmpegOutputSpec => {
  const target = outPath(outDir, variant.key);
  if (variant.format === 'jpeg') return jpegStillOutput(pad, variant.quality, target);
  return {
    options: [
      '-map',
      `[${pad}]`,
      '-frames:v',
      '1',
      '-c:v',
      'libwebp',
      '-quality',
      String(variant.quality),
      '-f',
      'webp',
    ],
    target,
  };
};

export const buildImageCommand = (input: string, plan: ImagePlan, outDir: string): FfmpegCommandSpec => {
  const head = [...orientationFilters(plan.orientation), `split=${plan.variants.length}`].join(',');
  const graph = [
    `[0:v:0]${head}${plan.variants.map((_, i) => `[s${i}]`).join('')}`,
    ...plan.variants.map((v, i) => {
      // mjpeg in 4.1 takes only full-range YUV; WebP keeps whatever alpha the source had.
      const format = v.format === 'jpeg' ? ',format=yuvj420p' : '';
      return `[s${i}]scale=${v.width}:${v.height}:flags=lanczos,setsar=1${format}[o${i}]`;
    }),
  ].join(';');
  return {
    inputOptions: inputOptionsFor(input, ['-noautorotate']),
    input,
    filterComplex: graph,
    outputs: plan.variants.map((v, i) => variantOutput(v, `o${i}`, outDir)),
    directories: [...new Set(plan.variants.map((v) => parentDir(outDir, v.key)))],
  };
};
