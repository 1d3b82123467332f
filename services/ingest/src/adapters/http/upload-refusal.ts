// The schema of POST /v1/uploads holds the upload policy (allow-list, size limit, profiles, filename
// rules), so it refuses first; this names the domain's own refusal of such a request, so clients keep
// the stable codes (FILENAME_INVALID, CONTENT_TYPE_NOT_ALLOWED 415, UPLOAD_TOO_LARGE 413,
// PROFILE_UNKNOWN) and their messages. Issues the domain does not judge stay VALIDATION_FAILED.
import type { ProblemIssue } from '@mediaflow/http';
import { sanitiseFilename } from '../../domain/filename';
import { checkSourceUrl, type SourceAddressPolicy } from '../../domain/source-url';
import { checkUploadRequest, resolveProfile, type UploadPolicy } from '../../domain/upload-policy';

const DOMAIN_JUDGED: Record<string, readonly string[]> = {
  filename: ['invalid_format', 'custom'],
  contentType: ['invalid_format'],
  size: ['too_big'],
  profile: ['invalid_value'],
  sourceUrl: ['invalid_format'],
};

const judgedByDomain = (issue: ProblemIssue): boolean =>
  issue.in === 'body' && (DOMAIN_JUDGED[issue.path]?.includes(issue.code ?? '') ?? false);

type Body = { sourceUrl?: string; filename?: string; contentType?: string; size?: number; profile?: string };

export const uploadRefusal =
  (policy: UploadPolicy, sources: SourceAddressPolicy) =>
  (raw: { body: unknown }, issues: ProblemIssue[]): unknown => {
    if (!issues.every(judgedByDomain)) return undefined;
    const body = raw.body as Body;
    // A URL ingest's refused source keeps its own code (SOURCE_ADDRESS_LOOPBACK / _INTERNAL, SOURCE_URL_INVALID).
    if (typeof body.sourceUrl === 'string') checkSourceUrl(body.sourceUrl, sources);
    if (typeof body.filename === 'string') sanitiseFilename(body.filename);
    if (typeof body.contentType === 'string' && typeof body.size === 'number')
      checkUploadRequest(policy, { contentType: body.contentType, size: body.size, ...(body.profile !== undefined && { profile: body.profile }) });
    else if (typeof body.contentType === 'string' && typeof body.sourceUrl === 'string')
      checkUploadRequest(policy, { contentType: body.contentType, size: 1 }); // a URL ingest declares no size
    if (typeof body.profile === 'string') resolveProfile(policy, body.profile);
    return undefined;
  };
