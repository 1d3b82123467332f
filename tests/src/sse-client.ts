// Reads a Server-Sent Events stream with fetch (headers allowed, unlike the browser's EventSource).
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
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields: Record<string, string> = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const i = line.indexOf(':');
          if (i > 0) fields[line.slice(0, i)] = (fields[line.slice(0, i)] ?? '') + line.slice(i + 1).trimStart();
        }
        if (fields.data !== undefined) events.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data) });
      }
    }
  })().catch((e: Error) => {
    if (e.name !== 'AbortError') throw e;
  });
  return { events, close: () => abort.abort(), done };
};
