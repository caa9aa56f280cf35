// Sentence boundaries inside a block. Run on masked text, so the punctuation of quoted speech never splits the
// reporter's sentence that carries it.
import { isAbbreviation, type Token } from './tokens.js';

export interface Sentence {
  /** Index of the first and one past the last token. */
  firstToken: number;
  endToken: number;
  start: number;
  end: number;
}

const TERMINATORS = new Set(['.', '!', '?']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);

export function splitSentences(tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    let boundary = false;
    let last = i;
    if (token.kind === 'punct' && TERMINATORS.has(token.text)) {
      while (tokens[last + 1] && tokens[last + 1]!.kind === 'punct' && (CLOSERS.has(tokens[last + 1]!.text) || TERMINATORS.has(tokens[last + 1]!.text))) last++;
      const next = tokens[last + 1];
      boundary = next === undefined || startsSentence(next);
    } else if (isAbbreviation(token) && /^(?:\p{Lu}\.){2,}$/u.test(token.text)) {
      // "U.S." closes a sentence only before a word that cannot continue a name ("... with the U.S. The talks").
      const next = tokens[i + 1];
      boundary = next !== undefined && next.kind === 'word' && /^(?:The|A|An|But|And|It|He|She|They|We|In|On|At|This|That)$/u.test(next.text);
    }
    if (boundary || i === tokens.length - 1) {
      sentences.push({ firstToken: first, endToken: last + 1, start: tokens[first]!.start, end: tokens[last]!.end });
      first = last + 1;
      i = last;
    }
  }
  return sentences;
}

function startsSentence(token: Token): boolean {
  if (token.kind === 'quote') return true;
  if (token.kind === 'punct') return /["“‘'(\[—–-]/u.test(token.text);
  return /^[\p{Lu}\p{N}]/u.test(token.text);
}
