// The store against real databases, PostgreSQL and the embedded PGlite: seeding, merging people,
// idempotency, atomicity, concurrent ingests and how timestamps are stored.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, openEmbedded, type Database } from '../support/prisma.js';
import { storeArticle, storeArticles } from '../../src/ingest/store.js';
import { seedDatabase } from '../../src/seeds.js';
import { copyEmbeddedTemplate, createTestDatabase } from '../support/database.js';
import { syntheticDraft, syntheticQuote } from '../support/drafts.js';
import { randomFrom } from '../support/random.js';

/** A database to store into, seeded, and how to open it again with another session time zone. */
interface StoreDatabase {
  database: Database;
  /** PostgreSQL only: the same database, its sessions in `timeZone`. */
  inTimeZone?(timeZone: string): Database;
  close(): Promise<void>;
}

async function postgres(): Promise<StoreDatabase> {
  const testDatabase = await createTestDatabase();
  const database = connectPostgres(testDatabase.url);
  const others: Database[] = [];
  return {
    database,
    inTimeZone(timeZone) {
      const url = new URL(testDatabase.url);
      url.searchParams.set('options', `-c TimeZone=${timeZone}`);
      const other = connectPostgres(url.toString());
      others.push(other);
      return other;
    },
    async close() {
      for (const other of others) await other.close();
      await database.close();
      await testDatabase.drop();
    },
  };
}

