// What a failure reason may carry out of processing: no signatures, no server paths.
import { contractCode, contractReason, redactReason } from '../../src/domain/failure-report';

describe('failure reasons', () => {
  it("keeps a path's file name and drops its folders", () => {
    expect(redactReason("ENOTDIR: not a directory, mkdir '/tmp/mediaflow-e2e-99GPvR/blobs/outputs/objects'")).toBe("ENOTDIR: not a directory, mkdir '…/objects'");
    expect(redactReason('cannot open /var/lib/mediaflow/jobs/job_1/input.mp4: truncated')).toBe('cannot open …/input.mp4: truncated');
    expect(redactReason('path=/srv/a/b.txt (x)')).toBe('path=…/b.txt (x)');
  });

  it('keeps only the origin and file name of a URL: signatures ride in the query (S3) or the path (embedded)', () => {
    expect(redactReason('GET https://bucket.s3.amazonaws.com/uploads/a.mp4?X-Amz-Signature=abc&X-Amz-Credential=k answered 403')).toBe(
      'GET https://bucket.s3.amazonaws.com/…/a.mp4 answered 403',
    );
    expect(redactReason('http://127.0.0.1:8080/blobs/uploads/t/TOKEN/x.mp4 is gone')).toBe('http://127.0.0.1:8080/…/x.mp4 is gone');
    expect(redactReason('fetch https://api.example.com failed')).toBe('fetch https://api.example.com failed');
  });

  it('leaves plain reasons, ratios and relative paths alone', () => {
    for (const plain of ['moov atom not found', 'speed 1/2 of real time', 'hls/720p/seg_001.m4s missing', 'no decoder for it [UNSUPPORTED_CODEC]']) {
      expect(redactReason(plain)).toBe(plain);
    }
  });

  it('redacts before it shortens, and never answers empty', () => {
    expect(contractReason('  ')).toBe('no reason given');
    expect(contractReason(`open /a/b/c.mp4 ${'x'.repeat(3000)}`)).toMatch(/^open …\/c\.mp4 x+ … \(truncated\)$/);
    expect(contractReason(`open /a/b/c.mp4 ${'x'.repeat(3000)}`).length).toBeLessThanOrEqual(2000);
  });

  it('keeps a valid code, mends an almost valid one, else falls back', () => {
    expect(contractCode('ENOTDIR', 'X')).toBe('ENOTDIR');
    expect(contractCode('corrupt-media', 'X')).toBe('CORRUPT_MEDIA');
    expect(contractCode('9lives', 'FALLBACK')).toBe('FALLBACK');
  });
});
