// Pruning the outbox: the oldest events past the retention period go, in batches, as a prefix of the
// outbox's order; what an enabled webhook has not fanned out or not yet delivered stays; a client
// resuming from a cursor before what was pruned gets CURSOR_EXPIRED (changesSince and subscriptions)
// instead of silently missing changes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { openEmbedded } from '../../src/db/client.js';
import { CursorExpiredError, encodePosition, heldBack, OUTBOX_START, prunedThrough, readOutbox, type OutboxEvent, type OutboxPosition } from '../../src/outbox/outbox-events.js';
import { OutboxFeed } from '../../src/outbox/outbox-feed.js';
import { pruneDeliveries, pruneOutbox } from '../../src/outbox/outbox-pruning.js';
import { storeArticle } from '../../src/ingest/store.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { syntheticDraft } from '../support/drafts.js';

const WEEK_MS = 7 * 24 * 3_600_000;

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** A fresh database with `articles` articles stored (four events each), and its events once all are readable. */
async function outboxOf(articles: number): Promise<{ api: TestApi; events: OutboxEvent[] }> {
  api = await startTestApi({ seed: false });
  for (let index = 0; index < articles; index++) await storeArticle(api.database.writer, syntheticDraft(100 + index));
  // Transactions of other suites on the server hold back what committed after they began.
  for (let wait = 0; wait < 1_000 && (await heldBack(api.database.sql, OUTBOX_START)); wait++) await new Promise((resolve) => setTimeout(resolve, 20));
  const events = await readOutbox(api.database.sql, OUTBOX_START, 10_000);
  expect(events).toHaveLength(articles * 4);
  return { api, events };
}

async function run(sql: string, parameters: unknown[] = []): Promise<void> {
  await api!.database.writer.transaction((session) => session.query(sql, parameters));
}

/** Makes events `days` older, as if committed that long ago. */
async function age(events: OutboxEvent[], days: number): Promise<void> {
  await run(`UPDATE "OutboxEvent" SET "at" = "at" - make_interval(days => $2) WHERE "id" = ANY($1::bigint[])`, [events.map((event) => event.id), days]);
}

async function remainingIds(): Promise<string[]> {
  return (await readOutbox(api!.database.sql, OUTBOX_START, 10_000)).map((event) => event.id);
}

/** A webhook registered straight into the table, having fanned out the outbox up to `after`. */
async function webhook(after: OutboxPosition, disabled = false): Promise<number> {
  const [row] = await api!.database.writer.transaction((session) =>
    session.query<{ id: number }>(
      `INSERT INTO "Webhook" ("url", "events", "secret", "afterTransactionId", "afterRank", "afterEventId", "disabledAt")
       VALUES ('https://hooks.example/q', '{}', 'long-enough-secret', $1::bigint, $2::smallint, $3::bigint, CASE WHEN $4 THEN now() END) RETURNING "id"`,
      [after.transactionId, after.rank, after.id, disabled],
    ),
  );
  return row!.id;
}

async function pendingDelivery(webhookId: number, event: OutboxEvent): Promise<void> {
  await run(`INSERT INTO "WebhookDelivery" ("webhookId", "eventId", "body") VALUES ($1, $2::bigint, '{}')`, [webhookId, event.id]);
}

const ids = (events: OutboxEvent[]) => events.map((event) => event.id);

