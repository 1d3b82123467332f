// The owner's live job events (GET /v1/events, Server-Sent Events) as a hook. EventSource reconnects
// by itself with Last-Event-ID; `replay-incomplete` (events lost while away) and every reconnect ask
// the page to refetch what it shows, so a dropped connection never leaves stale state.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from './api';

export interface LiveEvent {
  readonly type: string;
  readonly timestamp: string;
  readonly data: { jobId: string; percent?: number; attempt?: number; [key: string]: unknown };
}

export const LIVE_EVENT_TYPES = [
  'JobCreated',
  'JobValidated',
  'JobRejected',
  'TranscodeStarted',
  'TranscodeProgressed',
  'TranscodeFinished',
  'TranscodeFailed',
  'JobCompleted',
  'JobFailed',
  'JobCancelled',
];

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/** Calls `onEvent` for each event and `onResync` when state must be refetched. */
export const useLiveEvents = (api: Api, jobId: string | undefined, onEvent: (e: LiveEvent) => void, onResync: () => void): LiveState => {
  const [state, setState] = useState<LiveState>('connecting');
  const handlers = useRef({ onEvent, onResync });
  handlers.current = { onEvent, onResync };
  useEffect(() => {
    const source = new EventSource(api.eventsUrl(jobId));
    let opened = false;
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
      if (opened) handlers.current.onResync();
      opened = true;
    };
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'reconnecting' : 'reconnecting');
    return () => source.close();
  }, [api, jobId]);
  return state;
};
