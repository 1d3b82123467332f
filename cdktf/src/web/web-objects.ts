// Uploads the built UI: one S3 object per file of dist, from a copy cdktf takes into cdktf.out at
// synth (so what terraform uploads is what was hashed), each with its content type, Cache-Control
// and MD5 as ETag: a changed file is a changed plan. config.json is written here instead, with the
// API origin of this environment and the OpenAPI document of each service behind it.
import { createHash } from 'node:crypto';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import { AssetType, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { distHash, readWebDist, REVALIDATE_CACHE, WEB_CONFIG_KEY } from './web-dist';

interface WebObjectsProps {
  readonly bucket: string;
  readonly distDir: string;
  /** The API's public origin, written into config.json for the UI to read at start. */
  readonly apiUrl: string;
  /** Each service's own OpenAPI document, for the docs page's list (see WebConfig). */
  readonly openapiUrls: readonly ApiDocument[];
}

/** One entry of the docs page's list: a service and the URL of its OpenAPI document. */
export interface ApiDocument {
  readonly name: string;
  readonly url: string;
}

/** What the UI reads from /config.json (web/app/session.ts UiConfig). */
interface WebConfig {
  readonly apiUrl: string;
  readonly mode: 'static';
  /**
   * Read by the docs page (web/app/docs/docs.js): on AWS /openapi.json reaches one service, so the
   * page lists every service's own document instead. Absent (embedded): the one complete /openapi.json.
   */
  readonly openapiUrls: readonly ApiDocument[];
}

// A readable construct id per key, made unique by a short hash ("a-b.js" and "a/b.js" must not collide).
const objectId = (key: string): string => `${key.replace(/[^A-Za-z0-9]+/g, '-')}-${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;

export class WebObjects extends Construct {
  readonly objects: S3Object[];

  constructor(scope: Construct, id: string, props: WebObjectsProps) {
    super(scope, id);
    const files = readWebDist(props.distDir);
    const dist = new TerraformAsset(this, 'dist', { path: props.distDir, type: AssetType.DIRECTORY, assetHash: distHash(files) });
    this.objects = files.map(
      (file) =>
        new S3Object(this, objectId(file.key), {
          bucket: props.bucket,
          key: file.key,
          source: `${dist.path}/${file.key}`,
          etag: file.md5,
          contentType: file.contentType,
          cacheControl: file.cacheControl,
        }),
    );
    const config: WebConfig = { apiUrl: props.apiUrl, mode: 'static', openapiUrls: props.openapiUrls };
    this.objects.push(
      new S3Object(this, 'config', {
        bucket: props.bucket,
        key: WEB_CONFIG_KEY,
        content: JSON.stringify(config),
        contentType: 'application/json',
        cacheControl: REVALIDATE_CACHE,
      }),
    );
  }
}
