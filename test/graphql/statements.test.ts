// Nested lists are read along with their parents or load through per-request batching: the number of
// SQL statements a request makes follows the shape of the query, not the number of rows it returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setArticlePublished } from '../../src/editorial/article-edits.js';
import { mergePeople } from '../../src/editorial/person-edits.js';
import { setQuoteRetracted } from '../../src/editorial/quote-edits.js';
import { storeArticle } from '../../src/ingest/store.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { syntheticDraft } from '../support/drafts.js';

let api: TestApi;
beforeAll(async () => {
  // The read engine's statements, on the path graphql-js answers (direct answers, which compare their
  // statement's answer after a request's, count theirs in direct-answers.test.ts).
  api = await startTestApi({ config: { directAnswers: false } });
});
afterAll(() => api?.close());

const THREE_LEVELS = `{
  articles(first: 50) {
    totalCount
    nodes {
      title source { name } topics(first: 20) { nodes { name } }
      quotes(first: 20) { totalCount nodes { text speaker { name aliases quotes(first: 5) { nodes { text } } } } }
    }
  }
}`;

async function statementsFor(query: string): Promise<{ count: number; rows: number }> {
  api.resetStatements();
  const result = await api.query(query);
  expect(result.errors).toBeUndefined();
  const rows = result.data.articles.nodes.reduce((sum: number, article: any) => sum + 1 + article.quotes.nodes.length, 0);
  return { count: api.statements.filter((sql) => /^\s*select/i.test(sql)).length, rows };
}

describe('SQL statements per request', () => {
  it('stay the same when the rows a 3-level query returns grow tenfold', async () => {
    const small = await statementsFor(THREE_LEVELS);
    for (let index = 0; index < 30; index++) await storeArticle(api.database.writer, syntheticDraft(index));
    const large = await statementsFor(THREE_LEVELS);
    expect(large.rows).toBeGreaterThan(small.rows * 4);
    expect(large.count).toBe(small.count);
    // The articles with their topics, quotes and speakers (read along: one statement), their count,
    // and what hangs under a joined speaker (aliases, quotes), loaded once for all speakers.
    expect(large.count).toBeLessThanOrEqual(4);
  });
});

/** The shapes the benchmark measures, as far as the seeds hold them: each one statement. */
const READS = {
  person: (slug: string) => `{ person(slug: "${slug}") { name aliases quotes(first: 20) { totalCount nodes { text retracted date article { title source { name } } } } } }`,
  frontPage: '{ articles(first: 20) { nodes { title source { name } topics(first: 10) { nodes { name } } quotes(first: 5) { nodes { text corrected speaker { name } } } } } }',
  article: (slug: string) =>
    `{ article(slug: "${slug}") { title corrected corrections { what } revisions(first: 5) { nodes { number } } quotes(first: 50) { totalCount nodes { text attribution { method } speaker { name } } } people(first: 20) { nodes { name } } } }`,
};

async function statementsOf(query: string): Promise<number> {
  api.resetStatements();
  const result = await api.query(query);
  expect(result.errors).toBeUndefined();
  return api.statements.length;
}

describe('SQL statements per request after editing', () => {
  it('stay at one: retractions, unpublished articles, revisions and merged people are read in the same statement', async () => {
    const slug = (await api.query('{ articles(first: 1) { nodes { slug } } }')).data.articles.nodes[0].slug;
    const before = [await statementsOf(READS.person('sergey-lavrov')), await statementsOf(READS.frontPage), await statementsOf(READS.article(slug))];
    expect(before).toEqual([1, 1, 1]);

    // A second record of Lavrov, merged into him; one of his quotes retracted; another article unpublished.
    await storeArticle(api.database.writer, syntheticDraft(500, { people: [{ name: 'Sergey Lavrow', aliases: [], role: null, affiliation: null }], quotes: [
      { text: 'A quote to merge.', start: 0, end: 17, speaker: 'Sergey Lavrow', speakerDescription: null, kind: 'direct', attribution: { method: 'speech-verb:person', confidence: 0.95 } },
    ] }));
    const editor = { keyName: 'statements-test' };
    await mergePeople(api.database.writer, editor, { from: { slug: 'sergey-lavrow' }, into: { slug: 'sergey-lavrov' } });
    const lavrov = await api.database.prisma.person.findUniqueOrThrow({ where: { slug: 'sergey-lavrov' }, include: { quotes: true } });
    await setQuoteRetracted(api.database.writer, editor, { quoteId: lavrov.quotes[0]!.id, retracted: true });
    const other = await api.database.prisma.article.findFirstOrThrow({ where: { slug: { not: slug } } });
    await setArticlePublished(api.database.writer, editor, { article: { id: other.id }, published: false });

    const after = [await statementsOf(READS.person('sergey-lavrow')), await statementsOf(READS.frontPage), await statementsOf(READS.article(slug))];
    expect(after).toEqual(before);
    const read = await api.query(READS.person('sergey-lavrow'));
    expect(read.data.person.name).toBe('Sergey Lavrov');
    expect(read.data.person.quotes.nodes.some((quote: { retracted: boolean }) => quote.retracted)).toBe(false);
  });
});
