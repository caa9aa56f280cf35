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

  it('refuses text that opens with a long paragraph instead of a headline', () => {
    const paragraph = 'The minister said the talks went well and that both sides would meet again soon to discuss trade, energy and security in the region. '.repeat(3);
    expect(() => extractArticle(paragraph)).toThrow(/headline/);
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
