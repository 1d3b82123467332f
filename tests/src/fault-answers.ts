// What DynamoDB, SQS, EventBridge and S3 answer when they throttle or fail: the status, headers and
// body each service sends, so the SDK client parses a fault into the exception it throws for the real one.
export type FaultService = 'dynamodb' | 'sqs' | 'events' | 's3';
export type FaultKind = 'throttle' | '500' | '503' | 'slow';

export interface FaultAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const JSON_CONTENT_TYPE: Readonly<Record<Exclude<FaultService, 's3'>, string>> = {
  dynamodb: 'application/x-amz-json-1.0',
  sqs: 'application/x-amz-json-1.0',
  events: 'application/x-amz-json-1.1',
};

/** The `__type` each JSON service sends; SQS (JSON with query compatibility) also names the query code. */
const jsonError = (
  service: Exclude<FaultService, 's3'>,
  status: number,
  type: string,
  message: string,
  requestId: string,
): FaultAnswer => ({
  status,
  headers: {
    'content-type': JSON_CONTENT_TYPE[service],
    'x-amzn-requestid': requestId,
    ...(service === 'sqs' && {
      'x-amzn-query-error': `${type.split('#').pop()};${status < 500 ? 'Sender' : 'Receiver'}`,
    }),
  },
  body: JSON.stringify({ __type: type, message }),
});

const s3Error = (status: number, code: string, message: string, requestId: string): FaultAnswer => ({
  status,
  headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId, 'x-amz-id-2': requestId },
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId><HostId>${requestId}</HostId></Error>`,
});

/**
 * The answer AWS gives for a fault of `kind` (not `slow`). `variant` picks between DynamoDB's two
 * throttling errors (ThrottlingException, ProvisionedThroughputExceededException).
 */
export const faultAnswer = (
  service: FaultService,
  kind: Exclude<FaultKind, 'slow'>,
  requestId: string,
  variant = 0,
): FaultAnswer => {
  if (service === 's3') {
    if (kind === 'throttle') return s3Error(503, 'SlowDown', 'Please reduce your request rate.', requestId);
    if (kind === '500')
      return s3Error(500, 'InternalError', 'We encountered an internal error. Please try again.', requestId);
    return s3Error(503, 'ServiceUnavailable', 'Service is unable to handle request.', requestId);
  }
  if (service === 'dynamodb') {
    if (kind === 'throttle')
      return variant % 2 === 0
        ? jsonError(
            service,
            400,
            'com.amazonaws.dynamodb.v20120810#ThrottlingException',
            'Rate of requests exceeds the allowed throughput.',
            requestId,
          )
        : jsonError(
            service,
            400,
            'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
            'The level of configured provisioned throughput for the table was exceeded.',
            requestId,
          );
    if (kind === '500')
      return jsonError(
        service,
        500,
        'com.amazonaws.dynamodb.v20120810#InternalServerError',
        'Internal server error',
        requestId,
      );
    return jsonError(
      service,
      503,
      'com.amazonaws.dynamodb.v20120810#ServiceUnavailable',
      'Service unavailable',
      requestId,
    );
  }
  if (kind === 'throttle')
    return jsonError(
      service,
      400,
      'com.amazon.coral.availability#ThrottlingException',
      'Rate exceeded',
      requestId,
    );
  if (kind === '500')
    return jsonError(
      service,
      500,
      'com.amazon.coral.service#InternalFailure',
      'The request processing has failed because of an unknown error.',
      requestId,
    );
  return jsonError(
    service,
    503,
    'com.amazon.coral.availability#ServiceUnavailableException',
    'Service is unavailable.',
    requestId,
  );
};
