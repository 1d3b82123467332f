// Every request carries a correlation id: the caller's when it is sane, a new one otherwise; it is
// echoed, in every problem, and in the access log line.
import request from 'supertest';
import { createTokenVerifier } from '../src';
import { captureLogs, type CapturedLogs } from './support/capture-logs';
import { bearer, hsToken, SECRET } from './support/tokens';
import { makeApp } from './support/uploads-fixture';

const app = makeApp(createTokenVerifier({ kind: 'hs256', secret: SECRET, adminClaim: 'roles' }));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let logs: CapturedLogs;
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

const accessLines = () => logs.lines.filter((l) => l.message === 'http request');

describe('correlation ids', () => {
  it('echoes a sane id and logs the request with it', async () => {
    const res = await request(app).get('/v1/whoami?secret=s3cr3t').set('x-correlation-id', 'web-7f3a.2').set(bearer(await hsToken()));
    expect(res.headers['x-correlation-id']).toBe('web-7f3a.2');
    const [line] = accessLines();
    expect(line).toMatchObject({ level: 'INFO', method: 'GET', path: '/v1/whoami', status: 200, correlationId: 'web-7f3a.2', service: 'mediaflow-http-test' });
    expect(typeof line?.ms).toBe('number');
    expect(JSON.stringify(line)).not.toContain('s3cr3t');
  });

  it('generates an id when none is sent', async () => {
    const res = await request(app).get('/v1/whoami');
    expect(res.headers['x-correlation-id']).toMatch(UUID);
    expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
    expect(accessLines()[0]).toMatchObject({ status: 401, code: 'TOKEN_MISSING', correlationId: res.headers['x-correlation-id'] });
  });

  it.each([['x'.repeat(129)], ['has space'], ['tab\there'], ['path/like'], ['-starts-with-dash'], ['{"json":1}']])('replaces an unusable id %j', async (offered) => {
    const res = await request(app).get('/v1/whoami').set('x-correlation-id', offered);
    expect(res.headers['x-correlation-id']).toMatch(UUID);
  });
});
