// `changesSince`: a client that was offline reads what changed after its cursor, tombstones included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../../src/auth/api-keys.js';
import { encodePosition, heldBack, outboxEnd } from '../../../src/outbox/outbox-events.js';
import { startTestApi, type TestApi } from '../../support/api.js';

let api: TestApi;
let editor: Record<string, string>;
beforeAll(async () => {
  api = await startTestApi();
  editor = { authorization: `Bearer ${await createApiKey(api.database.writer, 'feed-editor', 'EDITOR')}` };
});
afterAll(() => api?.close());

const FEED = `query ($since: String, $first: Int!) {
  changesSince(since: $since, first: $first) { cursor hasNextPage nodes { id cursor type object tombstone article speaker source topics cacheTags } }
}`;

/** Waits until every committed event is readable (other suites' transactions on the server may hold them back). */
async function settle(): Promise<void> {
  const start = { transactionId: '0', rank: 0, id: '0' };
  for (let wait = 0; wait < 500 && (await heldBack(api.database.sql, start)); wait++) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('changesSince', () => {
  it('pages through every change from the start with stable cursors', async () => {
    await settle();
    const seen: string[] = [];
    let since: string | null = null;
    for (let page = 0; page < 100; page++) {
      const result: any = await api.query(FEED, { since, first: 7 });
      expect(result.errors).toBeUndefined();
      seen.push(...result.data.changesSince.nodes.map((node: { id: string }) => node.id));
      since = result.data.changesSince.cursor;
      if (!result.data.changesSince.hasNextPage) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const [{ count }] = (await api.database.sql.query<{ count: number }>('SELECT count(*)::int AS "count" FROM "OutboxEvent"', [])) as [{ count: number }];
    expect(seen.length).toBe(count);
    // Nothing new: the same cursor back, and no events.
    const again = await api.query(FEED, { since, first: 7 });
    expect(again.data.changesSince).toMatchObject({ cursor: since, hasNextPage: false, nodes: [] });
  });

  it('gives a retraction and a deletion as tombstones to a client that was away', async () => {
    await settle();
    const since = encodePosition(await outboxEnd(api.database.sql));
    const quotes = await api.query('{ quotes(first: 2, speaker: "Lavrov") { nodes { id article { id slug } } } }');
    const [quote] = quotes.data.quotes.nodes;
    const retract = await api.query('mutation ($quote: ID!) { retractQuote(input: { quote: $quote }) { quote { id } } }', { quote: quote.id }, editor);
    expect(retract.errors).toBeUndefined();
    const remove = await api.query('mutation ($id: ID!) { deleteArticle(input: { id: $id }) { deletedId } }', { id: quote.article.id }, editor);
    expect(remove.errors).toBeUndefined();
    await settle();
    const result = await api.query(FEED, { since, first: 50 });
    const nodes = result.data.changesSince.nodes;
    expect(nodes.map((node: { type: string }) => node.type)).toEqual(['quoteRetracted', 'articleDeleted']);
    expect(nodes[0]).toMatchObject({ object: quote.id, tombstone: true, article: quote.article.slug, speaker: 'sergey-lavrov' });
    expect(nodes[1]).toMatchObject({ object: quote.article.id, tombstone: true, article: quote.article.slug });
    // What a CDN purges: the tags the answers that held the quote and its article carry.
    const number = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];
    expect(nodes[0].cacheTags).toEqual(expect.arrayContaining([`quote-${number(quote.id)}`, `article-${number(quote.article.id)}`]));
    expect(nodes[1].cacheTags).toContain(`article-${number(quote.article.id)}`);
  });

  it('refuses a cursor it did not make, and a page over 500', async () => {
    const bad = await api.query(FEED, { since: 'bm90IGEgY3Vyc29y', first: 5 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const quotesCursor = (await api.query('{ quotes(first: 1) { pageInfo { endCursor } } }')).data.quotes.pageInfo.endCursor;
    const other = await api.query(FEED, { since: quotesCursor, first: 5 });
    expect(other.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const large = await api.query(FEED, { since: null, first: 501 });
    expect(large.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
