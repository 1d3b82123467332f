// The file every variant uploads: random bytes (incompressible, and no media, so the job each upload
// creates is refused at its probe instead of transcoding), named .mp4 so the CLI and the browser
// declare a content type the API accepts.
import { randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SourceFile {
  readonly path: string;
  readonly bytes: number;
  dispose(): void;
}

const CHUNK = 1024 * 1024;

export const makeRandomFile = (mebibytes: number): SourceFile => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-bench-upload-'));
  const file = path.join(dir, `random-${mebibytes}mib.mp4`);
  const fd = fs.openSync(file, 'w');
  try {
    const chunk = Buffer.alloc(CHUNK);
    for (let i = 0; i < mebibytes; i++) fs.writeSync(fd, randomFillSync(chunk));
  } finally {
    fs.closeSync(fd);
  }
  return {
    path: file,
    bytes: mebibytes * CHUNK,
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
};
