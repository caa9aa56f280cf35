// An article's raw text with its quotes highlighted in their speakers' colours, each speaker named
// after their quote. Quote offsets count code points of the raw text; the DOM counts UTF-16 units,
// so both ways are converted here (and a selection is read back as code-point offsets).
import { memo, type KeyboardEvent } from 'react';
import { codePointOffset, utf16Indexes } from './code-points';
import { speakerColour } from './speaker-colours';

export interface HighlightedQuote {
  id: string;
  text: string;
  startOffset: number;
  endOffset: number;
  retracted: boolean;
  speakerDescription?: string | null;
  speaker?: { slug: string; name: string } | null;
}

interface Segment {
  start: number;
  end: number;
  quote: HighlightedQuote | null;
  /** The last segment of its quote, after which the speaker is named. */
  last: boolean;
}

function segmentsOf(start: number, end: number, quotes: { quote: HighlightedQuote; start: number; end: number }[]): Segment[] {
  const segments: Segment[] = [];
  let at = start;
  for (const placed of quotes) {
    if (placed.end <= at || placed.start >= end) continue;
    const from = Math.max(placed.start, at);
    const to = Math.min(placed.end, end);
    if (from > at) segments.push({ start: at, end: from, quote: null, last: false });
    segments.push({ start: from, end: to, quote: placed.quote, last: to === placed.end });
    at = to;
  }
  if (at < end) segments.push({ start: at, end, quote: null, last: false });
  return segments;
}

function speakerLabel(quote: HighlightedQuote): string {
  return quote.speaker?.name ?? (quote.speakerDescription ? `unnamed: ${quote.speakerDescription}` : 'no speaker');
}

export const ArticleText = memo(function ArticleText({
  text,
  quotes,
  selected,
  onSelect,
}: {
  text: string;
  quotes: HighlightedQuote[];
  selected: string | null;
  onSelect(id: string): void;
}) {
  const indexes = utf16Indexes(text);
  const at = (offset: number) => indexes[Math.min(Math.max(offset, 0), indexes.length - 1)]!;
  const placed = quotes
    .map((quote) => ({ quote, start: at(quote.startOffset), end: at(quote.endOffset) }))
    .sort((a, b) => a.start - b.start);
  const paragraphs = [...text.matchAll(/[^\n]+/g)].filter((match) => match[0].trim() !== '');
  const onKey = (id: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(id);
    }
  };
  return (
    <div className="article-text" aria-label="Article text; quotes are highlighted in their speakers' colours">
      {paragraphs.map((match) => {
        const start = match.index!;
        return (
          <p key={start}>
            {segmentsOf(start, start + match[0].length, placed).map((segment) =>
              segment.quote ? (
                <span key={segment.start} className="quote-run">
                  <mark
                    data-start={segment.start}
                    role="button"
                    tabIndex={0}
                    aria-pressed={segment.quote.id === selected}
                    aria-label={`Quote by ${speakerLabel(segment.quote)}: ${segment.quote.text}`}
                    className={`${segment.quote.id === selected ? 'selected' : ''}${segment.quote.retracted ? ' retracted' : ''}`}
                    style={{ backgroundColor: speakerColour(segment.quote.speaker?.slug) }}
                    onClick={() => onSelect(segment.quote!.id)}
                    onKeyDown={onKey(segment.quote.id)}
                  >
                    {text.slice(segment.start, segment.end)}
                  </mark>
                  {segment.last && (
                    <span className="speaker-tag" style={{ borderColor: speakerColour(segment.quote.speaker?.slug) }}>
                      {speakerLabel(segment.quote)}
                      {segment.quote.retracted ? ' (retracted)' : ''}
                    </span>
                  )}
                </span>
              ) : (
                <span key={segment.start} data-start={segment.start}>
                  {text.slice(segment.start, segment.end)}
                </span>
              ),
            )}
          </p>
        );
      })}
    </div>
  );
});

/** The current selection inside the article text as code-point offsets of `text`, or null. */
export function selectedSpan(text: string): { startOffset: number; endOffset: number; words: string } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const indexOf = (node: Node, offset: number): number | null => {
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    const holder = element?.closest('[data-start]');
    if (!holder || !holder.closest('.article-text')) return null;
    return Number(holder.getAttribute('data-start')) + (node.nodeType === Node.TEXT_NODE ? offset : 0);
  };
  const start = indexOf(range.startContainer, range.startOffset);
  const end = indexOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { startOffset: codePointOffset(text, start), endOffset: codePointOffset(text, end), words: text.slice(start, end) };
}
