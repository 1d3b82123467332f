// Which parts complete a multipart upload, checked before storage assembles anything.
import { choosePartsToComplete } from '../../src/domain/multipart-parts';
import { multipart, single } from '../support/upload-fixtures';

const stored = [
  { partNumber: 2, etag: 'b', size: 10 },
  { partNumber: 1, etag: 'a', size: 10 },
  { partNumber: 3, etag: 'c', size: 5 },
];

describe('choosePartsToComplete', () => {
  it('takes every stored part in order when the client names none', () => {
    expect(choosePartsToComplete(multipart, stored, undefined)).toEqual([
      { partNumber: 1, etag: 'a' },
      { partNumber: 2, etag: 'b' },
      { partNumber: 3, etag: 'c' },
    ]);
  });

  it('accepts the client list with quoted ETags', () => {
    const claimed = [
      { partNumber: 1, etag: '"a"' },
      { partNumber: 2, etag: '"b"' },
      { partNumber: 3, etag: 'c' },
    ];
    expect(choosePartsToComplete(multipart, stored, claimed)).toHaveLength(3);
  });

  it('refuses a replaced part, a wrong order, or a missing part with UPLOAD_PARTS_INVALID', () => {
    const cases = [
      {
        parts: stored,
        claimed: [
          { partNumber: 1, etag: 'a' },
          { partNumber: 2, etag: 'x' },
          { partNumber: 3, etag: 'c' },
        ],
      },
      {
        parts: stored,
        claimed: [
          { partNumber: 2, etag: 'b' },
          { partNumber: 1, etag: 'a' },
          { partNumber: 3, etag: 'c' },
        ],
      },
      { parts: stored.slice(0, 2), claimed: undefined },
    ];
    for (const { parts, claimed } of cases) {
      expect(() => choosePartsToComplete(multipart, parts, claimed)).toThrow(
        expect.objectContaining({ code: 'UPLOAD_PARTS_INVALID' }),
      );
    }
  });

  it('answers UPLOAD_NOT_RECEIVED without parts and UPLOAD_SIZE_MISMATCH when they do not add up', () => {
    expect(() => choosePartsToComplete(multipart, [], undefined)).toThrow(
      expect.objectContaining({ code: 'UPLOAD_NOT_RECEIVED' }),
    );
    const short = stored.map((p) => (p.partNumber === 3 ? { ...p, size: 4 } : p));
    expect(() => choosePartsToComplete(multipart, short, undefined)).toThrow(
      expect.objectContaining({ code: 'UPLOAD_SIZE_MISMATCH' }),
    );
  });

  it('refuses parts for a single-PUT upload', () => {
    expect(() => choosePartsToComplete(single, stored, undefined)).toThrow(
      expect.objectContaining({ code: 'UPLOAD_PARTS_INVALID' }),
    );
  });
});
