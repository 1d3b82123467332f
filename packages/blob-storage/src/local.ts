// @mediaflow/blob-storage/local: blobs as files under one folder, with URLs signed by the embedded server.
export { LocalDiskBlobStorage, type LocalStaging } from './adapters/local-disk-blob-storage';
