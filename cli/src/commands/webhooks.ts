// `mediaflow webhooks add|list|remove`: subscriptions that receive signed job events.
import type { CreatedWebhook, Webhook } from '../api-types';
import { type Command, stringOption } from '../command';
import { fields, formatTime, table } from '../format';

export const webhooksAddCommand: Command = {
  words: ['webhooks', 'add'],
  args: ['URL'],
  summary: 'Subscribe URL to job events. Prints the signing secret, which is shown only once.',
  options: { events: { type: 'string' }, description: { type: 'string' }, json: { type: 'boolean' } },
  help: `Options:
  --events a,b      event names (JobCompleted, JobFailed, TranscodeProgressed…; default: all)
  --description D   free text for you
  --json            print the API answer (with the secret) as JSON`,
  async run(ctx) {
    const events = stringOption(ctx.values, 'events');
    const description = stringOption(ctx.values, 'description');
    const body = {
      url: ctx.positionals[0],
      ...(events !== undefined && { eventTypes: events.split(',').map((e) => e.trim()).filter(Boolean) }),
      ...(description !== undefined && { description }),
    };
    const created = (await (await ctx.api()).call<CreatedWebhook>('POST', '/v1/webhooks', body, [201])).body;
    if (ctx.values.json) {
      ctx.out(JSON.stringify(created, null, 2));
      return 0;
    }
    ctx.out(fields([
      ['webhook', created.id],
      ['url', created.url],
      ['events', created.eventTypes.join(',')],
      ['secret', created.secret],
    ]));
    ctx.note('store the secret now: it is shown only once (it verifies the webhook-signature header)');
    return 0;
  },
};

export const webhooksListCommand: Command = {
  words: ['webhooks', 'list'],
  args: [],
  summary: 'List your webhooks.',
  options: { json: { type: 'boolean' } },
  help: 'Options:\n  --json            print the API answer as JSON',
  async run(ctx) {
    const list = await (await ctx.api()).get<{ items: Webhook[] }>('/v1/webhooks');
    if (ctx.values.json) ctx.out(JSON.stringify(list, null, 2));
    else if (list.items.length === 0) ctx.out('no webhooks');
    else
      ctx.out(table(
        ['ID', 'STATUS', 'EVENTS', 'CREATED', 'URL'],
        list.items.map((w) => [w.id, w.disabledReason ? `${w.status} (${w.disabledReason})` : w.status, w.eventTypes.join(','), formatTime(w.createdAt), w.url]),
      ));
    return 0;
  },
};

export const webhooksRemoveCommand: Command = {
  words: ['webhooks', 'remove'],
  args: ['ID'],
  summary: 'Delete a webhook: no further deliveries.',
  options: {},
  help: '',
  async run(ctx) {
    const id = ctx.positionals[0] ?? '';
    await (await ctx.api()).call('DELETE', `/v1/webhooks/${encodeURIComponent(id)}`, undefined, [204]);
    ctx.out(`removed ${id}`);
    return 0;
  },
};
