// Webhooks: every event of 200 ingests reaches a receiver on loopback exactly once after
// deduplication by event id, signed, across a receiver that fails its first 3 attempts; a webhook
// whose deliveries keep failing is disabled; delivery status is visible to editors. Without the
// operator's QUOTEGRAPH_WEBHOOKS_ALLOW_PRIVATE, private addresses are refused at registration and
// at delivery.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { storeArticle } from '../../src/ingest/store.js';
import { heldBack, OUTBOX_START, outboxEnd, readOutbox } from '../../src/outbox/outbox-events.js';
import { signature, SIGNATURE_HEADER, type WebhookOptions } from '../../src/webhooks/webhook-dispatcher.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { syntheticDraft } from '../support/drafts.js';

/** An API without articles that delivers webhooks quickly, and the headers of an editor's key on it. */
async function webhookApi(webhooks: Pick<WebhookOptions, 'maxAttempts' | 'disableAfter' | 'allowPrivate'>, keyName: string) {
  const started = await startTestApi({
    seed: false,
    config: { logLevel: 'silent', webhooks: { enabled: true, retryMs: 50, timeoutMs: 2_000, ...webhooks } },
  });
  return { api: started, editor: { authorization: `Bearer ${await createApiKey(started.database.writer, keyName, 'EDITOR')}` } };
}

let api: TestApi;
let editor: Record<string, string>;
beforeAll(async () => {
  // The receivers are on loopback: the operator's setting lets webhooks reach private addresses.
  ({ api, editor } = await webhookApi({ maxAttempts: 8, disableAfter: 3, allowPrivate: true }, 'webhook-editor'));
});
afterAll(() => api?.close());

interface Received {
  eventId: string;
  body: string;
  signature: string;
}

