// Corrections as facts of their own, and how they apply to an article's quotes: pure functions, used
// when an editor corrects a quote and again when the article is re-ingested. A correction finds its
// quote by the quote's anchor (the words as the pipeline extracted them, or as an editor added them)
// and occurrence (which of the article's quotes with those words it is), never by a row id, so it
// still applies after a new revision or a better extractor has replaced the article's quotes.

export type CorrectionKind = 'SPEAKER' | 'SPAN' | 'QUOTE_KIND' | 'RETRACTION' | 'ADDITION' | 'TITLE' | 'PUBLISHED_AT' | 'SOURCE';

export type StoredQuoteKind = 'DIRECT' | 'PARTIAL';

/** A correction as the Correction table keeps it. */
export interface CorrectionFact {
  id: number;
  kind: CorrectionKind;
  /** The quote's anchor; empty for corrections of the article itself. */
  anchor: string;
  occurrence: number;
  speakerId: number | null;
  speakerDescription: string | null;
  /** SPAN and ADDITION: the quote's words; TITLE: the title. */
  text: string | null;
  startOffset: number | null;
  endOffset: number | null;
  quoteKind: StoredQuoteKind | null;
  /** PUBLISHED_AT: an ISO 8601 instant, or null for "no date". */
  publishedAt: string | null;
  sourceId: number | null;
  note: string | null;
  keyName: string | null;
  /** ISO 8601 instant. */
  createdAt: string;
}

/** The rule an editor's attribution is recorded under, with full confidence. */
export const EDITOR_ATTRIBUTION = { method: 'editor', confidence: 1 } as const;

/** A quote as it is about to be stored. */
export interface QuoteToStore {
  anchor: string;
  occurrence: number;
  text: string;
  /** Code-point offsets in the article's raw text. */
  start: number;
  end: number;
  kind: StoredQuoteKind;
  speakerId: number | null;
  speakerDescription: string | null;
  attributionMethod: string | null;
  attributionConfidence: number | null;
  retracted: boolean;
}

/** A public correction notice, as the Quote and Article rows keep them (`correctionNotices`). */
export interface CorrectionNotice {
  what: string;
  note: string | null;
  correctedAt: string;
}

const QUOTE_CORRECTIONS: ReadonlySet<CorrectionKind> = new Set(['SPEAKER', 'SPAN', 'QUOTE_KIND', 'RETRACTION', 'ADDITION']);

export function isQuoteCorrection(kind: CorrectionKind): boolean {
  return QUOTE_CORRECTIONS.has(kind);
}

const WHAT: Record<CorrectionKind, string> = {
  SPEAKER: 'speaker',
  SPAN: 'words',
  QUOTE_KIND: 'kind',
  RETRACTION: 'retracted',
  ADDITION: 'added',
  TITLE: 'title',
  PUBLISHED_AT: 'publication date',
  SOURCE: 'source',
};

/** The key a quote and the corrections made to it share. */
export function quoteKey(anchor: string, occurrence: number): string {
  return `${occurrence}\u0000${anchor}`;
}

function byTime(left: CorrectionFact, right: CorrectionFact): number {
  return left.createdAt.localeCompare(right.createdAt) || left.id - right.id;
}

/** The notices of one quote's corrections, oldest first. */
export function quoteNotices(facts: readonly CorrectionFact[]): CorrectionNotice[] {
  return [...facts].sort(byTime).map((fact) => ({ what: WHAT[fact.kind], note: fact.note, correctedAt: fact.createdAt }));
}

/** An article's notices: its own corrections and its quotes', oldest first ("quote speaker", "title"). */
export function articleNotices(facts: readonly CorrectionFact[]): CorrectionNotice[] {
  return [...facts].sort(byTime).map((fact) => ({
    what: isQuoteCorrection(fact.kind) ? `quote ${WHAT[fact.kind]}` : WHAT[fact.kind],
    note: fact.note,
    correctedAt: fact.createdAt,
  }));
}

/** Numbers each quote among those with the same anchor, in order: what corrections find it by. */
export function numberOccurrences<T extends { anchor: string; occurrence: number }>(quotes: T[]): T[] {
  const seen = new Map<string, number>();
  for (const quote of quotes) {
    const occurrence = seen.get(quote.anchor) ?? 0;
    quote.occurrence = occurrence;
    seen.set(quote.anchor, occurrence + 1);
  }
  return quotes;
}

/** Code-point offsets in a text, from UTF-16 indices found in it (ascending). */
class CodePoints {
  private index = 0;
  private count = 0;
  constructor(private readonly text: string) {}

  /** The code-point offset of the UTF-16 index `target`; targets must not decrease between calls. */
  at(target: number): number {
    if (target < this.index) {
      this.index = 0;
      this.count = 0;
    }
    while (this.index < target) {
      const code = this.text.charCodeAt(this.index);
      this.index += code >= 0xd800 && code <= 0xdbff && this.index + 1 < this.text.length ? 2 : 1;
      this.count++;
    }
    return this.count;
  }
}

/** The code points of `text` from `start` to `end`, or null when the offsets fall outside it. */
export function spanOf(text: string, start: number, end: number): string | null {
  const characters = Array.from(text);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > characters.length || start >= end) return null;
  return characters.slice(start, end).join('');
}

