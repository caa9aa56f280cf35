// Fills a benchmark database with a deterministic synthetic news corpus, through the project's own
// schema: the real seeds first (through the ingest), then generated sources, topics, people,
// articles and quotes, written by PostgreSQL itself (INSERT ... SELECT over generate_series), so
// scale 10 loads in seconds. Usage: npm run bench:data -- --scale N [--database NAME]
import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { connectPostgres } from '../src/db/client.js';
import { migratePostgres } from '../src/db/migrate.js';
import { seedDatabase } from '../src/seeds.js';
import { BENCH_PREFIX, databaseName, databaseUrl, ensureDatabase, parseArguments } from './database.js';

/** Rows per unit of scale. */
export const PER_SCALE = { articles: 10_000, people: 2_000, topics: 200, sources: 50 };

/** The word every few hundredth sentence carries: what the search shape looks for. */
export const SEARCH_WORD = 'ceasefire';

/**
 * Searches of other frequencies (matches at scale 1: articles / quotes): a common word (5,109 / 4,235),
 * two common words (4,724 / 427) and a phrase (21 / 0).
 */
export const MORE_SEARCHES = [
  { name: 'common', query: 'minister' },
  { name: 'two', query: 'sanctions summit' },
  { name: 'phrase', query: '"foreign minister"' },
];

const WORDS = `minister said talks would continue after the summit government officials warned that sanctions
could harm trade agreement border security forces army reported attacks near capital city parliament voted new law
budget deficit economy growth inflation rates central bank president announced plan reform energy prices gas oil
pipeline exports imports market investors shares fell rose percent quarter profits company workers strike union
wages health hospital patients doctors waiting lists water supply drought farmers crops harvest weather storm
flooding residents evacuated police arrested suspects court judge ruled appeal prison sentence election campaign
candidates voters polls opposition party leader coalition talks broke down diplomats embassy foreign affairs
ministry spokesman statement press conference journalists questions answered nuclear weapons treaty arms control
missile defence military exercise navy ships port coast island territory dispute claims negotiations resumed
envoy visit delegation meeting agreed framework cooperation climate emissions targets carbon renewable solar wind
power grid blackout schools teachers students exams universities research science space launch satellite rocket
technology chips factory jobs investment billion million dollars euros roubles yuan pounds tax cuts spending
welfare pensions housing rents mortgage lending banks regulators inquiry report findings scandal resignation
protest demonstrators streets crowds gathered square rally support rights freedom media internet censorship
refugees migrants asylum aid humanitarian relief agencies united nations council resolution veto members
allies partners alliance summit communique declaration signed historic deal week month year today yesterday
officials expect further progress difficult issues remain unresolved both sides stressed importance dialogue`
  .split(/\s+/)
  .filter(Boolean);

const FIRST_NAMES = `Anna Boris Carlos Dmitri Elena Fatima George Hana Ivan Julia Kofi Lena Mikhail Nadia Omar Petra
Quentin Rosa Samuel Tatiana Umar Vera Walter Xenia Yuri Zara Ahmed Beatriz Chen Daria Emil Fiona Gustav Helga Igor
Jana Karim Lucia Marco Nina Oleg Paula Rafael Sofia Tomas Ursula Viktor Wanda Yasmin Zoltan`.split(/\s+/);

const SURNAMES = `Abramov Baker Costa Dubois Eriksen Fischer Garcia Hoffmann Ivanova Jensen Kowalski Larsen Moreau
Novak Okafor Petrov Quinn Rossi Schmidt Tanaka Ueda Volkov Weber Xu Yilmaz Zhang Alvarez Bauer Castro Dimitrov
Engel Ferrari Gomez Horvat Ishikawa Jovanovic Kim Lopez Muller Nakamura Olsen Popescu Ramos Silva Torres Urban
Vasquez Wagner Yamamoto Zielinski Andersen Becker Conti Diaz Esposito Fontaine Greco Hansen Ito Janssen Keller
Lambert Marino Nielsen Ortega Pavlov Reyes Santos Thomsen Ulrich Vidal Wolf Young Zimmermann`.split(/\s+/);

