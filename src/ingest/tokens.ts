// Word and punctuation tokens of a block, with their offsets, for the rule-based readers of layout and speech.
import { ABBREVIATIONS } from './lexicon/abbreviations.js';

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
  /** Starts with an upper-case letter ("Kremlin", "NATO", "W."). */
  upperInitial: boolean;
}

/** The character that stands for quoted text in a masked block, so speech never looks like reporter's prose. */
export const QUOTE_MASK = '\uE000';


const CAPITALISED = /^\p{Lu}(?:[\p{Ll}'’]|\.$|\p{Lu}\p{Ll})/u;
const PARTICLE_NAME = /^(?:al|el|bin|ibn|abu|ben)-\p{Lu}/u;
const NON_ASCII_WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const NON_ASCII_SPACE = /\s/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const UPPER_INITIAL = /^\p{Lu}/u;

function isWordUnit(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 0x80) return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
  if (unit === 0xe000 || Number.isNaN(unit)) return false;
  return NON_ASCII_WORD_CHARACTER.test(text[index]!);
}

function isSpaceUnit(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 0x80) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  return NON_ASCII_SPACE.test(text[index]!);
}

/** Inner characters that may join two parts of one word: "U.S", "don't", "Russia's", "Jean-Pierre", "AT&T". */
function isJoiner(unit: number): boolean {
  return unit === 0x2e || unit === 0x27 || unit === 0x2019 || unit === 0x2d || unit === 0x26;
}

/** A linear scan (no backtracking): words, single punctuation marks, and runs of the quote mask. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let index = 0;
  while (index < length) {
    const unit = text.charCodeAt(index);
    if (isSpaceUnit(text, index)) { index++; continue; }
    const start = index;
    if (unit === 0xe000) {
      while (index < length && text.charCodeAt(index) === 0xe000) index++;
      const value = text.slice(start, index);
      tokens.push({ text: value, lower: value, kind: 'quote', start, end: index, possessive: false, capitalised: false, upperInitial: false });
      continue;
    }
    if (!isWordUnit(text, index)) {
      index += unit >= 0xd800 && unit <= 0xdbff && index + 1 < length ? 2 : 1;
      const value = text.slice(start, index);
      tokens.push({ text: value, lower: value, kind: 'punct', start, end: index, possessive: false, capitalised: false, upperInitial: false });
      continue;
    }
    // A word of ASCII lower-case letters, digits and joiners is its own lower case and never capitalised: most words
    // of prose, spared toLowerCase and the capitalisation patterns.
    let plainLower = unit >= 0x61 && unit <= 0x7a;
    index++;
    while (index < length) {
      const next = text.charCodeAt(index);
      if (isWordUnit(text, index)) {
        if (plainLower && (next >= 0x80 || (next >= 0x41 && next <= 0x5a))) plainLower = false;
        index++;
        continue;
      }
      if (isJoiner(next) && isWordUnit(text, index + 1)) {
        const following = text.charCodeAt(index + 1);
        if (plainLower && (next >= 0x80 || following >= 0x80 || (following >= 0x41 && following <= 0x5a))) plainLower = false;
        index += 2;
        continue;
      }
      break;
    }
    let value = text.slice(start, index);
    let end = index;
    let possessive = false;
    const lastUnit = value.charCodeAt(value.length - 1);
    const beforeLast = value.charCodeAt(value.length - 2);
    let lowerText: string | null = plainLower ? value : null;
    if ((lastUnit === 0x73 || lastUnit === 0x53) && (beforeLast === 0x27 || beforeLast === 0x2019) && value.length > 2) {
      value = value.slice(0, -2);
      end -= 2;
      possessive = true;
      lowerText = plainLower ? value : null;
    } else if (text.charCodeAt(end) === 0x2e) {
      lowerText ??= value.toLowerCase();
      if (value.includes('.') || ABBREVIATIONS.has(lowerText) || (!plainLower && SINGLE_CAPITAL.test(value))) {
        value += '.';
        end += 1;
        index = end;
        lowerText += '.';
      }
    }
    lowerText ??= value.toLowerCase();
    const capitalised = plainLower ? false
      : value[0] !== lowerText[0] ? CAPITALISED.test(value)
      : lowerText.includes('-') && PARTICLE_NAME.test(value);
    const upperInitial = plainLower || (unit >= 0x30 && unit <= 0x39) || (unit >= 0x61 && unit <= 0x7a) ? false
      : unit >= 0x41 && unit <= 0x5a ? true
      : UPPER_INITIAL.test(value);
    tokens.push({
      text: value,
      lower: lowerText.charCodeAt(lowerText.length - 1) === 0x2e ? lowerText.slice(0, -1) : lowerText,
      kind: 'word',
      start,
      end,
      possessive,
      capitalised,
      upperInitial,
    });
    if (possessive) {
      tokens.push({ text: "'s", lower: "'s", kind: 'punct', start: end, end: end + 2, possessive: false, capitalised: false, upperInitial: false });
    }
  }
  return tokens;
}

/** Whether a word token ends with an abbreviation's period (so that period does not end a sentence). */
export function isAbbreviation(token: Token): boolean {
  return token.kind === 'word' && token.text.endsWith('.');
}