/** A receiver on loopback that answers 500 to its first `failures` requests (or to all, with Infinity). */
async function receiver(failures: number): Promise<{ url: string; received: Received[]; attempts(): number; close(): Promise<void> }> {
  const received: Received[] = [];
  let attempts = 0;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      attempts++;
      if (attempts <= failures) {
        response.statusCode = 500;
        return response.end('not now');
      }
      received.push({ eventId: String(request.headers['x-quotegraph-event-id']), body, signature: String(request.headers[SIGNATURE_HEADER]) });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    attempts: () => attempts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function register(url: string, secret: string, events?: string[]) {
  const result = await api.query(
    'mutation ($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id url events disabled } }',
    { input: { url, secret, events } },
    editor,
  );
  expect(result.errors).toBeUndefined();
  return result.data.registerWebhook as { id: string };
}

async function until(condition: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('webhooks', () => {
  it('deliver to a receiver on loopback when the operator allows private addresses, every event of 200 ingests once after deduplication, signed, across a receiver that fails its first 3 attempts', async () => {
    const secret = 'a-secret-of-some-length';
    const endpoint = await receiver(3);
    let webhook: { id: string } | undefined;
    try {
      webhook = await register(endpoint.url, secret);
      const before = await readOutbox(api.database.sql, OUTBOX_START, 100_000);
      for (let index = 0; index < 200; index++) await storeArticle(api.database.writer, syntheticDraft(1_000 + index));
      // Every event committed is readable once no older transaction runs (the dispatcher's own, other suites').
      await until(async () => !(await heldBack(api.database.sql, OUTBOX_START)), 30_000, 'the outbox to settle');
      const expected = (await readOutbox(api.database.sql, OUTBOX_START, 100_000)).filter((event) => !before.some((old) => old.id === event.id));
      expect(expected.length).toBe(800); // an articleAdded and 3 quoteAdded an ingest
      await until(() => new Set(endpoint.received.map((delivery) => delivery.eventId)).size >= expected.length, 90_000, 'every event');
      const byId = new Map(endpoint.received.map((delivery) => [delivery.eventId, delivery]));
      expect([...byId.keys()].sort()).toEqual(expected.map((event) => event.id).sort());
      for (const delivery of endpoint.received) {
        const timestamp = Number(/t=(\d+)/.exec(delivery.signature)![1]);
        expect(delivery.signature).toBe(signature(secret, timestamp, delivery.body));
        expect(JSON.parse(delivery.body).id).toBe(delivery.eventId);
      }
      expect(endpoint.attempts()).toBeGreaterThanOrEqual(803);
      const status = await api.query(
        'query { webhooks { id disabled failuresInARow deliveries(first: 100, status: "pending") { nodes { id } } delivered: deliveries(first: 100, status: "delivered") { nodes { type attempts lastStatus } } } }',
        {},
        editor,
      );
      const seen = status.data.webhooks.find((hook: { id: string }) => hook.id === webhook!.id);
      expect(seen.disabled).toBe(false);
      expect(seen.delivered.nodes.length).toBe(100);
      expect(seen.delivered.nodes.every((node: { lastStatus: number }) => node.lastStatus === 200)).toBe(true);
    } finally {
      await endpoint.close();
      await api.query('mutation ($id: ID!) { deleteWebhook(id: $id) }', { id: webhook?.id }, editor);
    }
  }, 120_000);

  it('disable a webhook whose deliveries keep failing, and refuse a bad url or a short secret', async () => {
    const endpoint = await receiver(Infinity);
    try {
      const webhook = await register(endpoint.url, 'another-secret-long', ['articleAdded']);
      for (let index = 0; index < 3; index++) await storeArticle(api.database.writer, syntheticDraft(5_000 + index));
      const query = 'query { webhooks { id disabled failuresInARow deliveries(first: 10) { nodes { status attempts lastStatus lastError } } } }';
      await until(
        async () => (await api.query(query, {}, editor)).data.webhooks.find((hook: { id: string }) => hook.id === webhook.id).disabled,
        60_000,
        'the webhook to be disabled',
      );
      const seen = (await api.query(query, {}, editor)).data.webhooks.find((hook: { id: string }) => hook.id === webhook.id);
      expect(seen.failuresInARow).toBe(3);
      expect(seen.deliveries.nodes).toEqual(Array(3).fill({ status: 'failed', attempts: 8, lastStatus: 500, lastError: 'HTTP 500' }));
    } finally {
      await endpoint.close();
    }
    const badUrl = await api.query('mutation { registerWebhook(input: { url: "ftp://x", secret: "long-enough-secret" }) { id } }', {}, editor);
    expect(badUrl.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const shortSecret = await api.query('mutation { registerWebhook(input: { url: "https://example.com/hook", secret: "short" }) { id } }', {}, editor);
    expect(shortSecret.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await api.query('mutation { registerWebhook(input: { url: "https://example.com/hook", secret: "long-enough-secret" }) { id } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }, 90_000);
});

describe('webhooks without QUOTEGRAPH_WEBHOOKS_ALLOW_PRIVATE', () => {
  let guarded: TestApi;
  let guardedEditor: Record<string, string>;
  beforeAll(async () => {
    ({ api: guarded, editor: guardedEditor } = await webhookApi({ maxAttempts: 2, disableAfter: 5, allowPrivate: false }, 'guarded-editor'));
  });
  afterAll(() => guarded?.close());

  const registration = (url: string) =>
    guarded.query('mutation ($url: String!) { registerWebhook(input: { url: $url, secret: "long-enough-secret" }) { id } }', { url }, guardedEditor);

  it.each([
    ['http://127.0.0.1:8080/hook', '127.0.0.0/8'],
    ['http://127.1.2.3/hook', '127.0.0.0/8'],
    ['http://2130706433/hook', '127.0.0.0/8'], // 127.0.0.1 written as one number
    ['http://10.0.0.5/hook', '10.0.0.0/8'],
    ['https://172.16.0.1/hook', '172.16.0.0/12'],
    ['https://172.31.255.254/hook', '172.16.0.0/12'],
    ['http://192.168.1.10/hook', '192.168.0.0/16'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.0.0/16'],
    ['http://0.0.0.0:4000/graphql', '0.0.0.0/8'],
    ['http://100.64.0.1/hook', '100.64.0.0/10'],
    ['http://[::1]:8080/hook', '::1/128'],
    ['http://[::]/hook', '::/128'],
    ['http://[fd00:ec2::254]/hook', 'fc00::/7'],
    ['http://[fc00::1]/hook', 'fc00::/7'],
    ['http://[fe80::1]/hook', 'fe80::/10'],
    ['http://[::ffff:10.1.2.3]/hook', '10.0.0.0/8'],
  ])('refuse to register %s (in %s)', async (url, range) => {
    const result = await registration(url);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(`is in ${range}`);
    expect(result.errors?.[0]?.message).toContain('QUOTEGRAPH_WEBHOOKS_ALLOW_PRIVATE');
  });

  it('refuse to register a host name that resolves to a private address, and accept one that does not resolve yet', async () => {
    const local = await registration('http://localhost:8080/hook');
    expect(local.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(local.errors?.[0]?.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1), which is in (127\.0\.0\.0\/8|::1\/128)/);
    // Checked again when each delivery connects (below: a delivery refused when it is sent).
    const nowhere = await registration('https://nowhere.invalid/hook');
    expect(nowhere.errors).toBeUndefined();
    const webhooks = await guarded.query('{ webhooks { id url } }', {}, guardedEditor);
    expect(webhooks.data.webhooks.map((hook: { url: string }) => hook.url)).toEqual(['https://nowhere.invalid/hook']);
    const deleted = await guarded.query('mutation ($id: ID!) { deleteWebhook(id: $id) }', { id: webhooks.data.webhooks[0].id }, guardedEditor);
    expect(deleted.data.deleteWebhook).toBe(true);
  });

  it('refuse a delivery whose host is private when it is sent (registered when DNS said otherwise), as a failed attempt', async () => {
    const endpoint = await receiver(0);
    try {
      // As if registered while the name pointed to a public address: straight into the table.
      const from = await outboxEnd(guarded.database.sql);
      const byName = endpoint.url.replace('127.0.0.1', 'localhost');
      const [webhook] = await guarded.database.writer.transaction((session) =>
        session.query<{ id: number }>(
          `INSERT INTO "Webhook" ("url", "events", "secret", "afterTransactionId", "afterRank", "afterEventId")
           VALUES ($1, '{articleAdded}', 'long-enough-secret', $2::bigint, $3::smallint, $4::bigint), ($5, '{articleAdded}', 'long-enough-secret', $2::bigint, $3::smallint, $4::bigint)
           RETURNING "id"`,
          [byName, from.transactionId, from.rank, from.id, endpoint.url],
        ),
      );
      await storeArticle(guarded.database.writer, syntheticDraft(7_000));
      const query = 'query { webhooks { id url failuresInARow deliveries(first: 10) { nodes { status attempts lastStatus lastError } } } }';
      await until(
        async () => (await guarded.query(query, {}, guardedEditor)).data.webhooks.every((hook: { failuresInARow: number }) => hook.failuresInARow === 1),
        60_000,
        'both deliveries to fail for good',
      );
      const seen = (await guarded.query(query, {}, guardedEditor)).data.webhooks;
      expect(seen.map((hook: { id: string }) => Number(hook.id))).toContain(webhook!.id);
      for (const hook of seen) {
        expect(hook.deliveries.nodes).toEqual([{ status: 'failed', attempts: 2, lastStatus: null, lastError: expect.stringContaining('Webhooks are not delivered to private addresses') }]);
      }
      expect(seen[0].deliveries.nodes[0].lastError).toMatch(/localhost resolves to/);
      expect(endpoint.attempts()).toBe(0);
      // The server goes on serving.
      expect((await guarded.query('{ webhooks { id } }', {}, guardedEditor)).errors).toBeUndefined();
    } finally {
      await endpoint.close();
    }
  }, 90_000);
});
