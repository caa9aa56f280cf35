// An unexpected error reaches the client as a bare INTERNAL_SERVER_ERROR with the request id, and
// the log gets the details under the same id; a request is one log line however many of its fields
// failed, and names a client made huge are cut.
import { Writable } from 'node:stream';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { connectPostgres, type Database } from '../../src/db/client.js';
import { createApolloServer } from '../../src/graphql/apollo.js';
import type { Context } from '../../src/graphql/context.js';
import { serveApi, type RunningApi } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

@ObjectType({ description: 'A thing that fails.' })
class Broken {
  @Field(() => String, { description: 'Never answers.' })
  value!: string;
}

@Resolver(() => Broken)
class BrokenResolver {
  @Query(() => Broken, { description: 'Throws like a bug would.' })
  broken(@Ctx() _context: Context): Broken {
    throw new Error('relation "Secret" does not exist in SELECT * FROM "Secret" at /work/main/src/x.ts:1:1');
  }
}

describe.each([
  { executor: 'graphql-js', compiledExecution: false as const },
  { executor: 'compiled', compiledExecution: { compileAfter: 0 } },
])('internal errors ($executor)', ({ compiledExecution }) => {
  it('carry the request id and nothing of the failure to the client', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    const schema = await buildSchema({ resolvers: [BrokenResolver], validate: false });
    const apollo = await createApolloServer(schema, {
      introspection: false,
      queryLimits: { maxNodes: 100, maxCost: 1_000, maxDepth: 5, maxAliases: 5, maxOperations: 1, maxTokens: 1_000 },
      logger,
      compiledExecution,
    });
    const response = await apollo.executeOperation(
      { query: '{ broken { value } }' },
      { contextValue: { requestId: 'request-42' } as Context },
    );
    await apollo.stop();
    const result = response.body.kind === 'single' ? response.body.singleResult : null;
    expect(result?.errors).toEqual([
      { message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['broken'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'request-42' } },
    ]);
    const logged = lines.map((line) => JSON.parse(line)).find((line) => line.msg === 'graphql operation failed');
    expect(logged.requestId).toBe('request-42');
    expect(logged.err.message).toContain('SELECT * FROM "Secret"');
  });
});

describe('the operation log, over PostgreSQL', () => {
  const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk))), done()) }));
  let testDatabase: TestDatabase;
  let database: Database;
  let api: RunningApi;
  beforeAll(async () => {
    testDatabase = await createTestDatabase({ seeded: true });
    // Short, so that a statement waiting on a lock times out quickly.
    database = connectPostgres(testDatabase.url, { statementTimeout: 300 });
    api = await serveApi(database, { host: '127.0.0.1', port: 0, logger });
  });
  afterAll(async () => {
    await api?.close();
    await database?.close();
    await testDatabase?.drop();
  });

  async function post(body: Record<string, unknown>) {
    const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string; requestId?: string } }[] };
  }

  it('has one line for a request whose every field timed out, at warn, with the first failure once', async () => {
    const { data } = await post({ query: '{ articles(first: 1) { nodes { id } } }' });
    const aliases = Array.from({ length: 30 }, (_, index) => `a${index}: node(id: "${data.articles.nodes[0].id}") { id }`).join(' ');
    // The lookups wait on this lock until statement_timeout stops them.
    const locker = new pg.Client({ connectionString: testDatabase.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE "Article" IN ACCESS EXCLUSIVE MODE');
      lines.splice(0);
      const result = await post({ query: `{ ${aliases} }` });
      expect(result.errors).toHaveLength(30);
      expect(new Set(result.errors!.map((error) => error.extensions?.code))).toEqual(new Set(['QUERY_TIMEOUT']));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 40, msg: 'graphql operation failed', errors: { QUERY_TIMEOUT: 30 }, databaseFailure: 'timeout' });
      expect((lines[0]!.err as { stack?: string }).stack).toBeTruthy();
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
  });

  it('cuts a huge operationName in the answer and in the log', async () => {
    lines.splice(0);
    const name = 'N'.repeat(500_000);
    const result = await post({ query: '{ articles(first: 1) { totalCount } }', operationName: name });
    expect(result.errors?.[0]?.message.length).toBeLessThan(300);
    expect(result.errors?.[0]?.message).toContain('N'.repeat(100));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(JSON.stringify(line).length).toBeLessThan(2_000);
    expect(String(lines[0]!.operationName)).toHaveLength(101);
  });
});
