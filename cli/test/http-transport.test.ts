// The CLI's node:http transport against real local servers: redirects followed as fetch did (method,
// body and token kept or dropped by the same rules), a streamed body never sent twice.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { httpRequest } from '../src/http-transport';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly body: string;
  readonly authorization: string | undefined;
}

const startServer = async (answer: (req: http.IncomingMessage, res: http.ServerResponse) => void) => {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', body, authorization: req.headers.authorization });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise((resolve) => server.close(resolve)) };
};

describe('http transport', () => {
  let elsewhere: Awaited<ReturnType<typeof startServer>>;
  let api: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    elsewhere = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"there":true}'));
    api = await startServer((req, res) => {
      const to = (status: number, location: string) => res.writeHead(status, { location }).end();
      if (req.url === '/kept') return to(308, '/final');
      if (req.url === '/see-other') return to(303, '/final');
      if (req.url === '/away') return to(307, `${elsewhere.url}/there`);
      if (req.url === '/loop') return to(307, '/loop');
      res.writeHead(201, { etag: '"e1"' }).end('{"ok":true}');
    });
  });
  afterAll(async () => {
    await api.close();
    await elsewhere.close();
  });
  beforeEach(() => {
    api.seen.length = 0;
    elsewhere.seen.length = 0;
  });

  const post = (path: string) =>
    httpRequest(`${api.url}${path}`, {
      method: 'POST',
      headers: { authorization: 'Bearer t0k', 'content-type': 'application/json' },
      body: '{"a":1}',
    });

  it('answers with the status, the headers and the body', async () => {
    const answer = await post('/final');
    expect([answer.status, answer.headers.etag, await answer.text()]).toEqual([201, '"e1"', '{"ok":true}']);
    expect(api.seen).toEqual([{ method: 'POST', url: '/final', body: '{"a":1}', authorization: 'Bearer t0k' }]);
  });

  it('follows a 308 with the same method and body, and a 303 as a GET without one', async () => {
    expect((await post('/kept')).status).toBe(201);
    expect((await post('/see-other')).status).toBe(201);
    expect(api.seen.map(({ method, url, body }) => [method, url, body])).toEqual([
      ['POST', '/kept', '{"a":1}'],
      ['POST', '/final', '{"a":1}'],
      ['POST', '/see-other', '{"a":1}'],
      ['GET', '/final', ''],
    ]);
  });

  it('does not hand the token to another origin, and stops after 5 redirects', async () => {
    const away = await post('/away');
    expect(await away.text()).toBe('{"there":true}');
    expect(elsewhere.seen).toEqual([{ method: 'POST', url: '/there', body: '{"a":1}', authorization: undefined }]);
    const loop = await post('/loop');
    expect(loop.status).toBe(307);
    expect(api.seen.filter((s) => s.url === '/loop')).toHaveLength(6);
  });

  it('never sends a streamed body twice: a redirect answering it is the answer', async () => {
    const answer = await httpRequest(`${api.url}/kept`, {
      method: 'PUT',
      headers: { 'content-length': '5' },
      body: Readable.from([Buffer.from('bytes')]),
    });
    expect([answer.status, answer.headers.location]).toEqual([308, '/final']);
    expect(api.seen).toEqual([{ method: 'PUT', url: '/kept', body: 'bytes', authorization: undefined }]);
  });
});
