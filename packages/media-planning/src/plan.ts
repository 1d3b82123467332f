// Plans a transcode from what probing found and a profile: pure, so the same MediaInfo and profile
// always give the same outputs at the same keys.
import { UnplannableMedia } from './planning-errors';
import type { MediaInfo } from './media-info';
import { planAudioOnly } from './plan-audio';
import { planImage } from './plan-image';
import type { Plan } from './plan-types';
import { planVideo } from './plan-video';
import type { Profile } from './profiles-schema';

export type * from './plan-types';
export { type PlannedFile, plannedFiles } from './plan-files';

export const planOutputs = (info: MediaInfo, profile: Profile): Plan => {
  switch (info.kind) {
    case 'video': {
      if (!info.video) throw new UnplannableMedia('a video without a video stream');
      if (info.video.displayWidth < 2 || info.video.displayHeight < 2)
        throw new UnplannableMedia(
          `video frame ${info.video.displayWidth}x${info.video.displayHeight} is too small`,
        );
      return planVideo(info.video, info.audio, info.durationSeconds, profile);
    }
    case 'audio': {
      if (!info.audio) throw new UnplannableMedia('audio without an audio stream');
      return planAudioOnly(info.audio, info.durationSeconds, profile);
    }
    case 'image': {
      if (!info.image) throw new UnplannableMedia('an image without image details');
      return planImage(info.image, profile);
    }
    default: {
      const never: never = info.kind;
      throw new UnplannableMedia(`unknown media kind ${String(never)}`);
    }
  }
};
