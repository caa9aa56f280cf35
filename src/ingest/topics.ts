// Topic names for an article: the site's own tag line when it prints one, else the salient names and phrases of
// the story. Normalised (trimmed, one casing rule) so the same topic is one topic across articles.
import { CALENDAR_WORDS, COMMON_WORDS, PLACE_NAMES } from './lexicon/non-person-words.js';
import type { Token } from './tokens.js';
import { DEMONYMS, HONORIFICS, TITLE_WORDS } from './lexicon/titles.js';

const MAX_TOPICS = 8;
const CAPITALISED_PHRASE_AT = /(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}{2,})(?:\s+(?:of\s+|the\s+)?(?:\p{Lu}[\p{L}'’.-]*))*/uy;
const UPPER_CASE_LETTER = /\p{Lu}/u;

/** The next capitalised phrase from a position: a phrase can only start at a capital, so the scan jumps from capital
 * to capital and tries the pattern there, instead of trying it at every character. */
function nextCapitalisedPhrase(text: string, from: number): RegExpExecArray | null {
  for (let index = from; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x41 || (unit > 0x5a && unit < 0x80)) continue;
    if (unit >= 0x80) {
      const character = unit >= 0xd800 && unit <= 0xdbff ? text.slice(index, index + 2) : text[index]!;
      if (!UPPER_CASE_LETTER.test(character)) continue;
    }
    CAPITALISED_PHRASE_AT.lastIndex = index;
    const match = CAPITALISED_PHRASE_AT.exec(text);
    if (match) return match;
  }
  return null;
}

const NO_PROPER_WORDS: ReadonlySet<string> = new Set();

/**
 * Acronyms keep their capitals ("US", "NATO"); names of places and words the story itself capitalises mid-sentence
 * keep theirs ("Russia", "Arctic Council"); everything else is lower case, so "Trade" and "trade" are one topic.
 */
export function normaliseTopic(topic: string, properWords: ReadonlySet<string> = NO_PROPER_WORDS): string {
  const words = topic.trim().replace(/\s+/gu, ' ').split(' ');
  // A name is one name: "Arctic Council" keeps both capitals when either word shows it is a name.
  const proper = PLACE_NAMES.has(words.join(' ').toLowerCase())
    || words.some((word) => /^\p{Lu}/u.test(word) && (PLACE_NAMES.has(word.toLowerCase()) || properWords.has(word.toLowerCase())));
  return words
    .map((word) => (/^(?:\p{Lu}\.?){2,}$/u.test(word) || /^\p{Lu}[\p{Lu}\d-]+$/u.test(word) || (proper && /^\p{Lu}/u.test(word)) ? word : word.toLowerCase()))
    .join(' ');
}

/** Lower-case forms of the words a text capitalises where no sentence starts: names, not sentence openers. */
export function properWordsOf(tokenLists: readonly (readonly Token[])[]): Set<string> {
  const proper = new Set<string>();
  for (const tokens of tokenLists) {
    for (let index = 1; index < tokens.length; index++) {
      const token = tokens[index]!;
      const previous = tokens[index - 1]!;
      if (token.upperInitial && (previous.kind === 'word' || previous.text === ',') && !COMMON_WORDS.has(token.lower)) proper.add(token.lower);
    }
  }
  return proper;
}

/** Words that open a capitalised phrase without belonging to the topic: "The", "Mr.", "President". */
function isLeadingFiller(lower: string): boolean {
  return COMMON_WORDS.has(lower) || HONORIFICS.has(lower.replace(/\.$/u, '')) || TITLE_WORDS.has(lower);
}

/** Capitalised names and phrases that recur in the body (places, organisations, events), most frequent first. */
export function topicsFromContent(paragraphs: readonly string[], peopleNames: readonly string[], properWords: ReadonlySet<string> = NO_PROPER_WORDS): string[] {
  const counts = new Map<string, { count: number; first: number }>();
  const personWords = new Set(peopleNames.flatMap((name) => name.toLowerCase().split(/\s+/u)));
  let order = 0;
  for (const paragraph of paragraphs) {
    for (let match = nextCapitalisedPhrase(paragraph, 0); match !== null; match = nextCapitalisedPhrase(paragraph, match.index + match[0].length)) {
      let phrase = match[0].replace(/['’]s$/u, '').replace(/\.$/u, '');
      const phraseWords = phrase.split(/\s+/u);
      while (phraseWords.length > 0 && isLeadingFiller(phraseWords[0]!.toLowerCase())) phraseWords.shift();
      phrase = phraseWords.join(' ');
      if (phrase.length < 3) continue;
      const lower = phrase.toLowerCase();
      if (CALENDAR_WORDS.has(lower) || DEMONYMS.has(lower) || phraseWords.some((word) => personWords.has(word.toLowerCase()))) continue;
      const entry = counts.get(phrase) ?? { count: 0, first: order++ };
      entry.count++;
      counts.set(phrase, entry);
    }
  }
  return [...counts.entries()]
    .filter(([, entry]) => entry.count >= 2)
    .sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first)
    .slice(0, MAX_TOPICS)
    .map(([phrase]) => normaliseTopic(phrase, properWords));
}

export function uniqueTopics(topics: readonly string[], properWords: ReadonlySet<string> = NO_PROPER_WORDS): string[] {
  return [...new Set(topics.map((topic) => normaliseTopic(topic, properWords)).filter((topic) => topic !== ''))];
}
