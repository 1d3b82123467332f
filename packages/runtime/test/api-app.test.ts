// The api process on AWS, as the load balancer and a browser on the web UI's origin see it: the
// health check without a token, CORS for the origins of MEDIAFLOW_CORS_ORIGINS only, and the
// service's own OpenAPI document at the path the load balancer routes to it, and the events' catalog.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { route, startHttpServer, type HttpServerHandle } from '@mediaflow/http';
import { z } from 'zod';
import { registeredEvents } from '@mediaflow/contracts';
import { createLogger } from '@mediaflow/logging';
import { createApiApp, type ServiceInstance } from '../src';

const instance: ServiceInstance = { service: 'jobs', routers: [], start: async () => undefined, stop: async () => undefined };
const AUTH = { MEDIAFLOW_JWT_SECRET: 'a-test-secret-of-at-least-thirty-two-bytes' };
const logger = createLogger('api-app-test');
logger.setLogLevel('SILENT');

const get = (url: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    })
      .on('error', reject)
      .end();
  });

const serve = async (env: Record<string, string>, run: (server: HttpServerHandle) => Promise<void>, served = instance) => {
  const server = await startHttpServer(createApiApp(served, logger, env), { port: 0, host: '127.0.0.1' });
  try {
    await run(server);
  } finally {
    await server.close();
  }
};

describe('the api process app', () => {
  it('allows the origins of MEDIAFLOW_CORS_ORIGINS, and no other', async () => {
    await serve({ ...AUTH, MEDIAFLOW_CORS_ORIGINS: 'https://d111111abcdef8.cloudfront.net, https://app.example.com' }, async (server) => {
      const allowed = await get(`${server.url}/health`, { origin: 'https://d111111abcdef8.cloudfront.net' });
      expect(allowed).toMatchObject({ status: 200, headers: { 'access-control-allow-origin': 'https://d111111abcdef8.cloudfront.net' } });
      const other = await get(`${server.url}/health`, { origin: 'https://evil.example' });
      expect(other.status).toBe(200);
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  it('sends no CORS headers when the variable is unset or empty', async () => {
    for (const env of [AUTH, { ...AUTH, MEDIAFLOW_CORS_ORIGINS: ' ' }]) {
      await serve(env, async (server) => {
        const res = await get(`${server.url}/health`, { origin: 'https://app.example.com' });
        expect(res.status).toBe(200);
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      });
    }
  });

  it('refuses to start with an origin a browser could never send, naming the variable', () => {
    expect(() => createApiApp(instance, logger, { ...AUTH, MEDIAFLOW_CORS_ORIGINS: 'app.example.com' })).toThrow(/MEDIAFLOW_CORS_ORIGINS/);
  });

  it('serves its OpenAPI document at /openapi/<its service>.json too, cross-origin, hand-written paths included', async () => {
    const notifications: ServiceInstance = {
      service: 'notifications',
      routers: [
        {
          service: 'notifications',
          basePath: '/v1',
          routes: [route({ method: 'get', path: '/webhooks', summary: 'List webhooks', auth: 'owner', responses: { 200: z.array(z.string()) }, handler: async () => [] })],
          documentation: { '/v1/events': { get: { summary: 'Live job events (SSE)', responses: { 200: { description: 'text/event-stream' } } } } },
        },
      ],
      start: async () => undefined,
      stop: async () => undefined,
    };
    const ui = 'https://app.example.com';
    await serve(
      { ...AUTH, MEDIAFLOW_CORS_ORIGINS: ui },
      async (server) => {
        const own = await get(`${server.url}/openapi/notifications.json`, { origin: ui });
        expect(own).toMatchObject({ status: 200, headers: { 'content-type': expect.stringMatching(/^application\/json/), 'access-control-allow-origin': ui } });
        expect(own.body).toBe((await get(`${server.url}/openapi.json`)).body);
        const document = JSON.parse(own.body);
        expect(document.info.title).toBe('mediaflow notifications');
        expect(Object.keys(document.paths).sort()).toEqual(['/v1/events', '/v1/webhooks']);
        expect((await get(`${server.url}/openapi/jobs.json`)).status).toBe(404);
      },
      notifications,
    );
  });

  it('serves the AsyncAPI catalog of every registered event at /asyncapi.json, without a token', async () => {
    await serve(AUTH, async (server) => {
      const res = await get(`${server.url}/asyncapi.json`);
      expect(res).toMatchObject({ status: 200, headers: { 'content-type': expect.stringMatching(/^application\/json/) } });
      const catalog = JSON.parse(res.body);
      expect(catalog.asyncapi).toBe('3.0.0');
      expect(Object.keys(catalog.components.messages).sort()).toEqual(registeredEvents().map((e) => e.schemaId).sort());
      expect(catalog.components.messages['JobCompleted.v1']).toMatchObject({ 'x-eventbridge-source': 'mediaflow.jobs', 'x-eventbridge-detail-type': 'JobCompleted' });
    });
  });
});
