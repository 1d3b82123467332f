// Filenames are metadata only; keys and ids come from the server alone.
import { sanitiseFilename } from '../../src/domain/filename';
import {
  formatUploadId,
  isUploadId,
  jobIdFor,
  ownerKeySegment,
  uploadIdOfKey,
  uploadKey,
} from '../../src/domain/upload-keys';

describe('sanitiseFilename', () => {
  it.each([
    ['clip.mp4', 'clip.mp4'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\holiday.mov', 'holiday.mov'],
    ['  spaced name.mp4  ', 'spaced name.mp4'],
  ])('keeps the last path component of %j', (raw, expected) => {
    expect(sanitiseFilename(raw)).toBe(expected);
  });

  it.each([
    ['a\u0000b.mp4'],
    ['evil\r\nX-Header: 1.mp4'],
    ['\u202egnp.exe'],
    ['../'],
    ['..'],
    ['dir/'],
    ['x'.repeat(256)],
  ])('refuses %j with FILENAME_INVALID', (raw) => {
    expect(() => sanitiseFilename(raw)).toThrow(expect.objectContaining({ code: 'FILENAME_INVALID' }));
  });
});

describe('upload ids and keys', () => {
  it('formats time-ordered ids that the key parser recognises', () => {
    const a = formatUploadId(1_700_000_000_000, new Uint8Array(16).fill(1));
    const b = formatUploadId(1_700_000_000_001, new Uint8Array(16).fill(0));
    expect(isUploadId(a)).toBe(true);
    expect(a < b).toBe(true);
    expect(uploadIdOfKey(uploadKey('alice', a))).toBe(a);
    expect(jobIdFor(a)).toBe(`job_${a.slice(3)}`);
  });

  it('keeps owner segments safe and distinct', () => {
    expect(ownerKeySegment('alice_1')).toBe('alice_1');
    const dotted = ownerKeySegment('a.b');
    const underscored = ownerKeySegment('a_b');
    expect(dotted).toMatch(/^a_b-[0-9a-f]{10}$/);
    expect(dotted).not.toBe(underscored);
    expect(ownerKeySegment('user@example.com|x')).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('recognises no key ingest did not make', () => {
    expect(uploadIdOfKey('_multipart/abc/part-00001')).toBeUndefined();
    expect(uploadIdOfKey('alice/up_X/source')).toBeUndefined();
  });
});
