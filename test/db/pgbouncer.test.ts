// The API behind Debian's PgBouncer in transaction mode: every bench shape, pages, a write and the
// migration check, concurrently, without errors, with prepared statements off (PgBouncer 1.18 cannot
// follow a statement's name from one server connection to the next).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShapes } from '../../bench/shapes.js';
import { createApiKey } from '../../src/auth/api-keys.js';
import { connectPostgres, openMigratedDatabase, type Database } from '../../src/db/client.js';
import { seedDatabase } from '../../src/seeds.js';
import { serveApi, type RunningApi } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startPgBouncer, type PgBouncer } from '../support/pgbouncer.js';

let testDatabase: TestDatabase;
let bouncer: PgBouncer;
let database: Database;
let api: RunningApi;
let editorKey: string;

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
}

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  bouncer = await startPgBouncer();
  database = connectPostgres(bouncer.urlFor(testDatabase.url), { preparedStatements: false, statementTimeout: 5_000, directUrl: testDatabase.url });
  await seedDatabase(database.writer);
  editorKey = await createApiKey(database.writer, 'pgbouncer-test', 'EDITOR');
  api = await serveApi(database, { host: '127.0.0.1', port: 0 });
}, 60_000);

afterAll(async () => {
  await api?.close();
  await database?.close();
  await bouncer?.stop();
  await testDatabase?.drop();
});

describe('behind PgBouncer in transaction mode', () => {
  it('answers every bench shape, many at once, without an error', async () => {
    const first = await post('{ articles(first: 1) { nodes { slug } } }');
    const shapes = buildShapes({ personSlug: 'sergey-lavrov', articleSlug: first.data.articles.nodes[0].slug, search: 'Lavrov' });
    const requests = Array.from({ length: 200 }, (_, index) => post(shapes[index % shapes.length]!.quotegraph));
    const answers = await Promise.all(requests);
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    expect(answers.every((answer) => answer.data)).toBe(true);
  });

  it('pages through a list and writes through it', async () => {
    const page = await post('{ quotes(first: 2) { pageInfo { endCursor } nodes { text } } }');
    const next = await post('query ($after: String) { quotes(first: 2, after: $after) { nodes { text } } }', { after: page.data.quotes.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    const text = 'Harbour plan approved\n\nDOVER (Reuters) - The harbour plan was approved on Monday.\n\n"It is a good day," said harbour master Ann Lowe.\n';
    const written = await post('mutation ($text: String!) { ingestArticle(text: $text) { created article { title } } }', { text }, { authorization: `Bearer ${editorKey}` });
    expect(written.errors).toBeUndefined();
    expect(written.data.ingestArticle.article.title).toBe('Harbour plan approved');
  });

  it('listens for notifications (the outbox feed) on DATABASE_DIRECT_URL, not through the pooler', async () => {
    let heard!: () => void;
    const notified = new Promise<void>((resolve) => (heard = resolve));
    const unlisten = await database.listen('quotegraph_pooling_test', () => heard());
    try {
      // NOTIFY is sent through PgBouncer (a transaction of its own) and heard on the direct session.
      await database.writer.transaction((session) => session.query("SELECT pg_notify('quotegraph_pooling_test', '')", []));
      await notified;
    } finally {
      await unlisten();
    }
  });

  it('checks migrations through it when the database is up to date, and migrates through DATABASE_DIRECT_URL', async () => {
    const { database: opened, migration } = await openMigratedDatabase({
      databaseUrl: bouncer.urlFor(testDatabase.url),
      directUrl: testDatabase.url,
      dataDirectory: '',
      preparedStatements: false,
    });
    await opened.close();
    expect(migration.applied).toEqual([]);
    expect(migration.alreadyApplied.length).toBeGreaterThan(0);
  });
});
