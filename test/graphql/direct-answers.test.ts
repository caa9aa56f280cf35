// Direct answers (src/graphql/direct-answers.ts) give exactly the answers Apollo and graphql-js
// give: every operation of the shared list, sent again once its first answer was compared, gets the
// same body, data, errors and extensions; those one statement can build (the benchmark's shapes
// among them) are then answered by that one statement; and what a later request's variables make
// refusable goes to Apollo, which answers with its error.
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApi, type RunningApi } from '../../src/server.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { FRAGMENTS_WITHIN_FRAGMENTS, operations, type OperationRequest } from '../support/operations.js';

const logged: Record<string, unknown>[] = [];
const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (logged.push(JSON.parse(String(chunk))), done()) }));

let api: TestApi;
let sent = 0;

/** The same database served without direct answers: what Apollo and graphql-js answer. */
let apolloOnly: RunningApi;

beforeAll(async () => {
  api = await startTestApi({ config: { logger } });
  apolloOnly = await serveApi(api.database, { host: '127.0.0.1', port: 0, logger: pino({ level: 'silent' }), directAnswers: false, webhooks: { enabled: false } as never, outboxRetentionDays: 0 });
});
afterAll(async () => {
  await apolloOnly?.close();
  await api?.close();
});

async function send(request: OperationRequest): Promise<{ id: string; status: number; body: unknown }> {
  const id = `direct-${++sent}`;
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': id },
    body: JSON.stringify(request),
  });
  return { id, status: response.status, body: await response.json() };
}

function answeredDirectly(requestId: string): boolean {
  return logged.some((line) => line.requestId === requestId && line.direct === true);
}

/**
 * Sends `request` three times (the comparison with Apollo's first answer runs after that answer is
 * sent), each answer equal to the first; whether the last was answered by one statement.
 */
async function sendAgainAndAgain(request: OperationRequest): Promise<{ first: unknown; direct: boolean; statements: number }> {
  const first = await send(request);
  let last = first;
  for (const pause of [50, 200]) {
    await sleep(pause);
    api.resetStatements();
    last = await send(request);
    expect({ status: last.status, body: last.body }, request.query).toEqual({ status: first.status, body: first.body });
  }
  return { first: first.body, direct: answeredDirectly(last.id), statements: api.statements.length };
}

