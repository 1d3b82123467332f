// Removes what an unfinished upload left in storage: the object (a PUT that was never completed) and
// any multipart parts. Failures are reported to the caller, which keeps the deadline so the sweep retries.
import type { UploadInitiatedData } from '../domain/upload-events';
import type { UploadStorage } from '../ports/upload-storage';

export const discardUploadBytes = async (
  storage: UploadStorage,
  upload: UploadInitiatedData,
): Promise<void> => {
  const { transfer, key } = upload;
  if (transfer.method === 'multipart')
    await storage.abortMultipart({ key, multipartId: transfer.multipartId });
  await storage.delete(key);
};
