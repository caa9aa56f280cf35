// The outbox as a live stream: a subscriber gets what commits after it subscribed, filtered, and
// one that gives a position gets what it missed first; on PostgreSQL and on the embedded database.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectPostgres, openEmbedded, type Database } from '../../src/db/client.js';
import { storeArticle } from '../../src/ingest/store.js';
import { OUTBOX_START, type OutboxEvent } from '../../src/outbox/outbox-events.js';
import { OutboxFeed } from '../../src/outbox/outbox-feed.js';
import { createTestDatabase } from '../support/database.js';
import { syntheticDraft } from '../support/drafts.js';

async function take(events: AsyncIterator<OutboxEvent>, count: number, ms = 10_000): Promise<OutboxEvent[]> {
  const taken: OutboxEvent[] = [];
  const deadline = setTimeout(() => void events.return?.(), ms);
  try {
    while (taken.length < count) {
      const next = await events.next();
      if (next.done) break;
      taken.push(next.value);
    }
  } finally {
    clearTimeout(deadline);
  }
  return taken;
}

async function feedBehaviour(database: Database): Promise<void> {
  const feed = new OutboxFeed(database);
  try {
    const quotes = await feed.subscribe((event) => event.type === 'quoteAdded' && event.payload.speaker === 'speaker2-testperson');
    const stored = await storeArticle(database.writer, syntheticDraft(2));
    const live = await take(quotes, 3);
    expect(live.map((event) => event.payload.article)).toEqual([stored.slug, stored.slug, stored.slug]);
    // From the start: the earlier article's four events, then the next article's, live.
    const replay = await feed.subscribe(() => true, OUTBOX_START);
    const next = await storeArticle(database.writer, syntheticDraft(5));
    const all = await take(replay, 8);
    expect(all.map((event) => `${event.type} ${event.payload.article}`)).toEqual([
      `articleAdded ${stored.slug}`,
      ...Array(3).fill(`quoteAdded ${stored.slug}`),
      `articleAdded ${next.slug}`,
      ...Array(3).fill(`quoteAdded ${next.slug}`),
    ]);
    await quotes.return?.();
    await replay.return?.();
  } finally {
    await feed.close();
  }
}

describe('the outbox feed', () => {
  it('streams what commits, and what a subscriber missed, on PostgreSQL', async () => {
    const testDatabase = await createTestDatabase();
    const database = connectPostgres(testDatabase.url);
    try {
      await feedBehaviour(database);
    } finally {
      await database.close();
      await testDatabase.drop();
    }
  });

  it('streams the same on the embedded database', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'quotegraph-feed-'));
    const database = await openEmbedded(folder);
    try {
      await feedBehaviour(database);
    } finally {
      await database.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
