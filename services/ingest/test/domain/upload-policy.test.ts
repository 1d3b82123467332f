// The upload policy and the transfer plan: types, limits, profiles, single vs multipart.
import { checkUploadRequest, MAX_PARTS, planTransfer } from '../../src/domain/upload-policy';
import { MiB, testPolicy } from '../support/upload-fixtures';

describe('checkUploadRequest', () => {
  const policy = testPolicy();

  it('accepts a type of an allowed family, normalised to its essence, with the default profile', () => {
    expect(checkUploadRequest(policy, { contentType: 'Video/MP4; codecs="avc1"', size: 10 })).toEqual({
      contentType: 'video/mp4',
      profile: 'default',
    });
  });

  it.each([['text/html'], ['audio/wav'], ['image/svg+xml'], ['not a type']])(
    'refuses %s with CONTENT_TYPE_NOT_ALLOWED',
    (contentType) => {
      expect(() => checkUploadRequest(policy, { contentType, size: 10 })).toThrow(
        expect.objectContaining({ code: 'CONTENT_TYPE_NOT_ALLOWED' }),
      );
    },
  );

  it('refuses a size over the limit with UPLOAD_TOO_LARGE and a size of 0 or less with UPLOAD_SIZE_INVALID', () => {
    expect(() => checkUploadRequest(policy, { contentType: 'video/mp4', size: 100 * MiB + 1 })).toThrow(
      expect.objectContaining({ code: 'UPLOAD_TOO_LARGE' }),
    );
    for (const size of [0, -1, 1.5]) {
      expect(() => checkUploadRequest(policy, { contentType: 'video/mp4', size })).toThrow(
        expect.objectContaining({ code: 'UPLOAD_SIZE_INVALID' }),
      );
    }
  });

  it('refuses an unknown profile, naming the known ones', () => {
    expect(() => checkUploadRequest(policy, { contentType: 'video/mp4', size: 1, profile: 'ultra' })).toThrow(
      /known profiles: default, sd, high/,
    );
  });
});

describe('planTransfer', () => {
  it('uses one PUT below the multipart threshold', () => {
    expect(planTransfer(testPolicy(), 16 * MiB - 1)).toEqual({ method: 'single' });
  });

  it('splits into parts of the configured size from the threshold on', () => {
    expect(planTransfer(testPolicy(), 20 * MiB)).toEqual({
      method: 'multipart',
      partSize: 8 * MiB,
      partCount: 3,
    });
  });

  it('grows the part size (whole MiB) rather than exceed 10,000 parts', () => {
    const plan = planTransfer(testPolicy({ maxSizeBytes: 200 * 1024 * MiB }), 100 * 1024 * MiB);
    expect(plan.method === 'multipart' && plan.partCount <= MAX_PARTS && plan.partSize % MiB === 0).toBe(
      true,
    );
  });
});