describe('pruning the outbox', () => {
  it('deletes the events older than the retention period, oldest first, in batches, and stops at the first one kept', async () => {
    const { events } = await outboxOf(5);
    await age(events.slice(0, 12), 8);
    // Old, but after a recent one: the pruned part stays a prefix, so it stays too.
    await age([events[15]!], 8);
    expect(await pruneOutbox(api!.database.writer, WEEK_MS, 5)).toBe(12);
    expect(await remainingIds()).toEqual(ids(events.slice(12)));
    expect(await prunedThrough(api!.database.sql)).toEqual(events[11]!.position);
    expect(await pruneOutbox(api!.database.writer, WEEK_MS, 5)).toBe(0);
    expect(await remainingIds()).toEqual(ids(events.slice(12)));
  });

  it('keeps what an enabled webhook has not fanned out and the events of its pending deliveries; a disabled webhook holds nothing', async () => {
    const { events } = await outboxOf(4);
    await age(events, 8);
    const enabled = await webhook(events[9]!.position);
    await pendingDelivery(enabled, events[6]!);
    const disabled = await webhook(OUTBOX_START, true);
    await pendingDelivery(disabled, events[1]!);
    // Up to the pending delivery's event.
    expect(await pruneOutbox(api!.database.writer, WEEK_MS)).toBe(6);
    expect(await remainingIds()).toEqual(ids(events.slice(6)));
    // Delivered: up to where the webhook has fanned out.
    await run(`UPDATE "WebhookDelivery" SET "status" = 'delivered' WHERE "webhookId" = $1`, [enabled]);
    expect(await pruneOutbox(api!.database.writer, WEEK_MS)).toBe(4);
    expect(await remainingIds()).toEqual(ids(events.slice(10)));
    // The webhook removed: the rest.
    await run(`DELETE FROM "Webhook" WHERE "id" = $1`, [enabled]);
    expect(await pruneOutbox(api!.database.writer, WEEK_MS)).toBe(6);
    expect(await remainingIds()).toEqual([]);
    expect(await prunedThrough(api!.database.sql)).toEqual(events.at(-1)!.position);
  });

  it('deletes the deliveries whose event was pruned, delivered or of a disabled webhook, and keeps the rest', async () => {
    const { events } = await outboxOf(3);
    await age(events.slice(0, 6), 8);
    const enabled = await webhook(events.at(-1)!.position);
    const disabled = await webhook(OUTBOX_START, true);
    for (const event of [events[2]!, events[8]!]) await pendingDelivery(enabled, event);
    await run(`UPDATE "WebhookDelivery" SET "status" = 'delivered'`);
    await pendingDelivery(enabled, events[9]!);
    await pendingDelivery(disabled, events[1]!);
    expect(await pruneOutbox(api!.database.writer, WEEK_MS)).toBe(6);
    expect(await pruneDeliveries(api!.database.writer, 1)).toBe(2);
    const kept = await api!.database.sql.query<{ eventId: string; status: string }>(
      `SELECT "eventId"::text AS "eventId", "status" FROM "WebhookDelivery" ORDER BY "eventId"`,
      [],
    );
    expect(kept).toEqual([
      { eventId: events[8]!.id, status: 'delivered' },
      { eventId: events[9]!.id, status: 'pending' },
    ]);
    expect(await pruneDeliveries(api!.database.writer)).toBe(0);
  });

  it('refuses a cursor before what was pruned with CURSOR_EXPIRED, in changesSince and subscriptions; later cursors and none resume', async () => {
    const { events } = await outboxOf(3);
    await age(events.slice(0, 6), 8);
    expect(await pruneOutbox(api!.database.writer, WEEK_MS)).toBe(6);
    const feedQuery = 'query ($since: String) { changesSince(since: $since, first: 50) { cursor nodes { id } } }';

    const expired = await api!.query(feedQuery, { since: encodePosition(events[1]!.position) });
    expect(expired.errors?.[0]?.extensions).toEqual({ code: 'CURSOR_EXPIRED', oldestCursor: encodePosition(events[5]!.position) });
    expect(expired.errors?.[0]?.message).toContain('older than the oldest change kept');
    // The cursor the error gives, and no cursor, read everything kept.
    const resumed = await api!.query(feedQuery, { since: expired.errors?.[0]?.extensions?.oldestCursor });
    expect(resumed.errors).toBeUndefined();
    expect(resumed.data.changesSince.nodes.map((node: { id: string }) => node.id)).toEqual(ids(events.slice(6)));
    const fromStart = await api!.query(feedQuery, { since: null });
    expect(fromStart.data.changesSince.nodes.map((node: { id: string }) => node.id)).toEqual(ids(events.slice(6)));
    const later = await api!.query(feedQuery, { since: encodePosition(events[8]!.position) });
    expect(later.data.changesSince.nodes.map((node: { id: string }) => node.id)).toEqual(ids(events.slice(9)));

    const feed = new OutboxFeed(api!.database);
    try {
      await expect(feed.subscribe(() => true, events[1]!.position)).rejects.toBeInstanceOf(CursorExpiredError);
      const caughtUp = await feed.subscribe(() => true, events[5]!.position);
      const first = await caughtUp.next();
      expect(first.value?.id).toBe(events[6]!.id);
      await caughtUp.return?.();
    } finally {
      await feed.close();
    }

    const client = createClient({ url: api!.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
    try {
      const refused = await new Promise<readonly { message: string; extensions?: Record<string, unknown> }[]>((resolve, reject) => {
        client.subscribe(
          { query: 'subscription ($since: String) { changes(since: $since) { id } }', variables: { since: encodePosition(events[1]!.position) } },
          {
            next: () => reject(new Error('an event arrived')),
            // graphql-ws gives the errors of an operation refused before it runs as an array.
            error: (errors) => (Array.isArray(errors) ? resolve(errors) : reject(errors)),
            complete: () => reject(new Error('completed without an error')),
          },
        );
      });
      expect(refused[0]?.extensions?.code).toBe('CURSOR_EXPIRED');
    } finally {
      await client.dispose();
    }
  });
});

describe('pruning the outbox on the embedded database', () => {
  it('deletes the old events and moves the mark the same way', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'quotegraph-pruning-'));
    const database = await openEmbedded(folder);
    try {
      for (const number of [1, 2]) await storeArticle(database.writer, syntheticDraft(number));
      const events = await readOutbox(database.sql, OUTBOX_START, 100);
      await database.writer.transaction((session) =>
        session.query(`UPDATE "OutboxEvent" SET "at" = "at" - make_interval(days => 8) WHERE "id" = ANY($1::bigint[])`, [ids(events.slice(0, 4))]),
      );
      expect(await pruneOutbox(database.writer, WEEK_MS, 3)).toBe(4);
      expect((await readOutbox(database.sql, OUTBOX_START, 100)).map((event) => event.id)).toEqual(ids(events.slice(4)));
      expect(await prunedThrough(database.sql)).toEqual(events[3]!.position);
    } finally {
      await database.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
