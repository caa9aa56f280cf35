// Reads on a real streaming replica (its own cluster, made with pg_basebackup -R), writes on the
// primary, a mutation's commit position honoured while replay is paused, and reads carried on by
// the primary while the replica is down.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { connectPostgres, type Database } from '../../src/db/client.js';
import { migratePostgres } from '../../src/db/migrate.js';
import { parseLsn } from '../../src/db/replicas.js';
import { seedDatabase } from '../../src/seeds.js';
import { serveApi, type RunningApi } from '../../src/server.js';
import { createStreamingReplica, createThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.js';

let primary: ThrowawayPostgres;
let replica: ThrowawayPostgres;
let database: Database;
let api: RunningApi;
let editorKey: string;

const INGEST = `mutation ($text: String!, $url: String!) {
  ingestArticle(text: $text, url: $url) { created article { title } }
}`;
const BY_TITLE = `query ($query: String!) { search(query: $query) { articles(first: 5) { nodes { title } } } }`;

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

async function onReplica<T>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: replica.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Checks replicas until `done` holds (each round is one check of every replica). */
async function checkUntil(done: () => boolean, rounds = 100): Promise<void> {
  for (let round = 0; round < rounds && !done(); round++) {
    await database.replication!.check();
    if (!done()) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(done()).toBe(true);
}

const story = (word: string) =>
  `${word} council approves new budget\n\nLONDON (Reuters) - The ${word} council approved its budget on Tuesday.\n\n"We have done our job," said council leader Mary Hale.\n`;

const titlesFor = (body: any): string[] => body.data.search.articles.nodes.map((node: { title: string }) => node.title);

beforeAll(async () => {
  primary = await createThrowawayPostgres();
  await migratePostgres(primary.url);
  replica = await createStreamingReplica(primary);
  database = connectPostgres(primary.url, { replicaUrls: [replica.url], maxReplicaLag: 600_000, replicaCheckInterval: 60_000 });
  await seedDatabase(database.writer);
  editorKey = await createApiKey(database.writer, 'replica-test', 'EDITOR');
  api = await serveApi(database, { host: '127.0.0.1', port: 0 });
  await checkUntil(() => database.replication!.status()[0]!.healthy);
}, 120_000);

afterAll(async () => {
  await api?.close();
  await database?.close();
  await replica?.destroy();
  await primary?.destroy();
});

describe('read replicas', () => {
  it('serves public reads from the replica, and a mutation (with its payload) from the primary, whose answer carries its commit position', async () => {
    await onReplica('SELECT pg_wal_replay_pause()');
    try {
      const written = await post(INGEST, { text: story('Ashford'), url: 'https://example.test/ashford' }, { authorization: `Bearer ${editorKey}` });
      expect(written.body.errors).toBeUndefined();
      // The payload was read on the primary: the replica has not replayed the article yet.
      expect(written.body.data.ingestArticle.article.title).toBe('Ashford council approves new budget');
      const position = written.headers.get('x-quotegraph-lsn');
      expect(parseLsn(position ?? '')).not.toBeNull();
      expect(written.body.extensions.commitLsn).toBe(position);

      // A public read goes to the replica, which has not replayed the write: the article is not there yet.
      const stale = await post(BY_TITLE, { query: 'Ashford' });
      expect(titlesFor(stale.body)).toEqual([]);

      // Sending the position back: no replica has replayed it, so the primary answers.
      const fresh = await post(BY_TITLE, { query: 'Ashford' }, { 'x-quotegraph-lsn': position! });
      expect(titlesFor(fresh.body)).toEqual(['Ashford council approves new budget']);
    } finally {
      await onReplica('SELECT pg_wal_replay_resume()');
    }
  });

  it('lets the replica serve a commit position once it has replayed it, and the primary before', async () => {
    const written = await post(INGEST, { text: story('Bexley'), url: 'https://example.test/bexley' }, { authorization: `Bearer ${editorKey}` });
    const position = parseLsn(written.headers.get('x-quotegraph-lsn')!)!;
    await checkUntil(() => (parseLsn(database.replication!.status()[0]!.replayedLsn ?? '') ?? 0n) >= position);
    const servedByReplica = async (routing: { primaryOnly: boolean; minimumLsn: bigint | null }) => {
      const [row] = await database.replication!.readerFor(routing).query<{ replica: boolean }>('SELECT pg_is_in_recovery() AS replica', []);
      return row!.replica;
    };
    expect(await servedByReplica({ primaryOnly: false, minimumLsn: null })).toBe(true);
    expect(await servedByReplica({ primaryOnly: false, minimumLsn: position })).toBe(true);
    expect(await servedByReplica({ primaryOnly: false, minimumLsn: position + 1_000_000_000n })).toBe(false);
    expect(await servedByReplica({ primaryOnly: true, minimumLsn: null })).toBe(false);
    const read = await post(BY_TITLE, { query: 'Bexley' }, { 'x-quotegraph-lsn': written.headers.get('x-quotegraph-lsn')! });
    expect(titlesFor(read.body)).toEqual(['Bexley council approves new budget']);
  });

  it('reports each replica on /readyz', async () => {
    const ready = await fetch(new URL('/readyz', api.url));
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { replicas: Array<{ healthy: boolean; location: string }> };
    expect(body.replicas).toEqual([expect.objectContaining({ healthy: true, location: new URL(replica.url).host + '/postgres' })]);
  });

  it('refuses a commit position that is not one', async () => {
    const read = await post(BY_TITLE, { query: 'Bexley' }, { 'x-quotegraph-lsn': 'yesterday' });
    expect(read.status).toBe(400);
    expect(read.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('keeps reading from the primary while the replica is down, and goes back to the replica when it returns', async () => {
    await replica.stop();
    try {
      // The first read finds the replica gone, takes it out and is answered by the primary.
      const read = await post(BY_TITLE, { query: 'Bexley' });
      expect(read.body.errors).toBeUndefined();
      expect(titlesFor(read.body)).toEqual(['Bexley council approves new budget']);
      await database.replication!.check();
      expect(database.replication!.status()[0]).toMatchObject({ healthy: false });
      const again = await post(BY_TITLE, { query: 'Ashford' });
      expect(titlesFor(again.body)).toEqual(['Ashford council approves new budget']);
    } finally {
      await replica.start();
    }
    await checkUntil(() => database.replication!.status()[0]!.healthy);

    // Back in service: with replay paused, a new write is not seen by public reads (the replica answers them).
    await onReplica('SELECT pg_wal_replay_pause()');
    try {
      await post(INGEST, { text: story('Camden'), url: 'https://example.test/camden' }, { authorization: `Bearer ${editorKey}` });
      const stale = await post(BY_TITLE, { query: 'Camden' });
      expect(titlesFor(stale.body)).toEqual([]);
    } finally {
      await onReplica('SELECT pg_wal_replay_resume()');
    }
  });

  it('takes a replica that lags too far out of reads', async () => {
    const lagging = connectPostgres(primary.url, { replicaUrls: [replica.url], maxReplicaLag: 200, replicaCheckInterval: 60_000 });
    try {
      await lagging.replication!.check();
      await onReplica('SELECT pg_wal_replay_pause()');
      await lagging.writer.transaction((session) => session.query('SELECT pg_switch_wal(), txid_current()', []));
      await lagging.replication!.check();
      await new Promise((resolve) => setTimeout(resolve, 400));
      await lagging.replication!.check();
      expect(lagging.replication!.status()[0]).toMatchObject({ healthy: false });
      expect(lagging.replication!.status()[0]!.reason).toMatch(/lagging/);
    } finally {
      await onReplica('SELECT pg_wal_replay_resume()');
      await lagging.close();
    }
  });
});
