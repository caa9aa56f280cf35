// Search reads ranked terms (migration search_terms). With lists cut short (6 documents a term, then 60
// on a larger corpus whose words are drawn unevenly), after a random sequence of inserts, rewrites,
// unpublishing and deletions: every term list holds exactly the documents above its cut with their
// ts_rank for the term, and every search, page by page, gives what ranking every match would give.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { randomFrom } from '../support/random.js';

let database: TestDatabase;
let client: pg.Client;

const WORDS = 'minister talks summit sanctions border trade harbour council budget ceasefire envoy treaty vote court'.split(' ');

const random = randomFrom(61);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
/** The first words far more often than the last (the larger corpus), or every word alike. */
let skewed = false;
const word = () => (skewed ? WORDS[Math.floor(WORDS.length * random() ** 2)]! : pick(WORDS));
const words = (count: number) => Array.from({ length: count }, word).join(' ');

let next = 0;
async function addArticles(count: number): Promise<void> {
  const rows = Array.from({ length: count }, () => ({ n: next++, title: words(3), body: words(5 + Math.floor(random() * 20)), published: random() > 0.1 }));
  await client.query(
    `INSERT INTO "Article" ("slug", "contentHash", "title", "body", "published", "searchVector")
     SELECT 'a-' || r.n, 'h-' || r.n, r.title, r.body, r.published,
            setweight(to_tsvector('english', r.title), 'A') || setweight(to_tsvector('english', r.body), 'C')
     FROM json_to_recordset($1::json) AS r(n int, title text, body text, published boolean)`,
    [JSON.stringify(rows)],
  );
  await client.query(
    `INSERT INTO "Quote" ("articleId", "position", "text", "startOffset", "endOffset", "kind", "date", "retracted", "searchVector")
     SELECT a."id", 0, a."title", 0, 1, 'DIRECT', now(), a."id" % 7 = 0, to_tsvector('english', a."title")
     FROM "Article" a WHERE a."slug" = ANY ($1::text[])`,
    [rows.map((row) => `a-${row.n}`)],
  );
}

async function ids(table: string): Promise<number[]> {
  return (await client.query<{ id: number }>(`SELECT "id" FROM "${table}" ORDER BY "id"`)).rows.map((row) => row.id);
}

/**
 * A corpus of random steps, its lists cut at `listLength`; `largeTable`, searched as a large table is
 * (common words' whole lists read past depth 160, migration search_bounded_lists).
 */
async function fill(listLength: number, steps: number, largest: number, largeTable = false): Promise<void> {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`SET quotegraph.search_list_length = ${listLength}`);
  if (largeTable) await client.query('SET quotegraph.search_large_table = 0');
  // Phrases past the first reading of their pairs' documents (migration search_word_pairs), and words that
  // few documents hold together past the first reading of their matches (the same migration), in one corpus;
  // the other reads them. Past it, quotes matching words joined by AND are read as those repeating a word,
  // then those holding each once from the highest id down (migration search_quotes_of_common_words).
  if (largeTable && listLength > 6) await client.query('SET quotegraph.search_few_pairs = 0; SET quotegraph.search_few_matches = 0');
  for (let step = 0; step < steps; step++) {
    const action = pick(['add', 'add', 'add', 'rewrite', 'unpublish', 'delete']);
    if (action === 'add') await addArticles(1 + Math.floor(random() * largest));
    else if (action === 'rewrite') {
      const id = pick(await ids('Article'));
      await client.query(
        `UPDATE "Article" SET "body" = $2, "searchVector" = setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', $2), 'C') WHERE "id" = $1`,
        [id, words(10)],
      );
      await client.query(`UPDATE "Quote" SET "text" = $2, "searchVector" = to_tsvector('english', $2) WHERE "articleId" = $1`, [id, words(4)]);
    } else if (action === 'unpublish') {
      const id = pick(await ids('Article'));
      await client.query(`UPDATE "Article" SET "published" = NOT "published" WHERE "id" = $1`, [id]);
      await client.query(`UPDATE "Quote" SET "articlePublished" = NOT "articlePublished" WHERE "articleId" = $1`, [id]);
    } else {
      const doomed = (await ids('Article')).filter(() => random() < 0.05);
      await client.query(`DELETE FROM "Article" WHERE "id" = ANY ($1::int[])`, [doomed]);
    }
  }
  // The statistics a search reads to tell words few documents hold together (migration search_word_pairs), taken now, not whenever autovacuum would.
  await client.query('ANALYZE "Article", "Quote"');
}