async function embedded(): Promise<StoreDatabase> {
  const folder = await mkdtemp(path.join(tmpdir(), 'quotegraph-store-'));
  await copyEmbeddedTemplate(path.join(folder, 'pglite'));
  const database = await openEmbedded(path.join(folder, 'pglite'));
  return {
    database,
    async close() {
      await database.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

const TABLES = ['Article', 'Source', 'Person', 'PersonAlias', 'Topic', 'Quote', 'ArticleAuthor', 'ArticleContributor', 'ArticleMention', 'ArticleTopic'];

describe.each([
  { kind: 'PostgreSQL', open: postgres },
  { kind: 'the embedded database', open: embedded },
])('on $kind', ({ open }) => {
  let store: StoreDatabase;
  let database: Database;

  beforeAll(async () => {
    store = await open();
    database = store.database;
    await seedDatabase(database.writer);
  });
  afterAll(() => store?.close());

  /** A fingerprint of every row of every table, to prove that nothing changed. */
  async function fingerprint(): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const table of TABLES) {
      const [row] = await database.prisma.$queryRawUnsafe<{ digest: string }[]>(
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table}" t`,
      );
      result[table] = row!.digest;
    }
    return result;
  }

  async function personWithQuotes(slug: string) {
    return database.prisma.person.findUniqueOrThrow({
      where: { slug },
      include: { aliases: true, quotes: true },
    });
  }

  describe('seeding the two seed articles', () => {
    it('stores 2 articles', async () => {
      expect(await database.prisma.article.count()).toBe(2);
    });

    it('makes Lavrov one person with both spellings and his 7 distinct quotes', async () => {
      const lavrov = await personWithQuotes('sergey-lavrov');
      expect(lavrov.name).toBe('Sergey Lavrov');
      expect(lavrov.aliases.map((alias) => alias.alias)).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Sergei Lavrov', 'Lavrov']));
      expect(lavrov.quotes).toHaveLength(7);
      expect(await database.prisma.person.count({ where: { aliases: { some: { normalized: 'lavrov' } } } })).toBe(1);
    });

    it('gives Pompeo his 7 quotes', async () => {
      expect((await personWithQuotes('mike-pompeo')).quotes).toHaveLength(7);
    });

    it('stores the unnamed official\'s quotes with a description and no person', async () => {
      const quotes = await database.prisma.quote.findMany({ where: { speakerDescription: { contains: 'official' } } });
      expect(quotes.length).toBe(3);
      for (const quote of quotes) expect(quote.speakerId).toBeNull();
    });

    it('writes the search vectors of articles and quotes', async () => {
      const [row] = await database.prisma.$queryRawUnsafe<{ missing: number }[]>(
        `SELECT ((SELECT count(*) FROM "Article" WHERE "searchVector" IS NULL) + (SELECT count(*) FROM "Quote" WHERE "searchVector" IS NULL))::int AS missing`,
      );
      expect(row!.missing).toBe(0);
      const found = await database.prisma.$queryRawUnsafe<{ slug: string }[]>(
        `SELECT "slug" FROM "Article" WHERE "searchVector" @@ plainto_tsquery('english', 'Sochi')`,
      );
      expect(found.length).toBeGreaterThan(0);
    });

    it('changes no row when seeded a second time', async () => {
      const before = await fingerprint();
      const report = await seedDatabase(database.writer);
      expect(report.created).toEqual([]);
      expect(await fingerprint()).toEqual(before);
    });
  });

  describe('storeArticle', () => {
    it('writes a new article\'s row once, its quotes and its topic links\' copies counted as it is inserted', async () => {
      // Migration article_counts_at_insert: the quotes' trigger used to update every new article to count
      // them, a second version of the row. Written once, the row has the transaction and command of its
      // first revision, written by the same statement.
      const alone = await storeArticle(database.writer, syntheticDraft(880));
      const batched = (await storeArticles(database.writer, [{ draft: syntheticDraft(881, { topics: ['Testing', 'Counting'] }) }]))[0]!;
      // One topic link for the first draft ("Testing"), two for the second.
      for (const [stored, links] of [[alone, ['true 3']], [batched, ['true 3', 'true 3']]] as const) {
        if (stored instanceof Error) throw stored;
        const [row] = await database.prisma.$queryRawUnsafe<{ writtenOnce: boolean; quoteCount: number; quotes: number; links: string[] }[]>(
          `SELECT a.xmin = r.xmin AND a.cmin = r.cmin AS "writtenOnce", a."quoteCount",
                  (SELECT count(*)::int FROM "Quote" q WHERE q."articleId" = a."id") AS "quotes",
                  ARRAY(SELECT l."articlePublished" || ' ' || l."articleQuoteCount" FROM "ArticleTopic" l WHERE l."articleId" = a."id") AS "links"
           FROM "Article" a JOIN "ArticleRevision" r ON r."articleId" = a."id" AND r."number" = 1 WHERE a."id" = $1`,
          stored.articleId,
        );
        expect(row).toEqual({ writtenOnce: true, quoteCount: 3, quotes: 3, links });
      }
    });

    it('creates one article when the same text is ingested concurrently', async () => {
      const draft = syntheticDraft(900);
      const results = await Promise.all([1, 2, 3, 4].map(() => storeArticle(database.writer, draft)));
      expect(new Set(results.map((result) => result.articleId)).size).toBe(1);
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(await database.prisma.article.count({ where: { contentHash: draft.contentHash } })).toBe(1);
    });

    it('creates a new source and topic once when articles naming them are ingested concurrently', async () => {
      const drafts = [910, 911, 912, 913].map((index) =>
        syntheticDraft(index, { source: 'Race Wire', topics: ['Race Conditions'], people: [], quotes: [] }),
      );
      const results = await Promise.all(drafts.map((draft) => storeArticle(database.writer, draft)));
      expect(results.every((result) => result.created)).toBe(true);
      const source = await database.prisma.source.findUniqueOrThrow({ where: { name: 'Race Wire' }, include: { articles: true } });
      expect(source.articles).toHaveLength(4);
      const topic = await database.prisma.topic.findUniqueOrThrow({ where: { name: 'Race Conditions' }, include: { articles: true } });
      expect(topic.articles).toHaveLength(4);
    });

    it('creates a new person once when articles naming them are ingested concurrently', async () => {
      const newcomer = { name: 'Concurrent Newcomer', aliases: ['Newcomer'], role: null, affiliation: null };
      const drafts = [914, 915, 916, 917].map((index) => syntheticDraft(index, { people: [newcomer], quotes: [] }));
      const results = await Promise.all(drafts.map((draft) => storeArticle(database.writer, draft)));
      expect(results.every((result) => result.created)).toBe(true);
      const people = await database.prisma.person.findMany({ where: { name: 'Concurrent Newcomer' }, include: { mentions: true } });
      expect(people).toHaveLength(1);
      expect(people[0]!.mentions).toHaveLength(4);
    });

    it('stores every article when eight ingests run at once, each naming and quoting new people the others name too', async () => {
      // Each lost race (a person another ingest created meanwhile, a deadlock on the counters) makes the
      // transaction run again; with eight at once an article could lose three in a row and be refused.
      const random = randomFrom(20261207);
      const given = ['Ada', 'Bram', 'Cleo', 'Dov', 'Esme', 'Finn', 'Gus', 'Hana'];
      const family = ['Quillfeather', 'Vetterling', 'Marshwood', 'Harlowe', 'Tarrowby', 'Odunsi'];
      for (const [round, surname] of family.entries()) {
        const drafts = Array.from({ length: 8 }, (_, index) => {
          const named = [...given].sort(() => random() - 0.5).slice(0, 5).map((name) => `${name} ${surname}`);
          return syntheticDraft(2000 + round * 8 + index, {
            source: `Crowd Wire ${surname}`,
            topics: [`Crowds of ${surname}`, 'Crowded Desks'],
            people: named.map((name) => ({ name, aliases: [], role: null, affiliation: null })),
            quotes: named.map((speaker, position) => syntheticQuote(`Words ${position} of story ${round}-${index}.`, position, speaker)),
          });
        });
        const results = await Promise.allSettled(drafts.map((draft) => storeArticle(database.writer, draft)));
        expect(results.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : [])), `round ${round}`).toEqual([]);
      }
      const people = await database.prisma.person.findMany({ where: { name: { endsWith: 'Quillfeather' } }, include: { quotes: true } });
      expect(people.length).toBeLessThanOrEqual(given.length);
      for (const person of people) expect(person.quoteCount).toBe(person.quotes.length);
    });

    it('gives a new person whose name\'s slug is taken the first free numbered slug', async () => {
      await database.prisma.person.createMany({
        data: [
          { slug: 'casey-rivers', name: 'C. Rivers-Smith' },
          { slug: 'casey-rivers-2', name: 'C. Rivers-Jones' },
        ],
      });
      const draft = syntheticDraft(930, { people: [{ name: 'Casey Rivers', aliases: [], role: null, affiliation: null }], quotes: [] });
      await storeArticle(database.writer, draft);
      const person = await database.prisma.person.findFirstOrThrow({ where: { name: 'Casey Rivers' } });
      expect(person.slug).toBe('casey-rivers-3');
    });

    it('leaves nothing behind when an ingest fails midway', async () => {
      const before = await fingerprint();
      // PostgreSQL refuses NUL in text, so the article's statement fails after the people are written.
      const broken = syntheticDraft(901, { people: [{ name: 'Brand Newperson', aliases: [], role: null, affiliation: null }] });
      broken.quotes[0]!.text = 'bad \u0000 text';
      await expect(storeArticle(database.writer, broken)).rejects.toThrow();
      expect(await fingerprint()).toEqual(before);
    });

    it('stores a batch in order, each draft seeing the ones before, and undoes a failing one alone', async () => {
      const newcomer = { name: 'Batched Newcomer', aliases: [], role: null, affiliation: null };
      const first = syntheticDraft(940, { people: [newcomer], quotes: [] });
      const broken = syntheticDraft(941, { people: [{ name: 'Never Stored', aliases: [], role: null, affiliation: null }] });
      broken.quotes[0]!.text = 'bad \u0000 text';
      // A person new in the first draft: found by the later one in the same transaction, not created twice.
      const later = syntheticDraft(942, { people: [newcomer], quotes: [] });
      const results = await storeArticles(database.writer, [first, broken, later].map((draft) => ({ draft })));
      expect(results[0]).toMatchObject({ created: true });
      expect(results[1]).toBeInstanceOf(Error);
      expect(results[2]).toMatchObject({ created: true });
      const people = await database.prisma.person.findMany({ where: { name: { in: ['Batched Newcomer', 'Never Stored'] } }, include: { mentions: true } });
      expect(people.map((person) => [person.name, person.mentions.length])).toEqual([['Batched Newcomer', 2]]);
      expect(await database.prisma.article.count({ where: { contentHash: broken.contentHash } })).toBe(0);
    });

    it('stores a batch as one at a time would: a revision and a repeat among new articles, and one headline twice', async () => {
      const url = 'https://example.com/batched-revision';
      const first = syntheticDraft(950, { url });
      const other = syntheticDraft(951);
      const revision = syntheticDraft(952, { url, title: first.title, paragraphs: ['A new text of story 950.'] });
      const sameHeadline = syntheticDraft(953, { title: other.title });
      const results = await storeArticles(database.writer, [first, other, revision, other, sameHeadline].map((draft) => ({ draft })));
      expect(results.map((result) => (result instanceof Error ? result.message : [result.created, result.revised, result.revision]))).toEqual([
        [true, false, 1],
        [true, false, 1],
        [false, true, 2],
        [false, false, 1],
        [true, false, 1],
      ]);
      const [stored, otherStored, revised, repeated, twin] = results as Exclude<(typeof results)[number], Error>[];
      expect(revised!.articleId).toBe(stored!.articleId);
      expect(repeated!.articleId).toBe(otherStored!.articleId);
      expect(twin!.slug).toBe(`${otherStored!.slug}-${sameHeadline.contentHash.slice(0, 8)}`);
      const article = await database.prisma.article.findUniqueOrThrow({ where: { url }, include: { revisions: true } });
      expect(article.paragraphs).toEqual(['A new text of story 950.']);
      expect(article.revisions.map((row) => row.number).sort()).toEqual([1, 2]);
    });

    it('stores two batches racing with the same new person and the same article once each', async () => {
      const newcomer = { name: 'Racing Newcomer', aliases: ['Newcomer'], role: null, affiliation: null };
      const shared = syntheticDraft(970, { people: [newcomer], quotes: [] });
      const batches = [[971, 972], [973, 974]].map((indexes) => [
        ...indexes.map((index) => syntheticDraft(index, { people: [newcomer], quotes: [] })),
        shared,
      ]);
      const [first, second] = await Promise.all(batches.map((drafts) => storeArticles(database.writer, drafts.map((draft) => ({ draft })))));
      expect([...first!, ...second!].filter((result) => result instanceof Error)).toEqual([]);
      expect([first!.at(-1), second!.at(-1)].filter((result) => result !== undefined && !(result instanceof Error) && result.created)).toHaveLength(1);
      const people = await database.prisma.person.findMany({ where: { name: 'Racing Newcomer' }, include: { mentions: true } });
      expect(people.map((person) => person.mentions.length)).toEqual([5]);
      expect(await database.prisma.article.count({ where: { contentHash: shared.contentHash } })).toBe(1);
    });

    it('stores the good drafts of a batch whose statements fail, and returns the bad one\'s error in its place', async () => {
      const before = await database.prisma.article.count();
      const drafts = [960, 961, 962, 963, 964].map((index) =>
        syntheticDraft(index, { people: [{ name: `Middle Newcomer${index % 2}`, aliases: [], role: null, affiliation: null }] }),
      );
      drafts[2]!.quotes[1]!.text = 'bad \u0000 text';
      const results = await storeArticles(database.writer, drafts.map((draft) => ({ draft })));
      expect(results.map((result) => (result instanceof Error ? 'error' : result.created))).toEqual([true, true, 'error', true, true]);
      expect(await database.prisma.article.count()).toBe(before + 4);
      const people = await database.prisma.person.findMany({ where: { name: { startsWith: 'Middle Newcomer' } }, include: { mentions: true } });
      expect(people.map((person) => [person.name, person.mentions.length]).sort()).toEqual([['Middle Newcomer0', 2], ['Middle Newcomer1', 2]]);
    });

    it('stores timestamps as UTC, read back as the same instants, whatever the time zones', async () => {
      const processTimeZone = process.env.TZ;
      process.env.TZ = 'America/New_York';
      try {
        const session = store.inTimeZone?.('Asia/Tokyo') ?? database;
        const publishedAt = '2020-01-02T03:04:05.678Z';
        const before = Date.now();
        const stored = await storeArticle(session.writer, syntheticDraft(920, { publishedAt }));
        const [row] = await database.prisma.$queryRawUnsafe<{ publishedAt: string; ingestedAt: string; quoteCreatedAt: string }[]>(
          `SELECT a."publishedAt"::text AS "publishedAt", a."ingestedAt"::text AS "ingestedAt", min(q."createdAt")::text AS "quoteCreatedAt"
           FROM "Article" a JOIN "Quote" q ON q."articleId" = a."id" WHERE a."id" = $1 GROUP BY a."id"`,
          stored.articleId,
        );
        expect(row!.publishedAt).toBe('2020-01-02 03:04:05.678');
        for (const written of [row!.ingestedAt, row!.quoteCreatedAt]) {
          const instant = Date.parse(`${written.replace(' ', 'T')}Z`);
          expect(instant).toBeGreaterThanOrEqual(before - 1_000);
          expect(instant).toBeLessThanOrEqual(Date.now() + 1_000);
        }
        const article = await database.prisma.article.findUniqueOrThrow({ where: { id: stored.articleId } });
        expect(article.publishedAt?.toISOString()).toBe(publishedAt);
        expect(article.date.toISOString()).toBe(publishedAt);
      } finally {
        if (processTimeZone === undefined) delete process.env.TZ;
        else process.env.TZ = processTimeZone;
      }
    });
  });
});
