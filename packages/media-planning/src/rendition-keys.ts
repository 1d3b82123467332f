// Where each output lives, relative to the job's output prefix. Keys are a pure function of the plan,
// so a rerun writes the same keys and overwrites instead of leaving a second copy.

/** The audio rendition of an HLS package shares the `hls/<name>/` layout with the video rungs. */
export const AUDIO_RENDITION_NAME = 'audio';

/** First segment number: `seg_00001.m4s` reads better than `seg_00000.m4s` to people counting. */
export const HLS_FIRST_SEGMENT = 1;
export const HLS_SEGMENT_PATTERN = 'seg_%05d.m4s';
export const HLS_PLAYLIST_FILE = 'playlist.m3u8';
export const HLS_INIT_FILE = 'init.mp4';

export const outputKeys = {
  hlsMaster: 'hls/master.m3u8',
  hlsDir: (rendition: string): string => `hls/${rendition}`,
  hlsPlaylist: (rendition: string): string => `hls/${rendition}/${HLS_PLAYLIST_FILE}`,
  hlsInit: (rendition: string): string => `hls/${rendition}/${HLS_INIT_FILE}`,
  mp4: (rung: string): string => `mp4/${rung}.mp4`,
  poster: 'poster.jpg',
  storyboardSprite: 'storyboard/sprite.jpg',
  storyboardVtt: 'storyboard/storyboard.vtt',
  m4a: 'audio/audio.m4a',
  waveform: 'audio/waveform.json',
  imageVariant: (width: number, format: 'webp' | 'jpeg'): string =>
    `images/w${width}.${format === 'jpeg' ? 'jpg' : 'webp'}`,
} as const;
