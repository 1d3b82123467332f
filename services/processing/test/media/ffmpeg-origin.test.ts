// The banner line `npm start` prints about ffmpeg: its version and origin, and a warning with how to
// install a current one when only the npm package's 2018 build is there. Pure formatting first, then
// the real lookup: a stand-in ffmpeg on PATH, and PATH without one (the npm package's real binary).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { locateMediaBinaries, type MediaBinary } from '../../src/media/ffmpeg-binaries';
import { mediaOriginLine } from '../../src/media/ffmpeg-origin';

const debian: MediaBinary = { path: '/usr/bin/ffmpeg', version: '5.1.9-0+deb12u1', year: 2025, origin: 'path' };
const debianProbe: MediaBinary = { ...debian, path: '/usr/bin/ffprobe' };
const npmFfmpeg: MediaBinary = { path: '/app/node_modules/@ffmpeg-installer/linux-x64/ffmpeg', version: 'N-47683-g0e8eb07980-static', year: 2018, origin: 'npm-package' };
const npmFfprobe: MediaBinary = { path: '/app/node_modules/@ffprobe-installer/linux-x64/ffprobe', version: 'N-66595-gc2b38619c0-static', year: 2023, origin: 'npm-package' };

describe('the ffmpeg banner line', () => {
  it('names the version and the path of an ffmpeg on PATH, without a warning', () => {
    expect(mediaOriginLine({ ffmpeg: debian, ffprobe: debianProbe })).toEqual({ text: '5.1.9-0+deb12u1 from /usr/bin/ffmpeg', warning: false });
  });

  it('says FFMPEG_PATH chose it', () => {
    const chosen: MediaBinary = { path: '/opt/ffmpeg-7/ffmpeg', version: '7.1', origin: 'env' };
    expect(mediaOriginLine({ ffmpeg: chosen, ffprobe: debianProbe }).text).toBe('7.1 from /opt/ffmpeg-7/ffmpeg (FFMPEG_PATH)');
  });

  it("warns in one line that the npm package's 2018 build is in use, and how to install a current one", () => {
    const line = mediaOriginLine({ ffmpeg: npmFfmpeg, ffprobe: npmFfprobe });
    expect(line.warning).toBe(true);
    expect(line.text).not.toContain('\n');
    expect(line.text).toBe(
      'WARNING no ffmpeg on PATH, using the 2018 build from @ffmpeg-installer/ffmpeg (N-47683-g0e8eb07980-static); ' +
        'install ffmpeg 5.1 or newer: apt-get install ffmpeg, brew install ffmpeg, or set FFMPEG_PATH/FFPROBE_PATH',
    );
  });

  it('notes an ffprobe taken from the npm package beside an ffmpeg from PATH', () => {
    expect(mediaOriginLine({ ffmpeg: debian, ffprobe: npmFfprobe }).text).toBe(
      '5.1.9-0+deb12u1 from /usr/bin/ffmpeg; ffprobe: no ffprobe beside it, the 2023 build from @ffprobe-installer/ffprobe (N-66595-gc2b38619c0-static)',
    );
  });

  it('warns, rather than failing the start, when there is no ffmpeg at all', () => {
    const line = mediaOriginLine(new Error('ffmpeg not found: set FFMPEG_PATH, …'));
    expect(line).toEqual({ warning: true, text: expect.stringMatching(/^WARNING ffmpeg not found: .*; install ffmpeg 5\.1 or newer: apt-get install ffmpeg/) });
  });
});

describe('the lookup behind it', () => {
  it('takes the ffmpeg on PATH, with its version and copyright year', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ffmpeg-origin-'));
    for (const tool of ['ffmpeg', 'ffprobe']) {
      const script = `#!/bin/sh\necho "${tool} version 5.1.9-0+deb12u1 Copyright (c) 2000-2025 the FFmpeg developers"\n`;
      fs.writeFileSync(path.join(dir, tool), script, { mode: 0o755 });
    }
    const found = locateMediaBinaries({ PATH: dir });
    expect(found.ffmpeg).toEqual({ path: path.join(dir, 'ffmpeg'), version: '5.1.9-0+deb12u1', year: 2025, origin: 'path' });
    expect(mediaOriginLine(found)).toEqual({ text: `5.1.9-0+deb12u1 from ${path.join(dir, 'ffmpeg')}`, warning: false });
  });

  it("falls back to the npm package's 2018 build when PATH has none, and the line warns", () => {
    const found = locateMediaBinaries({ PATH: fs.mkdtempSync(path.join(os.tmpdir(), 'ffmpeg-origin-empty-')) });
    expect(found.ffmpeg).toMatchObject({ origin: 'npm-package', year: 2018, version: expect.stringMatching(/^N-47683-/) });
    expect(mediaOriginLine(found).text).toMatch(/^WARNING no ffmpeg on PATH, using the 2018 build from @ffmpeg-installer\/ffmpeg/);
  });
});
