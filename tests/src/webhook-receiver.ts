// A webhook endpoint on 127.0.0.1 that verifies every delivery's signature independently, from the
// Standard Webhooks spec: v1 = base64(HMAC-SHA256(base64-decoded secret, "{id}.{timestamp}.{body}")).
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  id: string;
  timestamp: number;
  type: string;
  body: any;
  signatureValid: boolean;
}

export const verifyStandardWebhook = (secret: string, id: string, timestamp: string, body: string, header: string): boolean => {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = crypto.createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return header.split(' ').some((sig) => {
    const [version, value] = sig.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
};

export const startWebhookReceiver = async () => {
  const deliveries: ReceivedDelivery[] = [];
  let secret = '';
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const id = String(req.headers['webhook-id'] ?? '');
      const timestamp = String(req.headers['webhook-timestamp'] ?? '');
      const signature = String(req.headers['webhook-signature'] ?? '');
      const parsed = JSON.parse(body);
      deliveries.push({ id, timestamp: Number(timestamp), type: parsed.type, body: parsed, signatureValid: verifyStandardWebhook(secret, id, timestamp, body, signature) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    deliveries,
    setSecret: (s: string) => (secret = s),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