async function empty(): Promise<void> {
  await client?.end();
  await database?.drop();
}

function checks(): void {
  it('hold every document above each term list’s cut, with its rank for the term', async () => {
    const { rows } = await client.query(`
      WITH expected AS (
        SELECT 'ARTICLE'::"SearchKind" AS kind, terms."term", terms."rank", a."id" AS "documentId"
        FROM "Article" a, "quotegraph_terms"(a."searchVector") terms
        UNION ALL
        SELECT 'QUOTE', terms."term", terms."rank", q."id" FROM "Quote" q, "quotegraph_terms"(q."searchVector") terms),
      above_cut AS (
        SELECT e.* FROM expected e LEFT JOIN "SearchTermList" l ON l."kind" = e.kind AND l."term" = e."term"
        WHERE l."term" IS NULL OR (e."rank", e."documentId") > (l."rank", l."documentId")),
      kept AS (
        SELECT s.* FROM "SearchTerm" s LEFT JOIN "SearchTermList" l ON l."kind" = s."kind" AND l."term" = s."term"
        WHERE l."term" IS NULL OR (s."rank", s."documentId") > (l."rank", l."documentId"))
      (SELECT 'missing' AS problem, * FROM (SELECT * FROM above_cut EXCEPT SELECT * FROM kept) m)
      UNION ALL
      (SELECT 'extra', * FROM (SELECT * FROM kept EXCEPT SELECT * FROM above_cut) x)`);
    expect(rows).toEqual([]);
    const cut = await client.query(`SELECT count(*)::int AS n FROM "SearchTermList"`);
    expect(cut.rows[0].n).toBeGreaterThan(0);
    // A search ranks a document by the mean of its ranks for each word as the lists keep them, exactly.
    const mean = await client.query(`
      SELECT a."id" FROM "Article" a
      WHERE "quotegraph_rank"(a."searchVector", "quotegraph_term_queries"('{minist,summit}')) IS DISTINCT FROM
        (SELECT coalesce(sum(terms."rank"::DOUBLE PRECISION), 0) / 2 FROM "quotegraph_terms"(a."searchVector") terms WHERE terms."term" IN ('minist', 'summit'))`);
    expect(mean.rows).toEqual([]);
  });

  const queries = ['minister', 'summit', 'ceasefire', 'minister summit', 'minister or envoy', '"border trade"', 'council -budget', 'talks sanctions treaty', '-court', 'the', 'nothing'];
  // Pairs of the commonest words (in the uneven corpora), whose lists are cut and whose best documents
  // seldom hold both: read as whole lists, their documents checked in batches.
  queries.push('minister talks', 'talks summit', 'summit sanctions', 'minister sanctions border', '"minister talks"', 'talks or summit -minister', 'minister talks -summit');
  // Phrases, read through their word pairs' index (migration search_word_pairs) where every match holds the pairs.
  // Words joined by OR only, whose documents holding every word outrank the rest (migration search_word_pairs).
  queries.push('talks or summit', 'minister or talks or summit', 'envoy or treaty');
  queries.push('"minister talks" summit', '"talks summit" -minister', '"minister talks summit"', '"border trade" or council', '-"minister talks"', '"summit summit"');

  for (const kind of ['ARTICLE', 'QUOTE']) {
    it(`answer every ${kind.toLowerCase()} search, page by page, as ranking every match would`, async () => {
      for (const query of queries) {
        const all = await client.query<{ id: number; rank: number }>(
          `SELECT m."id", m."rank" FROM "quotegraph_search_matches"($1, websearch_to_tsquery('english', $2),
             "quotegraph_term_queries"("quotegraph_query_terms"(websearch_to_tsquery('english', $2)))) m ORDER BY m."rank" DESC, m."id" DESC`,
          [kind, query],
        );
        for (const size of [1, 3, 7, 20]) {
          const pages: Array<{ id: number; rank: number }> = [];
          let after: { id: number; rank: number } | null = null;
          for (;;) {
            const page: pg.QueryResult<{ id: number; rank: number }> = await client.query(
              `SELECT "id", "rank" FROM "quotegraph_search"($1, $2, $3, $4, $5)`,
              [kind, query, after?.rank ?? null, after?.id ?? null, size],
            );
            pages.push(...page.rows);
            // (More rows than match: a cursor that does not move on fails here instead of paging forever.)
            if (page.rows.length < size || pages.length > all.rows.length) break;
            after = page.rows[page.rows.length - 1]!;
          }
          expect(pages, `${kind} "${query}" in pages of ${size}`).toEqual(all.rows);
        }
      }
    });
  }
}

