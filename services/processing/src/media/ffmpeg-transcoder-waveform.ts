// Reduces the raw mono PCM ffmpeg wrote beside the audio outputs to the waveform JSON, streaming,
// then deletes the PCM (it is a by-product, never an output).
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { type AudioPlan, WaveformPeakReducer } from '@mediaflow/media-planning';

export const writeWaveformJson = async (
  pcmPath: string,
  jsonPath: string,
  plan: AudioPlan,
): Promise<void> => {
  const totalSamples = Math.floor((await fs.stat(pcmPath)).size / 2);
  const reducer = new WaveformPeakReducer(totalSamples, plan.waveform.peaks);
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(pcmPath, { highWaterMark: 1 << 16 })) {
    const bytes = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const count = Math.floor(bytes.length / 2);
    // Copied into an aligned array; s16le matches every host Node runs on here (x86-64, arm64).
    const samples = new Int16Array(count);
    new Uint8Array(samples.buffer).set(bytes.subarray(0, count * 2));
    reducer.push(samples);
    carry = bytes.subarray(count * 2);
  }
  const json = reducer.result(totalSamples / plan.waveform.sampleRate, plan.waveform.sampleRate);
  await fs.writeFile(jsonPath, JSON.stringify(json));
  await fs.rm(pcmPath, { force: true });
};
