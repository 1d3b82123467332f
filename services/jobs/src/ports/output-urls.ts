// Turns a job's output prefix into URLs a client can fetch: one signed prefix token covers the HLS
// master, its playlists and segments (relative paths keep working), instead of a URL per file.
export interface SignedPrefix {
  /** Ends with "/": `base` + a key relative to the prefix is a fetchable URL until `expiresAt`. */
  readonly base: string;
  readonly expiresAt: string;
}

export interface OutputUrls {
  forPrefix(outputPrefix: string): Promise<SignedPrefix>;
}
