// `npm run secrets:rotate` on a real embedded deployment: a token and an upload URL handed out before
// the rotation keep working after the restart (the new secrets sign, the old ones are still accepted),
// and `npm run secrets:rotate -- --finish` ends that: the old token is refused.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEmbeddedSettings, startAllInOne, type RunningDeployment } from '@mediaflow/embedded';
import { issueDevelopmentToken } from '@mediaflow/http';
import { createLogger } from '@mediaflow/logging';
import { ApiClient } from '../src/api-client';

process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'ERROR';
const root = path.resolve(__dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-rotation-'));
const environment: NodeJS.ProcessEnv = { ...process.env, MEDIAFLOW_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'ERROR' };
delete environment.MEDIAFLOW_JWT_SECRET;
delete environment.MEDIAFLOW_URL_SIGNING_SECRET;

const start = () => startAllInOne(loadEmbeddedSettings(environment), createLogger('rotation-test'), environment);
// The command as the README gives it, from the repository root.
const rotate = (...args: string[]) =>
  execFileSync('npm', ['run', '--silent', 'secrets:rotate', '--', ...args], { cwd: root, env: environment, encoding: 'utf8' });

describe('embedded secret rotation', () => {
  let deployment: RunningDeployment | undefined;
  afterAll(async () => {
    await deployment?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps tokens and upload URLs issued before a rotation working until the rotation is finished', async () => {
    deployment = await start();
    const oldToken = await issueDevelopmentToken({ secret: deployment.secrets.jwt, sub: 'owner-a', ttlSeconds: 600 });
    const bytes = Buffer.from('bytes signed for before the rotation');
    const ticket = await new ApiClient(deployment.url, oldToken).call('POST', '/v1/uploads', {
      filename: 'a.mp4',
      contentType: 'video/mp4',
      size: bytes.length,
    });
    expect(ticket.status).toBe(201);
    const before = deployment.secrets;
    await deployment.stop();

    rotate();
    deployment = await start();
    expect(deployment.secrets.jwt).not.toBe(before.jwt);
    expect(deployment.secrets.urlSigning).not.toBe(before.urlSigning);
    expect({ previousJwt: deployment.secrets.previousJwt, previousUrlSigning: deployment.secrets.previousUrlSigning }).toEqual({
      previousJwt: before.jwt,
      previousUrlSigning: before.urlSigning,
    });
    const oldClient = new ApiClient(deployment.url, oldToken);
    expect((await oldClient.call('GET', '/v1/jobs')).status).toBe(200);
    // The URL was signed for the old port; the path and query are what the signature covers.
    const signed = new URL(ticket.body.url as string);
    const put = await fetch(`${deployment.url}${signed.pathname}${signed.search}`, {
      method: 'PUT',
      headers: ticket.body.headers as Record<string, string>,
      body: bytes,
    });
    expect(put.status).toBe(200);
    const newToken = await issueDevelopmentToken({ secret: deployment.secrets.jwt, sub: 'owner-a', ttlSeconds: 600 });
    expect((await new ApiClient(deployment.url, newToken).call('GET', '/v1/jobs')).status).toBe(200);
    await deployment.stop();

    rotate('--finish');
    deployment = await start();
    expect(deployment.secrets.previousJwt).toBeUndefined();
    const refused = await new ApiClient(deployment.url, oldToken).call('GET', '/v1/jobs');
    expect([refused.status, refused.body.code]).toEqual([401, 'TOKEN_INVALID']);
    expect((await new ApiClient(deployment.url, newToken).call('GET', '/v1/jobs')).status).toBe(200);
    // The file keeps its mode: only the owner reads the secrets.
    expect(fs.statSync(path.join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
  }, 60_000);
});
