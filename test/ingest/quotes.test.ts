import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../src/ingest/blocks.js';
import { detectQuoteStyle, findQuoteSpans, maskQuotes, maskTokens } from '../../src/ingest/quotes.js';
import { tokenize } from '../../src/ingest/tokens.js';

function spansOf(raw: string) {
  const blocks = splitBlocks(raw);
  return findQuoteSpans(blocks, detectQuoteStyle(blocks));
}

describe('findQuoteSpans', () => {
  it('takes exactly the characters between straight or curly marks', () => {
    expect(spansOf('He said “Great to see you!” and left. "Fine," she said.').map((span) => span.text)).toEqual(['Great to see you!', 'Fine,']);
  });

  it('keeps single marks inside double ones as part of the outer quote', () => {
    expect(spansOf('"They called it \'the plan\' at first," he said.').map((span) => span.text)).toEqual(["They called it 'the plan' at first,"]);
  });

  it('gives each paragraph of a multi-paragraph quotation its own span and links them', () => {
    const spans = spansOf('"We will fight on.\n\n"We will never surrender," he said.');
    expect(spans.map((span) => span.text)).toEqual(['We will fight on.', 'We will never surrender,']);
    expect(spans[0]!.continuesToNext).toBe(true);
    expect(spans[1]!.continuesFromPrevious).toBe(true);
  });

  it('reads a double mark typed as two single ones (’’, \'\', ‘‘, ``) as one mark', () => {
    const spans = spansOf('“We killed the curse,’’ Montero said. ``It is done.\'\' Then ‘‘Long live it!’’');
    expect(spans.map((span) => span.text)).toEqual(['We killed the curse,', 'It is done.', 'Long live it!']);
    expect(spans[0]!.regionEnd - spans[0]!.end).toBe(2);
  });

  it('runs an unclosed quotation to the end of its paragraph', () => {
    expect(spansOf('He said: "We are ready\n\nThe talks ended.').map((span) => span.text)).toEqual(['We are ready']);
  });

  it('reads single-quote (British) style with apostrophes and plural possessives inside', () => {
    const spans = spansOf("'Ministers' promises mean nothing,' said Ms Rao. 'It's over.'\n\nThe patients' groups were 'at the end of their tether'.");
    expect(spans.map((span) => span.text)).toEqual(["Ministers' promises mean nothing,", "It's over.", 'at the end of their tether']);
  });

  it('uses double marks when an article has both', () => {
    expect(detectQuoteStyle(splitBlocks('"We won," he said. It was a \'good\' day.'))).toBe('double');
  });
});

describe('maskQuotes', () => {
  it('hides quoted text but keeps its length and a sentence end', () => {
    const raw = 'He said "Go home." Then he left.';
    const [block] = splitBlocks(raw);
    const masked = maskQuotes(block!, spansOf(raw));
    expect(masked).toHaveLength(raw.length);
    expect(masked).not.toContain('Go');
    expect(masked.endsWith('. Then he left.')).toBe(true);
  });
});

describe('maskTokens', () => {
  const cases = [
    'He said "Go home." Then he left.',
    '“We did it,” said Mr. Doe, “and we will again.”“Twice,” she said.',
    'Lavrov said it was "time to start building a new model," adding: "We are ready for this."',
    "'Ministers' promises mean nothing,' said Ms Rao. 'It's over.' The patients' groups were 'at the end of their tether'.",
    'A lost mark: We will win,” he said. “And an unclosed one',
    'No quotations at all, only U.S. officials and Russia’s envoy.',
  ];
  it.each(cases)('gives the tokens of the masked text without tokenising it again: %s', (raw) => {
    const blocks = splitBlocks(raw);
    const spans = findQuoteSpans(blocks, detectQuoteStyle(blocks));
    for (const [blockIndex, block] of blocks.entries()) {
      const blockSpans = spans.filter((span) => span.blockIndex === blockIndex);
      expect(maskTokens(block, tokenize(block.text), blockSpans)).toEqual(tokenize(maskQuotes(block, blockSpans)));
    }
  });
});