const corpora = [
  { name: 'lists of 6', listLength: 6, steps: 40, largest: 8, uneven: false, largeTable: false },
  { name: 'lists of 60 over unevenly drawn words', listLength: 60, steps: 60, largest: 20, uneven: true, largeTable: false },
  { name: 'lists of 6, searched as a large table', listLength: 6, steps: 40, largest: 8, uneven: false, largeTable: true },
  { name: 'lists of 20 over unevenly drawn words, searched as a large table', listLength: 20, steps: 60, largest: 20, uneven: true, largeTable: true },
];

for (const corpus of corpora) {
  describe(`search terms, ${corpus.name}`, () => {
    beforeAll(async () => {
      skewed = corpus.uneven;
      await fill(corpus.listLength, corpus.steps, corpus.largest, corpus.largeTable);
    }, 120_000);
    afterAll(empty);
    checks();
  });
}

/** `text`'s search vector at `weight`, as SQL. */
function weighted(text: string, weight: 'A' | 'B' | 'C' | 'D'): string {
  return `setweight(to_tsvector('english', '${text}'), '${weight}')`;
}

interface HandBuiltArticle {
  slug: string;
  /** Its search vector, as SQL. */
  vector: string;
}

/**
 * A database holding `articles` (published, in this order, so ids rise with it) and their search terms,
 * and a connection to it with `settings` (SET statements) run.
 */
async function articlesSearchedAs(settings: string, articles: HandBuiltArticle[]): Promise<{ database: TestDatabase; connection: pg.Client }> {
  const database = await createTestDatabase();
  const connection = new pg.Client({ connectionString: database.url });
  await connection.connect();
  await connection.query(settings);
  await connection.query(
    `INSERT INTO "Article" ("slug", "contentHash", "title", "body", "published", "searchVector")
     VALUES ${articles.map((article, index) => `($${index + 1}, $${index + 1}, $${index + 1}, '', true, ${article.vector})`).join(', ')}`,
    articles.map((article) => article.slug),
  );
  await connection.query(`SELECT "quotegraph_reindex_search_terms"('ARTICLE')`);
  return { database, connection };
}

