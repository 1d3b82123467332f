// The api process on AWS, as the load balancer and a browser on the web UI's origin see it: the
// health check without a token, and CORS for the origins of MEDIAFLOW_CORS_ORIGINS only.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { startHttpServer, type HttpServerHandle } from '@mediaflow/http';
import { createLogger } from '@mediaflow/logging';
import { createApiApp, type ServiceInstance } from '../src';

const instance: ServiceInstance = { service: 'jobs', routers: [], start: async () => undefined, stop: async () => undefined };
const AUTH = { MEDIAFLOW_JWT_SECRET: 'a-test-secret-of-at-least-thirty-two-bytes' };
const logger = createLogger('api-app-test');
logger.setLogLevel('SILENT');

const get = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: IncomingHttpHeaders }>((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    })
      .on('error', reject)
      .end();
  });

const serve = async (env: Record<string, string>, run: (server: HttpServerHandle) => Promise<void>) => {
  const server = await startHttpServer(createApiApp(instance, logger, env), { port: 0, host: '127.0.0.1' });
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
});
