// Given past events, when a command, then new events (or a typed error): the Upload decider alone.
import { DeciderSpecification } from '@mediaflow/service-kit/testing';
import { uploadDecider, type UploadCommand } from '../../src/domain/upload-decider';
import type { UploadEvent } from '../../src/domain/upload-events';
import { at, multipart, single } from '../support/upload-fixtures';

const given = DeciderSpecification.for(uploadDecider);

const initiated = (data = single): UploadEvent => ({ type: 'UploadInitiated', data });
const completed: UploadEvent = {
  type: 'UploadCompleted',
  data: {
    uploadId: single.uploadId,
    key: single.key,
    filename: 'clip.mp4',
    contentType: 'video/mp4',
    size: 1000,
    profile: 'default',
  },
};
const complete = (observed: { size: number; sha256?: string } | null, seconds = 60): UploadCommand => ({
  type: 'CompleteUpload',
  data: { observed, now: at(seconds) },
});

describe('Upload decider', () => {
  it('initiates a new upload', () =>
    given([]).when({ type: 'InitiateUpload', data: single }).then([initiated()]));

  it('refuses to initiate the same upload twice', () =>
    given([initiated()])
      .when({ type: 'InitiateUpload', data: single })
      .thenThrows({ code: 'UPLOAD_ALREADY_EXISTS' }));

  it('completes when storage holds exactly the declared size', () =>
    given([initiated()])
      .when(complete({ size: 1000 }))
      .then([completed]));

  it('carries the declared SHA-256 into UploadCompleted when storage has the same digest', () => {
    const sha256 = 'a'.repeat(64);
    given([initiated({ ...single, sha256 })])
      .when(complete({ size: 1000, sha256 }))
      .then([{ ...completed, data: { ...completed.data, sha256 } } as UploadEvent]);
  });

  it('refuses to complete when nothing was uploaded', () =>
    given([initiated()]).when(complete(null)).thenThrows({ code: 'UPLOAD_NOT_RECEIVED' }));

  it('refuses a size other than the declared one', () =>
    given([initiated()])
      .when(complete({ size: 999 }))
      .thenThrows({ code: 'UPLOAD_SIZE_MISMATCH' }));

  it('refuses bytes whose digest differs from the declared one, or is unknown', () => {
    const declared = given([initiated({ ...single, sha256: 'a'.repeat(64) })]);
    declared
      .when(complete({ size: 1000, sha256: 'b'.repeat(64) }))
      .thenThrows({ code: 'UPLOAD_CHECKSUM_MISMATCH' });
    declared.when(complete({ size: 1000 })).thenThrows({ code: 'UPLOAD_CHECKSUM_MISMATCH' });
  });

  it('verifies a SHA-256 given at completion when none was declared, and carries it into UploadCompleted', () => {
    const sha256 = 'c'.repeat(64);
    const atCompletion = (observed: { size: number; sha256?: string }): UploadCommand => ({
      type: 'CompleteUpload',
      data: { observed, now: at(60), sha256 },
    });
    given([initiated()])
      .when(atCompletion({ size: 1000, sha256 }))
      .then([{ ...completed, data: { ...completed.data, sha256 } } as UploadEvent]);
    given([initiated()])
      .when(atCompletion({ size: 1000, sha256: 'd'.repeat(64) }))
      .thenThrows({ code: 'UPLOAD_CHECKSUM_MISMATCH' });
  });

  it('refuses a SHA-256 given at completion that differs from the one declared at creation', () =>
    given([initiated({ ...single, sha256: 'a'.repeat(64) })])
      .when({
        type: 'CompleteUpload',
        data: { observed: { size: 1000, sha256: 'a'.repeat(64) }, now: at(60), sha256: 'b'.repeat(64) },
      })
      .thenThrows({ code: 'UPLOAD_CHECKSUM_CONFLICT' }));

  it('refuses to complete twice', () =>
    given([initiated(), completed])
      .when(complete({ size: 1000 }))
      .thenThrows({ code: 'UPLOAD_ALREADY_COMPLETED' }));

  it('refuses to complete after the deadline, even before the sweep expired it', () =>
    given([initiated()])
      .when(complete({ size: 1000 }, 3600))
      .thenThrows({ code: 'UPLOAD_EXPIRED' }));

  it('refuses to complete an unknown, expired or aborted upload', () => {
    given([])
      .when(complete({ size: 1000 }))
      .thenThrows({ code: 'UPLOAD_NOT_FOUND' });
    given([
      initiated(),
      { type: 'UploadExpired', data: { uploadId: single.uploadId, expiredAt: at(3600).toISOString() } },
    ])
      .when(complete({ size: 1000 }))
      .thenThrows({ code: 'UPLOAD_EXPIRED' });
    given([
      initiated(),
      { type: 'UploadAborted', data: { uploadId: single.uploadId, abortedAt: at(5).toISOString() } },
    ])
      .when(complete({ size: 1000 }))
      .thenThrows({ code: 'UPLOAD_ABORTED' });
  });

  it('expires a pending upload once its deadline passed, and not before', () => {
    given([initiated()])
      .when({ type: 'ExpireUpload', data: { now: at(3599) } })
      .then([]);
    given([initiated(multipart)])
      .when({ type: 'ExpireUpload', data: { now: at(3600) } })
      .then([
        { type: 'UploadExpired', data: { uploadId: multipart.uploadId, expiredAt: at(3600).toISOString() } },
      ]);
  });

  it('leaves a completed upload alone when the sweep comes late', () =>
    given([initiated(), completed])
      .when({ type: 'ExpireUpload', data: { now: at(7200) } })
      .then([]));

  it('aborts a pending upload once; aborting again changes nothing', () => {
    const aborted: UploadEvent = {
      type: 'UploadAborted',
      data: { uploadId: single.uploadId, abortedAt: at(10).toISOString() },
    };
    given([initiated()])
      .when({ type: 'AbortUpload', data: { now: at(10) } })
      .then([aborted]);
    given([initiated(), aborted])
      .when({ type: 'AbortUpload', data: { now: at(20) } })
      .then([]);
  });

  it('refuses to abort a completed upload', () =>
    given([initiated(), completed])
      .when({ type: 'AbortUpload', data: { now: at(10) } })
      .thenThrows({ code: 'UPLOAD_ALREADY_COMPLETED' }));
});

