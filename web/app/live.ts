// The owner's live job events (GET /v1/events, Server-Sent Events) as a hook. EventSource reconnects
// by itself with Last-Event-ID; every open (the first one too: the page's first read may predate it),
// and `replay-incomplete` (events lost while away), ask the page to refetch what it shows, so no
// update that landed before or between connections leaves stale state.
import { useEffect, useRef, useState } from 'preact/hooks';
import { NOTIFIED_EVENTS } from '@mediaflow/notifications';
import type { Api } from './api';

export interface LiveEvent {
  readonly type: string;
  readonly timestamp: string;
  readonly data: { jobId: string; percent?: number; attempt?: number; [key: string]: unknown };
}

/** The events the stream (and a webhook) carries: notifications' own list, bundled from its domain. */
export const LIVE_EVENT_TYPES = NOTIFIED_EVENTS;

const REOPEN_AFTER_MS = 5000;

type LiveState = 'connecting' | 'live' | 'reconnecting';

/** Calls `onEvent` for each event and `onResync` when state must be refetched. */
export const useLiveEvents = (api: Api, jobId: string | undefined, onEvent: (e: LiveEvent) => void, onResync: () => void): LiveState => {
  const [state, setState] = useState<LiveState>('connecting');
  const handlers = useRef({ onEvent, onResync });
  handlers.current = { onEvent, onResync };
  // EventSource retries by itself after a dropped connection, but not after an error answer (a
  // restarted server's 503, a 429 EVENT_STREAM_LIMIT_REACHED): then it is CLOSED, and a new one is
  // opened after a pause.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const source = new EventSource(api.eventsUrl(jobId));
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const deliver = (message: MessageEvent<string>) => {
      try {
        handlers.current.onEvent(JSON.parse(message.data) as LiveEvent);
      } catch {
        // A line that is not our JSON: ignore it rather than break the page.
      }
    };
    for (const type of LIVE_EVENT_TYPES) source.addEventListener(type, deliver as EventListener);
    source.addEventListener('replay-incomplete', () => handlers.current.onResync());
    source.onopen = () => {
      setState('live');
      // Opened or reconnected: what happened before (the page read its state without the stream) or
      // meanwhile (a replay may be incomplete) is read again; events then keep it current.
      handlers.current.onResync();
    };
    source.onerror = () => {
      setState('reconnecting');
      if (source.readyState === EventSource.CLOSED) reopen = setTimeout(() => setGeneration((g) => g + 1), REOPEN_AFTER_MS);
    };
    return () => {
      clearTimeout(reopen);
      source.close();
    };
  }, [api, jobId, generation]);
  return state;
};
