// Word and punctuation tokens of a block, with their offsets, for the rule-based readers of layout and speech.

export type TokenKind = 'word' | 'punct' | 'quote';

export interface Token {
  /** The token as printed, without a possessive "'s". */
  text: string;
  /** Lower case of `text` without a final period. */
  lower: string;
  kind: TokenKind;
  /** UTF-16 offsets in the string that was tokenised. */
  start: number;
  end: number;
  /** "Pompeo's": the possessive was cut off `text`. */
  possessive: boolean;
  /** Starts with a capital letter followed by a lower-case letter, or is an initial ("W."). */
  capitalised: boolean;
}

/** The character that stands for quoted text in a masked block, so speech never looks like reporter's prose. */
export const QUOTE_MASK = '\uE000';

/** Abbreviations that keep their period and do not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'rev', 'fr', 'st', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'capt', 'maj', 'sgt',
  'adm', 'cmdr', 'cpl', 'pvt', 'jr', 'sr', 'mt', 'ft', 'no', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'dept', 'est', 'messrs', 'mme',
  'mlle', 'ave', 'blvd', 'rd', 'gov', 'supt', 'insp', 'det', 'atty', 'ald',
]);

const TOKEN_PATTERN = /\uE000+|[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|[.'’\-&](?=[\p{L}\p{N}]))*|\S/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(text); match !== null; match = TOKEN_PATTERN.exec(text)) {
    let value = match[0];
    const start = match.index;
    let end = start + value.length;
    const first = value.charCodeAt(0);
    if (first === 0xe000) {
      tokens.push({ text: value, lower: value, kind: 'quote', start, end, possessive: false, capitalised: false });
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(value[0] ?? '')) {
      tokens.push({ text: value, lower: value, kind: 'punct', start, end, possessive: false, capitalised: false });
      continue;
    }
    let possessive = false;
    if (/['’]s$/u.test(value) && value.length > 2) {
      value = value.slice(0, -2);
      end -= 2;
      possessive = true;
    } else if (text[end] === '.') {
      const lower = value.toLowerCase();
      if (value.includes('.') || ABBREVIATIONS.has(lower) || /^\p{Lu}$/u.test(value)) {
        value += '.';
        end += 1;
        TOKEN_PATTERN.lastIndex = end;
      }
    }
    const capitalised = /^\p{Lu}(?:[\p{Ll}'’]|\.$|\p{Lu}\p{Ll})/u.test(value) || /^(?:al|el|bin|ibn|abu|ben)-\p{Lu}/u.test(value);
    tokens.push({
      text: value,
      lower: value.toLowerCase().replace(/\.$/, ''),
      kind: 'word',
      start,
      end,
      possessive,
      capitalised,
    });
    if (possessive) {
      tokens.push({ text: "'s", lower: "'s", kind: 'punct', start: end, end: end + 2, possessive: false, capitalised: false });
    }
  }
  return tokens;
}

/** Whether a word token ends with an abbreviation's period (so that period does not end a sentence). */
export function isAbbreviation(token: Token): boolean {
  return token.kind === 'word' && token.text.endsWith('.');
}
