// Writes the HLS master playlist ourselves rather than trusting ffmpeg's: 4.1 leaves it empty when
// an audio-only variant is mapped, and neither version writes every tag players select rungs by.
import fs from 'node:fs/promises';
import path from 'node:path';
import { type AudioPlan, type AudioRenditionPlan, HLS_INIT_FILE, HLS_PLAYLIST_FILE, outputKeys, plannedAvc1Codecs, type VideoPlan } from '@mediaflow/media-planning';
import { measureRendition, readAvcCodecs, type RenditionBitrate } from './hls-media-playlist';

interface VideoVariantEntry {
  uri: string;
  bitrate: RenditionBitrate;
  codecs: string;
  width: number;
  height: number;
  frameRate: number;
}

interface AudioRenditionEntry {
  uri: string;
  bitrate: RenditionBitrate;
  codecs: string;
  channels: number;
}

const AUDIO_GROUP = 'audio';

/** Pure: the master text for these entries. Audio-only when there are no video variants. */
export const masterPlaylistText = (videos: VideoVariantEntry[], audio?: AudioRenditionEntry): string => {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS'];
  if (videos.length === 0 && audio) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${audio.bitrate.peakBps},AVERAGE-BANDWIDTH=${audio.bitrate.averageBps},CODECS="${audio.codecs}"`,
      audio.uri,
    );
    return `${lines.join('\n')}\n`;
  }
  if (audio)
    lines.push(
      `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="${AUDIO_GROUP}",NAME="default",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="${audio.channels}",URI="${audio.uri}"`,
    );
  for (const v of videos) {
    const attributes = [
      `BANDWIDTH=${v.bitrate.peakBps + (audio?.bitrate.peakBps ?? 0)}`,
      `AVERAGE-BANDWIDTH=${v.bitrate.averageBps + (audio?.bitrate.averageBps ?? 0)}`,
      `CODECS="${[v.codecs, ...(audio ? [audio.codecs] : [])].join(',')}"`,
      `RESOLUTION=${v.width}x${v.height}`,
      `FRAME-RATE=${v.frameRate.toFixed(3)}`,
      ...(audio ? [`AUDIO="${AUDIO_GROUP}"`] : []),
    ];
    lines.push(`#EXT-X-STREAM-INF:${attributes.join(',')}`, v.uri);
  }
  return `${lines.join('\n')}\n`;
};

const audioEntry = async (hlsDir: string, audio: AudioRenditionPlan): Promise<AudioRenditionEntry> => ({
  uri: `${audio.name}/${HLS_PLAYLIST_FILE}`,
  bitrate: await measureRendition(path.join(hlsDir, audio.name)),
  codecs: audio.codecs,
  channels: audio.channels,
});

/** Measures the renditions under `<dir>/hls/<name>/` and writes `<dir>/hls/master.m3u8`. */
export const writeMasterPlaylist = async (dir: string, plan: VideoPlan | AudioPlan): Promise<void> => {
  const hlsDir = path.join(dir, path.dirname(outputKeys.hlsMaster));
  const audioPlan = plan.audio;
  const audio = audioPlan ? await audioEntry(hlsDir, audioPlan) : undefined;
  const videos: VideoVariantEntry[] = [];
  if (plan.kind === 'video') {
    for (const rung of plan.rungs) {
      const renditionDir = path.join(hlsDir, rung.name);
      videos.push({
        uri: `${rung.name}/${HLS_PLAYLIST_FILE}`,
        bitrate: await measureRendition(renditionDir),
        // From the stream itself: x264 signals the profile its tools need, not the one asked for.
        codecs:
          (await readAvcCodecs(path.join(renditionDir, HLS_INIT_FILE))) ??
          plannedAvc1Codecs(rung.h264Profile, rung.h264Level),
        width: rung.width,
        height: rung.height,
        frameRate: plan.frameRate.fps,
      });
    }
  }
  await fs.writeFile(path.join(dir, plan.hls.masterKey), masterPlaylistText(videos, audio));
};
