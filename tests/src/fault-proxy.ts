// A fault-injecting HTTP proxy in front of the emulator: for a chosen fraction of the calls to
// DynamoDB, SQS, EventBridge and S3 it answers with an error in the exact shape that service sends
// (throttling, 500, 503) or delays the call before forwarding it. A refused call never reaches the
// emulator, so it has no effect there: what the product sees is what AWS's own throttles and brownouts
// look like, and its SDK retries and consumers must get every effect through exactly once. The choice
// comes from a seeded PRNG (the seed is in `stats()`), so a run can be replayed with the same draws.
// Every other byte is streamed both ways untouched (SQS long polls, S3 bodies).
import { randomInt } from 'node:crypto';
import {
  Agent,
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { faultAnswer, type FaultKind, type FaultService } from './fault-answers';

export type { FaultKind, FaultService } from './fault-answers';
const FAULT_KINDS: readonly FaultKind[] = ['throttle', '500', '503', 'slow'];

/** What the proxy knows of a call before it reads its body. */
export interface CallInfo {
  readonly service: FaultService | 'other';
  /** `DynamoDB_20120810.Query` → `Query`; S3: the method (`PUT`, `GET`…). */
  readonly operation: string;
  /** A presigned URL (credentials in the query string), as browsers and ffmpeg use. */
  readonly presigned: boolean;
  /** From `amz-sdk-request: attempt=N; max=M`; absent for calls not made by the AWS SDK. */
  readonly attempt?: number;
  readonly maxAttempts?: number;
}

const TARGET_PREFIXES: ReadonlyArray<readonly [string, FaultService]> = [
  ['DynamoDB_20120810.', 'dynamodb'],
  ['AmazonSQS.', 'sqs'],
  ['AWSEvents.', 'events'],
];
const SCOPE_SERVICES: Readonly<Record<string, FaultService>> = {
  dynamodb: 'dynamodb',
  sqs: 'sqs',
  events: 'events',
  s3: 's3',
};

/** The SigV4 credential scope's service: `Credential=AKID/20260101/us-east-1/<service>/aws4_request`. */
const scopeService = (credential: string | undefined): string | undefined =>
  credential ? /[^/\s,]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(credential)?.[1] : undefined;

/** Which service a request is for, from its headers and URL only (the body stays a stream). */
export const recogniseCall = (method: string, url: string, headers: IncomingMessage['headers']): CallInfo => {
  const parsed = new URL(url, 'http://proxy');
  const target = String(headers['x-amz-target'] ?? '');
  const queryCredential = parsed.searchParams.get('X-Amz-Credential') ?? undefined;
  const attemptHeader = /attempt=(\d+)(?:;\s*max=(\d+))?/.exec(String(headers['amz-sdk-request'] ?? ''));
  const sdk = attemptHeader
    ? {
        attempt: Number(attemptHeader[1]),
        ...(attemptHeader[2] && { maxAttempts: Number(attemptHeader[2]) }),
      }
    : {};
  for (const [prefix, service] of TARGET_PREFIXES)
    if (target.startsWith(prefix))
      return { service, operation: target.slice(prefix.length), presigned: false, ...sdk };
  const scope = scopeService(String(headers.authorization ?? '')) ?? scopeService(queryCredential);
  const service = scope ? (SCOPE_SERVICES[scope] ?? 'other') : 'other';
  // SQS's query protocol names the operation in the query string (GET) or the form body (POST).
  const action = parsed.searchParams.get('Action');
  const operation = service === 's3' || !action ? method : action;
  return { service, operation, presigned: queryCredential !== undefined, ...sdk };
};

/** mulberry32: a small seeded PRNG, so the same seed draws the same faults for the same call order. */
const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export interface FaultProxyOptions {
  readonly upstream: string;
  /** Fraction of the eligible calls that get a fault, 0..1. */
  readonly rate: number;
  readonly seed?: number;
  /** Calls that may get a fault; default: AWS SDK calls to the four services (not presigned URLs). */
  readonly eligible?: (call: CallInfo) => boolean;
  readonly kinds?: readonly FaultKind[];
  /** Delay range of a `slow` call, before it is forwarded. */
  readonly slowMs?: readonly [number, number];
}

export interface ProxiedCall extends CallInfo {
  readonly fault?: FaultKind;
  /** The status sent back to the caller (the fault's, or the emulator's). */
  status?: number;
}

export interface FaultStats {
  readonly seed: number;
  readonly calls: number;
  readonly injected: number;
  readonly byService: Record<FaultService, number>;
  readonly byKind: Record<FaultKind, number>;
  /** SDK calls seen again with attempt > 1: the retries the callers made. */
  readonly retries: number;
  /** The highest `attempt` seen per service, the highest `max` the clients announced, and the calls past their own `max`. */
  readonly maxAttemptSeen: Record<FaultService, number>;
  readonly maxAnnounced: Record<FaultService, number>;
  readonly overMax: readonly ProxiedCall[];
}

export interface FaultProxy {
  readonly endpoint: string;
  readonly seed: number;
  readonly calls: readonly ProxiedCall[];
  /** Stops or resumes fault injection (calls are still counted). */
  setRate(rate: number): void;
  stats(): FaultStats;
  close(): Promise<void>;
}

const defaultEligible = (call: CallInfo): boolean => call.service !== 'other' && call.attempt !== undefined;

const zeroed = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export const startFaultProxy = async (options: FaultProxyOptions): Promise<FaultProxy> => {
  const target = new URL(options.upstream);
  const seed = options.seed ?? randomInt(2 ** 31);
  // One stream per service: the n-th call to a service draws the same whatever the others did meanwhile.
  const streams = new Map<string, () => number>(
    ['dynamodb', 'sqs', 'events', 's3', 'other'].map((service, i) => [
      service,
      seededRandom(seed + i * 7919),
    ]),
  );
  const kinds = options.kinds ?? FAULT_KINDS;
  const eligible = options.eligible ?? defaultEligible;
  const [slowMin, slowMax] = options.slowMs ?? [200, 1500];
  let rate = options.rate;
  const calls: ProxiedCall[] = [];
  const agent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  let requestCount = 0;

  const forward = (req: IncomingMessage, res: ServerResponse, call: ProxiedCall): void => {
    const out = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (upstream) => {
        call.status = upstream.statusCode;
        res.writeHead(upstream.statusCode ?? 502, upstream.rawHeaders);
        upstream.pipe(res);
      },
    );
    out.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`fault proxy: upstream failed: ${error.message}`);
    });
    // A caller that gives up (an aborted long poll) ends the upstream call too.
    res.on('close', () => {
      if (!res.writableFinished) out.destroy();
    });
    req.pipe(out);
  };

  const server: Server = createServer((req, res) => {
    const info = recogniseCall(req.method ?? 'GET', req.url ?? '/', req.headers);
    // Draw for every call, eligible or not, so a replay with the same seed and order draws the same.
    const random = streams.get(info.service)!;
    const draw = random();
    const kindDraw = random();
    const fault = eligible(info) && draw < rate ? kinds[Math.floor(kindDraw * kinds.length)] : undefined;
    const call: ProxiedCall = { ...info, ...(fault && { fault }) };
    calls.push(call);
    requestCount += 1;
    if (!fault) return forward(req, res, call);
    if (fault === 'slow') {
      const delay = slowMin + Math.floor(random() * (slowMax - slowMin));
      setTimeout(() => forward(req, res, call), delay);
      return;
    }
    const answer = faultAnswer(
      info.service as FaultService,
      fault,
      `fault-${seed}-${requestCount}`,
      Math.floor(random() * 2),
    );
    call.status = answer.status;
    // Read the request to its end first: a client still sending its body would see a reset instead.
    req.resume();
    req.on('end', () => {
      const body = req.method === 'HEAD' ? '' : answer.body;
      res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const stats = (): FaultStats => {
    const byService = zeroed<FaultService>(['dynamodb', 'sqs', 'events', 's3']);
    const byKind = zeroed<FaultKind>(FAULT_KINDS);
    let injected = 0;
    let retries = 0;
    const maxAttemptSeen = zeroed<FaultService>(['dynamodb', 'sqs', 'events', 's3']);
    const maxAnnounced = zeroed<FaultService>(['dynamodb', 'sqs', 'events', 's3']);
    const overMax: ProxiedCall[] = [];
    for (const call of calls) {
      if (call.fault && call.service !== 'other') {
        injected += 1;
        byService[call.service] += 1;
        byKind[call.fault] += 1;
      }
      if ((call.attempt ?? 1) > 1) retries += 1;
      if (call.service !== 'other') {
        maxAttemptSeen[call.service] = Math.max(maxAttemptSeen[call.service], call.attempt ?? 0);
        maxAnnounced[call.service] = Math.max(maxAnnounced[call.service], call.maxAttempts ?? 0);
      }
      if (call.attempt !== undefined && call.maxAttempts !== undefined && call.attempt > call.maxAttempts)
        overMax.push(call);
    }
    return {
      seed,
      calls: calls.length,
      injected,
      byService,
      byKind,
      retries,
      maxAttemptSeen,
      maxAnnounced,
      overMax,
    };
  };

  return {
    endpoint: `http://127.0.0.1:${port}`,
    seed,
    calls,
    setRate: (next) => {
      rate = next;
    },
    stats,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await closed;
    },
  };
};

/** One line for a run's log: `injected 40 (dynamodb 12, sqs 20, …; throttle 10, 500 9, 503 11, slow 10)`. */
export const describeFaults = (s: FaultStats): string =>
  `injected ${s.injected} (dynamodb ${s.byService.dynamodb}, sqs ${s.byService.sqs}, events ${s.byService.events}, s3 ${s.byService.s3}; ` +
  `throttle ${s.byKind.throttle}, 500 ${s.byKind['500']}, 503 ${s.byKind['503']}, slow ${s.byKind.slow})`;