const ROLES = ['Foreign Minister', 'Defence Minister', 'spokesman', 'senator', 'chief executive', 'economist', 'mayor', 'ambassador'];
const COUNTRIES = ['Russia', 'France', 'Germany', 'Brazil', 'Japan', 'Kenya', 'India', 'Canada', 'Turkey', 'Poland'];

const SENTENCES = 2_000;
const PARAGRAPHS = 3_000;

export interface CorpusReport {
  database: string;
  scale: number;
  articles: number;
  quotes: number;
  people: number;
  lavrovQuotes: number;
  seconds: number;
}

async function maxId(client: pg.Client, table: string): Promise<number> {
  const { rows } = await client.query<{ max: number }>(`SELECT coalesce(max("id"), 0)::int AS max FROM "${table}"`);
  return rows[0]!.max;
}

const BULK_TABLES = ['Article', 'Quote', 'ArticleTopic', 'ArticleMention', 'ArticleAuthor', 'ArticleContributor', 'SearchTerm'];

/** Sets a generator session up: a deterministic random function and the word, sentence and paragraph pools. */
async function prepareSession(client: pg.Client): Promise<void> {
  await client.query(`SET synchronous_commit = off; SET maintenance_work_mem = '512MB'`);
  // r(seed): a deterministic pseudo-random non-negative number for every seed.
  await client.query(`CREATE FUNCTION pg_temp.r(seed bigint) RETURNS bigint LANGUAGE sql IMMUTABLE
    AS 'SELECT abs(hashint8($1)::bigint)'`);
  await client.query(`CREATE TEMP TABLE word AS SELECT (n - 1)::int AS i, w FROM unnest($1::text[]) WITH ORDINALITY AS u(w, n)`, [WORDS]);
  await client.query('CREATE UNIQUE INDEX ON word (i)');
  await client.query(
    `CREATE TEMP TABLE sentence AS
     SELECT g AS i, upper(left(s, 1)) || substr(s, 2) || '.' AS s FROM (
       SELECT g, (SELECT string_agg(w, ' ' ORDER BY k) FROM (
           SELECT k, CASE WHEN g % 400 = 0 AND k = 3 THEN '${SEARCH_WORD}' ELSE (SELECT w FROM word WHERE word.i = pg_temp.r(g * 100 + k) % $1) END AS w
           FROM generate_series(1, 10 + pg_temp.r(g) % 9) AS k) words) AS s
       FROM generate_series(0, ${SENTENCES - 1}) AS g) sentences`,
    [WORDS.length],
  );
  // Search documents are parsed once per sentence and paragraph and put together per row: the same
  // lexemes as to_tsvector over the whole text, at a fraction of the cost.
  await client.query(`ALTER TABLE sentence ADD COLUMN v tsvector`);
  await client.query(`UPDATE sentence SET v = to_tsvector('english', s)`);
  await client.query('CREATE UNIQUE INDEX ON sentence (i)');
  await client.query(
    `CREATE TEMP TABLE paragraph AS
     SELECT g AS i, (SELECT string_agg(s, ' ' ORDER BY k) FROM generate_series(1, 3) AS k
                JOIN sentence ON sentence.i = pg_temp.r(g * 10 + k + 1000000) % ${SENTENCES}) AS p
     FROM generate_series(0, ${PARAGRAPHS - 1}) AS g`,
  );
  await client.query(`ALTER TABLE paragraph ADD COLUMN v tsvector`);
  await client.query(`UPDATE paragraph SET v = to_tsvector('english', p)`);
  await client.query('CREATE UNIQUE INDEX ON paragraph (i)');
  await client.query('ANALYZE word, sentence, paragraph');
}

/**
 * Secondary indexes of the bulk tables are dropped during the load and built after it, which is
 * several times faster; their definitions are kept in a table until rebuilt, so a run that dies
 * half-way is repaired by the next one.
 */