// A page may stop only once its last result ranks above every document the lists hold that is not yet
// checked. Built so that the first batch of whole-list documents (migration search_bounded_lists) holds a
// match ranking below its bound: 170 articles with "alpha" three times in the headline and no "beta" (bound
// by beta's cut, they do not match), then P, alpha three times in the headline and beta once at the lowest
// weight (below beta's cut: its bound is beta's cut, its rank lower), and D, in both lists, whose exact rank
// is below P's bound but above P's rank. The best page of one is D.
describe('search terms: a match ranking below its bound does not end the page', () => {
  let small: TestDatabase;
  let connection: pg.Client;
  beforeAll(async () => {
    const articles: HandBuiltArticle[] = [];
    for (let n = 0; n < 40; n++) articles.push({ slug: `alpha-filler-${n}`, vector: weighted('alpha', 'C') });
    for (let n = 0; n < 210; n++) articles.push({ slug: `beta-filler-${n}`, vector: weighted('beta', 'C') });
    for (let n = 0; n < 170; n++) articles.push({ slug: `alpha-only-${n}`, vector: weighted('alpha alpha alpha', 'A') });
    articles.push({ slug: 'd', vector: `${weighted('alpha alpha', 'A')} || ${weighted('beta beta', 'C')}` });
    articles.push({ slug: 'p', vector: `${weighted('alpha alpha alpha', 'A')} || ${weighted('beta', 'D')}` });
    ({ database: small, connection } = await articlesSearchedAs('SET quotegraph.search_list_length = 200; SET quotegraph.search_large_table = 0', articles));
  }, 120_000);
  afterAll(async () => {
    await connection?.end();
    await small?.drop();
  });

  it('checks the documents bound above the page before answering', async () => {
    const best = await connection.query<{ slug: string }>(
      `SELECT a."slug" FROM "quotegraph_search"('ARTICLE', 'alpha beta', NULL, NULL, 1) found JOIN "Article" a ON a."id" = found."id"`,
    );
    expect(best.rows).toEqual([{ slug: 'd' }]);
    const both = await connection.query<{ slug: string }>(
      `SELECT a."slug" FROM "quotegraph_search"('ARTICLE', 'alpha beta', NULL, NULL, 2) found JOIN "Article" a ON a."id" = found."id" ORDER BY found."rank" DESC`,
    );
    expect(both.rows).toEqual([{ slug: 'd' }, { slug: 'p' }]);
  });
});

// The whole lists sort and check only the documents bound as high as the page the threshold algorithm
// found (migration search_readings). Built so that page (depth 160, three) is T1 and the
// two P (alpha three times in the headline, beta once at the lowest weight, below beta's cut: bound by the
// cut, 0.4745, they rank 0.4441), while X (alpha twice in the headline, beta twice in the body: 0.4559) lies
// past depth 160 in both lists, behind 170 documents with one word three times in the headline and not the
// other. The best three are T1, X and the newer P; a page taken from documents bound above X (from P's
// bound down) would be T1 and both P.
describe('search terms: the whole lists are read down to the page the threshold algorithm found', () => {
  let small: TestDatabase;
  let connection: pg.Client;
  beforeAll(async () => {
    const articles: HandBuiltArticle[] = [{ slug: 'x', vector: `${weighted('alpha alpha', 'A')} || ${weighted('beta beta', 'C')}` }];
    for (let n = 0; n < 40; n++) articles.push({ slug: `alpha-filler-${n}`, vector: weighted('alpha', 'C') });
    for (let n = 0; n < 40; n++) articles.push({ slug: `beta-filler-${n}`, vector: weighted('beta', 'C') });
    for (let n = 0; n < 170; n++) articles.push({ slug: `alpha-only-${n}`, vector: weighted('alpha alpha alpha', 'A') });
    for (let n = 0; n < 170; n++) articles.push({ slug: `beta-only-${n}`, vector: weighted('beta beta beta', 'A') });
    for (const slug of ['p-older', 'p-newer']) articles.push({ slug, vector: `${weighted('alpha alpha alpha', 'A')} || ${weighted('beta', 'D')}` });
    articles.push({ slug: 't1', vector: weighted('alpha alpha alpha beta beta beta', 'A') });
    ({ database: small, connection } = await articlesSearchedAs(
      'SET quotegraph.search_list_length = 200; SET quotegraph.search_large_table = 0; SET quotegraph.search_few_matches = 0',
      articles,
    ));
  }, 120_000);
  afterAll(async () => {
    await connection?.end();
    await small?.drop();
  });

  it('finds a document past the threshold algorithm\'s depth that outranks its page', async () => {
    const best = await connection.query<{ slug: string }>(
      `SELECT a."slug" FROM "quotegraph_search"('ARTICLE', 'alpha beta', NULL, NULL, 3) found JOIN "Article" a ON a."id" = found."id" ORDER BY found."rank" DESC, found."id" DESC`,
    );
    expect(best.rows).toEqual([{ slug: 't1' }, { slug: 'x' }, { slug: 'p-newer' }]);
  });
});

