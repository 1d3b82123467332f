import { h264LevelFor, profileByName, sizeForShortSide, sizeLadder } from '../src';

const rungs = profileByName('default').video.rungs;
const sizes = (width: number, height: number): string[] =>
  sizeLadder({ width, height }, rungs, 0.05).map((r) => `${r.spec.name}:${r.width}x${r.height}`);

describe('sizing the video ladder', () => {
  it('gives a 1080p landscape source every rung of the default profile', () => {
    expect(sizes(1920, 1080)).toEqual(['1080p:1920x1080', '720p:1280x720', '480p:854x480', '360p:640x360']);
  });

  it('compares portrait sources on the short side, so 1080x1920 keeps its 1080p rung unscaled', () => {
    expect(sizes(1080, 1920)).toEqual(['1080p:1080x1920', '720p:720x1280', '480p:480x854', '360p:360x640']);
  });

  it('never upscales: a 720p source starts at 720p', () => {
    expect(sizes(1280, 720)).toEqual(['720p:1280x720', '480p:854x480', '360p:640x360']);
  });

  it('snaps a nearly-720p source (1279x719) to an even 720p-class rung no larger than the source', () => {
    const ladder = sizeLadder({ width: 1279, height: 719 }, rungs, 0.05);
    expect(ladder.map((r) => `${r.width}x${r.height}`)).toEqual(['1278x718', '854x480', '640x360']);
    for (const r of ladder) {
      expect((r.width % 2) + (r.height % 2)).toBe(0);
      expect(r.width).toBeLessThanOrEqual(1279);
      // the width a perfect aspect would give, off by at most one pixel
      expect(Math.abs(r.width - (r.height * 1279) / 719)).toBeLessThanOrEqual(1);
    }
  });

  it('drops a rung the source misses by more than the snap tolerance', () => {
    expect(sizes(1280, 680)).toEqual(['480p:904x480', '360p:678x360']);
  });

  it('gives a source below the smallest rung one rung at its own size with a scaled-down bitrate', () => {
    const [only, ...rest] = sizeLadder({ width: 320, height: 240 }, rungs, 0.05);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ width: 320, height: 240, spec: { name: '240p', shortSide: 240 } });
    expect(only?.spec.videoBitrateKbps).toBeLessThan(800);
  });

  it('rounds odd sizes to even numbers', () => {
    expect(sizeForShortSide({ width: 641, height: 361 }, 360)).toEqual({ width: 640, height: 360 });
    expect(sizeForShortSide({ width: 333, height: 333 }, 1080)).toEqual({ width: 332, height: 332 });
  });
});

describe('choosing the H.264 level', () => {
  it('fits 1080p30 High in level 4.0 and 1080p60 in 4.2', () => {
    expect(
      h264LevelFor({ width: 1920, height: 1080, frameRate: 30, maxrateKbps: 6000, profile: 'high' }),
    ).toBe('4.0');
    expect(
      h264LevelFor({ width: 1920, height: 1080, frameRate: 60, maxrateKbps: 6000, profile: 'high' }),
    ).toBe('4.2');
  });

  it('fits portrait 1080x1920 like its landscape twin', () => {
    expect(
      h264LevelFor({ width: 1080, height: 1920, frameRate: 30, maxrateKbps: 6000, profile: 'high' }),
    ).toBe('4.0');
  });

  it('puts small rungs at low levels', () => {
    expect(h264LevelFor({ width: 640, height: 360, frameRate: 25, maxrateKbps: 960, profile: 'main' })).toBe(
      '3.0',
    );
    expect(h264LevelFor({ width: 320, height: 240, frameRate: 25, maxrateKbps: 400, profile: 'main' })).toBe(
      '2.0',
    );
  });
});
