// Every failure answers application/problem+json with a stable code, the instance and the correlation id.
import request from 'supertest';
import { createTokenVerifier, registerProblemCodes, ProblemCodeConflict, ProblemDetailsSchema } from '../src';
import { captureLogs, type CapturedLogs } from './support/capture-logs';
import { bearer, hsToken, SECRET } from './support/tokens';
import { makeApp } from './support/uploads-fixture';

const app = makeApp(createTokenVerifier({ kind: 'hs256', secret: SECRET, adminClaim: 'roles' }));
let logs: CapturedLogs;
let auth: Record<string, string>;

beforeAll(async () => {
  auth = bearer(await hsToken());
});
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

const expectProblem = (res: request.Response, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(ProblemDetailsSchema.parse(res.body)).toMatchObject({ status, code, correlationId: res.headers['x-correlation-id'] });
  expect(res.body.type).toBe(`urn:mediaflow:problem:${code.toLowerCase().replace(/_/g, '-')}`);
};

describe('problem+json answers', () => {
  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await request(app).post('/v1/uploads').set(auth).set('content-type', 'application/json').send('{"filename": ');
    expectProblem(res, 400, 'MALFORMED_JSON');
    expect(res.body.instance).toBe('/v1/uploads');
  });

  it('answers a body over the limit with 413 BODY_TOO_LARGE', async () => {
    const res = await request(app).post('/v1/uploads').set(auth).send({ filename: 'x'.repeat(2048), contentType: 'video/mp4', size: 1 });
    expectProblem(res, 413, 'BODY_TOO_LARGE');
    expect(res.body.detail).toContain('1024 bytes');
  });

  it('answers a non-JSON body on a JSON route with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await request(app).post('/v1/uploads').set(auth).set('content-type', 'text/plain').send('filename=a');
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('lists every validation issue with where it is and its path', async () => {
    const res = await request(app)
      .post('/v1/uploads')
      .set(auth)
      .send({ filename: '', contentType: 'video/mp4', size: -1, parts: [{ size: 5 }, { size: 0 }] });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'body', path: 'filename', code: 'too_small' }),
        expect.objectContaining({ in: 'body', path: 'size' }),
        expect.objectContaining({ in: 'body', path: 'parts.1.size' }),
      ]),
    );
    expect(res.body.errors).toHaveLength(3);
  });

  it('validates params and query too, and says a missing body is missing', async () => {
    const params = await request(app).get('/v1/uploads/not-an-id').set(auth);
    expectProblem(params, 400, 'VALIDATION_FAILED');
    expect(params.body.errors).toEqual([expect.objectContaining({ in: 'params', path: 'uploadId' })]);

    const query = await request(app).get('/v1/uploads?limit=500&status=lost').set(auth);
    expect(query.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['limit', 'status']);

    const noBody = await request(app).post('/v1/uploads').set(auth);
    expect(noBody.body.errors).toEqual([expect.objectContaining({ in: 'body', path: '' })]);
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND and a known path with the wrong method with 405', async () => {
    const unknown = await request(app).get('/v1/nothing-here?token=abc');
    expectProblem(unknown, 404, 'ROUTE_NOT_FOUND');
    expect(unknown.body.instance).toBe('/v1/nothing-here');

    const wrongMethod = await request(app).patch('/v1/uploads/up_1').set(auth);
    expectProblem(wrongMethod, 405, 'METHOD_NOT_ALLOWED');
    expect(wrongMethod.headers['allow']).toBe('DELETE, GET, HEAD');
  });

  it('answers an unknown error with 500 INTERNAL, leaking nothing, and logs it with its stack', async () => {
    const res = await request(app).get('/boom').set('x-correlation-id', 'req-boom-1');
    expectProblem(res, 500, 'INTERNAL');
    expect(JSON.stringify(res.body)).not.toMatch(/hunter2|10\.0\.0\.5|db:\/\/|stack/);
    const logged = logs.lines.find((l) => l.message === 'unhandled error');
    expect(logged).toMatchObject({ level: 'ERROR', correlationId: 'req-boom-1' });
    expect(JSON.stringify(logged)).toContain('hunter2'); // the operator sees the cause
    expect((logged?.error as { stack?: string }).stack).toContain('uploads-fixture');
  });

  it('maps a domain error by its registered code, and a typed HttpProblem by its own status', async () => {
    const missing = await request(app).get('/v1/uploads/up_missing').set(auth);
    expectProblem(missing, 404, 'UPLOAD_NOT_FOUND');
    expect(missing.body).toMatchObject({ title: 'Upload not found', detail: 'upload up_missing not found' });

    const done = await request(app).post('/v1/uploads/up_done/complete').set(auth);
    expectProblem(done, 409, 'UPLOAD_ALREADY_COMPLETED');
    expect(done.body.title).toBe('Upload already completed');

    expectProblem(await request(app).get('/teapot'), 418, 'TEAPOT');
  });

  it('answers 500 when a handler breaks its declared response schema', async () => {
    expectProblem(await request(app).get('/broken-contract'), 500, 'INTERNAL');
    expect(logs.lines.some((l) => String((l.error as { message?: string })?.message).includes('breaks its schema'))).toBe(true);
  });

  it('refuses to register a code again with another status', () => {
    expect(() => registerProblemCodes({ UPLOAD_NOT_FOUND: 410 })).toThrow(ProblemCodeConflict);
    expect(() => registerProblemCodes({ UPLOAD_NOT_FOUND: 404 })).not.toThrow();
    expect(() => registerProblemCodes({ 'bad-code': 400 })).toThrow(/UPPER_SNAKE_CASE/);
  });
});

describe('successful answers', () => {
  it('strips fields the response schema does not name and uses the first declared 2xx', async () => {
    const res = await request(app).post('/v1/uploads').set(auth).send({ filename: 'a.mp4', contentType: 'video/mp4', size: 10 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ uploadId: 'up_1', ownerId: 'owner-1', filename: 'a.mp4', size: 10 });
  });

  it('sends a Reply with its status and headers, and coerced query values', async () => {
    const done = await request(app).post('/v1/uploads/up_2/complete').set(auth);
    expect(done.status).toBe(202);
    expect(done.headers['location']).toBe('/v1/uploads/up_2');
    expect((await request(app).get('/v1/uploads?limit=5').set(auth)).body).toEqual({ items: [], limit: 5 });
    expect((await request(app).delete('/v1/uploads/up_2').set(auth)).status).toBe(204);
  });

  it('leaves a raw handler its request stream, even with a JSON content type', async () => {
    const payload = JSON.stringify({ big: 'y'.repeat(4096) }); // over the JSON limit: not parsed here
    const res = await request(app).put('/v1/uploads/up_1/bytes').set(auth).set('content-type', 'application/json').send(payload);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ bytes: Buffer.byteLength(payload) });
  });
});
