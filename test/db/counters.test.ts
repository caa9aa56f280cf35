// The counters behind totalCount (a person's, an article's and a topic's quotes; a topic's and a
// source's articles) are kept by triggers in the transaction of every change: after a random sequence
// of ingests, revisions, corrections, merges, retractions, unpublishing and deletions, each one equals
// a count of the rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { extractArticle } from '../../src/ingest/extract.js';
import { storeArticles } from '../../src/ingest/store.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { randomFrom } from '../support/random.js';

let api: TestApi;
let editor: Record<string, string>;

const RECOUNT = `
  SELECT 'person' AS kind, p."id", p."quoteCount" AS kept,
         (SELECT count(*) FROM "Quote" q WHERE q."speakerId" = p."id" AND NOT q."retracted" AND q."articlePublished")::int AS counted
  FROM "Person" p
  UNION ALL
  SELECT 'article quotes', a."id", a."quoteCount", (SELECT count(*) FROM "Quote" q WHERE q."articleId" = a."id" AND NOT q."retracted" AND q."articlePublished")::int FROM "Article" a
  UNION ALL
  SELECT 'source articles', s."id", s."articleCount", (SELECT count(*) FROM "Article" a WHERE a."sourceId" = s."id" AND a."published")::int FROM "Source" s
  UNION ALL
  SELECT 'topic articles', t."id", t."articleCount",
         (SELECT count(*) FROM "ArticleTopic" l JOIN "Article" a ON a."id" = l."articleId" WHERE l."topicId" = t."id" AND a."published")::int FROM "Topic" t
  UNION ALL
  SELECT 'topic quotes', t."id", t."quoteCount",
         (SELECT count(*) FROM "ArticleTopic" l JOIN "Quote" q ON q."articleId" = l."articleId"
          WHERE l."topicId" = t."id" AND NOT q."retracted" AND q."articlePublished")::int FROM "Topic" t
  UNION ALL
  SELECT 'all articles', 0, (SELECT sum("count") FROM "ListTotal" WHERE "list" = 'articles')::int,
         (SELECT count(*) FROM "Article" WHERE "published")::int
  UNION ALL
  SELECT 'all quotes', 0, (SELECT sum("count") FROM "ListTotal" WHERE "list" = 'quotes')::int,
         (SELECT count(*) FROM "Quote" WHERE NOT "retracted" AND "articlePublished")::int`;

async function wrongCounters(): Promise<string[]> {
  const rows = await api.database.sql.query<{ kind: string; id: number; kept: number; counted: number }>(RECOUNT, []);
  return rows.filter((row) => row.kept !== row.counted).map((row) => `${row.kind} ${row.id}: kept ${row.kept}, counted ${row.counted}`);
}

const story = (index: number, speaker: string, extra = '') =>
  `Council ${index} approves budget for the harbour\n\nLONDON (Reuters) - The council approved its budget on Tuesday after a long debate about the harbour and the economy.\n\n"We have done our job," said council leader ${speaker}.\n\n"The harbour will be rebuilt," said Mary Hale, the harbour master.${extra}\n`;

