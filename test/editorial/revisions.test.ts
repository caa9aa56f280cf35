// Corrections that survive re-extraction, on PostgreSQL and on the embedded PGlite database: an
// editor corrects a story through the same functions the API and the CLI call, the paper publishes
// a new text at the same url, and every correction still applies wherever its quote still is.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, openEmbedded, type Database } from '../support/prisma.js';
import { deleteArticle, setArticlePublished, updateArticle } from '../../src/editorial/article-edits.js';
import { mergePeople, renamePerson } from '../../src/editorial/person-edits.js';
import { addQuote, changeQuoteKind, changeQuoteSpeaker, fixQuoteSpan, setQuoteRetracted } from '../../src/editorial/quote-edits.js';
import { mergeNamed } from '../../src/editorial/source-and-topic-edits.js';
import { ingestText } from '../../src/ingest/ingest-text.js';
import { packageRoot } from '../../src/package-root.js';
import { copyEmbeddedTemplate, createTestDatabase } from '../support/database.js';

const URL = 'https://gazette.example/bridge';
const desk = { keyName: 'desk', note: 'checked against the recording' };

async function postgres(): Promise<{ database: Database; close(): Promise<void> }> {
  const testDatabase = await createTestDatabase();
  const database = connectPostgres(testDatabase.url);
  return {
    database,
    async close() {
      await database.close();
      await testDatabase.drop();
    },
  };
}

async function embedded(): Promise<{ database: Database; close(): Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'quotegraph-revisions-'));
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

