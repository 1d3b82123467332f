// The runner image installs one pinned ffmpeg build from Debian bookworm, the 5.1 line the README
// names as supported. The image is not built here (no Docker engine), so this reads the Dockerfile.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const dockerfile = fs.readFileSync(path.join(root, 'docker', 'runner.Dockerfile'), 'utf8');
const instructions = dockerfile.replace(/\\\n/g, ' ').split('\n').filter((l) => !l.startsWith('#'));

it('installs ffmpeg at the version FFMPEG_VERSION pins, a Debian bookworm 5.1 build', () => {
  const pin = instructions.map((l) => /^ARG FFMPEG_VERSION=(\S+)$/.exec(l)?.[1]).find(Boolean);
  expect(pin).toMatch(/^7:5\.1\.\d+-\d+\+deb12u\d+$/);
  const installs = instructions.filter((l) => /apt-get install\b.*\bffmpeg\b/.test(l));
  expect(installs).toHaveLength(1);
  expect(installs[0]).toContain('"ffmpeg=${FFMPEG_VERSION}"');
  // The ARG is declared before the first FROM: the stage that installs must declare it again to see it.
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const installing = stages.filter((s) => /apt-get install[^\n]*ffmpeg/.test(s));
  expect(installing).toHaveLength(1);
  expect(installing[0]).toMatch(/^ARG FFMPEG_VERSION$/m);
  expect(instructions.find((l) => l.startsWith('ARG NODE_IMAGE='))).toMatch(/bookworm/);
});

it('the README names the 5.1 line the image pins as the supported ffmpeg', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  expect(readme).toMatch(/\*\*ffmpeg\*\*: 5\.1 and newer/);
});
