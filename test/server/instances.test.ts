// Two server processes behind Debian's nginx, one database and one Redis: answers do not depend on
// the instance that gives them, and a persisted query registered through one is known to the other.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShapes } from '../../bench/shapes.js';
import { connectPostgres } from '../../src/db/client.js';
import { seedDatabase } from '../../src/seeds.js';
import { startBuiltServer, type RunningServer } from '../support/built-server.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startNginx, type Balancer } from '../support/nginx.js';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

let testDatabase: TestDatabase;
let instances: RunningServer[] = [];
let balancer: Balancer;

async function post(url: string, body: unknown): Promise<{ upstream: string | null; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { upstream: response.headers.get('x-upstream'), body: await response.json() };
}

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  const database = connectPostgres(testDatabase.url);
  await seedDatabase(database.writer);
  await database.close();
  // Both start at once: the migration check and its advisory lock let several instances start together.
  instances = await Promise.all([0, 1].map(() => startBuiltServer({ DATABASE_URL: testDatabase.url, REDIS_URL, LOG_LEVEL: 'warn' })));
  balancer = await startNginx(instances.map((instance) => new URL(instance.url).host));
}, 60_000);

afterAll(async () => {
  await balancer?.stop();
  for (const instance of instances) {
    instance.terminate();
    await instance.exited;
  }
  await testDatabase?.drop();
});

describe('two instances behind nginx', () => {
  it('give 1,000 mixed requests the same answers as one instance', async () => {
    const direct = instances[0]!.url;
    const first = await post(direct, { query: '{ articles(first: 1) { nodes { slug } } people(first: 1) { nodes { slug } } }' });
    const queries = [
      ...buildShapes({ personSlug: 'sergey-lavrov', articleSlug: first.body.data.articles.nodes[0].slug, search: 'Lavrov' }).map((shape) => shape.quotegraph),
      '{ quotes(first: 3) { pageInfo { endCursor hasNextPage } nodes { id text } } }',
      `{ person(slug: ${JSON.stringify(first.body.data.people.nodes[0].slug)}) { id name aliases quotes(first: 5) { totalCount } } }`,
      '{ topics(first: 10) { nodes { name articles(first: 2) { totalCount } } } }',
      '{ article(slug: "no-such-article") { title } }',
    ];
    const expected = await Promise.all(queries.map(async (query) => (await post(direct, { query })).body));
    for (const answer of expected) expect(answer.errors).toBeUndefined();

    const upstreams = new Map<string, number>();
    const mismatches: string[] = [];
    for (let round = 0; round < 100; round++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, async (_, index) => {
          const which = (round * 10 + index) % queries.length;
          return { which, ...(await post(`${balancer.url}/graphql`, { query: queries[which] })) };
        }),
      );
      for (const answer of answers) {
        upstreams.set(answer.upstream ?? 'none', (upstreams.get(answer.upstream ?? 'none') ?? 0) + 1);
        if (JSON.stringify(answer.body.data) !== JSON.stringify(expected[answer.which].data) || answer.body.errors) mismatches.push(queries[answer.which]!);
      }
    }
    expect(mismatches).toEqual([]);
    // nginx spread the requests over both instances.
    expect([...upstreams.keys()].sort()).toEqual(instances.map((instance) => new URL(instance.url).host).sort());
  });

  it('know a persisted query registered through either of them (APQ in Redis)', async () => {
    // A document no other test sends, so the hash is new to Redis.
    const query = `{ articles(first: 2) { nodes { title } } apq${Date.now()}: sources(first: 1) { nodes { name } } }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const persisted = { persistedQuery: { version: 1, sha256Hash } };

    const unknown = await post(instances[1]!.url, { extensions: persisted });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await post(instances[0]!.url, { query, extensions: persisted });
    expect(registered.body.errors).toBeUndefined();
    const onOther = await post(instances[1]!.url, { extensions: persisted });
    expect(onOther.body.errors).toBeUndefined();
    expect(onOther.body.data).toEqual(registered.body.data);

    // And as a cacheable GET through the balancer, whichever instance answers.
    for (let attempt = 0; attempt < 4; attempt++) {
      const search = new URLSearchParams({ extensions: JSON.stringify(persisted) });
      const response = await fetch(`${balancer.url}/graphql?${search}`, { headers: { 'apollo-require-preflight': 'true' } });
      const body = (await response.json()) as any;
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual(registered.body.data);
    }
  });
});
