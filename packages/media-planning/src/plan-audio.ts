// The audio rendition, shared by video plans (their HLS audio group) and audio-only plans.
import type { AudioStreamInfo } from './media-info';
import type { AudioPlan, AudioRenditionPlan } from './plan-types';
import type { Profile } from './profiles-schema';
import { AAC_LC_CODECS } from './rendition-codecs';
import { AUDIO_RENDITION_NAME, outputKeys } from './rendition-keys';

export const planAudioRendition = (audio: AudioStreamInfo, profile: Profile): AudioRenditionPlan => {
  const channels = Math.max(1, Math.min(audio.channels || 2, profile.audio.maxChannels));
  return {
    name: AUDIO_RENDITION_NAME,
    // A mono track at a stereo bitrate wastes bits: half is plenty.
    bitrateKbps:
      channels === 1 ? Math.max(32, Math.round(profile.audio.bitrateKbps / 2)) : profile.audio.bitrateKbps,
    sampleRate: profile.audio.sampleRate,
    channels,
    codecs: AAC_LC_CODECS,
    playlistKey: outputKeys.hlsPlaylist(AUDIO_RENDITION_NAME),
    initKey: outputKeys.hlsInit(AUDIO_RENDITION_NAME),
  };
};

export const planAudioOnly = (
  audio: AudioStreamInfo,
  durationSeconds: number,
  profile: Profile,
): AudioPlan => ({
  kind: 'audio',
  profile: profile.name,
  durationSeconds,
  hls: { segmentSeconds: profile.hls.segmentSeconds, masterKey: outputKeys.hlsMaster },
  audio: planAudioRendition(audio, profile),
  m4a: { key: outputKeys.m4a },
  waveform: {
    peaks: profile.waveform.peaks,
    sampleRate: profile.waveform.sampleRate,
    key: outputKeys.waveform,
  },
});
