// Applying corrections to an article's quotes as extracted from its current text (pure functions).
import { describe, expect, it } from 'vitest';
import { applyQuoteCorrections, locateNear, numberOccurrences, type CorrectionFact, type QuoteToStore } from '../../src/editorial/corrections.js';

function quote(text: string, start: number, overrides: Partial<QuoteToStore> = {}): QuoteToStore {
  return {
    anchor: text,
    occurrence: 0,
    text,
    start,
    end: start + Array.from(text).length,
    kind: 'DIRECT',
    speakerId: 1,
    speakerDescription: null,
    attributionMethod: 'speech-verb:person',
    attributionConfidence: 0.95,
    retracted: false,
    ...overrides,
  };
}

let nextId = 1;
function fact(kind: CorrectionFact['kind'], anchor: string, overrides: Partial<CorrectionFact> = {}): CorrectionFact {
  return {
    id: nextId++,
    kind,
    anchor,
    occurrence: 0,
    speakerId: null,
    speakerDescription: null,
    text: null,
    startOffset: null,
    endOffset: null,
    quoteKind: null,
    publishedAt: null,
    sourceId: null,
    note: null,
    keyName: 'desk',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('applyQuoteCorrections', () => {
  it('applies a speaker correction to the quote with its anchor, wherever the quote moved', () => {
    const extracted = [quote('We waited twenty years,', 120)];
    const applied = applyQuoteCorrections(extracted, [fact('SPEAKER', 'We waited twenty years,', { speakerId: 7 })], null);
    expect(applied.quotes[0]).toMatchObject({ speakerId: 7, attributionMethod: 'editor', attributionConfidence: 1 });
    expect(applied.stale).toEqual([]);
  });

  it('tells the second occurrence of the same words apart from the first', () => {
    const extracted = numberOccurrences([quote('No.', 10), quote('No.', 50)]);
    const applied = applyQuoteCorrections(extracted, [fact('RETRACTION', 'No.', { occurrence: 1 })], null);
    expect(applied.quotes.map((found) => found.retracted)).toEqual([false, true]);
  });

  it('finds a fixed span nearest its quote in the new text, and reports it stale when the words are gone', () => {
    const raw = 'Intro. "It is on time and on budget," he said. Later: "It is on time" again.';
    const extracted = [quote('It is on time and on budget,', 8)];
    const span = fact('SPAN', 'It is on time and on budget,', { text: 'It is on time', startOffset: 100, endOffset: 113 });
    const applied = applyQuoteCorrections(extracted, [span], raw);
    expect(applied.quotes[0]).toMatchObject({ text: 'It is on time', start: 8, end: 21 });
    const gone = applyQuoteCorrections([quote('It is on time and on budget,', 8)], [span], 'Intro. "It is on budget," he said.');
    expect(gone.stale).toEqual([span]);
  });

  it('adds back a quote an editor added where its words still are, in reading order, and once only', () => {
    const raw = 'A said "one". The council approved it. B said "two".';
    const extracted = [quote('one', 8), quote('two', 47)];
    const addition = fact('ADDITION', 'The council approved it', { text: 'The council approved it', startOffset: 20, endOffset: 43, quoteKind: 'PARTIAL', speakerDescription: 'the council' });
    const applied = applyQuoteCorrections(extracted, [addition], raw);
    expect(applied.quotes.map((found) => found.text)).toEqual(['one', 'The council approved it', 'two']);
    expect(applied.quotes[1]).toMatchObject({ start: 14, end: 37, kind: 'PARTIAL', speakerId: null, speakerDescription: 'the council' });
    // A better extractor finds it by itself: the editor's speaker and kind still hold, and it is not added twice.
    const found = applyQuoteCorrections([...extracted, quote('The council approved it', 14)], [addition], raw);
    expect(found.quotes).toHaveLength(3);
    expect(found.quotes[2]).toMatchObject({ kind: 'PARTIAL', speakerDescription: 'the council', speakerId: null });
    expect(applyQuoteCorrections(extracted, [addition], 'A said "one". B said "two".').stale).toEqual([addition]);
  });

  it('reports a correction whose quote the text no longer holds', () => {
    const lost = fact('QUOTE_KIND', 'Our classrooms are falling apart,', { quoteKind: 'PARTIAL' });
    const applied = applyQuoteCorrections([quote('Something else,', 0)], [lost], null);
    expect(applied.stale).toEqual([lost]);
    expect(applied.factsByQuote.size).toBe(0);
  });
});

describe('locateNear', () => {
  it('counts offsets in code points, as quote offsets do', () => {
    expect(locateNear('😀 "yes" and "yes"', 'yes', 12)).toEqual({ start: 13, end: 16 });
    expect(locateNear('😀 "yes" and "yes"', 'yes', 0)).toEqual({ start: 3, end: 6 });
    expect(locateNear('nothing here', 'yes', 0)).toBeNull();
  });
});
