// The event-stream parser on the awkward inputs a network gives: split chunks, CRLF, comments.
import { readEventStream, SseParser } from '../src/client/event-stream-parser';

describe('SseParser', () => {
  it('parses whole messages out of arbitrarily split chunks', () => {
    const parser = new SseParser();
    const text = 'retry: 3000\n\nid: e1\nevent: JobCreated\ndata: {"a":1}\n\n: keep-alive\n\nid: e2\nevent: TranscodeProgressed\ndata: {"b":2}\n\n';
    const messages = [...text].flatMap((char) => parser.push(char));
    expect(messages).toEqual([
      { event: 'JobCreated', data: '{"a":1}', lastEventId: 'e1' },
      { event: 'TranscodeProgressed', data: '{"b":2}', lastEventId: 'e2' },
    ]);
    expect(parser.retryMs).toBe(3000);
  });

  it('accepts CRLF and CR line ends, even split between chunks, and joins data lines', () => {
    const parser = new SseParser();
    expect(parser.push('data: one\r')).toEqual([]);
    expect(parser.push('\ndata:two\r\r')).toEqual([{ event: 'message', data: 'one\ntwo', lastEventId: undefined }]);
    // The \n after a chunk-final \r belongs to it: no empty line, no second dispatch.
    expect(parser.push('\ndata: three\r\n\r\n')).toEqual([{ event: 'message', data: 'three', lastEventId: undefined }]);
  });

  it('keeps the last event id for messages without one, and across a reset', () => {
    const parser = new SseParser();
    parser.push('id: e7\ndata: x\n\n');
    parser.push('event: replay-incomplete\ndata: half');
    parser.reset();
    expect(parser.push('event: replay-incomplete\ndata: {}\n\n')).toEqual([{ event: 'replay-incomplete', data: '{}', lastEventId: 'e7' }]);
  });

  it('hands comment lines to onComment, and dispatches nothing for them', () => {
    const comments: string[] = [];
    const parser = new SseParser({ onComment: (text) => comments.push(text) });
    expect([...': keep-alive\n\n:\ndata: x\n\n'].flatMap((char) => parser.push(char))).toEqual([{ event: 'message', data: 'x', lastEventId: undefined }]);
    expect(comments).toEqual([' keep-alive', '']);
  });

  it('dispatches nothing for a message without data', () => {
    expect(new SseParser().push('id: e1\nevent: ping\n\n')).toEqual([]);
  });

  it('reads a byte stream, multi-byte characters split across chunks included', async () => {
    const bytes = Buffer.from('data: déjà vu\n\n');
    const chunks = async function* () {
      yield bytes.subarray(0, 8);
      yield bytes.subarray(8);
    };
    const messages = [];
    for await (const m of readEventStream(chunks(), new SseParser())) messages.push(m);
    expect(messages).toEqual([{ event: 'message', data: 'déjà vu', lastEventId: undefined }]);
  });
});
