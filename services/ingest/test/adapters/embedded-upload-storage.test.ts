// The UploadStorage contract on the embedded blob endpoint (real HTTP, local disk).
import { describeUploadStorageContract } from '../../src/testing/upload-storage-contract';
import { startEmbeddedBlobStorage } from '../support/embedded-blob-server';

process.env.LOG_LEVEL ??= 'WARN';

describeUploadStorageContract('embedded blob endpoint + local disk', startEmbeddedBlobStorage);
