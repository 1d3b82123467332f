// CloudFront in front of the UI's private bucket: read through Origin Access Control (SigV4), HTTPS
// only, compressed, the object's own Cache-Control honoured (a year for hashed assets, revalidation
// for the rest), security headers on every answer, and the single-page-app fallback: a path with no
// object (S3 answers 403 without ListBucket, 404 with it) gets index.html with 200, and the client
// router takes it from there. Standard access logs go to the stack's log bucket; a WAF web ACL (in
// us-east-1, CloudFront's region) screens requests unless MEDIAFLOW_WAF=off.
import { CloudfrontCachePolicy } from '@cdktf/provider-aws/lib/cloudfront-cache-policy';
import { CloudfrontDistribution, type CloudfrontDistributionViewerCertificate } from '@cdktf/provider-aws/lib/cloudfront-distribution';
import { CloudfrontOriginAccessControl } from '@cdktf/provider-aws/lib/cloudfront-origin-access-control';
import { CloudfrontResponseHeadersPolicy } from '@cdktf/provider-aws/lib/cloudfront-response-headers-policy';
import { Construct } from 'constructs';
import { webNames } from '../naming/infra-names';
import type { WebSettings } from '../settings';
import { REFERRER_POLICY } from '@mediaflow/web/security-headers';

interface WebDistributionProps {
  readonly env: string;
  readonly bucketRegionalDomainName: string;
  readonly contentSecurityPolicy: string;
  readonly web: WebSettings;
  /** The log bucket's regional domain name (`<bucket>.s3.<region>.amazonaws.com`). */
  readonly logsBucketDomainName: string;
  readonly logsPrefix: string;
  /** ARN of the CLOUDFRONT-scoped web ACL, when there is one. */
  readonly webAclArn?: string;
}

const ORIGIN_ID = 'web-bucket';
const INDEX = 'index.html';
const ONE_YEAR = 31_536_000;
const TWO_YEARS = 2 * ONE_YEAR;

const viewerCertificate = (web: WebSettings): CloudfrontDistributionViewerCertificate =>
  web.domain && web.certificateArn
    ? { acmCertificateArn: web.certificateArn, sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' }
    : { cloudfrontDefaultCertificate: true };

export class WebDistribution extends Construct {
  readonly distribution: CloudfrontDistribution;
  /** https://<domain>, or https://<id>.cloudfront.net without one. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebDistributionProps) {
    super(scope, id);
    const names = webNames(props.env);
    const originAccess = new CloudfrontOriginAccessControl(this, 'origin-access', {
      name: names.originAccessControl,
      description: `mediaflow ${props.env} web UI: CloudFront reads the bucket, nobody else`,
      originAccessControlOriginType: 's3',
      signingBehavior: 'always',
      signingProtocol: 'sigv4',
    });
    // Nothing varies by cookie, header or query: one cached copy per path. min 0 lets `no-cache` through.
    const cachePolicy = new CloudfrontCachePolicy(this, 'cache', {
      name: names.cachePolicy,
      comment: 'mediaflow web UI: the object Cache-Control decides',
      minTtl: 0,
      defaultTtl: 86_400,
      maxTtl: ONE_YEAR,
      parametersInCacheKeyAndForwardedToOrigin: {
        enableAcceptEncodingGzip: true,
        enableAcceptEncodingBrotli: true,
        cookiesConfig: { cookieBehavior: 'none' },
        headersConfig: { headerBehavior: 'none' },
        queryStringsConfig: { queryStringBehavior: 'none' },
      },
    });
    const headers = new CloudfrontResponseHeadersPolicy(this, 'headers', {
      name: names.responseHeadersPolicy,
      comment: 'mediaflow web UI: HSTS, CSP, nosniff, no framing, referrer policy',
      securityHeadersConfig: {
        strictTransportSecurity: { accessControlMaxAgeSec: TWO_YEARS, includeSubdomains: true, preload: false, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: 'DENY', override: true },
        referrerPolicy: { referrerPolicy: REFERRER_POLICY, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: props.contentSecurityPolicy, override: true },
      },
    });

    this.distribution = new CloudfrontDistribution(this, 'distribution', {
      comment: `mediaflow ${props.env} web UI`,
      enabled: true,
      isIpv6Enabled: true,
      httpVersion: 'http2and3',
      // North America and Europe edges: the cheapest class; widen it for users elsewhere.
      priceClass: 'PriceClass_100',
      defaultRootObject: INDEX,
      ...(props.web.domain ? { aliases: [props.web.domain] } : {}),
      origin: [{ originId: ORIGIN_ID, domainName: props.bucketRegionalDomainName, originAccessControlId: originAccess.id }],
      defaultCacheBehavior: {
        targetOriginId: ORIGIN_ID,
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: ['GET', 'HEAD'],
        cachedMethods: ['GET', 'HEAD'],
        compress: true,
        cachePolicyId: cachePolicy.id,
        responseHeadersPolicyId: headers.id,
      },
      // Error answers are not cached: after a deploy a deep link gets the new index.html at once.
      customErrorResponse: [403, 404].map((errorCode) => ({ errorCode, responseCode: 200, responsePagePath: `/${INDEX}`, errorCachingMinTtl: 0 })),
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      viewerCertificate: viewerCertificate(props.web),
      loggingConfig: { bucket: props.logsBucketDomainName, prefix: props.logsPrefix, includeCookies: false },
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });
    this.url = props.web.domain ? `https://${props.web.domain}` : `https://${this.distribution.domainName}`;
  }
}