async function mutate(query: string, variables: Record<string, unknown>): Promise<any> {
  const result = await api.query(query, variables, editor);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

beforeAll(async () => {
  api = await startTestApi();
  editor = { authorization: `Bearer ${await createApiKey(api.database.writer, 'counters-test', 'EDITOR')}` };
});

afterAll(async () => {
  await api?.close();
});

describe('counters', () => {
  it('match a recount of the seeds', async () => {
    expect(await wrongCounters()).toEqual([]);
  });

  it('give the top-level lists their totalCount without a filter, and count under one', async () => {
    const result = await api.query(`{ articles(first: 1) { totalCount } quotes(first: 1) { totalCount }
      retracted: quotes(first: 1, includeRetracted: true) { totalCount } lavrov: quotes(first: 1, person: "sergey-lavrov") { totalCount } }`);
    expect(result.errors).toBeUndefined();
    const [counted] = await api.database.sql.query<{ articles: number; quotes: number; all: number; lavrov: number }>(
      `SELECT (SELECT count(*) FROM "Article" WHERE "published")::int AS articles,
              (SELECT count(*) FROM "Quote" WHERE NOT "retracted" AND "articlePublished")::int AS quotes,
              (SELECT count(*) FROM "Quote" WHERE "articlePublished")::int AS all,
              (SELECT count(*) FROM "Quote" q JOIN "Person" p ON p."id" = q."speakerId"
               WHERE p."slug" = 'sergey-lavrov' AND NOT q."retracted" AND q."articlePublished")::int AS lavrov`,
      [],
    );
    expect(result.data).toEqual({
      articles: { totalCount: counted!.articles },
      quotes: { totalCount: counted!.quotes },
      retracted: { totalCount: counted!.all },
      lavrov: { totalCount: counted!.lavrov },
    });
    api.statements.splice(0);
    await api.query('{ articles(first: 1) { totalCount } }');
    expect(api.statements.some((sql) => sql.includes('"ListTotal"'))).toBe(true);
  });

  it('match a recount after every step of a random sequence of changes', async () => {
    const random = randomFrom(20261206);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
    const speakers = ['Tom Hargreaves', 'Ann Lowe', 'Peter Grant', 'Sergey Lavrov'];
    let next = 0;
    const steps: string[] = [];
    for (let step = 0; step < 40; step++) {
      const { quotes } = (await api.query('{ quotes(first: 50, includeRetracted: true) { nodes { id retracted } } }')).data!;
      const { articles } = (await api.query('{ articles(first: 50) { nodes { id url } } }')).data!;
      const { people } = (await api.query('{ people(first: 50) { nodes { id } } }')).data!;
      const action = pick(['ingest', 'ingest', 'revise', 'speaker', 'retract', 'restore', 'merge', 'unpublish', 'delete', 'topics']);
      try {
        if (action === 'ingest' || (action === 'revise' && !articles.nodes.some((article: any) => article.url))) {
          const index = next++;
          await mutate('mutation ($text: String!, $url: String) { ingestArticle(text: $text, url: $url) { created } }', {
            text: story(index, pick(speakers)),
            url: `https://example.test/council-${index}`,
          });
        } else if (action === 'revise') {
          const article = pick(articles.nodes.filter((node: any) => node.url) as any[]);
          const index = Number(/council-(\d+)/.exec(article.url)![1]);
          await mutate('mutation ($text: String!, $url: String) { ingestArticle(text: $text, url: $url) { created } }', {
            text: story(index, pick(speakers), `\n\n"A third quotation, new in this revision ${step}," said ${pick(speakers)}.`),
            url: article.url,
          });
        } else if (action === 'speaker' && quotes.nodes.length > 0) {
          await mutate('mutation ($input: ChangeQuoteSpeakerInput!) { changeQuoteSpeaker(input: $input) { quote { id } } }', {
            input: { quote: pick(quotes.nodes as any[]).id, speaker: random() < 0.3 ? { description: 'a council official' } : { person: pick(people.nodes as any[]).id } },
          });
        } else if (action === 'retract' && quotes.nodes.some((quote: any) => !quote.retracted)) {
          await mutate('mutation ($input: QuoteRefInput!) { retractQuote(input: $input) { quote { id } } }', {
            input: { quote: pick(quotes.nodes.filter((quote: any) => !quote.retracted) as any[]).id },
          });
        } else if (action === 'restore' && quotes.nodes.some((quote: any) => quote.retracted)) {
          await mutate('mutation ($input: QuoteRefInput!) { restoreQuote(input: $input) { quote { id } } }', {
            input: { quote: pick(quotes.nodes.filter((quote: any) => quote.retracted) as any[]).id },
          });
        } else if (action === 'merge' && people.nodes.length > 2) {
          const from = pick(people.nodes as any[]);
          const into = pick(people.nodes.filter((person: any) => person.id !== from.id) as any[]);
          await mutate('mutation ($input: MergeInput!) { mergePeople(input: $input) { person { id } } }', { input: { from: from.id, into: into.id } });
        } else if (action === 'unpublish' && articles.nodes.length > 0) {
          const article = pick(articles.nodes as any[]);
          await mutate('mutation ($input: ObjectRefInput!) { unpublishArticle(input: $input) { article { id } } }', { input: { id: article.id } });
          if (random() < 0.5) await mutate('mutation ($input: ObjectRefInput!) { publishArticle(input: $input) { article { id } } }', { input: { id: article.id } });
        } else if (action === 'delete' && articles.nodes.length > 3) {
          await mutate('mutation ($input: ObjectRefInput!) { deleteArticle(input: $input) { deletedId } }', { input: { id: pick(articles.nodes as any[]).id } });
        } else if (action === 'topics') {
          const { topics } = (await api.query('{ topics(first: 50) { nodes { id } } }')).data!;
          if (topics.nodes.length > 1) {
            const from = pick(topics.nodes as any[]);
            const into = pick(topics.nodes.filter((topic: any) => topic.id !== from.id) as any[]);
            await mutate('mutation ($input: MergeInput!) { mergeTopics(input: $input) { topic { id } } }', { input: { from: from.id, into: into.id } });
          }
        }
      } catch (error) {
        throw new Error(`step ${step} (${action}) failed: ${(error as Error).message}`);
      }
      steps.push(action);
      expect(await wrongCounters(), `after ${steps.join(', ')}`).toEqual([]);
    }
  });

  it('match a recount after batches stored as `npm run ingest` stores files: new articles together, revisions and repeats among them', async () => {
    const url = (index: number) => `https://example.com/counted-batch-${index % 7}`;
    const texts = Array.from({ length: 30 }, (_, index) =>
      `---\nurl: ${url(index)}\n---\n${story(900 + index, index % 2 ? 'Ann Lowe' : 'Nils Brook', index >= 7 ? ` "Still open," she said in version ${index}.` : '')}`,
    );
    for (let start = 0; start < texts.length; start += 10) {
      const batch = texts.slice(start, start + 10);
      const results = await storeArticles(api.database.writer, [...batch, batch[0]!].map((text) => ({ draft: extractArticle(text), text })));
      expect(results.filter((result) => result instanceof Error)).toEqual([]);
      expect(await wrongCounters(), `after the batch from ${start}`).toEqual([]);
    }
  });
});
