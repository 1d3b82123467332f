// Reads a Server-Sent Events stream with fetch (headers allowed, unlike the browser's EventSource),
// parsed by the SseParser the CLI uses (the WHATWG format: CRLF, multi-line data, comments, ids).
import { readEventStream, SseParser } from '@mediaflow/http/event-stream-parser';

export interface SseEvent {
  id?: string;
  event?: string;
  data: any;
}

export const openSse = (url: string, token: string) => {
  const events: SseEvent[] = [];
  const abort = new AbortController();
  const done = (async () => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: abort.signal });
    if (!res.ok || !res.body) throw new Error(`SSE ${url} → ${res.status}`);
    for await (const message of readEventStream(res.body as unknown as AsyncIterable<Uint8Array>, new SseParser())) {
      events.push({ id: message.lastEventId, event: message.event, data: JSON.parse(message.data) });
    }
  })().catch((e: Error) => {
    if (e.name !== 'AbortError') throw e;
  });
  return { events, close: () => abort.abort(), done };
};
