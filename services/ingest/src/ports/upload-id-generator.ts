// New upload ids (server-generated, time-ordered); tests pass a deterministic one.
export interface UploadIdGenerator {
  next(): string;
}