// Articles holding every word in their headline are read first (migration search_headline_words): each
// ranks at least 0.608 (one place at A), and an article missing a word from its headline at most the other
// word's head and 0.399 (the most a word held at no weight above B ranks), over two. Here two articles hold
// "alpha beta" in their headline once each (0.608), and "strong" holds alpha three times in its headline
// (0.8275, alpha's head) and beta 50 times in its standfirst (0.3951): 0.6113, above both. Without it, the
// two headlines are the page.
describe('search terms: articles holding every word in their headline are the page only above the rest', () => {
  let small: TestDatabase;
  let connection: pg.Client;
  const headlines: HandBuiltArticle[] = [
    { slug: 'headline-older', vector: weighted('alpha beta', 'A') },
    { slug: 'headline-newer', vector: weighted('alpha beta', 'A') },
  ];
  const strong = { slug: 'strong', vector: `${weighted('alpha alpha alpha', 'A')} || ${weighted(Array(50).fill('beta').join(' '), 'B')}` };
  // Lists of 2: both words' lists are cut, as a common word's are.
  const fillers = Array.from({ length: 6 }, (_, n) => ({ slug: `filler-${n}`, vector: weighted('alpha beta', 'C') }));
  afterAll(async () => {
    await connection?.end();
    await small?.drop();
  });

  async function best(articles: HandBuiltArticle[], wanted: number): Promise<string[]> {
    await connection?.end();
    await small?.drop();
    ({ database: small, connection } = await articlesSearchedAs('SET quotegraph.search_list_length = 2', articles));
    const found = await connection.query<{ slug: string }>(
      `SELECT a."slug" FROM "quotegraph_search"('ARTICLE', 'alpha beta', NULL, NULL, $1) found JOIN "Article" a ON a."id" = found."id"
       ORDER BY found."rank" DESC, found."id" DESC`,
      [wanted],
    );
    return found.rows.map((row) => row.slug);
  }

  it('ranks an article missing a word from its headline above them when it ranks higher', async () => {
    expect(await best([...fillers, strong, ...headlines], 2)).toEqual(['strong', 'headline-newer']);
  });

  it('answers from the headlines alone when nothing else can rank as high', async () => {
    expect(await best([...fillers, ...headlines], 2)).toEqual(['headline-newer', 'headline-older']);
    const page = await connection.query(
      `SELECT page."settled", cardinality(page."ids") AS "found"
       FROM "quotegraph_search_headlines"('alpha & beta', NULL, '{alpha,beta}', "quotegraph_term_queries"('{alpha,beta}'), 'alpha & beta', 10, 'Infinity', 2147483647, 2) page`,
    );
    expect(page.rows).toEqual([{ settled: true, found: 2 }]);
  });
});

// A word's head (its best rank) bounds what a document missing the other words ranks. Once every document
// its cut list held is gone, the list is empty and every document left with the word ranks below the cut:
// the cut is then the head. Here alpha's list of 2 held the two "alpha-top" articles, deleted since;
// "alpha-strong" (alpha twice in its headline: 0.76, below the cut) holds no beta and ranks 0.38 for
// "alpha or beta", above the 12 articles holding both once in their body (0.12). Taking alpha's head for 0,
// no article missing beta could rank above those holding both, and they would be the page.
describe('search terms: a word whose listed documents are all gone bounds the rest by its cut', () => {
  let small: TestDatabase;
  let connection: pg.Client;
  beforeAll(async () => {
    const articles: HandBuiltArticle[] = [{ slug: 'alpha-strong', vector: weighted('alpha alpha', 'A') }];
    for (let n = 0; n < 12; n++) articles.push({ slug: `both-${n}`, vector: weighted('alpha beta', 'C') });
    for (let n = 0; n < 2; n++) articles.push({ slug: `alpha-top-${n}`, vector: weighted('alpha alpha alpha', 'A') });
    ({ database: small, connection } = await articlesSearchedAs('SET quotegraph.search_list_length = 2; SET quotegraph.search_large_table = 0', articles));
    await connection.query(`DELETE FROM "Article" WHERE "slug" LIKE 'alpha-top-%'`);
    await connection.query('ANALYZE "Article"');
  }, 120_000);
  afterAll(async () => {
    await connection?.end();
    await small?.drop();
  });

  it('ranks the article above the cut\'s documents first', async () => {
    const emptied = await connection.query(`SELECT count(*)::int AS "listed" FROM "SearchTerm" WHERE "kind" = 'ARTICLE' AND "term" = 'alpha'`);
    expect(emptied.rows).toEqual([{ listed: 0 }]);
    const best = await connection.query<{ slug: string }>(
      `SELECT a."slug" FROM "quotegraph_search"('ARTICLE', 'alpha or beta', NULL, NULL, 3) found JOIN "Article" a ON a."id" = found."id"
       ORDER BY found."rank" DESC, found."id" DESC`,
    );
    expect(best.rows.map((row) => row.slug)).toEqual(['alpha-strong', 'both-11', 'both-10']);
  });
});

