// Typed failures of planning, and the base every media failure extends (processing's probe and
// transcode errors too), so callers branch on `code` and `retryable` with one type guard.

/** Base of every media failure: a stable code and whether trying again could succeed. */
export abstract class MediaError extends Error {
  abstract readonly code: string;
  abstract readonly retryable: boolean;
}

export const isMediaError = (error: unknown): error is MediaError => error instanceof MediaError;

/** A profile name that no profile answers to (a bad plan request, never worth retrying). */
export class UnknownProfile extends MediaError {
  readonly code = 'UNKNOWN_PROFILE';
  readonly retryable = false;
  override readonly name = 'UnknownProfile';
  constructor(
    readonly profile: string,
    known: readonly string[],
  ) {
    super(`unknown profile "${profile}" (known: ${known.join(', ')})`);
  }
}

/** The input cannot be planned (for example a video without dimensions). */
export class UnplannableMedia extends MediaError {
  readonly code = 'UNPLANNABLE_MEDIA';
  readonly retryable = false;
  override readonly name = 'UnplannableMedia';
  constructor(reason: string) {
    super(`cannot plan outputs: ${reason}`);
  }
}

export const isUnknownProfile = (error: unknown): error is UnknownProfile => error instanceof UnknownProfile;
export const isUnplannableMedia = (error: unknown): error is UnplannableMedia =>
  error instanceof UnplannableMedia;

/** A probe lacks something the MediaProbed contract requires (e.g. the size): a bug or a broken source, not transient. */
export class IncompleteMediaInfo extends MediaError {
  readonly code = 'MEDIA_INFO_INCOMPLETE';
  readonly retryable = false;
  override readonly name = 'IncompleteMediaInfo';
  constructor(readonly missing: string) {
    super(`the media info lacks ${missing}`);
  }
}
