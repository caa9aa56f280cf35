// Subscriptions over WebSocket (graphql-ws) on /graphql, fed from the outbox: an event committed
// through another server process reaches a subscriber here; a subscriber that comes back with its
// cursor misses nothing; query limits and the cap on subscriptions per connection apply.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { packageRoot } from '../../src/package-root.js';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
let editor: Record<string, string>;
/** A second server, in its own process, on the same database. */
let other: { url: string; process: ChildProcess };
const clients: Client[] = [];

beforeAll(async () => {
  api = await startTestApi({ config: { maxSubscriptions: 3, logLevel: 'silent' } });
  editor = { authorization: `Bearer ${await createApiKey(api.database.writer, 'subscriptions-editor', 'EDITOR')}` };
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.join(packageRoot, 'dist/quotegraph.mjs'), 'serve'], {
    env: { ...inherited, PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: api.databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL API[^:]*: (http\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the second server exited with ${code}: ${output}`)));
  });
  other = { url, process: child };
}, 60_000);

afterAll(async () => {
  for (const client of clients) await client.dispose();
  if (other && other.process.exitCode === null) {
    const exited = new Promise((resolve) => other.process.once('exit', resolve));
    other.process.kill('SIGTERM');
    await exited;
  }
  await api?.close();
});

function connect(url = api.url): Client {
  const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
  clients.push(client);
  return client;
}

/** Collects what a subscription delivers; `errors` gets what it fails with. */
function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const received: any[] = [];
  const errors: any[] = [];
  let settle: () => void = () => undefined;
  const unsubscribe = client.subscribe(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        else received.push(result.data);
        settle();
      },
      error: (error) => {
        errors.push(...(Array.isArray(error) ? error : [error]));
        settle();
      },
      complete: () => undefined,
    },
  );
  return {
    received,
    errors,
    unsubscribe,
    /** Resolves once `count` results (or an error) arrived, or rejects after `ms`. */
    async waitFor(count: number, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (received.length < count && errors.length === 0) {
        if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${count} events, got ${received.length}`);
        await new Promise<void>((resolve) => {
          settle = resolve;
          setTimeout(resolve, 50);
        });
      }
    },
  };
}

async function ingestThroughOtherServer(text: string, url?: string) {
  const response = await fetch(other.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...editor },
    body: JSON.stringify({
      query: 'mutation ($text: String!, $url: String) { ingestArticle(text: $text, url: $url) { article { slug } } }',
      variables: { text, url },
    }),
  });
  const body = (await response.json()) as any;
  expect(body.errors).toBeUndefined();
  return body.data.ingestArticle.article.slug as string;
}

const story = (n: number) => `Minister visits harbour number ${n}

PORTVILLE (Test Wire) — The minister visited harbour ${n} on Monday.

"Harbour ${n} is the best we have," Minister Sergey Lavrov said.`;

describe('subscriptions', () => {
  it('deliver a quote committed through another server process, on the WebSocket at /graphql', async () => {
    const client = connect();
    const quotes = subscribe(client, 'subscription { quoteAdded(speaker: "sergey-lavrov") { cursor quote { text speaker { name } } } }');
    const others = subscribe(client, 'subscription { quoteAdded(speaker: "nobody-at-all") { cursor } }');
    await new Promise((resolve) => setTimeout(resolve, 300)); // the subscriptions reach the server
    await ingestThroughOtherServer(story(1));
    await quotes.waitFor(1);
    expect(quotes.errors).toEqual([]);
    expect(quotes.received[0].quoteAdded.quote).toEqual({ text: 'Harbour 1 is the best we have,', speaker: { name: 'Sergey Lavrov' } });
    expect(others.received).toEqual([]);
    quotes.unsubscribe();
    others.unsubscribe();
  });

  it('give a subscriber that comes back with its cursor what it missed, then what follows, once each', async () => {
    const client = connect();
    const first = subscribe(client, 'subscription { changes { cursor type article } }');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const slug = await ingestThroughOtherServer(story(2));
    await first.waitFor(2);
    const cursor = first.received[0].changes.cursor; // after the articleAdded: the quoteAdded is still to come
    first.unsubscribe();
    await ingestThroughOtherServer(story(3)); // while away
    const again = subscribe(connect(), 'subscription ($since: String) { changes(since: $since) { cursor type article } }', { since: cursor });
    await again.waitFor(3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await ingestThroughOtherServer(story(4));
    await again.waitFor(5);
    const types = again.received.map((data) => `${data.changes.type} ${data.changes.article}`);
    expect(types[0]).toBe(`quoteAdded ${slug}`);
    expect(types.slice(1, 3)).toEqual([expect.stringMatching(/^articleAdded /), expect.stringMatching(/^quoteAdded /)]);
    expect(types.slice(3)).toEqual([expect.stringMatching(/^articleAdded /), expect.stringMatching(/^quoteAdded /)]);
    expect(new Set(again.received.map((data) => data.changes.cursor)).size).toBe(5);
  });

  it('cap the subscriptions of one connection, and apply the query limits', async () => {
    const client = connect();
    const held = [1, 2, 3].map(() => subscribe(client, 'subscription { articleAdded { cursor } }'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fourth = subscribe(client, 'subscription { articleAdded { cursor } }');
    await fourth.waitFor(1);
    expect(fourth.errors[0].extensions.code).toBe('TOO_MANY_SUBSCRIPTIONS');
    for (const subscription of held) subscription.unsubscribe();
    const costly = subscribe(connect(), 'subscription { quoteAdded { quote { article { quotes(first: 100) { nodes { speaker { quotes(first: 100) { nodes { article { quotes(first: 100) { totalCount } } } } } } } } } } }');
    await costly.waitFor(1);
    expect(costly.errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
    const query = subscribe(connect(), '{ articles(first: 1) { totalCount } }');
    await query.waitFor(1);
    expect(query.errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});
