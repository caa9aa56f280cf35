// Finds quotation spans: exactly the characters between the marks, straight or curly, double or (for outlets that
// quote with them) single, including unbalanced marks and quotes that run over several paragraphs.
import type { TextBlock } from './blocks.js';
import { QUOTE_MASK, tokenize, type Token } from './tokens.js';

export type QuoteStyle = 'double' | 'single';

/** A quotation found in a block; offsets are UTF-16 indices into the raw text. */
export interface QuoteSpan {
  /** Index of the block in the list that was scanned. */
  blockIndex: number;
  /** Where the marked-off region starts and ends, marks included (a missing mark: the block's edge). */
  regionStart: number;
  regionEnd: number;
  /** Content: exactly between the marks. */
  start: number;
  end: number;
  text: string;
  /** The paragraph continues a quotation opened in the paragraph before (old multi-paragraph convention). */
  continuesFromPrevious: boolean;
  /** No closing mark: the quotation runs on into the next paragraph, which opens with a mark. */
  continuesToNext: boolean;
}

type MarkRole = 'open' | 'close' | 'either';

interface Mark {
  index: number;
  role: MarkRole;
  /** Characters the mark takes: 2 for a double mark typed as two single ones (’’, '', ‘‘, ``). */
  length: number;
}

const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/:;,]/u;
const CLOSE_CONTEXT = /[\s)\]}\u2014\u2013\-.,;:!?'’…]/u;
/** Double marks, including the pairs of single marks some newsrooms' systems print for them (“…’’, ``…''). */
const DOUBLE_MARK = /["“„«”»]|’’|''|‘‘|``/g;
const SINGLE_MARK = /['‘’]/g;
const ENDS_SENTENCE = /[.!?…]["'’”]?\s*$/u;
const ELISIONS = /^(?:em|n|til|tis|twas|cause|round|bout|nuff|\d0s|\d\ds)\b/iu;

function straightRole(text: string, index: number): MarkRole | null {
  const previous = index > 0 ? text[index - 1]! : ' ';
  const next = index + 1 < text.length ? text[index + 1]! : ' ';
  const canOpen = OPEN_CONTEXT.test(previous) && !/\s/u.test(next);
  const canClose = CLOSE_CONTEXT.test(next) && !/\s/u.test(previous);
  if (canOpen && !canClose) return 'open';
  if (canClose && !canOpen) return 'close';
  if (!canOpen && !canClose && /\s/u.test(previous) && /\s/u.test(next)) return null;
  return 'either';
}

function doubleMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  // The pattern finds the next mark far faster than a loop over every character.
  DOUBLE_MARK.lastIndex = 0;
  for (let found = DOUBLE_MARK.exec(text); found !== null; found = DOUBLE_MARK.exec(text)) {
    const index = found.index;
    const unit = text.charCodeAt(index);
    if (found[0].length === 2) {
      // A pair of single marks: closing after a word ("curse,’’"), opening before one ("‘‘We").
      const closing = unit === 0x2019 || unit === 0x27;
      const neighbour = closing ? text[index - 1] : text[index + 2];
      if (neighbour !== undefined && !/\s/u.test(neighbour)) marks.push({ index, role: closing ? 'close' : 'open', length: 2 });
    } else if (unit === 0x201c || unit === 0x201e || unit === 0xab) marks.push({ index, role: 'open', length: 1 });
    else if (unit === 0x201d || unit === 0xbb) marks.push({ index, role: 'close', length: 1 });
    else if (unit === 0x22) {
      const role = straightRole(text, index);
      if (role) marks.push({ index, role, length: 1 });
    }
  }
  return marks;
}

function singleMarks(text: string): Mark[] {
  const candidates: Mark[] = [];
  SINGLE_MARK.lastIndex = 0;
  for (let found = SINGLE_MARK.exec(text); found !== null; found = SINGLE_MARK.exec(text)) {
    const index = found.index;
    const char = found[0];
    const previous = index > 0 ? text[index - 1]! : ' ';
    const next = index + 1 < text.length ? text[index + 1]! : ' ';
    const letterBefore = /[\p{L}\p{N}]/u.test(previous);
    const letterAfter = /[\p{L}\p{N}]/u.test(next);
    if (letterBefore && letterAfter) continue; // don't, Russia's
    if (char === '‘') { candidates.push({ index, role: 'open', length: 1 }); continue; }
    if (!letterBefore && /[\s(\["“\u2014\u2013]/u.test(previous) && letterAfter) {
      if (ELISIONS.test(text.slice(index + 1, index + 6))) continue;
      candidates.push({ index, role: 'open', length: 1 });
      continue;
    }
    if (!/\s/u.test(previous) && /[\s)\]"”\u2014\u2013.,;:!?…]/u.test(next)) candidates.push({ index, role: 'close', length: 1 });
  }
  // A plural possessive ("the players' union") looks like a closing mark; it is one only when no later close follows.
  return candidates.filter((mark, position) => {
    if (mark.role !== 'close' || text[mark.index - 1] !== 's') return true;
    if (!/^\s+\p{Ll}/u.test(text.slice(mark.index + 1, mark.index + 4))) return true;
    for (let later = position + 1; later < candidates.length; later++) {
      if (candidates[later]!.role === 'open') return true;
      if (candidates[later]!.role === 'close') return false;
    }
    return true;
  });
}

function opensWithMark(text: string, style: QuoteStyle): boolean {
  const first = text[0];
  if (style === 'double') return first === '“' || first === '"' || first === '„' || first === '«';
  return first === '‘' || first === "'";
}

interface RawSpan {
  regionStart: number;
  regionEnd: number;
  start: number;
  end: number;
  unclosed: boolean;
}

function spansInText(text: string, style: QuoteStyle): RawSpan[] {
  const marks = style === 'double' ? doubleMarks(text) : singleMarks(text);
  const spans: RawSpan[] = [];
  let open: Mark | null = null;
  // In single-quote style, double marks inside a quotation are a quote within the quote: skip over them.
  for (const mark of marks) {
    if (!open) {
      if (mark.role === 'close') {
        // A closing mark with no opening one: the quotation began at the paragraph's start (a mark was lost).
        if (style === 'double' && spans.length === 0 && mark.index > 0) spans.push({ regionStart: 0, regionEnd: mark.index + mark.length, start: 0, end: mark.index, unclosed: false });
        continue;
      }
      open = mark;
      continue;
    }
    const contentStart: number = open.index + open.length;
    if (mark.role === 'open' && style === 'double' && (text[mark.index] !== '"' || runsOn(text, contentStart, mark.index))) {
      // A new opening mark before a close: the earlier quotation was left unclosed (the run-on convention: a quotation
      // that goes on into a new sentence opens a new mark without closing the last).
      spans.push({ regionStart: open.index, regionEnd: mark.index, start: contentStart, end: trimEndIndex(text, contentStart, mark.index), unclosed: true });
      open = mark;
      continue;
    }
    if (mark.role === 'open') continue;
    spans.push({ regionStart: open.index, regionEnd: mark.index + mark.length, start: contentStart, end: mark.index, unclosed: false });
    open = null;
  }
  if (open) {
    const contentStart = open.index + open.length;
    spans.push({ regionStart: open.index, regionEnd: text.length, start: contentStart, end: trimEndIndex(text, contentStart, text.length), unclosed: true });
  }
  return spans.filter((span) => /[\p{L}\p{N}]/u.test(text.slice(span.start, span.end)));
}

/**
 * Whether a straight mark that can only open ("… back down. "We have") starts a new piece of a run-on quotation: the
 * words before it end a sentence or a clause. (A straight mark cannot tell opening from closing by its shape.)
 */
function runsOn(text: string, contentStart: number, markIndex: number): boolean {
  const before = text.slice(contentStart, markIndex).trimEnd();
  return before.length > 0 && /[.!?…:;,—–-]$/u.test(before);
}

function trimEndIndex(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /\s/u.test(text[end - 1]!)) end--;
  return end;
}

/**
 * The article quotes with single marks when those pair up into several multi-word quotations and double marks are
 * (nearly) absent; otherwise double marks are the quotation marks and single ones are quotes within quotes.
 */
export function detectQuoteStyle(blocks: readonly TextBlock[]): QuoteStyle {
  let doubles = 0;
  let singles = 0;
  for (const block of blocks) {
    doubles += doubleMarks(block.text).length;
    singles += spansInText(block.text, 'single').filter((span) => !span.unclosed && /\s/u.test(block.text.slice(span.start, span.end))).length;
  }
  return singles >= 1 && doubles < singles ? 'single' : 'double';
}

/** Every quotation span in the blocks, in reading order. */
export function findQuoteSpans(blocks: readonly TextBlock[], style: QuoteStyle): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let previousRanOn = false;
  blocks.forEach((block, blockIndex) => {
    const raw = spansInText(block.text, style);
    const next = blocks[blockIndex + 1];
    raw.forEach((span, position) => {
      const last = position === raw.length - 1;
      const runsOn = last && span.unclosed && span.regionEnd === block.text.length && next !== undefined && opensWithMark(next.text, style);
      spans.push({
        blockIndex,
        regionStart: block.start + span.regionStart,
        regionEnd: block.start + span.regionEnd,
        start: block.start + span.start,
        end: block.start + span.end,
        text: block.text.slice(span.start, span.end),
        continuesFromPrevious: position === 0 && previousRanOn && span.regionStart === 0,
        continuesToNext: runsOn,
      });
    });
    const lastSpan = raw[raw.length - 1];
    previousRanOn = lastSpan !== undefined && lastSpan.unclosed && lastSpan.regionEnd === block.text.length && next !== undefined && opensWithMark(next.text, style);
  });
  return spans;
}

/** The block's text with each quotation region replaced by mask characters of the same length; a region whose
 * quotation ends a sentence keeps a final period so the reporter's sentences still split there. */
export function maskQuotes(block: TextBlock, spans: readonly QuoteSpan[]): string {
  let masked = '';
  let cursor = 0;
  for (const span of spans) {
    const from = span.regionStart - block.start;
    const to = span.regionEnd - block.start;
    if (from < cursor) continue;
    masked += block.text.slice(cursor, from);
    const endsSentence = ENDS_SENTENCE.test(span.text);
    masked += QUOTE_MASK.repeat(Math.max(0, to - from - (endsSentence ? 1 : 0))) + (endsSentence ? '.' : '');
    cursor = to;
  }
  return masked + block.text.slice(cursor);
}

/**
 * The tokens `tokenize(maskQuotes(block, spans))` would give, made from the block's own tokens without tokenising
 * it again: tokens outside the quotation regions are kept, each region becomes one run of mask (merged with a run
 * right before it) and, where its quotation ends a sentence, a final period.
 */
export function maskTokens(block: TextBlock, tokens: readonly Token[], spans: readonly QuoteSpan[]): Token[] {
  if (spans.length === 0) return [...tokens];
  if (block.text.includes(QUOTE_MASK)) return tokenize(maskQuotes(block, spans));
  const masked: Token[] = [];
  let next = 0;
  let cursor = 0;
  for (const span of spans) {
    const from = span.regionStart - block.start;
    const to = span.regionEnd - block.start;
    if (from < cursor) continue;
    while (next < tokens.length && tokens[next]!.start < from) {
      const token = tokens[next++]!;
      // A token running into the region (only possible around unusual marks): tokenise the masked text instead.
      if (token.end > from) return tokenize(maskQuotes(block, spans));
      masked.push(token);
    }
    while (next < tokens.length && tokens[next]!.start < to) {
      if (tokens[next++]!.end > to) return tokenize(maskQuotes(block, spans));
    }
    const endsSentence = ENDS_SENTENCE.test(span.text);
    const maskLength = to - from - (endsSentence ? 1 : 0);
    if (maskLength <= 0) return tokenize(maskQuotes(block, spans));
    const previous = masked[masked.length - 1];
    if (previous?.kind === 'quote' && previous.end === from) {
      const text = previous.text + QUOTE_MASK.repeat(maskLength);
      masked[masked.length - 1] = { ...previous, text, lower: text, end: from + maskLength };
    } else {
      const text = QUOTE_MASK.repeat(maskLength);
      masked.push({ text, lower: text, kind: 'quote', start: from, end: from + maskLength, possessive: false, capitalised: false, upperInitial: false });
    }
    if (endsSentence) masked.push({ text: '.', lower: '.', kind: 'punct', start: to - 1, end: to, possessive: false, capitalised: false, upperInitial: false });
    cursor = to;
  }
  while (next < tokens.length) masked.push(tokens[next++]!);
  return masked;
}
