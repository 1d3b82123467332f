// What probing tells us about one input, independent of ffprobe's JSON: the planner and the
// validation policy work on this. Richer than the contract's MediaInfo (see media-info-contract.ts).
export type MediaKind = 'video' | 'audio' | 'image';

export interface VideoStreamInfo {
  codec: string;
  /** Coded size, before rotation. */
  width: number;
  height: number;
  /** Clockwise degrees to apply for display (display matrix or rotate tag): 0, 90, 180, 270. */
  rotation: 0 | 90 | 180 | 270;
  /** Size as displayed (after rotation). */
  displayWidth: number;
  displayHeight: number;
  /** Average frame rate (frames per second). */
  frameRate: number;
  /** True when r_frame_rate and avg_frame_rate disagree by more than 5 % (variable frame rate). */
  variableFrameRate: boolean;
  pixelFormat: string;
  bitDepth: number;
  bitrateKbps?: number;
}

export interface AudioStreamInfo {
  codec: string;
  channels: number;
  sampleRate: number;
  channelLayout?: string;
  bitrateKbps?: number;
}

export interface ImageInfo {
  /** ffprobe's codec name: png, mjpeg, webp, bmp, tiff… */
  format: string;
  width: number;
  height: number;
  /** EXIF orientation 1..8 (1 = as stored; 5..8 swap width and height for display). */
  orientation: number;
  displayWidth: number;
  displayHeight: number;
}

export interface MediaInfo {
  kind: MediaKind;
  /** ffprobe format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  container: string;
  /** 0 for still images, and when the container does not say (a live-recorded WebM, for one). */
  durationSeconds: number;
  /** From the file system or the HTTP Content-Range/Content-Length; absent when neither said. */
  sizeBytes?: number;
  bitrateKbps?: number;
  video?: VideoStreamInfo;
  audio?: AudioStreamInfo;
  image?: ImageInfo;
}
