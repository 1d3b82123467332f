// The audio's waveform (the waveform JSON output: min/max peak pairs in -1..1) as an SVG under the
// audio player; a click seeks there and the played part is tinted.
import { useEffect, useState } from 'preact/hooks';

interface WaveformJson {
  readonly durationSeconds: number;
  readonly peaks: number;
  readonly data: readonly number[];
}

/** Scaled to the loudest peak, so quiet recordings are still visible (at most 20× louder). */
const pathOf = (w: WaveformJson): string => {
  const loudest = w.data.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const gain = loudest > 0 ? Math.min(20, 0.95 / loudest) : 1;
  const top: string[] = [];
  const bottom: string[] = [];
  for (let i = 0; i < w.peaks; i += 1) {
    const min = (w.data[i * 2] ?? 0) * gain;
    const max = (w.data[i * 2 + 1] ?? 0) * gain;
    top.push(`${i},${(50 - max * 50).toFixed(1)}`);
    bottom.push(`${i},${(50 - min * 50).toFixed(1)}`);
  }
  return `M${top.join(' L')} L${bottom.reverse().join(' L')} Z`;
};

export const Waveform = ({ url, audio, time }: { url: string; audio: () => HTMLAudioElement | null; time: number }) => {
  const [wave, setWave] = useState<WaveformJson>();
  useEffect(() => {
    let alive = true;
    fetch(url)
      .then((r) => (r.ok ? (r.json() as Promise<WaveformJson>) : undefined))
      .then((w) => alive && w && setWave(w))
      .catch(() => undefined);
    return () => void (alive = false);
  }, [url]);
  if (!wave || wave.peaks === 0) return null;
  const played = wave.durationSeconds > 0 ? Math.min(1, time / wave.durationSeconds) : 0;
  const seek = (e: MouseEvent) => {
    const rect = (e.currentTarget as SVGElement).getBoundingClientRect();
    const element = audio();
    if (element) element.currentTime = ((e.clientX - rect.left) / rect.width) * wave.durationSeconds;
  };
  return (
    <svg class="waveform" data-testid="waveform" viewBox={`0 0 ${wave.peaks} 100`} preserveAspectRatio="none" onClick={seek}>
      <defs>
        <linearGradient id="played">
          <stop offset={played} stop-color="#2f5bea" />
          <stop offset={played} stop-color="#9aa7bd" />
        </linearGradient>
      </defs>
      <path d={pathOf(wave)} fill="url(#played)" />
    </svg>
  );
};
