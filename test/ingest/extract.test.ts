import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.js';
import { IngestError } from '../../src/ingest/ingest-error.js';

describe('extractArticle input checks', () => {
  it('refuses empty and whitespace-only text', () => {
    expect(() => extractArticle('')).toThrow(IngestError);
    expect(() => extractArticle('  \n\t\n ')).toThrow(/empty/);
  });

  it('refuses binary input', () => {
    expect(() => extractArticle('Headline\n\nBody\u0000\u0001')).toThrow(/binary/);
    expect(() => extractArticle('\u0001\u0002\u0003\ufffd\ufffd'.repeat(20) + 'Headline')).toThrow(IngestError);
  });

});

describe('extractArticle on text as it arrives', () => {
  const body = [
    'The mayor of Bristol, Ann Lee, opened the new bridge on Tuesday after three years of building work.',
    '"It is a great day for the city," Lee said.',
  ].join('\n\n');

  it('reads body-only text, deriving a title from its first sentence and marking it derived', () => {
    const draft = extractArticle(body);
    expect(draft.title).toBe('The mayor of Bristol, Ann Lee, opened the new bridge on Tuesday after three years of building work');
    expect(draft.titleDerived).toBe(true);
    expect(draft.paragraphs).toHaveLength(2);
    expect(draft.quotes.map((quote) => [quote.text, quote.speaker])).toEqual([['It is a great day for the city,', 'Ann Lee']]);
  });

  it('cuts a long first sentence at a word for the derived title', () => {
    const long = `${'The minister said the talks went well and that both sides would meet again soon to discuss trade and energy '.repeat(2)}in the region.`;
    const draft = extractArticle(long);
    expect(draft.title.length).toBeLessThanOrEqual(101);
    expect(draft.title).toMatch(/^The minister said the talks went well [^.]*\u2026$/u);
  });

  it('takes title, url, date and publisher given beside the text over what the text says', () => {
    const draft = extractArticle(body, { metadata: { title: 'Bridge opens', url: 'https://example.com/bridge', publishedAt: '2024-05-02', source: 'Bristol Post' } });
    expect(draft).toMatchObject({ title: 'Bridge opens', titleDerived: false, url: 'https://example.com/bridge', publishedAt: '2024-05-02', source: 'Bristol Post' });
  });

  it('reads the same metadata from a front-matter block, which is not part of the story', () => {
    const raw = `---\ntitle: "Bridge opens"\nurl: https://example.com/bridge\npublishedAt: 2024-05-02T09:30:00Z\nsource: Bristol Post\n---\n${body}`;
    const draft = extractArticle(raw);
    expect(draft).toMatchObject({ title: 'Bridge opens', url: 'https://example.com/bridge', publishedAt: '2024-05-02T09:30:00.000Z', source: 'Bristol Post' });
    expect(draft.paragraphs[0]).toMatch(/^The mayor of Bristol/u);
    const quote = draft.quotes[0]!;
    expect([...raw].slice(quote.start, quote.end).join('')).toBe(quote.text);
  });

  it('still reads a printed headline line as the title', () => {
    const draft = extractArticle(`Bristol bridge opens at last\n\n${body}`);
    expect(draft).toMatchObject({ title: 'Bristol bridge opens at last', titleDerived: false });
  });
});

describe('extractArticle offsets', () => {
  it('counts quote offsets in code points, also after characters outside the Basic Multilingual Plane', () => {
    const raw = 'Fans cheer 🎉 the result\n\n"We did it," said Jane Doe.';
    const draft = extractArticle(raw);
    const quote = draft.quotes[0]!;
    expect(quote.text).toBe('We did it,');
    expect([...raw].slice(quote.start, quote.end).join('')).toBe('We did it,');
  });

  it('uses the source hint only when the text names no publisher', () => {
    expect(extractArticle('A headline\n\nSome text.', { sourceHint: 'Example Daily' }).source).toBe('Example Daily');
    expect(extractArticle('A headline\n\nBy Jo Bloggs, REUTERS\n\nSome text.', { sourceHint: 'Example Daily' }).source).toBe('Reuters');
  });
});

describe('credits name no people and no sources', () => {
  it('keeps photographers, contributing reporters and a credit line\'s editors out of people and sources', () => {
    const text = [
      'Mayor opens bridge',
      'An engineer works on the deck in Bristol on Monday. (Tony Dejak/AP Photo)',
      'The mayor, Ann Lee, opened the bridge on Tuesday. "It is a great day," Lee said.',
      'Lots of people came. Image: John Lubbock (flickr).',
      'Maya Miller and Sean Campbell contributed reporting.',
      '(Reporting by Anna Petrova; Editing by John Smith)',
    ].join('\n\n');
    const draft = extractArticle(text);
    expect(draft.people.map((person) => person.name)).toEqual(['Ann Lee']);
    expect(draft.contributors).toEqual([]);
    expect(draft.source).toBeNull();
  });
});
