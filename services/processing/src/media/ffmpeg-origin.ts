// The one line a person reads at start about the ffmpeg in use (`npm start` prints it in its banner):
// its version and where it came from, and, when it is the npm package's 2018 static build because
// no ffmpeg is on PATH, a warning that says how to install a current one.
import type { MediaBinaries } from './ffmpeg-binaries';

interface MediaOriginLine {
  text: string;
  /** True when the line is a warning: the npm package's fallback build, or no ffmpeg at all. */
  warning: boolean;
}

const INSTALL = 'install ffmpeg 5.1 or newer: apt-get install ffmpeg, brew install ffmpeg, or set FFMPEG_PATH/FFPROBE_PATH';

const built = (year: number | undefined): string => (year ? `${year} build` : 'build');

/** From what mediaBinaries() found, or the error it threw when neither PATH nor the npm package has one. */
export const mediaOriginLine = (found: MediaBinaries | Error): MediaOriginLine => {
  if (found instanceof Error) return { text: `WARNING ${found.message}; ${INSTALL}`, warning: true };
  const { ffmpeg, ffprobe } = found;
  const probeNote =
    ffprobe.origin === 'npm-package' && ffmpeg.origin !== 'npm-package'
      ? `; ffprobe: no ffprobe beside it, the ${built(ffprobe.year)} from @ffprobe-installer/ffprobe (${ffprobe.version})`
      : '';
  switch (ffmpeg.origin) {
    case 'path':
      return { text: `${ffmpeg.version} from ${ffmpeg.path}${probeNote}`, warning: false };
    case 'env':
      return { text: `${ffmpeg.version} from ${ffmpeg.path} (FFMPEG_PATH)${probeNote}`, warning: false };
    case 'npm-package':
      return {
        text: `WARNING no ffmpeg on PATH, using the ${built(ffmpeg.year)} from @ffmpeg-installer/ffmpeg (${ffmpeg.version}); ${INSTALL}`,
        warning: true,
      };
  }
};