async function dropBulkIndexes(client: pg.Client): Promise<void> {
  await client.query('CREATE TABLE IF NOT EXISTS bench_dropped_index (name text PRIMARY KEY, definition text NOT NULL)');
  await client.query(
    `INSERT INTO bench_dropped_index (name, definition)
     SELECT indexname, indexdef FROM pg_indexes
     WHERE schemaname = 'public' AND tablename = ANY($1::text[])
       AND indexname NOT IN (SELECT conname FROM pg_constraint)
     ON CONFLICT (name) DO NOTHING`,
    [BULK_TABLES],
  );
  const { rows } = await client.query<{ name: string }>('SELECT name FROM bench_dropped_index');
  for (const { name } of rows) await client.query(`DROP INDEX IF EXISTS "${name}"`);
}

async function rebuildIndexes(clients: pg.Client[], log: (line: string) => void): Promise<void> {
  const { rows } = await clients[0]!.query<{ name: string; definition: string }>(
    'SELECT name, definition FROM bench_dropped_index WHERE to_regclass(quote_ident(name)) IS NULL ORDER BY name',
  );
  const queue = [...rows];
  const begun = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let index = queue.shift(); index; index = queue.shift()) await client.query(index.definition);
    }),
  );
  await clients[0]!.query('DROP TABLE IF EXISTS bench_dropped_index');
  log(`indexes: ${rows.length} rebuilt in ${((performance.now() - begun) / 1000).toFixed(1)} s`);
}

/** Runs `work` on each session over its share [from, to] of 1..total. */
function inParallel(clients: pg.Client[], total: number, work: (client: pg.Client, from: number, to: number) => Promise<unknown>) {
  const share = Math.ceil(total / clients.length);
  return Promise.all(clients.map((client, index) => work(client, index * share + 1, Math.min(total, (index + 1) * share))));
}

