// The committed AsyncAPI catalog (asyncapi.json) is what the registry generates, and it is a valid
// AsyncAPI 3.0 document by the official parser, examples included.
import { readFileSync } from 'node:fs';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { registeredEvents } from '../src';
import { asyncApiDocument } from '../src/asyncapi/asyncapi-document';
import { buildAsyncApiDocument } from '../src/asyncapi/build-asyncapi-document';
import { ASYNCAPI_FILE, asyncApiFileText, asyncApiFromRegistry } from './fixtures/asyncapi-from-registry';
import { sampleData, sampleMetadata } from './fixtures/sample-events';

const errorsOf = async (document: unknown): Promise<string[]> => {
  const { diagnostics } = await new Parser().parse(JSON.stringify(document));
  return diagnostics
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`);
};

describe('asyncapi.json', () => {
  it('is what the registry generates (regenerate: npm run asyncapi -w @mediaflow/contracts)', () => {
    expect(readFileSync(ASYNCAPI_FILE, 'utf8')).toBe(asyncApiFileText());
  });

  it('validates with @asyncapi/parser, without a single error', async () => {
    expect(await errorsOf(asyncApiDocument)).toEqual([]);
  }, 30_000);

  it('has one message per registered event and major version, with its source, detail-type and example', async () => {
    const { document } = await new Parser().parse(JSON.stringify(asyncApiDocument));
    const messages = new Map(
      document!
        .messages()
        .all()
        .map((m) => [m.id(), m]),
    );
    expect([...messages.keys()].sort()).toEqual(
      registeredEvents()
        .map((e) => e.schemaId)
        .sort(),
    );
    for (const e of registeredEvents()) {
      const message = messages.get(e.schemaId)!;
      const json = message.json() as Record<string, unknown>;
      expect([json['x-eventbridge-source'], json['x-eventbridge-detail-type']]).toEqual([e.source, e.name]);
      expect(message.summary()).toEqual(expect.any(String));
      const example = message.examples().all()[0]?.payload() as { detail: { data: unknown } } | undefined;
      expect(e.schema.safeParse(example?.detail.data).success).toBe(true);
    }
  }, 30_000);

  it('has the publisher send every event on a channel of its own', () => {
    const operations = Object.values(
      asyncApiFromRegistry().operations as Record<
        string,
        { action: string; 'x-publisher': string; channel: { $ref: string } }
      >,
    );
    const byChannel = new Map(operations.map((o) => [o.channel.$ref, o]));
    for (const e of registeredEvents()) {
      expect(byChannel.get(`#/channels/${e.name}`)).toMatchObject({
        action: 'send',
        'x-publisher': e.publisher,
      });
    }
  });

  // The parser checks examples against payloads in AsyncAPI 2 only, so the generator checks them itself.
  it('refuses to build with an example that breaks its event schema', () => {
    const build = (jobId: unknown) =>
      buildAsyncApiDocument({
        version: '1.0.0',
        exampleData: (name) => (name === 'JobCompleted' ? { ...sampleData.JobCompleted, jobId } : undefined),
        exampleMetadata: sampleMetadata,
      });
    expect(() => build('job_1')).not.toThrow();
    expect(() => build(42)).toThrow(/example of JobCompleted.v1 does not match/);
  });

  it('lets the parser reject a document that breaks the AsyncAPI schema', async () => {
    const broken = structuredClone(asyncApiFromRegistry()) as unknown as {
      operations: Record<string, { action: string }>;
    };
    broken.operations['publishJobCompleted']!.action = 'publish'; // AsyncAPI 2's word; 3.0 says send
    expect((await errorsOf(broken)).join('\n')).toMatch(/operations\.publishJobCompleted\.action/);
  }, 30_000);
});
