// Renders the API's /asyncapi.json (the events catalog generated in @mediaflow/contracts) as a plain
// page: a table of every event and major version, then each one's meaning, EventBridge source,
// detail-type and rule pattern, its data schema and an example. No framework and no eval, so it works
// offline under the UI's Content-Security-Policy; text goes in with textContent only.
// ../../config.json gives the API origin (empty: this origin, the embedded server).

const readConfig = async () => {
  try {
    const res = await fetch('../../config.json', { cache: 'no-store' });
    if (res.ok) return await res.json();
  } catch {
    // Same origin.
  }
  return {};
};

const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children.filter((c) => c !== undefined && c !== null));
  return node;
};

/** Text with `code` spans, as the catalog's descriptions write them (no other markdown is rendered). */
const prose = (tag, text) =>
  el(tag, {}, ...String(text ?? '').split('`').map((part, i) => (i % 2 === 1 ? el('code', {}, part) : part)));

const json = (value) => el('pre', {}, JSON.stringify(value, null, 2));

/** Inlines `#/components/...` references so a schema reads on its own; a cycle stays a $ref. */
const resolveRefs = (doc, node, seen = new Set()) => {
  if (Array.isArray(node)) return node.map((item) => resolveRefs(doc, item, seen));
  if (node === null || typeof node !== 'object') return node;
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/') && !seen.has(ref)) {
    const target = ref
      .slice(2)
      .split('/')
      .reduce((at, key) => (at === undefined ? undefined : at[key]), doc);
    if (target !== undefined) return resolveRefs(doc, target, new Set([...seen, ref]));
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolveRefs(doc, value, seen)]));
};

const messagesOf = (doc) => {
  const publishers = new Map();
  for (const operation of Object.values(doc.operations ?? {})) {
    const channel = String(operation.channel?.$ref ?? '').split('/').pop();
    if (operation.action === 'send') publishers.set(channel, operation['x-publisher']);
  }
  return Object.entries(doc.channels ?? {}).flatMap(([channelName, channel]) =>
    Object.keys(channel.messages ?? {}).map((id) => ({
      id,
      channelName,
      publisher: publishers.get(channelName),
      message: doc.components?.messages?.[id] ?? {},
    })),
  );
};

const overview = (rows) =>
  el(
    'table',
    { id: 'events' },
    el('thead', {}, el('tr', {}, ...['Event', 'Version', 'Source', 'Detail-type', 'Meaning'].map((h) => el('th', {}, h)))),
    el(
      'tbody',
      {},
      ...rows.map(({ id, message }) =>
        el(
          'tr',
          { 'data-event': id },
          el('td', {}, el('a', { href: `#${id}` }, message.name ?? id)),
          el('td', {}, `v${message['x-mediaflow-version'] ?? '?'}`),
          el('td', {}, el('code', {}, message['x-eventbridge-source'] ?? '')),
          el('td', {}, el('code', {}, message['x-eventbridge-detail-type'] ?? '')),
          el('td', {}, message.summary ?? ''),
        ),
      ),
    ),
  );

const eventSection = (doc, { id, publisher, message }) => {
  const payload = message.payload ?? {};
  const data = payload.properties?.detail?.properties?.data;
  const example = message.examples?.[0]?.payload;
  return el(
    'section',
    { class: 'event', id },
    el('h2', {}, message.title ?? id),
    prose('p', message.summary),
    prose('p', message.description),
    el(
      'dl',
      {},
      el('dt', {}, 'source'),
      el('dd', {}, el('code', {}, message['x-eventbridge-source'] ?? '')),
      el('dt', {}, 'detail-type'),
      el('dd', {}, el('code', {}, message['x-eventbridge-detail-type'] ?? '')),
      el('dt', {}, 'major version'),
      el('dd', {}, el('code', {}, `detail.metadata.version = ${message['x-mediaflow-version'] ?? '?'}`)),
      publisher ? el('dt', {}, 'published by') : undefined,
      publisher ? el('dd', {}, publisher) : undefined,
      el('dt', {}, 'JSON Schema'),
      el('dd', {}, el('code', {}, message['x-json-schema'] ?? '')),
    ),
    el('details', {}, el('summary', {}, 'EventBridge rule pattern'), json(message['x-eventbridge-pattern'] ?? {})),
    el('details', {}, el('summary', {}, 'Schema of detail.data'), json(resolveRefs(doc, data ?? payload))),
    el('details', {}, el('summary', {}, 'Schema of detail.metadata'), json(resolveRefs(doc, payload.properties?.detail?.properties?.metadata ?? {}))),
    example ? el('details', { open: '' }, el('summary', {}, 'Example, as a subscriber receives it'), json(example)) : undefined,
  );
};

(async () => {
  const catalog = document.getElementById('catalog');
  const about = document.getElementById('about');
  const config = await readConfig();
  const url = `${config.apiUrl || ''}/asyncapi.json`;
  document.getElementById('raw').setAttribute('href', url);
  try {
    const res = await fetch(url, { cache: 'no-cache' });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    const doc = await res.json();
    document.getElementById('title').textContent = `${doc.info?.title ?? 'mediaflow events'} ${doc.info?.version ?? ''}`.trim();
    about.replaceWith(prose('p', doc.info?.description));
    const rows = messagesOf(doc);
    catalog.append(overview(rows), ...rows.map((row) => eventSection(doc, row)));
    // The page was opened on an event's anchor before the sections existed.
    if (window.location.hash) document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView();
  } catch (error) {
    about.replaceWith(el('p', { class: 'error' }, `Could not load the events catalog: ${error.message}`));
  } finally {
    catalog.removeAttribute('aria-busy');
  }
})();
