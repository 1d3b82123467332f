// `mediaflow upload --url URL`: the server fetches the file itself. Declares the URL, follows the
// fetch's progress on the upload resource, and answers the upload and job ids once it completed, or
// the fetch's SOURCE_* code and reason when it failed.
import type { MediaflowApi } from '../api-client';
import type { UploadResource } from '../api-types';
import { CliError } from '../cli-errors';
import { formatBytes } from '../format';
import { ProgressBar } from '../progress-bar';

const POLL_MS = 500;

export const uploadFromUrl = async (
  api: MediaflowApi,
  stderr: ConstructorParameters<typeof ProgressBar>[0],
  note: (line: string) => void,
  request: { readonly sourceUrl: string; readonly profile?: string; readonly contentType?: string },
): Promise<{ uploadId: string; jobId: string }> => {
  const created = (await api.call<UploadResource>('POST', '/v1/uploads', request, [202])).body;
  note(`upload ${created.uploadId}: fetching ${request.sourceUrl}`);
  const bar = new ProgressBar(stderr);
  const resource = `/v1/uploads/${encodeURIComponent(created.uploadId)}`;
  for (let upload = created; ; upload = await api.get<UploadResource>(resource)) {
    if (upload.status === 'completed' && upload.jobId) {
      bar.finish();
      return { uploadId: upload.uploadId, jobId: upload.jobId };
    }
    if (upload.status === 'failed' || upload.status === 'expired' || upload.status === 'aborted') {
      bar.finish();
      const why = upload.failure ? `${upload.failure.code}: ${upload.failure.reason}` : upload.status;
      throw new CliError(`upload ${upload.uploadId} ${upload.status === 'failed' ? 'failed' : upload.status} (${why})`);
    }
    const { receivedBytes = 0, totalBytes } = upload.fetch ?? {};
    bar.update({
      label: 'fetching',
      ...(totalBytes !== undefined && totalBytes > 0 && { percent: (receivedBytes / totalBytes) * 100 }),
      detail: totalBytes !== undefined ? `${formatBytes(receivedBytes)} / ${formatBytes(totalBytes)}` : formatBytes(receivedBytes),
    });
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
};