/** Length of `text` in code points. */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _character of text) length++;
  return length;
}

/** Where `words` occur in `raw` closest to the code-point offset `near`, in code points; null when nowhere. */
export function locateNear(raw: string, words: string, near: number): { start: number; end: number } | null {
  if (words === '') return null;
  const points = new CodePoints(raw);
  const length = codePointLength(words);
  let best: { start: number; end: number } | null = null;
  for (let index = raw.indexOf(words); index !== -1; index = raw.indexOf(words, index + 1)) {
    const start = points.at(index);
    if (!best || Math.abs(start - near) < Math.abs(best.start - near)) best = { start, end: start + length };
  }
  return best;
}

/**
 * The quotes in reading order: those from `extractedCount` on (added back by editors) each go before
 * the first quote that starts after it; the pipeline's own order is left as it is.
 */
function inReadingOrder(quotes: QuoteToStore[], extractedCount: number): QuoteToStore[] {
  const ordered = quotes.slice(0, extractedCount);
  for (const added of quotes.slice(extractedCount)) {
    const index = ordered.findIndex((quote) => quote.start > added.start);
    ordered.splice(index === -1 ? ordered.length : index, 0, added);
  }
  return ordered;
}

export interface AppliedCorrections {
  /** The article's quotes, corrected, in reading order. */
  quotes: QuoteToStore[];
  /** The corrections that apply, by the quote they apply to. */
  factsByQuote: Map<QuoteToStore, CorrectionFact[]>;
  /** Quote corrections whose quote the text no longer holds. */
  stale: CorrectionFact[];
}

/**
 * Applies an article's quote corrections to its quotes as extracted from its current text. A quote
 * an editor added comes back where its words still are (nearest where they were); the other
 * corrections apply to the quote with their anchor and occurrence. `raw` is the current raw text, to
 * find added quotes and fixed spans in (null when it was not kept: the offsets recorded are trusted).
 */
export function applyQuoteCorrections(extracted: QuoteToStore[], facts: readonly CorrectionFact[], raw: string | null): AppliedCorrections {
  const quotes = [...extracted];
  const byKey = new Map(quotes.map((quote) => [quoteKey(quote.anchor, quote.occurrence), quote]));
  const factsByQuote = new Map<QuoteToStore, CorrectionFact[]>();
  const stale: CorrectionFact[] = [];
  const apply = (quote: QuoteToStore, fact: CorrectionFact) => factsByQuote.set(quote, [...(factsByQuote.get(quote) ?? []), fact]);

  const quoteFacts = facts.filter((fact) => isQuoteCorrection(fact.kind));
  // Additions first: the other corrections of an added quote apply to it once it is back.
  for (const fact of quoteFacts.filter((fact) => fact.kind === 'ADDITION')) {
    const key = quoteKey(fact.anchor, fact.occurrence);
    let quote = byKey.get(key);
    if (!quote) {
      const words = fact.text ?? fact.anchor;
      const found = raw === null ? { start: fact.startOffset ?? 0, end: fact.endOffset ?? 0 } : locateNear(raw, words, fact.startOffset ?? 0);
      if (!found) {
        stale.push(fact);
        continue;
      }
      quote = {
        anchor: fact.anchor,
        occurrence: fact.occurrence,
        text: words,
        start: found.start,
        end: found.end,
        kind: fact.quoteKind ?? 'DIRECT',
        speakerId: null,
        speakerDescription: null,
        attributionMethod: null,
        attributionConfidence: null,
        retracted: false,
      };
      quotes.push(quote);
      byKey.set(key, quote);
    }
    // The pipeline may find it by itself now: the editor's speaker and kind still hold.
    quote.kind = fact.quoteKind ?? quote.kind;
    quote.speakerId = fact.speakerId;
    quote.speakerDescription = fact.speakerDescription;
    quote.attributionMethod = EDITOR_ATTRIBUTION.method;
    quote.attributionConfidence = EDITOR_ATTRIBUTION.confidence;
    apply(quote, fact);
  }

  for (const fact of quoteFacts.filter((fact) => fact.kind !== 'ADDITION')) {
    const quote = byKey.get(quoteKey(fact.anchor, fact.occurrence));
    if (!quote) {
      stale.push(fact);
      continue;
    }
    switch (fact.kind) {
      case 'SPEAKER':
        quote.speakerId = fact.speakerId;
        quote.speakerDescription = fact.speakerDescription;
        quote.attributionMethod = EDITOR_ATTRIBUTION.method;
        quote.attributionConfidence = EDITOR_ATTRIBUTION.confidence;
        break;
      case 'QUOTE_KIND':
        quote.kind = fact.quoteKind ?? quote.kind;
        break;
      case 'RETRACTION':
        quote.retracted = true;
        break;
      case 'SPAN': {
        const words = fact.text ?? quote.text;
        const found = raw === null ? { start: fact.startOffset ?? quote.start, end: fact.endOffset ?? quote.end } : locateNear(raw, words, quote.start);
        if (!found) {
          stale.push(fact);
          continue;
        }
        quote.text = words;
        quote.start = found.start;
        quote.end = found.end;
        break;
      }
    }
    apply(quote, fact);
  }
  return { quotes: inReadingOrder(quotes, extracted.length), factsByQuote, stale };
}