describe('direct answers', () => {
  it('answer every operation as Apollo does, and the ones one statement can build by that statement', async () => {
    const rows = await api.database.sql.query<{ id: number; slug: string }>(
      `SELECT p."id", (SELECT a."slug" FROM "Article" a ORDER BY a."quoteCount" DESC, a."id" LIMIT 1) AS "slug" FROM "Person" p WHERE p."slug" = 'sergey-lavrov'`,
      [],
    );
    const personId = Buffer.from(`Person:${rows[0]!.id}`).toString('base64');
    const requests = operations(personId, rows[0]!.slug);
    let direct = 0;
    for (const request of requests) {
      const answered = await sendAgainAndAgain(request);
      if (answered.direct) {
        direct += 1;
        expect(answered.statements, request.query).toBe(1);
      }
    }
    expect(logged.filter((line) => String(line.msg).includes('differed'))).toEqual([]);
    // Some are (the catalogue's reads), some are not (cursors, pageInfo, node(id), introspection, refusals).
    expect(direct).toBeGreaterThanOrEqual(12);
    expect(direct).toBeLessThan(requests.length - 10);
  });

  it("answer the benchmark's shapes by one statement", async () => {
    const [article] = await api.database.sql.query<{ slug: string }>('SELECT "slug" FROM "Article" ORDER BY "quoteCount" DESC, "id" LIMIT 1', []);
    const slug = article!.slug;
    const shapes = [
      '{ person(slug: "sergey-lavrov") { name quotes(first: 20) { nodes { text date article { title date source { name } } } } } }',
      '{ articles(first: 20) { nodes { title date source { name } topics(first: 10) { nodes { name } } quotes(first: 5) { nodes { text speaker { name } } } } } }',
      `{ article(slug: "${slug}") { title slug byline dateline standfirst creditLine paragraphs date source { name slug }
        contributors(first: 10) { nodes { name } } authors(first: 10) { nodes { name slug } } people(first: 20) { nodes { name slug } }
        topics(first: 10) { nodes { name slug } } quotes(first: 20) { nodes { text kind position speaker { name slug } } } } }`,
      '{ search(query: "sanctions") { articles(first: 10) { nodes { title slug } } quotes(first: 10) { nodes { text speaker { name } } } } }',
      '{ person(slug: "sergey-lavrov") { name aliases quotes(first: 20) { totalCount edges { node { text article { title source { name } } } } } } }',
    ];
    for (const query of shapes) {
      const answered = await sendAgainAndAgain({ query });
      expect(answered.direct, query).toBe(true);
      expect(answered.statements, query).toBe(1);
      expect((answered.first as { data: unknown }).data, query).not.toBeNull();
    }
  });

  it('walk lists page by page, forwards and backwards, with the cursors and pageInfo Apollo gives', async () => {
    const walks = [
      { query: 'query ($after: String) { articles(first: 1, after: $after) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { title } } } }', forward: true, path: ['articles'] },
      {
        query: 'query ($before: String) { person(slug: "sergey-lavrov") { quotes(last: 2, before: $before) { totalCount pageInfo { hasPreviousPage hasNextPage startCursor endCursor } edges { cursor node { text } } } } }',
        forward: false,
        path: ['person', 'quotes'],
      },
      { query: 'query ($after: String) { topics(first: 2, after: $after) { pageInfo { hasNextPage endCursor } nodes { name } } }', forward: true, path: ['topics'] },
    ];
    for (const walk of walks) {
      let cursor: string | null = null;
      let pages = 0;
      for (;;) {
        const request: OperationRequest = { query: walk.query, variables: walk.forward ? { after: cursor } : { before: cursor } };
        // Learnt at its first page: every later page is answered by one statement.
        const answered: { first: unknown } = pages === 0 ? { first: (await sendAgainAndAgain(request)).first } : { first: (await send(request)).body };
        if (pages > 0) expect(answeredDirectly(`direct-${sent}`)).toBe(true);
        const expected = await fetch(apolloOnly.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
        expect(answered.first, `${walk.query} page ${pages}`).toEqual(await expected.json());
        const connection: any = walk.path.reduce((value: any, key) => value[key], (answered.first as { data: unknown }).data);
        pages += 1;
        const more = walk.forward ? connection.pageInfo.hasNextPage : connection.pageInfo.hasPreviousPage;
        if (!more) break;
        cursor = walk.forward ? connection.pageInfo.endCursor : connection.pageInfo.startCursor;
        expect(pages).toBeLessThan(50);
      }
      expect(pages, walk.query).toBeGreaterThan(1);
    }
  });

  it('hand a learnt operation to Apollo when its variables are refused, and answer with its error', async () => {
    const pageOf = { query: 'query ($n: Int!) { articles(first: $n) { nodes { title } } }', variables: { n: 2 } };
    expect((await sendAgainAndAgain(pageOf)).direct).toBe(true);
    const tooMany = await send({ ...pageOf, variables: { n: 1_000 } });
    expect(answeredDirectly(tooMany.id)).toBe(false);
    expect((tooMany.body as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toMatch(/^(BAD_USER_INPUT|QUERY_TOO_COSTLY)$/);
    const wrongType = await send({ ...pageOf, variables: { n: 'two' } });
    expect(answeredDirectly(wrongType.id)).toBe(false);
    expect((wrongType.body as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');

    const person = { query: 'query ($slug: String!) { person(slug: $slug) { name } }', variables: { slug: 'sergey-lavrov' } };
    expect((await sendAgainAndAgain(person)).direct).toBe(true);
    const nul = await send({ ...person, variables: { slug: 'sergey\u0000lavrov' } });
    expect(answeredDirectly(nul.id)).toBe(false);
    expect((nul.body as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    // Another slug is another statement's parameter: answered directly, and right.
    const other = await send({ ...person, variables: { slug: 'no-such-person' } });
    expect(answeredDirectly(other.id)).toBe(true);
    expect(other.body).toMatchObject({ data: { person: null } });
  });

  it('spread each fragment once, as graphql-js does, so that fragments spread within fragments cannot explode', async () => {
    // Each fragment spreads the next twice: 2^30 spreads walked naively (a worker died of it once).
    const answered = await sendAgainAndAgain({ query: FRAGMENTS_WITHIN_FRAGMENTS });
    expect(answered.first).toMatchObject({ data: { person: { name: 'Sergey Lavrov', slug: 'sergey-lavrov' } } });
    expect(answered.direct).toBe(true);
  });

  it('send the headers Apollo sends', async () => {
    const request = { query: '{ sources(first: 1) { nodes { name } } }' };
    expect((await sendAgainAndAgain(request)).direct).toBe(true);
    const post = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://example.org' }, body: JSON.stringify(request) });
    const [direct, apollo] = await Promise.all([post(api.url), post(apolloOnly.url)]);
    const headers = (response: Response) => Object.fromEntries([...response.headers].filter(([name]) => !['date', 'content-length', 'x-request-id', 'keep-alive', 'connection'].includes(name)));
    expect(headers(direct)).toEqual(headers(apollo));
    expect(direct.status).toBe(apollo.status);
  });

  it('leave requests with a key, GETs and persisted-query extensions to Apollo', async () => {
    const query = '{ topics(first: 2) { nodes { name } } }';
    expect((await sendAgainAndAgain({ query })).direct).toBe(true);
    const viaGet = await fetch(`${api.url}?query=${encodeURIComponent(query)}`, { headers: { 'x-request-id': 'direct-get', 'apollo-require-preflight': 'true' } });
    expect(viaGet.status).toBe(200);
    expect(answeredDirectly('direct-get')).toBe(false);
    const withKey = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'direct-key', authorization: 'Bearer not-a-key' },
      body: JSON.stringify({ query }),
    });
    await withKey.text();
    expect(answeredDirectly('direct-key')).toBe(false);
  });
});
