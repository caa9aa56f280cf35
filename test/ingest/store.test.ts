// The store against a real PostgreSQL database: seeding, merging people, idempotency, atomicity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, type Database } from '../../src/db/client.js';
import { storeArticle } from '../../src/ingest/store.js';
import { seedDatabase } from '../../src/seeds.js';
import { createTestDatabase } from '../support/database.js';
import { syntheticDraft } from '../support/drafts.js';

let testDatabase: Awaited<ReturnType<typeof createTestDatabase>>;
let database: Database;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = connectPostgres(testDatabase.url);
  await seedDatabase(database.prisma);
});
afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

const TABLES = ['Article', 'Source', 'Person', 'PersonAlias', 'Topic', 'Quote', 'ArticleAuthor', 'ArticleContributor', 'ArticleMention', 'ArticleTopic'];

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

  it('changes no row when seeded a second time', async () => {
    const before = await fingerprint();
    const report = await seedDatabase(database.prisma);
    expect(report.created).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('storeArticle', () => {
  it('creates one article when the same text is ingested concurrently', async () => {
    const draft = syntheticDraft(900);
    const results = await Promise.all([1, 2, 3, 4].map(() => storeArticle(database.prisma, draft)));
    expect(new Set(results.map((result) => result.articleId)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await database.prisma.article.count({ where: { contentHash: draft.contentHash } })).toBe(1);
  });

  it('leaves nothing behind when an ingest fails midway', async () => {
    const before = await fingerprint();
    // PostgreSQL refuses NUL in text, so the quotes insert fails after the article and people are written.
    const broken = syntheticDraft(901, { people: [{ name: 'Brand Newperson', aliases: [], role: null, affiliation: null }] });
    broken.quotes[0]!.text = 'bad \u0000 text';
    await expect(storeArticle(database.prisma, broken)).rejects.toThrow();
    expect(await fingerprint()).toEqual(before);
  });
});
