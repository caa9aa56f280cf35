// The transactional outbox: every ingest, revision and correction writes its events in its own
// transaction (none for one rolled back), and readers see them in an order that never puts a
// later commit behind a position already read.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { connectPostgres, openEmbedded } from '../../src/db/client.js';
import { storeArticle } from '../../src/ingest/store.js';
import { heldBack, OUTBOX_START, outboxEnd, readOutbox, type OutboxEvent, type OutboxPosition } from '../../src/outbox/outbox-events.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { createTestDatabase } from '../support/database.js';
import { syntheticDraft } from '../support/drafts.js';

let api: TestApi;
let editor: Record<string, string>;
beforeAll(async () => {
  api = await startTestApi({ seed: false });
  editor = { authorization: `Bearer ${await createApiKey(api.database.writer, 'outbox-editor', 'EDITOR')}` };
});
afterAll(() => api?.close());

/**
 * Every event after `position`, once none is held back: the tests of other suites on the same
 * PostgreSQL server run transactions that hold back what commits after they began.
 */
async function eventsAfter(position: OutboxPosition): Promise<OutboxEvent[]> {
  for (let wait = 0; wait < 500 && (await heldBack(api.database.sql, position)); wait++) await new Promise((resolve) => setTimeout(resolve, 20));
  return readOutbox(api.database.sql, position, 10_000);
}

/** The end of the outbox once every committed event is readable. */
async function settledEnd(): Promise<OutboxPosition> {
  await eventsAfter(OUTBOX_START);
  return outboxEnd(api.database.sql);
}

async function edit(mutation: string, variables: Record<string, unknown> = {}) {
  const result = await api.query(mutation, variables, editor);
  expect(result.errors).toBeUndefined();
  return result.data;
}

const ARTICLE = (paragraph: string) => `Council approves new bridge

SPRINGFIELD (Test Wire) — The council approved the bridge on Tuesday.

"We have waited long enough for this bridge," Mayor Alice Johnson said.

${paragraph}`;

