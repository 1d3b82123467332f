// A webhook endpoint on 127.0.0.1 that verifies every delivery's signature with the verifier written
// independently from the Standard Webhooks spec (notifications' testing subpath), not with our signer.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyStandardWebhook, WebhookVerificationFailed } from '@mediaflow/notifications/testing';

interface ReceivedDelivery {
  id: string;
  timestamp: number;
  type: string;
  body: any;
  signatureValid: boolean;
}

const signatureIsValid = (secret: string, headers: http.IncomingHttpHeaders, body: string): boolean => {
  try {
    verifyStandardWebhook(secret, headers, body);
    return true;
  } catch (error) {
    if (error instanceof WebhookVerificationFailed) return false;
    throw error;
  }
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
      const parsed = JSON.parse(body);
      deliveries.push({ id, timestamp: Number(timestamp), type: parsed.type, body: parsed, signatureValid: signatureIsValid(secret, req.headers, body) });
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