/** Empties the content tables (keeping migrations and API keys) and loads the corpus. */
export async function loadCorpus(url: string, scale: number, log: (line: string) => void = () => {}): Promise<CorpusReport> {
  const started = performance.now();
  await migratePostgres(url);
  const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  await Promise.all(clients.map((client) => client.connect()));
  const client = clients[0]!;
  try {
    const existing = await client.query(`SELECT to_regclass('bench_dropped_index') IS NOT NULL AS broken`);
    if (existing.rows[0].broken) await rebuildIndexes([client], log);
    await client.query(`TRUNCATE "Quote", "ArticleTopic", "ArticleMention", "ArticleAuthor", "ArticleContributor",
      "Article", "PersonAlias", "Person", "Topic", "Source", "SearchTerm" RESTART IDENTITY CASCADE`);
    // The generated rows skip the triggers of the counters (each chunk would count its topics again) and
    // of the search terms; both are computed once at the end, set-based.
    await Promise.all(clients.map((each) => each.query("SET session_replication_role = 'replica'")));

    const database = connectPostgres(url);
    try {
      const seeded = await seedDatabase(database.writer);
      log(`seeds: ${seeded.created.length} article(s)`);
    } finally {
      await database.close();
    }

    const timed = async (name: string, work: () => Promise<unknown>) => {
      const begun = performance.now();
      await work();
      log(`${name} in ${((performance.now() - begun) / 1000).toFixed(1)} s`);
    };

    const offset = {
      source: await maxId(client, 'Source'),
      topic: await maxId(client, 'Topic'),
      person: await maxId(client, 'Person'),
      article: await maxId(client, 'Article'),
      quote: await maxId(client, 'Quote'),
    };
    let lavrov = (await client.query<{ id: number }>(`SELECT "id" FROM "Person" WHERE "slug" = 'sergey-lavrov'`)).rows[0]?.id;
    if (lavrov === undefined) {
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO "Person" ("slug", "name", "role", "affiliation") VALUES ('sergey-lavrov', 'Sergey Lavrov', 'Foreign Minister', 'Russia') RETURNING "id"`,
      );
      lavrov = rows[0]!.id;
      offset.person = lavrov;
    }
    const count = {
      sources: PER_SCALE.sources * scale,
      topics: PER_SCALE.topics * scale,
      people: PER_SCALE.people * scale,
      articles: PER_SCALE.articles * scale,
    };

    await timed('word pools', () => Promise.all(clients.map(prepareSession)));
    await dropBulkIndexes(client);

    await timed('sources, topics, people and aliases', async () => {
      await client.query(
        `INSERT INTO "Source" ("id", "slug", "name")
         SELECT ${offset.source} + n, 'bench-source-' || n, initcap((SELECT w FROM word WHERE word.i = n % $1)) || ' '
           || (ARRAY['Herald', 'Times', 'Post', 'Wire', 'Courier'])[1 + n % 5] || ' ' || n
         FROM generate_series(1, ${count.sources}) AS n`,
        [WORDS.length],
      );
      await client.query(
        `INSERT INTO "Topic" ("id", "slug", "name")
         SELECT ${offset.topic} + n, 'bench-topic-' || n,
           initcap((SELECT w FROM word WHERE word.i = pg_temp.r(n) % $1)) || ' ' || initcap((SELECT w FROM word WHERE word.i = pg_temp.r(n + 7) % $1)) || ' ' || n
         FROM generate_series(1, ${count.topics}) AS n`,
        [WORDS.length],
      );
      await client.query(
        `INSERT INTO "Person" ("id", "slug", "name", "role", "affiliation")
         SELECT ${offset.person} + n, lower(first || '-' || last) || '-b' || n, first || ' ' || last,
           CASE WHEN n % 3 = 0 THEN ($3::text[])[1 + n % ${ROLES.length}] END,
           CASE WHEN n % 4 = 0 THEN ($4::text[])[1 + n % ${COUNTRIES.length}] END
         FROM generate_series(1, ${count.people}) AS n,
           LATERAL (SELECT ($1::text[])[1 + pg_temp.r(n) % ${FIRST_NAMES.length}] AS first,
                           ($2::text[])[1 + pg_temp.r(n + 13) % ${SURNAMES.length}] AS last) AS name`,
        [FIRST_NAMES, SURNAMES, ROLES, COUNTRIES],
      );
      await client.query(
        `INSERT INTO "PersonAlias" ("personId", "alias", "normalized")
         SELECT p."id", form, lower(form) FROM "Person" p,
           LATERAL (VALUES (p."name"), (split_part(p."name", ' ', 2))) AS forms(form)
         WHERE p."id" > ${offset.person}
         ORDER BY p."id", form`,
      );
    });

    await timed(`${count.articles} articles`, () =>
      inParallel(clients, count.articles, (session, from, to) =>
        session.query(
          `INSERT INTO "Article" ("id", "slug", "contentHash", "title", "byline", "dateline", "standfirst", "creditLine",
             "paragraphs", "body", "publishedAt", "ingestedAt", "date", "sourceId", "searchVector")
           SELECT id, slug, hash, title, byline, 'GENEVA', standfirst, credit, paragraphs, body, date, date, date, source,
             setweight(title_vector, 'A') || setweight(standfirst_vector, 'B') || setweight(body_vector, 'C')
           FROM (
             SELECT ${offset.article} + n AS id,
               'bench-' || n || '-' || lower(regexp_replace(left(t.s, 40), '[^A-Za-z0-9]+', '-', 'g')) AS slug,
               encode(sha256(convert_to('bench:' || n, 'UTF8')), 'hex') AS hash,
               rtrim(t.s, '.') AS title,
               'By ' || author."name" AS byline,
               sf.s AS standfirst,
               t.v AS title_vector, sf.v AS standfirst_vector, p1.v || p2.v || p3.v || p4.v AS body_vector,
               CASE WHEN n % 3 > 0 THEN 'With reporting by contributing agencies' END AS credit,
               ARRAY[p1.p, p2.p, p3.p, p4.p] AS paragraphs,
               p1.p || E'\\n\\n' || p2.p || E'\\n\\n' || p3.p || E'\\n\\n' || p4.p AS body,
               timestamp '2020-01-01' + (pg_temp.r(n * 7 + 1) % (5 * 365 * 86400)) * interval '1 second' AS date,
               CASE WHEN n % 50 = 0 THEN NULL ELSE ${offset.source} + 1 + pg_temp.r(n * 7 + 2) % ${count.sources} END AS source
             FROM generate_series(${from}, ${to}) AS n
             JOIN sentence t ON t.i = pg_temp.r(n * 7 + 3) % ${SENTENCES}
             JOIN sentence sf ON sf.i = pg_temp.r(n * 7 + 4) % ${SENTENCES}
             JOIN paragraph p1 ON p1.i = pg_temp.r(n * 11 + 1) % ${PARAGRAPHS}
             JOIN paragraph p2 ON p2.i = pg_temp.r(n * 11 + 2) % ${PARAGRAPHS}
             JOIN paragraph p3 ON p3.i = pg_temp.r(n * 11 + 3) % ${PARAGRAPHS}
             JOIN paragraph p4 ON p4.i = pg_temp.r(n * 11 + 4) % ${PARAGRAPHS}
             JOIN "Person" author ON author."id" = ${offset.person} + 1 + pg_temp.r(n * 7 + 5) % ${count.people}
           ) AS generated`,
        ),
      ),
    );
    await timed('authors, topics and contributors of articles', async () => {
      await client.query(
        `INSERT INTO "ArticleAuthor" ("articleId", "personId", "position")
         SELECT ${offset.article} + n, ${offset.person} + 1 + pg_temp.r(n * 7 + 5) % ${count.people}, 0
         FROM generate_series(1, ${count.articles}) AS n`,
      );
      // Three distinct topics an article: t, t + k, t + 2k around the ring, with 2k < topics.
      await client.query(
        `INSERT INTO "ArticleTopic" ("articleId", "topicId")
         SELECT ${offset.article} + n, ${offset.topic} + 1 + (t + j * k) % ${count.topics}
         FROM generate_series(1, ${count.articles}) AS n,
           LATERAL (SELECT pg_temp.r(n * 13 + 1) % ${count.topics} AS t, 1 + pg_temp.r(n * 13 + 2) % ${Math.floor((count.topics - 1) / 2)} AS k) AS ring,
           generate_series(0, 2) AS j`,
      );
      await client.query(
        `INSERT INTO "ArticleContributor" ("articleId", "sourceId")
         SELECT ${offset.article} + n, ${offset.source} + 1 + (pg_temp.r(n * 17) + j) % ${count.sources}
         FROM generate_series(1, ${count.articles}) AS n, generate_series(1, (n % 3)::int) AS j`,
      );
    });
    // 4 to 12 quotes an article (about 8), with ids fixed by the article's place, so that the two
    // sessions writing them in parallel give the same ids every time.
    await client.query(
      `CREATE TABLE bench_quote_plan AS
       SELECT n, quotes, ${offset.quote} + sum(quotes) OVER (ORDER BY n) - quotes AS first_id
       FROM (SELECT n, (4 + pg_temp.r((${offset.article} + n) * 7 + 6) % 9)::int AS quotes
             FROM generate_series(1, ${count.articles}) AS n) AS plan`,
    );
    // 2% by Sergey Lavrov, 8% by an unnamed speaker, the rest by people drawn with a skew towards
    // the first ones (a few people are quoted a lot).
    await timed('quotes', () =>
      inParallel(clients, count.articles, (session, from, to) =>
        session.query(
          `INSERT INTO "Quote" ("id", "articleId", "position", "text", "startOffset", "endOffset", "kind", "speakerId",
             "speakerDescription", "date", "searchVector")
           SELECT plan.first_id + pos + 1, a."id", pos, s.s, 400 + pos * 300, 400 + pos * 300 + length(s.s),
             (CASE WHEN u % 3 = 0 THEN 'PARTIAL' ELSE 'DIRECT' END)::"QuoteKind",
             CASE WHEN u < 20 THEN ${lavrov} WHEN u < 100 THEN NULL
                  ELSE ${offset.person} + 1 + (pg_temp.r(a."id" * 1000 + pos * 2 + 1) % ${count.people})
                       * (pg_temp.r(a."id" * 1000 + pos * 2 + 2) % ${count.people}) / ${count.people} END,
             CASE WHEN u >= 20 AND u < 100 THEN 'a senior official' END,
             a."date", s.v
           FROM bench_quote_plan plan
           JOIN "Article" a ON a."id" = ${offset.article} + plan.n
           CROSS JOIN LATERAL generate_series(0, plan.quotes - 1) AS pos
           CROSS JOIN LATERAL (SELECT pg_temp.r(a."id" * 1000 + pos) % 1000 AS u) AS draw
           JOIN sentence s ON s.i = pg_temp.r(a."id" * 1000 + pos + 500) % ${SENTENCES}
           WHERE plan.n BETWEEN ${from} AND ${to}`,
        ),
      ),
    );
    await client.query('DROP TABLE bench_quote_plan');
    await timed('mentions', () =>
      inParallel(clients, count.articles, (session, from, to) =>
        session.query(
          `INSERT INTO "ArticleMention" ("articleId", "personId")
           SELECT DISTINCT "articleId", "speakerId" FROM "Quote"
           WHERE "articleId" BETWEEN ${offset.article + from} AND ${offset.article + to} AND "speakerId" IS NOT NULL`,
        ),
      ),
    );
    // Before the indexes come back: the counters' UPDATEs then touch no index.
    await timed('counters', () => client.query('SELECT "quotegraph_recount_all"(), "quotegraph_recount_list_totals"()'));
    await timed('search terms', () =>
      Promise.all([
        clients[0]!.query(`SELECT "quotegraph_reindex_search_terms"('ARTICLE')`),
        clients[1]!.query(`SELECT "quotegraph_reindex_search_terms"('QUOTE')`),
      ]),
    );
    await rebuildIndexes(clients, log);
    for (const table of ['Source', 'Topic', 'Person', 'PersonAlias', 'Article', 'Quote']) {
      await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max("id") FROM "${table}"))`);
    }
    await timed('analyze', () => client.query('VACUUM ANALYZE'));

    const totals = await client.query<{ articles: number; quotes: number; people: number; lavrov: number }>(
      `SELECT (SELECT count(*) FROM "Article")::int AS articles, (SELECT count(*) FROM "Quote")::int AS quotes,
              (SELECT count(*) FROM "Person")::int AS people,
              (SELECT count(*) FROM "Quote" WHERE "speakerId" = $1)::int AS lavrov`,
      [lavrov],
    );
    const row = totals.rows[0]!;
    return {
      database: databaseName(url),
      scale,
      articles: row.articles,
      quotes: row.quotes,
      people: row.people,
      lavrovQuotes: row.lavrov,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await Promise.all(clients.map((session) => session.end()));
  }
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const url = options.database
    ? databaseUrl(options.database)
    : (process.env.DATABASE_URL ?? databaseUrl(`${BENCH_PREFIX}s${options.scale}`));
  const created = await ensureDatabase(databaseName(url));
  console.log(`${created ? 'Created' : 'Refilling'} ${databaseName(url)} at scale ${options.scale}`);
  const report = await loadCorpus(url, options.scale, (line) => console.log(`  ${line}`));
  console.log(
    `${report.database}: ${report.articles} articles, ${report.quotes} quotes, ${report.people} people ` +
      `(${report.lavrovQuotes} quotes by Sergey Lavrov) in ${report.seconds.toFixed(1)} s`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
