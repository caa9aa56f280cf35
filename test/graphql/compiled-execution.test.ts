// Compiled execution (src/graphql/compiled-execution.ts) answers exactly as graphql-js does: the
// same operations, over the same seeded database, through two Apollo servers, one interpreting
// every operation and one compiling each at its first run, give the same data and the same errors.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import { createApolloServer, type ApolloOptions } from '../../src/graphql/apollo.js';
import { createContext, type Context } from '../../src/graphql/context.js';
import { buildQuotegraphSchema } from '../../src/graphql/schema.js';
import { ExtractionWorker } from '../../src/ingest/extraction-worker.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { connectPostgres, type Database } from '../../src/db/client.js';
import { operations } from '../support/operations.js';

const options: Omit<ApolloOptions, 'compiledExecution'> = {
  introspection: true,
  queryLimits: { maxNodes: 50_000, maxCost: 50_000, maxDepth: 12, maxAliases: 30, maxOperations: 5, maxTokens: 5_000 },
  logger: pino({ level: 'silent' }),
};

describe('compiled execution', () => {
  let testDatabase: TestDatabase;
  let database: Database;
  let interpreted: ApolloServer<Context>;
  let compiled: ApolloServer<Context>;
  const extraction = new ExtractionWorker(10_000);

  beforeAll(async () => {
    testDatabase = await createTestDatabase({ seeded: true });
    database = connectPostgres(testDatabase.url);
    const schema = await buildQuotegraphSchema();
    interpreted = await createApolloServer(schema, { ...options, compiledExecution: false });
    compiled = await createApolloServer(schema, { ...options, compiledExecution: { compileAfter: 0 } });
  });
  afterAll(async () => {
    await interpreted?.stop();
    await compiled?.stop();
    await extraction.close();
    await database?.close();
    await testDatabase?.drop();
  });

  async function answer(apollo: ApolloServer<Context>, request: { query: string; variables?: Record<string, unknown>; operationName?: string }) {
    const response = await apollo.executeOperation(request, { contextValue: createContext(database, extraction, 'request-1') });
    expect(response.body.kind).toBe('single');
    return { status: response.http.status ?? 200, ...(response.body.kind === 'single' ? response.body.singleResult : {}) };
  }

  it('gives the answers graphql-js gives, data and errors, run after run', async () => {
    const rows = await database.sql.query<{ id: number; slug: string }>(
      `SELECT p."id", (SELECT a."slug" FROM "Article" a ORDER BY a."quoteCount" DESC, a."id" LIMIT 1) AS "slug" FROM "Person" p WHERE p."slug" = 'sergey-lavrov'`,
      [],
    );
    const personId = Buffer.from(`Person:${rows[0]!.id}`).toString('base64');
    const requests = operations(personId, rows[0]!.slug);
    let failures = 0;
    for (const request of requests) {
      const expected = await answer(interpreted, request);
      failures += expected.errors ? 1 : 0;
      for (let run = 0; run < 2; run++) expect(await answer(compiled, request), request.query).toEqual(expected);
    }
    // The list holds both kinds: answers with data, and refusals.
    expect(failures).toBeGreaterThanOrEqual(5);
    expect(failures).toBeLessThan(requests.length);
  });
});