describe.each([
  { kind: 'PostgreSQL', open: postgres },
  { kind: 'the embedded database', open: embedded },
])('on $kind', ({ open }) => {
  let opened: Awaited<ReturnType<typeof postgres>>;
  let database: Database;
  let text: string;
  beforeAll(async () => {
    opened = await open();
    database = opened.database;
    text = await readFile(path.join(packageRoot, 'test/fixtures/editorial/bridge-vote.txt'), 'utf8');
  });
  afterAll(() => opened?.close());

  const quotesOf = (articleId: number) =>
    database.prisma.quote.findMany({ where: { articleId }, orderBy: { position: 'asc' }, include: { speaker: true } });
  const startsWith = async (articleId: number, words: string) => (await quotesOf(articleId)).find((quote) => (quote.anchor ?? quote.text).startsWith(words))!;

  it('keeps every correction through new texts at the same url, and says which no longer apply', async () => {
    const first = await ingestText(database.writer, text, { metadata: { url: URL }, keyName: 'desk' });
    expect(first).toMatchObject({ created: true, revision: 1 });
    const id = first.articleId;

    const waited = await startsWith(id, 'We have waited');
    const cars = await startsWith(id, 'The first cars');
    const classrooms = await startsWith(id, 'Our classrooms');
    const budget = await startsWith(id, 'It is on time');
    const robert = await database.prisma.person.findUniqueOrThrow({ where: { slug: 'robert-smith' } });
    await changeQuoteSpeaker(database.writer, desk, { quoteId: waited.id, speaker: { person: { slug: 'robert-smith' } } });
    const carsStart = text.indexOf('The first cars');
    await fixQuoteSpan(database.writer, desk, { quoteId: cars.id, startOffset: carsStart, endOffset: carsStart + 'The first cars will cross it'.length });
    await changeQuoteKind(database.writer, desk, { quoteId: classrooms.id, kind: 'PARTIAL' });
    await setQuoteRetracted(database.writer, desk, { quoteId: budget.id, retracted: true });
    const addedStart = text.indexOf('ending a debate that lasted two decades');
    await addQuote(database.writer, desk, { article: { url: URL }, startOffset: addedStart, endOffset: addedStart + 39, kind: 'PARTIAL', speaker: { description: 'the council' } });

    // The paper's new text: a longer first paragraph (every offset after it moves) and the parent's quote cut.
    const revisedText = text
      .replace('on Tuesday, ending', 'on Tuesday evening, ending')
      .replace(/\nOpponents said.*\n/, '\n');
    const second = await ingestText(database.writer, revisedText, { metadata: { url: URL }, keyName: 'desk' });
    expect(second).toMatchObject({ articleId: id, created: false, revised: true, revision: 2 });
    expect(second.correctionsNoLongerApplying).toEqual([
      { kind: 'QUOTE_KIND', quoteText: 'Our classrooms are falling apart,', note: desk.note, keyName: 'desk', correctedAt: expect.any(String) },
    ]);
    const quotes = await quotesOf(id);
    const byAnchor = (words: string) => quotes.find((quote) => (quote.anchor ?? quote.text).startsWith(words))!;
    expect(byAnchor('We have waited')).toMatchObject({ id: waited.id, speakerId: robert.id, attributionMethod: 'editor', corrected: true });
    const movedCars = revisedText.indexOf('The first cars');
    expect(byAnchor('The first cars')).toMatchObject({ id: cars.id, text: 'The first cars will cross it', startOffset: movedCars, endOffset: movedCars + 28 });
    expect(byAnchor('It is on time')).toMatchObject({ id: budget.id, retracted: true });
    expect(byAnchor('ending a debate')).toMatchObject({ kind: 'PARTIAL', speakerDescription: 'the council', startOffset: revisedText.indexOf('ending a debate') });
    expect(quotes.find((quote) => (quote.anchor ?? quote.text).startsWith('Our classrooms'))).toBeUndefined();
    expect(quotes.map((quote) => quote.position)).toEqual(quotes.map((_, index) => index));
    const article = await database.prisma.article.findUniqueOrThrow({ where: { id }, include: { revisions: { orderBy: { number: 'asc' } } } });
    expect(article.revisions.map((revision) => [revision.number, revision.text === text, revision.text === revisedText, revision.keyName])).toEqual([
      [1, true, false, 'desk'],
      [2, false, true, 'desk'],
    ]);
    expect((article.correctionNotices as { what: string }[]).map((notice) => notice.what)).toEqual(['quote speaker', 'quote words', 'quote retracted', 'quote added']);

    // The first text again: the parent's quote is back, and so is the editor's kind for it.
    const third = await ingestText(database.writer, text, { metadata: { url: URL }, keyName: 'desk' });
    expect(third).toMatchObject({ revised: true, revision: 3, correctionsNoLongerApplying: [] });
    expect(await startsWith(id, 'Our classrooms')).toMatchObject({ kind: 'PARTIAL', corrected: true });
    // The same text again changes nothing; without its url, it still finds the article.
    expect(await ingestText(database.writer, text, { metadata: { url: URL } })).toMatchObject({ articleId: id, revised: false, revision: 3 });
    expect(await ingestText(database.writer, revisedText)).toMatchObject({ articleId: id, created: false, revised: false });
  });

  it('keeps an editor\'s title and date, follows merges and renames, and deletes with all that hangs on it', async () => {
    const article = await database.prisma.article.findUniqueOrThrow({ where: { url: URL } });
    await updateArticle(database.writer, desk, { article: { id: article.id }, title: 'Council backs the Mill River bridge', publishedAt: new Date('2026-03-04T10:00:00Z') });
    await mergePeople(database.writer, desk, { from: { slug: 'bob-smith' }, into: { slug: 'robert-smith' } });
    await renamePerson(database.writer, desk, { person: { slug: 'dana-lee' }, name: 'Dana Leigh' });
    await setArticlePublished(database.writer, desk, { article: { url: URL }, published: false });
    const revised = await ingestText(database.writer, `${text}\nThe vote was seven to two.\n`, { metadata: { url: URL } });
    expect(revised.revision).toBe(4);
    const stored = await database.prisma.article.findUniqueOrThrow({ where: { id: article.id }, include: { quotes: { include: { speaker: true } } } });
    expect(stored).toMatchObject({ title: 'Council backs the Mill River bridge', published: false, titleDerived: false });
    expect(stored.publishedAt?.toISOString()).toBe('2026-03-04T10:00:00.000Z');
    expect(stored.quotes.every((quote) => !quote.articlePublished)).toBe(true);
    // "Bob Smith" and "Dana Lee" in the new text find the people they became.
    const speakers = new Set(stored.quotes.map((quote) => quote.speaker?.slug));
    expect(speakers).toContain('dana-leigh');
    expect(speakers).not.toContain('bob-smith');
    expect(await database.prisma.person.count({ where: { slug: { in: ['bob-smith', 'dana-lee'] } } })).toBe(0);

    const sources = await database.prisma.source.findMany({ orderBy: { id: 'asc' } });
    if (sources.length >= 2) await mergeNamed(database.writer, desk, 'Source', { from: { id: sources[1]!.id }, into: { id: sources[0]!.id } });
    await deleteArticle(database.writer, desk, { article: { url: URL } });
    expect(await database.prisma.article.count({ where: { id: article.id } })).toBe(0);
    expect(await database.prisma.correction.count({ where: { articleId: article.id } })).toBe(0);
    expect(await database.prisma.articleRevision.count({ where: { articleId: article.id } })).toBe(0);
    const record = await database.prisma.change.findMany({ where: { objectType: 'Article', objectId: article.id }, orderBy: { id: 'asc' } });
    expect(record.map((change) => change.action)).toEqual([
      'ingestArticle', 'ingestArticle', 'ingestArticle', 'updateArticle', 'unpublishArticle', 'ingestArticle', 'deleteArticle',
    ]);
  });
});
