// Image variants: the profile's widths that fit the (orientation-corrected) source, in each format.
import type { ImageInfo } from './media-info';
import type { ImagePlan, ImageVariantPlan } from './plan-types';
import type { Profile } from './profiles-schema';
import { outputKeys } from './rendition-keys';

/** EXIF orientations 5..8 turn the picture a quarter: its displayed width is the stored height. */
export const orientationSwapsSides = (orientation: number): boolean => orientation >= 5 && orientation <= 8;

/**
 * Profile widths below the source, plus the source width itself when a profile width would have
 * been larger: a 1000 px photo gets 320/640/1000, not a 1000 px photo shrunk to 640 at best.
 */
const variantWidths = (sourceWidth: number, widths: readonly number[]): number[] => {
  const sorted = [...new Set(widths)].sort((a, b) => a - b);
  const below = sorted.filter((w) => w < sourceWidth);
  return sorted.some((w) => w >= sourceWidth) ? [...below, sourceWidth] : below;
};

export const planImage = (image: ImageInfo, profile: Profile): ImagePlan => {
  const orientation = image.orientation >= 1 && image.orientation <= 8 ? image.orientation : 1;
  const swap = orientationSwapsSides(orientation);
  const displayWidth = swap ? image.height : image.width;
  const displayHeight = swap ? image.width : image.height;
  const variants: ImageVariantPlan[] = [];
  for (const width of variantWidths(displayWidth, profile.image.widths)) {
    const height = Math.max(1, Math.round((width * displayHeight) / displayWidth));
    for (const format of profile.image.formats) {
      const quality = format === 'webp' ? profile.image.webpQuality : profile.image.jpegQscale;
      variants.push({
        name: `w${width}`,
        width,
        height,
        format,
        quality,
        key: outputKeys.imageVariant(width, format),
      });
    }
  }
  return { kind: 'image', profile: profile.name, orientation, displayWidth, displayHeight, variants };
};
