// From application results to the API's JSON: URLs, paths and ISO dates; never the storage key.
import type { z } from 'zod';
import type { InitiatedUpload } from '../../application/initiate-upload';
import type { TransferUrls } from '../../application/presign-transfer';
import type { UploadView } from '../../application/get-upload';
import type { UploadResource, UploadTicket } from './upload-schemas';

export const uploadPath = (uploadId: string): string => `/v1/uploads/${uploadId}`;

const transferFields = (urls: TransferUrls) =>
  urls.method === 'single'
    ? { url: urls.put.url, headers: urls.put.headers, urlExpiresAt: urls.urlExpiresAt.toISOString() }
    : {
        parts: urls.parts.map((p) => ({ partNumber: p.partNumber, url: p.url })),
        partSize: urls.partSize,
        partCount: urls.parts.length,
        urlExpiresAt: urls.urlExpiresAt.toISOString(),
      };

export const ticketView = ({ upload, urls }: InitiatedUpload): z.input<typeof UploadTicket> => ({
  uploadId: upload.uploadId,
  method: upload.transfer.method,
  ...transferFields(urls),
  expiresAt: upload.expiresAt,
  completeUrl: `${uploadPath(upload.uploadId)}/complete`,
  abortUrl: `${uploadPath(upload.uploadId)}/abort`,
});

export const resourceView = (view: UploadView): z.input<typeof UploadResource> => {
  const { upload } = view;
  return {
    uploadId: upload.uploadId,
    status: view.status,
    filename: upload.filename,
    contentType: upload.contentType,
    size: upload.size,
    ...(upload.sha256 !== undefined && { sha256: upload.sha256 }),
    profile: upload.profile,
    method: upload.source ? 'url' : upload.transfer.method,
    ...(upload.source && { sourceUrl: upload.source.url }),
    ...(view.progress !== undefined && { fetch: view.progress }),
    ...(view.failure !== undefined && { failure: view.failure }),
    createdAt: upload.initiatedAt,
    updatedAt: view.updatedAt,
    expiresAt: upload.expiresAt,
    ...(view.jobId !== undefined && { jobId: view.jobId }),
    ...(view.urls !== undefined && { upload: transferFields(view.urls) }),
  };
};
