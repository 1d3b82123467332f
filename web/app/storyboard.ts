// The storyboard WebVTT (one cue per tile: `sprite.jpg#xywh=x,y,w,h`) parsed into tiles, so the
// seek bar can show the frame under the pointer. Image URLs resolve against the VTT's own URL.
export interface StoryboardTile {
  readonly start: number;
  readonly end: number;
  readonly url: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const toSeconds = (stamp: string): number => {
  const parts = stamp.trim().split(':').map(Number);
  return parts.reduce((acc, n) => acc * 60 + n, 0);
};

export const parseStoryboardVtt = (text: string, vttUrl: string): StoryboardTile[] => {
  const tiles: StoryboardTile[] = [];
  const blocks = text.replace(/\r\n/g, '\n').split(/\n\n+/);
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const timing = lines.findIndex((l) => l.includes('-->'));
    if (timing < 0 || !lines[timing + 1]) continue;
    const [from, to] = lines[timing]!.split('-->');
    const target = lines[timing + 1]!.trim();
    const match = /^(.*)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(target);
    if (!match || from === undefined || to === undefined) continue;
    const start = toSeconds(from);
    const end = toSeconds(to.trim().split(/\s+/)[0] ?? '');
    // A cue with unreadable times matches no position and would hide the last tile from tileAt.
    if (!Number.isFinite(start) || !(end > start)) continue;
    tiles.push({
      start,
      end,
      url: new URL(match[1]!, vttUrl).toString(),
      x: Number(match[2]),
      y: Number(match[3]),
      w: Number(match[4]),
      h: Number(match[5]),
    });
  }
  return tiles;
};

export const tileAt = (tiles: readonly StoryboardTile[], seconds: number): StoryboardTile | undefined =>
  tiles.find((t) => seconds >= t.start && seconds < t.end) ?? (tiles.length && seconds >= tiles[tiles.length - 1]!.end ? tiles[tiles.length - 1] : undefined);