describe('the outbox', () => {
  it('gets articleAdded and a quoteAdded per quote from an ingest, in its transaction', async () => {
    const start = await settledEnd();
    const stored = await storeArticle(api.database.writer, syntheticDraft(1));
    const events = await eventsAfter(start);
    expect(events.map((event) => event.type)).toEqual(['articleAdded', 'quoteAdded', 'quoteAdded', 'quoteAdded']);
    expect(events[0]).toMatchObject({ objectType: 'Article', objectId: stored.articleId, payload: { article: stored.slug, source: 'test-wire', topics: ['testing'], published: true } });
    expect(events[1]!.payload).toMatchObject({ article: stored.slug, speaker: 'speaker1-testperson', source: 'test-wire' });
    // Stored again unchanged: no change, no event.
    const end = await settledEnd();
    await storeArticle(api.database.writer, syntheticDraft(1));
    expect(await eventsAfter(end)).toEqual([]);
  });

  it('writes no event for a write that is rolled back', async () => {
    const start = await settledEnd();
    await expect(
      api.database.writer.transaction(async (session) => {
        await session.query(`INSERT INTO "Change" ("at", "action", "objectType", "objectId") VALUES (now(), 'retractQuote', 'Quote', 1)`, []);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await eventsAfter(start)).toEqual([]);
  });

  it('gets articleRevised and quoteAdded for a new text at a known url, and the corrections, merges and deletion editors make', async () => {
    const url = 'https://example.com/bridge';
    const ingest = 'mutation ($text: String!, $url: String) { ingestArticle(text: $text, url: $url) { article { id slug quotes(first: 10) { nodes { id } } } } }';
    const first = await edit(ingest, { text: ARTICLE('The work starts in May.'), url });
    const article = first.ingestArticle.article;
    const quote = article.quotes.nodes[0].id;
    let position = await settledEnd();
    const next = async () => {
      const events = await eventsAfter(position);
      position = events.at(-1)?.position ?? position;
      return events.map((event) => event.type);
    };

    await edit(ingest, { text: ARTICLE('"It will be ready in a year," said engineer Bob Smith.'), url });
    expect(await next()).toEqual(['articleRevised', 'quoteAdded']);

    await edit('mutation ($quote: ID!) { changeQuoteKind(input: { quote: $quote, kind: PARTIAL }) { quote { id } } }', { quote });
    await edit('mutation ($quote: ID!) { retractQuote(input: { quote: $quote }) { quote { id } } }', { quote });
    await edit('mutation ($quote: ID!) { restoreQuote(input: { quote: $quote }) { quote { id } } }', { quote });
    expect(await next()).toEqual(['quoteCorrected', 'quoteRetracted', 'quoteCorrected']);

    await edit('mutation ($id: ID!) { updateArticle(input: { article: $id, title: "Council backs the bridge" }) { article { id } } }', { id: article.id });
    await edit('mutation ($id: ID!) { unpublishArticle(input: { id: $id }) { article { id } } }', { id: article.id });
    const unpublished = await eventsAfter(position);
    expect(unpublished.map((event) => event.type)).toEqual(['articleRevised', 'articleRevised']);
    expect(unpublished[1]!.payload).toMatchObject({ action: 'unpublishArticle', published: false });
    position = unpublished.at(-1)!.position;

    await edit('mutation { mergePeople(input: { from: "bob-smith", into: "alice-johnson" }) { person { slug } } }');
    const merged = await eventsAfter(position);
    expect(merged.map((event) => event.type)).toEqual(['personMerged']);
    expect(merged[0]!.payload).toMatchObject({ person: 'bob-smith', mergedInto: 'alice-johnson' });
    position = merged[0]!.position;

    await edit('mutation ($id: ID!) { deleteArticle(input: { id: $id }) { deletedId } }', { id: article.id });
    const deleted = await eventsAfter(position);
    expect(deleted.map((event) => event.type)).toEqual(['articleDeleted']);
    expect(deleted[0]).toMatchObject({ objectType: 'Article', payload: { article: article.slug } });
  });

  it('never shows a reader an event behind a position it has read, when transactions commit out of order', async () => {
    const start = await settledEnd();
    // Two connections of our own to the test database, named as the API's pool sees it.
    const [{ database }] = (await api.database.sql.query<{ database: string }>('SELECT current_database() AS "database"', [])) as [{ database: string }];
    const url = new URL(process.env.DATABASE_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres');
    url.pathname = `/${database}`;
    const first = new pg.Client({ connectionString: url.toString() });
    const second = new pg.Client({ connectionString: url.toString() });
    await first.connect();
    await second.connect();
    try {
      const insert = `INSERT INTO "OutboxEvent" ("rank", "type", "objectType", "objectId", "payload") VALUES (2, $1, 'Quote', 1, '{}')`;
      await first.query('BEGIN');
      await first.query(insert, ['quoteCorrected']); // takes its transaction id and event id first
      await second.query('BEGIN');
      await second.query(insert, ['quoteRetracted']);
      await second.query('COMMIT'); // commits first
      // The later transaction committed, but an earlier one is still running: nothing is read yet,
      // or a reader that moved past it would never see the earlier one's event.
      expect(await readOutbox(api.database.sql, start, 10)).toEqual([]);
      expect(await heldBack(api.database.sql, start)).toBe(true);
      await first.query('COMMIT');
      const events = await eventsAfter(start);
      expect(events.map((event) => event.type)).toEqual(['quoteCorrected', 'quoteRetracted']);
    } finally {
      await first.end();
      await second.end();
    }
  });

  it('starts from the beginning with OUTBOX_START', async () => {
    const all = await eventsAfter(OUTBOX_START);
    const [{ count }] = (await api.database.sql.query<{ count: number }>('SELECT count(*)::int AS "count" FROM "OutboxEvent"', [])) as [{ count: number }];
    expect(all.length).toBe(count);
    expect(all[0]!.type).toBe('articleAdded');
  });
});

describe('the outbox on the embedded database', () => {
  it('is filled by the same triggers, and read the same way', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'quotegraph-outbox-'));
    const database = await openEmbedded(folder);
    try {
      await storeArticle(database.writer, syntheticDraft(7));
      const events = await readOutbox(database.sql, OUTBOX_START, 100);
      expect(events.map((event) => event.type)).toEqual(['articleAdded', 'quoteAdded', 'quoteAdded', 'quoteAdded']);
      expect(await heldBack(database.sql, OUTBOX_START)).toBe(false);
      expect(await outboxEnd(database.sql)).toEqual(events.at(-1)!.position);
    } finally {
      await database.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('the outbox order', () => {
  it('is numeric: transaction ids and event ids of different lengths are read, a page at a time, in order', async () => {
    const testDatabase = await createTestDatabase({ seeded: false });
    const database = connectPostgres(testDatabase.url);
    try {
      // As text, "10" sorts before "9": read in that order, a page of one would give the third event
      // first and move past the other two for good.
      await database.writer.transaction((session) =>
        session.query(
          `INSERT INTO "OutboxEvent" ("transactionId", "rank", "id", "type", "objectType", "objectId", "payload")
           VALUES (10, 0, 8, 'quoteAdded', 'Quote', 3, '{}'), (9, 0, 10, 'quoteAdded', 'Quote', 2, '{}'), (9, 0, 9, 'quoteAdded', 'Quote', 1, '{}')`,
          [],
        ),
      );
      const read: number[] = [];
      let after: OutboxPosition = OUTBOX_START;
      for (let page = 0; page < 5; page++) {
        const [event] = await readOutbox(database.sql, after, 1);
        if (!event) break;
        read.push(event.objectId);
        after = event.position;
      }
      expect(read).toEqual([1, 2, 3]);
      expect(await outboxEnd(database.sql)).toEqual({ transactionId: '10', rank: 0, id: '8' });
    } finally {
      await database.close();
      await testDatabase.drop();
    }
  });
});
