import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

interface ExpectedArticle {
  file: string;
  title: string;
  byline: string | null;
  bylineAuthors: string[];
  publisher: string | null;
  dateline: string | null;
  creditLine?: string;
  photoCaption?: string;
  sectionHeadings?: string[];
  people: { name: string; aliases: string[] }[];
  quotes: { text: string; start: number; end: number; speaker: string | null; kind: string }[];
}

const oracle = JSON.parse(readFileSync(path.join(root, 'test/fixtures/expected.json'), 'utf8')) as { articles: ExpectedArticle[] };

/** An alias is a name when it carries a word of the person's name ("Lavrov"), not a title alone ("his Russian counterpart"). */
function nameAliases(person: { name: string; aliases: string[] }): string[] {
  const nameWords = person.name.split(' ');
  return person.aliases.filter((alias) => nameWords.some((word) => alias.split(/\s+/).includes(word)));
}

describe.each(oracle.articles)('seed $file', (expected) => {
  const raw = readFileSync(path.join(root, 'seeds', expected.file), 'utf8');
  const draft = extractArticle(raw);

  it('finds exactly the annotated quotes, with their offsets, speakers and kinds', () => {
    expect(draft.quotes.map(({ text, start, end, speaker, kind }) => ({ text, start, end, speaker, kind }))).toEqual(
      expected.quotes.map(({ text, start, end, speaker, kind }) => ({ text, start, end, speaker, kind })),
    );
  });

  it('gives quote offsets that point at the quote text in the raw file', () => {
    const codePoints = [...raw];
    for (const quote of draft.quotes) expect(codePoints.slice(quote.start, quote.end).join('')).toBe(quote.text);
  });

  it('reads the headline, byline, publisher and dateline', () => {
    expect(draft.title).toBe(expected.title);
    expect(draft.byline).toBe(expected.byline);
    expect(draft.authors).toEqual(expected.bylineAuthors);
    expect(draft.source).toBe(expected.publisher);
    expect(draft.dateline).toBe(expected.dateline);
  });

  it('reads the credit line, caption and section headings when the page has them', () => {
    expect(draft.creditLine).toBe(expected.creditLine ?? null);
    if (expected.photoCaption) expect(draft.photoCaption).toBe(expected.photoCaption);
    expect(draft.sectionHeadings).toEqual(expected.sectionHeadings ?? []);
  });

  it('names every annotated person with the aliases that are names', () => {
    for (const person of expected.people) {
      const found = draft.people.find((candidate) => candidate.name === person.name);
      expect(found, person.name).toBeDefined();
      expect(found!.aliases).toEqual(expect.arrayContaining(nameAliases(person)));
    }
  });

  it('lists no author, place or organisation as a person', () => {
    const names = draft.people.map((person) => person.name);
    for (const author of expected.bylineAuthors) expect(names).not.toContain(author);
    expect(names.every((name) => expected.people.some((person) => person.name === name || person.aliases.includes(name)))).toBe(true);
  });

  it('drops the page chrome from the body paragraphs', () => {
    for (const chrome of ['Stories continue below', 'Print this page', 'Related Stories', 'Accessibility links', 'Breaking News']) {
      expect(draft.paragraphs.some((paragraph) => paragraph.includes(chrome))).toBe(false);
    }
  });
});

describe('seed publisher and contributors', () => {
  it('takes agencies in a closing credit line as contributors, not the publisher', () => {
    const draft = extractArticle(readFileSync(path.join(root, 'seeds/002_273362a76cb01187.txt'), 'utf8'));
    expect(draft.contributors).toEqual(['AP', 'Reuters', 'AFP', 'TASS']);
    expect(draft.source).toBeNull();
  });

  it('takes the site tag line as the topics', () => {
    const draft = extractArticle(readFileSync(path.join(root, 'seeds/000_66bb6676f4f473e3.txt'), 'utf8'));
    expect(draft.topics).toEqual(expect.arrayContaining(['diplomacy', 'global politics', 'trade', 'US']));
  });
});