describe('Upload decider, URL ingest', () => {
  const fromUrl: UploadEvent = { type: 'UploadInitiated', data: { ...single, size: 0, source: { url: 'https://media.example.com/a.mp4' } } };
  const sha256 = 'c'.repeat(64);

  it('records progress while fetching, and nothing once the upload stopped fetching', () => {
    given([fromUrl])
      .when({ type: 'RecordFetchProgress', data: { receivedBytes: 10, totalBytes: 20, now: at(1) } })
      .then([{ type: 'UploadFetchProgressed', data: { uploadId: single.uploadId, receivedBytes: 10, totalBytes: 20, at: at(1).toISOString() } }]);
    given([fromUrl, { type: 'UploadAborted', data: { uploadId: single.uploadId, abortedAt: at(1).toISOString() } }])
      .when({ type: 'RecordFetchProgress', data: { receivedBytes: 10, now: at(2) } })
      .then([]);
  });

  it('completes with the fetched size and digest once fetched', () =>
    given([
      fromUrl,
      { type: 'UploadFetched', data: { uploadId: single.uploadId, size: 1000, sha256, contentType: 'video/mp4', fetchedAt: at(5).toISOString() } },
    ])
      .when(complete({ size: 1000, sha256 }))
      .then([{ ...completed, data: { ...completed.data, sha256 } } as UploadEvent]));

  it('refuses a client completion while fetching, and after a failure', () => {
    given([fromUrl]).when(complete({ size: 1000 })).thenThrows({ code: 'UPLOAD_FETCHING' });
    given([fromUrl, { type: 'UploadFailed', data: { uploadId: single.uploadId, code: 'SOURCE_HTTP_ERROR', reason: '404' } }])
      .when(complete({ size: 1000 }))
      .thenThrows({ code: 'UPLOAD_FAILED' });
  });

  it('fails only a fetching upload', () => {
    given([fromUrl])
      .when({ type: 'FailUpload', data: { code: 'SOURCE_TOO_LARGE', reason: 'too big', now: at(3) } })
      .then([{ type: 'UploadFailed', data: { uploadId: single.uploadId, code: 'SOURCE_TOO_LARGE', reason: 'too big' } }]);
    given([initiated()]).when({ type: 'FailUpload', data: { code: 'SOURCE_TOO_LARGE', reason: 'x', now: at(3) } }).then([]);
  });
});
