// The rules for a quotation whose own sentence names no speaker, tried in this order after every sentence was read:
//   3. runOn: a quotation run over several paragraphs has one speaker, wherever its cue is;
//   4. adjacentQuote: the nearest attributed quotation of the same paragraph (the one before first);
//   5. paragraphSubject: the person an earlier sentence of the paragraph is about ("Mendes smiled. “…”");
//   6. previousParagraph: the speaker of the paragraph before: its last quotation's, or its last reporting verb's.
import type { QuoteSpan } from '../quotes.js';
import type { Attribution, AttributionRule } from './evidence.js';
import type { Speaker } from './discourse.js';

export function inheritSpeakers(results: Attribution[], spans: readonly QuoteSpan[], blockSpeakers: readonly (Speaker | null)[], localSubjects: readonly (Speaker | null)[]): void {
  runOn(results, spans);
  const lastSpanOfBlock = new Map<number, number>();
  spans.forEach((span, index) => lastSpanOfBlock.set(span.blockIndex, index));
  for (let index = 0; index < spans.length; index++) {
    const result = results[index]!;
    if (result.speaker) continue;
    const adjacent = adjacentQuote(results, spans, index);
    if (adjacent) {
      Object.assign(result, { speaker: adjacent.speaker, rule: { rule: 'adjacent-quote', subject: null, source: adjacent.rule } });
    } else if (localSubjects[index]) {
      Object.assign(result, { speaker: localSubjects[index], rule: { rule: 'paragraph-subject', subject: null } });
    } else {
      const previous = previousParagraph(results, spans[index]!.blockIndex, lastSpanOfBlock, blockSpeakers);
      if (previous) Object.assign(result, { speaker: previous.speaker, rule: { rule: 'previous-paragraph', subject: null, source: previous.rule } });
    }
  }
}

/** Rule 3: every piece of a multi-paragraph quotation takes the speaker one of its pieces has. */
function runOn(results: Attribution[], spans: readonly QuoteSpan[]): void {
  for (let index = 0; index < spans.length; index++) {
    if (spans[index]!.continuesFromPrevious) continue;
    let end = index;
    while (spans[end]!.continuesToNext && spans[end + 1]?.continuesFromPrevious) end++;
    if (end === index) continue;
    const named = results.slice(index, end + 1).find((result) => result.speaker);
    for (let k = index; k <= end; k++) {
      if (results[k]!.speaker || !named) continue;
      results[k]!.speaker = named.speaker;
      results[k]!.rule = { rule: 'run-on', subject: null, source: named.rule };
    }
    index = end;
  }
}

/** Rule 4: the nearest attributed quotation in the same paragraph, the previous one first (a later one only when its
 * own sentence named its speaker). */
function adjacentQuote(results: readonly Attribution[], spans: readonly QuoteSpan[], index: number): Attribution | null {
  const blockIndex = spans[index]!.blockIndex;
  for (let distance = 1; distance < spans.length; distance++) {
    const before = spans[index - distance];
    const after = spans[index + distance];
    if (before?.blockIndex === blockIndex && results[index - distance]!.speaker) return results[index - distance]!;
    if (after?.blockIndex === blockIndex && results[index + distance]!.speaker && results[index + distance]!.ownCue) return results[index + distance]!;
    if ((before === undefined || before.blockIndex !== blockIndex) && (after === undefined || after.blockIndex !== blockIndex)) break;
  }
  return null;
}

/** Rule 6: the speaker of one of the two paragraphs before: its last quotation's, else its last reporting verb's subject. */
function previousParagraph(results: readonly Attribution[], blockIndex: number, lastSpanOfBlock: ReadonlyMap<number, number>, blockSpeakers: readonly (Speaker | null)[]): { speaker: Speaker; rule?: AttributionRule } | null {
  for (let back = 1; back <= 2; back++) {
    const previousBlock = blockIndex - back;
    if (previousBlock < 0) return null;
    const lastQuote = lastSpanOfBlock.get(previousBlock);
    const quoted = lastQuote !== undefined ? results[lastQuote]! : null;
    if (quoted?.speaker) return { speaker: quoted.speaker, rule: quoted.rule };
    const reported = blockSpeakers[previousBlock];
    if (reported) return { speaker: reported };
  }
  return null;
}
