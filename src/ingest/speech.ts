// Tells reported speech from scare quotes and titles, and a direct quotation from a partial one.
import type { QuoteKind } from './draft.js';
import type { Attribution } from './attribution/attribution.js';
import type { QuoteSpan } from './quotes.js';
import { NAMING_WORDS, WORK_NOUNS } from './lexicon/reporting-verbs.js';
import { CONTINUING_WORDS, FRAGMENT_OPENERS, SMALL_WORDS } from './lexicon/clause-words.js';

/** Quotes this short are speech only when their own sentence reports someone saying them. */
const SHORT_QUOTE_WORDS = 4;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function words(text: string): string[] {
  return text.split(/\s+/u).filter((word) => LETTER_OR_DIGIT.test(word));
}

/** "The Art of the Deal", "Make America Great Again": every significant word capitalised and no sentence punctuation. */
function looksLikeTitle(text: string): boolean {
  if (/[.!?,;:]\s*$/u.test(text)) return false;
  const significant = words(text).filter((word) => !SMALL_WORDS.has(word.toLowerCase()));
  return significant.length >= 2 && significant.every((word) => /^['‘"“(]?[\p{Lu}\p{N}]/u.test(word));
}

const WORD_CHARACTER = /[\p{L}-]/u;

/** The word before a position, skipping the spaces and punctuation between (looks back at most 40 characters). */
function previousWord(raw: string, position: number): string {
  const limit = Math.max(0, position - 40);
  let end = position;
  while (end > limit && !WORD_CHARACTER.test(raw[end - 1]!)) end--;
  let start = end;
  while (start > limit && WORD_CHARACTER.test(raw[start - 1]!)) start--;
  return raw.slice(start, end).toLowerCase();
}


/** Before a quotation: a subject pronoun and "called", or a describing verb and its object followed by "as". */
const CHARACTERISING = /(?:\b(?:it|he|she|they|we|I)\s+(?:called|calls|has called|had called)\s*|\b(?:described|describes|describing|characteri[sz]ed|characteri[sz]es)\b[^.!?;:"“”]{1,50}\bas\s*)$/u;

/** The lower-case word right after a position when only spaces stand between ("" otherwise). */
function nextWord(raw: string, position: number): string {
  let start = position;
  while (start < raw.length && (raw[start] === ' ' || raw[start] === '\u00a0')) start++;
  let end = start;
  while (end < raw.length && /[\p{Ll}-]/u.test(raw[end]!)) end++;
  return end > start && (end === raw.length || !/[\p{L}\p{N}]/u.test(raw[end]!)) ? raw.slice(start, end) : '';
}

/** Whether the quotation opens a sentence: nothing but a sentence end, a colon or a dash before it in its block. */
function opensSentence(raw: string, blockStart: number, position: number): boolean {
  const lead = raw.slice(Math.max(blockStart, position - 3), position).trimEnd();
  return lead === '' || /[.!?:;—–"”’]$/u.test(lead);
}

/** A thing with words on it, then the word that introduces them, right before a quotation. */
const INSCRIPTION = /\b(?:signs?|banners?|placards?|posters?|billboards?|t-shirts?|shirts?|plaques?|graffiti|motto|inscriptions?|headlines?|(?:referendum|ballot) question)\b(?:\s+[\p{L}'’-]+){0,3}?\s*(?:saying|reading|read|reads|that (?:read|reads|said|says)|which (?:read|reads|said|says)|with the words|asking|:|,)?\s*$/iu;

/** A quotation that is all a parenthesis holds, right after another quotation: its translation. */
function isBracketedTranslation(raw: string, span: QuoteSpan): boolean {
  const before = raw.slice(Math.max(0, span.regionStart - 4), span.regionStart);
  const after = raw.slice(span.regionEnd, span.regionEnd + 2);
  return /["”’']\s*[([]$/u.test(before) && /^[)\]]/u.test(after);
}

/** Whether a quoted span is someone's speech, given what attribution found in its own sentence. */
export function isSpeech(raw: string, blockStart: number, span: QuoteSpan, attribution: Attribution): boolean {
  const before = previousWord(raw, span.regionStart);
  const twoBefore = raw.slice(Math.max(0, span.regionStart - 12), span.regionStart).toLowerCase();
  const count = words(span.text).length;
  const hasOwnCue = attribution.ownCue !== null && attribution.personLikeSubject;
  // "a pay offer it called “insulting.”", "described the closure as “a realignment of services.”": a subject
  // characterising something in its own words.
  const lead = raw.slice(Math.max(blockStart, span.regionStart - 80), span.regionStart);
  if (CHARACTERISING.test(lead)) return true;
  // A colon hands speech on ("told the Today programme: “…”"); it never stands between a title and its noun.
  const afterColon = /:\s*$/u.test(raw.slice(Math.max(0, span.regionStart - 3), span.regionStart));
  const naming = NAMING_WORDS.has(before) && !afterColon && !(WORK_NOUNS.has(before) && /^\p{Ll}/u.test(span.text));
  // Words written on a thing ("a banner saying “…”", "placards reading “…”"), a referendum's question, and a translation
  // in brackets after a quotation ("“kuffar” (“unbelievers”)") are nobody's speech here.
  if (INSCRIPTION.test(lead) || isBracketedTranslation(raw, span)) return false;
  if (count <= 6 && (naming || /known as\s*$/u.test(twoBefore)) && !(before === 'called' && hasOwnCue)) return false;
  if (looksLikeTitle(span.text) && count <= 8 && !hasOwnCue) return false;
  if (count > SHORT_QUOTE_WORDS) return true;
  // A short quote is speech when a person-like subject reports it in its own sentence, or an organisation does with a
  // reporting verb and it is not a label before a noun ("warned that the “long rains” season"); or when it is a
  // complete sentence standing on its own ("None.").
  if (attribution.ownCue !== null && attribution.personLikeSubject) return true;
  const after = /[\p{L}\p{N}]$/u.test(span.text) ? nextWord(raw, span.regionEnd) : '';
  const label = after !== '' && !CONTINUING_WORDS.has(after) && !/ly$/u.test(after);
  if (attribution.ownCue === 'strong' && !label) return true;
  return /^\p{Lu}/u.test(span.text) && /[.!?…]\s*$/u.test(span.text) && !NAMING_WORDS.has(before) && opensSentence(raw, blockStart, span.regionStart);
}

/** Direct: a complete utterance set off by itself; partial: a fragment woven into the reporter's sentence. */
export function quoteKind(raw: string, blockStart: number, span: QuoteSpan): QuoteKind {
  const firstLetter = /[\p{L}\p{N}]/u.exec(span.text)?.[0] ?? '';
  if (firstLetter === '' || firstLetter !== firstLetter.toUpperCase() || /^\p{Ll}/u.test(firstLetter)) return 'partial';
  if (span.continuesFromPrevious) return 'direct';
  const lead = raw.slice(Math.max(blockStart, span.regionStart - 30), span.regionStart).trimEnd();
  if (span.regionStart === blockStart || lead === '' || /[:,.!?;—–(-]$/u.test(lead)) return 'direct';
  const before = previousWord(raw, span.regionStart);
  if (FRAGMENT_OPENERS.has(before)) return 'partial';
  return /[.!?,…]\s*$/u.test(span.text) && words(span.text).length >= 3 ? 'direct' : 'partial';
}
