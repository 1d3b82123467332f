// HLS playback with hls.js (loaded only on this page), or natively where the browser plays HLS, and
// a seek bar that shows the storyboard frame under the pointer and seeks on click.
import type Hls from 'hls.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDuration } from '../format';
import { parseStoryboardVtt, tileAt, type StoryboardTile } from '../storyboard';

const THUMB_WIDTH = 160;

const baseName = (url: string): string => new URL(url).pathname.split('/').pop() ?? '';

/**
 * The VTT's tiles. Their image resolves against the VTT's URL, which keeps a signature carried in the
 * path (embedded) but not one carried in the query (an S3 presigned URL): the sprite's own signed
 * URL from the job's outputs is used for it instead.
 */
const useStoryboard = (vttUrl: string | undefined, spriteUrl: string | undefined): StoryboardTile[] => {
  const [tiles, setTiles] = useState<StoryboardTile[]>([]);
  useEffect(() => {
    if (!vttUrl) return;
    let alive = true;
    fetch(vttUrl)
      .then((r) => (r.ok ? r.text() : ''))
      .then((text) => {
        const parsed = parseStoryboardVtt(text, vttUrl);
        if (alive) setTiles(spriteUrl ? parsed.map((t) => (baseName(t.url) === baseName(spriteUrl) ? { ...t, url: spriteUrl } : t)) : parsed);
      })
      .catch(() => undefined);
    return () => void (alive = false);
  }, [vttUrl, spriteUrl]);
  return tiles;
};

interface PlayerProps {
  readonly playbackUrl: string;
  readonly posterUrl?: string;
  readonly storyboardVttUrl?: string;
  readonly storyboardSpriteUrl?: string;
  readonly duration?: number;
}

export const Player = ({ playbackUrl, posterUrl, storyboardVttUrl, storyboardSpriteUrl, duration }: PlayerProps) => {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string>();
  const [time, setTime] = useState(0);
  const [hover, setHover] = useState<{ x: number; seconds: number }>();
  const tiles = useStoryboard(storyboardVttUrl, storyboardSpriteUrl);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let hls: Hls | undefined;
    let cancelled = false;
    if (element.canPlayType('application/vnd.apple.mpegurl')) {
      element.src = playbackUrl;
    } else {
      void import('hls.js').then(({ default: HlsClass }) => {
        if (cancelled) return;
        if (!HlsClass.isSupported()) return setError('This browser can play neither HLS nor Media Source Extensions.');
        hls = new HlsClass({ capLevelToPlayerSize: true });
        hls.on(HlsClass.Events.ERROR, (_event, data) => {
          if (data.fatal) setError(`Playback failed: ${data.details}`);
        });
        hls.loadSource(playbackUrl);
        hls.attachMedia(element);
      });
    }
    return () => {
      cancelled = true;
      hls?.destroy();
    };
  }, [playbackUrl]);
  const total = video.current?.duration && Number.isFinite(video.current.duration) ? video.current.duration : (duration ?? 0);
  const tile = hover ? tileAt(tiles, hover.seconds) : undefined;
  const scale = tile ? THUMB_WIDTH / tile.w : 1;
  const pointer = (e: MouseEvent) => {
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (e.clientX - rect.left) / rect.width));
    return { x: e.clientX - rect.left, seconds: fraction * total };
  };
  return (
    <div class="player">
      <video ref={video} controls playsInline poster={posterUrl} data-testid="video" onTimeUpdate={(e) => setTime((e.target as HTMLVideoElement).currentTime)} />
      {error && <div class="error-box">{error}</div>}
      {total > 0 && (
        <div
          class="scrub"
          data-testid="scrub"
          onMouseMove={(e) => setHover(pointer(e))}
          onMouseLeave={() => setHover(undefined)}
          onClick={(e) => {
            if (video.current) video.current.currentTime = pointer(e).seconds;
          }}
        >
          <div class="scrub-fill" style={{ width: `${(time / total) * 100}%` }} />
          {hover && (
            <div class="scrub-preview" style={{ left: `${Math.min(Math.max(hover.x - THUMB_WIDTH / 2, 0), 10_000)}px` }} data-testid="scrub-preview">
              {tile && (
                <div
                  class="thumb"
                  style={{
                    width: `${THUMB_WIDTH}px`,
                    height: `${tile.h * scale}px`,
                    backgroundImage: `url("${tile.url}")`,
                    backgroundPosition: `-${tile.x * scale}px -${tile.y * scale}px`,
                    backgroundSize: `auto ${Math.ceil(((tiles.reduce((m, t) => Math.max(m, t.y + t.h), 0)) * scale))}px`,
                  }}
                />
              )}
              <span>{formatDuration(hover.seconds)}</span>
            </div>
          )}
        </div>
      )}
    </div>
  );
};
