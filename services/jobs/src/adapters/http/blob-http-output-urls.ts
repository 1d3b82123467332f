// OutputUrls on @mediaflow/blob-http's signed prefixes: one token covers a job's whole output tree,
// so an HLS master's relative playlists and segments load with no per-file signing. The same URLs
// work in both modes: embedded the blob router serves the bytes, on AWS it redirects to S3.
import type { BlobUrlSigner } from '@mediaflow/blob-http';
import type { OutputUrls, SignedPrefix } from '../../ports/output-urls';

/** The bucket name the blob routers know the outputs storage by. */
const OUTPUTS_BUCKET = 'outputs';

export class BlobHttpOutputUrls implements OutputUrls {
  constructor(
    private readonly signer: Pick<BlobUrlSigner, 'signPrefix'>,
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async forPrefix(outputPrefix: string): Promise<SignedPrefix> {
    // Same arithmetic as the signer, so the reported expiry is the one inside the token.
    const expiresAt = new Date((Math.floor(this.now() / 1000) + this.ttlSeconds) * 1000).toISOString();
    return { base: this.signer.signPrefix(OUTPUTS_BUCKET, outputPrefix, this.ttlSeconds), expiresAt };
  }
}
