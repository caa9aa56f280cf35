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

const options: Omit<ApolloOptions, 'compiledExecution'> = {
  introspection: true,
  queryLimits: { maxNodes: 50_000, maxCost: 50_000, maxDepth: 12, maxAliases: 30, maxOperations: 5, maxTokens: 5_000 },
  logger: pino({ level: 'silent' }),
};

const QUOTE = 'text kind position date retracted speaker { name slug aliases } article { title slug date source { name } }';

/** Operations and their variables: every kind of selection, argument and failure the API has. */
function operations(personId: string, articleSlug: string): Array<{ query: string; variables?: Record<string, unknown>; operationName?: string }> {
  return [
    // The benchmark's shapes.
    { query: '{ person(slug: "sergey-lavrov") { name quotes(first: 20) { nodes { text date article { title date source { name } } } } } }' },
    { query: '{ articles(first: 20) { nodes { title date source { name } topics(first: 10) { nodes { name } } quotes(first: 5) { nodes { text speaker { name } } } } } }' },
    { query: `{ article(slug: "${articleSlug}") { title slug byline dateline standfirst paragraphs date source { name slug }
        topics(first: 10) { nodes { name slug } } quotes(first: 20) { nodes { ${QUOTE} } } } }` },
    { query: '{ person(slug: "sergey-lavrov") { name aliases quotes(first: 20) { totalCount edges { cursor node { text article { title source { name } } } } } } }' },
    { query: '{ search(query: "sanctions") { articles(first: 10) { nodes { title slug } } quotes(first: 10) { nodes { text speaker { name } } } } }' },
    // Interfaces, fragments, __typename, variables with defaults, directives.
    {
      query: `query Node($id: ID!, $withQuotes: Boolean = true) {
        node(id: $id) { __typename id ... on Person { name ...Quoted @include(if: $withQuotes) } ... on Article { title } } }
        fragment Quoted on Person { quotes(first: 3) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id ${QUOTE} } } }`,
      variables: { id: personId },
    },
    { query: 'query Node($id: ID!) { node(id: $id) { id ... on Person { name @skip(if: true) slug } } }', variables: { id: personId } },
    { query: '{ a: node(id: "not-an-id") { id } b: node(id: "UGVyc29uOjk5OTk5") { id } }' },
    // Aliases a compiled function must keep as plain keys.
    { query: '{ __proto__: people(first: 2) { nodes { name } } constructor: topics(first: 2) { nodes { name } } toString: sources(first: 2) { nodes { name } } }' },
    { query: '{ hasOwnProperty: person(slug: "sergey-lavrov") { valueOf: name } }' },
    // Arguments of every kind, pages backwards, filters.
    { query: 'query ($from: DateTimeISO) { quotes(last: 3, from: $from, speaker: "Lavrov") { edges { cursor node { text date } } pageInfo { hasPreviousPage } } }', variables: { from: '2000-01-01T00:00:00Z' } },
    { query: '{ quotes(first: 5, orderBy: OLDEST_FIRST, includeRetracted: true) { totalCount nodes { id text retracted } } }' },
    { query: '{ articles(first: 3, orderBy: OLDEST_FIRST, topic: "russia") { totalCount nodes { title topics(first: 2) { totalCount nodes { name } } } } }' },
    { query: '{ people(first: 5, name: "lav") { nodes { name slug aliases quotes(first: 1) { totalCount } } } }' },
    // Several operations in one document, one chosen by name.
    { query: 'query One { sources(first: 1) { nodes { name } } } query Two { topics(first: 1) { nodes { name } } }', operationName: 'Two' },
    // Introspection.
    { query: '{ __schema { queryType { name } types { name kind } } __type(name: "Quote") { fields { name type { name kind ofType { name } } } } }' },
    // Failures: a bad cursor, a bad page size, variables refused, an unknown operation name, a null slug.
    { query: '{ quotes(first: 2, after: "bad-cursor") { nodes { text } } }' },
    { query: '{ articles(first: -1) { nodes { title } } }' },
    { query: 'query ($from: DateTimeISO) { quotes(first: 1, from: $from) { nodes { text } } }', variables: { from: '2019-02-30' } },
    { query: 'query ($first: Int!) { quotes(first: $first) { nodes { text } } }', variables: {} },
    { query: '{ sources(first: 1) { nodes { name } } }', operationName: 'Missing' },
    { query: '{ person(slug: "nobody-at-all") { name } article(slug: "") { title } }' },
  ];
}

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