// A quote with too many pairs of a repeated word and another to keep (migration
// search_quotes_of_common_words: over 5,000) is read by every search of quotes holding its words: here 100
// words, each twice, among them "alpha" and "beta"; beside it 30 quotes holding each once, which tie below
// it (the newest of them another long quote, repeating its other words), and the lists' best, 20 quotes (of
// lower ids) with one of the words three times and not the other.
describe('search terms: a long quote repeating many words is found by the quotes repeating a word', () => {
  let small: TestDatabase;
  let connection: pg.Client;
  beforeAll(async () => {
    small = await createTestDatabase();
    connection = new pg.Client({ connectionString: small.url });
    await connection.connect();
    await connection.query('SET quotegraph.search_list_length = 5');
    await connection.query('SET quotegraph.search_large_table = 0; SET quotegraph.search_few_matches = 0');
    const filler = Array.from({ length: 98 }, (_, n) => `word${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + Math.floor(n / 26))}`);
    const long = [...filler, 'alpha', 'beta'].join(' ');
    const texts = [
      ...Array.from({ length: 10 }, () => 'alpha alpha alpha'),
      ...Array.from({ length: 10 }, () => 'beta beta beta'),
      `${long} ${long}`,
      ...Array.from({ length: 30 }, (_, n) => `alpha beta said ${filler[n]}`),
      `${filler.join(' ')} ${filler.join(' ')} alpha beta`,
    ];
    await connection.query(`INSERT INTO "Article" ("slug", "contentHash", "title", "body", "published") VALUES ('a', 'a', 'A', '', true)`);
    await connection.query(
      `INSERT INTO "Quote" ("articleId", "position", "text", "startOffset", "endOffset", "kind", "date", "searchVector")
       SELECT (SELECT "id" FROM "Article"), t.n, t.text, 0, 1, 'DIRECT', now(), to_tsvector('english', t.text)
       FROM unnest($1::text[]) WITH ORDINALITY AS t(text, n) ORDER BY t.n`,
      [texts],
    );
    await connection.query(`SELECT "quotegraph_reindex_search_terms"('QUOTE')`);
    await connection.query('ANALYZE "Quote"');
  }, 120_000);
  afterAll(async () => {
    await connection?.end();
    await small?.drop();
  });

  it('ranks it first, and another long one among the quotes that tie', async () => {
    const pairs = await connection.query(`SELECT "quotegraph_strong_word_pairs"("searchVector")::text AS pairs FROM "Quote" WHERE "position" = 21`);
    expect(pairs.rows).toEqual([{ pairs: "'*'" }]);
    const found = await connection.query<{ position: number }>(
      `SELECT q."position" FROM "quotegraph_search"('QUOTE', 'alpha beta', NULL, NULL, 3) found JOIN "Quote" q ON q."id" = found."id" ORDER BY found."rank" DESC, found."id" DESC`,
    );
    expect(found.rows.map((row) => row.position)).toEqual([21, 52, 51]);
  });
});
