// Passes a request body through while counting it, so a PUT can never store more (or fewer) bytes
// than were signed. Failing the stream makes the storage's put fail, and the local-disk adapter only
// renames a finished temp file into place: a refused body never leaves a partial object.
import { Transform, type TransformCallback } from 'node:stream';
import { blobProblem } from '../signing/signature-errors';

export interface SizeBounds {
  /** The body must not be longer. */
  readonly max: number;
  /** When set, the body must be exactly this long (a single PUT); parts only have a maximum. */
  readonly exact?: number;
}

export class BoundedBody extends Transform {
  private received = 0;

  constructor(private readonly bounds: SizeBounds) {
    super();
  }

  get bytes(): number {
    return this.received;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.bounds.max) {
      callback(
        blobProblem('BLOB_BODY_TOO_LARGE', `the body exceeds the signed size of ${this.bounds.max} bytes`),
      );
      return;
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const { exact } = this.bounds;
    if (exact !== undefined && this.received !== exact) {
      callback(
        blobProblem(
          'BLOB_BODY_INCOMPLETE',
          `the body has ${this.received} bytes; the URL was signed for ${exact}`,
        ),
      );
      return;
    }
    callback();
  }
}

/** Refuses before reading when the announced Content-Length already breaks the bounds. */
export const checkAnnouncedLength = (header: string | undefined, bounds: SizeBounds): void => {
  if (header === undefined) return;
  const announced = Number(header);
  if (!Number.isSafeInteger(announced) || announced < 0) return; // node's parser already refused those
  if (announced > bounds.max)
    throw blobProblem(
      'BLOB_BODY_TOO_LARGE',
      `Content-Length ${announced} exceeds the signed size of ${bounds.max} bytes`,
    );
  if (bounds.exact !== undefined && announced !== bounds.exact) {
    throw blobProblem(
      'BLOB_BODY_INCOMPLETE',
      `Content-Length ${announced} differs from the signed size of ${bounds.exact} bytes`,
    );
  }
};
