// Finds the people a story names: full names with their titles, surname-only and honorific mentions merged into one
// person, roles and affiliations as the text gives them. Capitalisation plus lexicons of words that are never names.
import type { PersonDraft } from './draft.js';
import type { TextBlock } from './blocks.js';
import { tokenize, type Token } from './tokens.js';
import { CALENDAR_WORDS, COMMON_WORDS, COMPANY_NOUNS, NON_PERSON_HEADS, PLACE_NAMES } from './lexicon/non-person-words.js';
import { DEMONYMS, FEMININE_WORDS, HONORIFICS, MASCULINE_WORDS, ROLE_NOUNS, TITLE_WORDS } from './lexicon/titles.js';
import { SPEECH_VERBS } from './lexicon/reporting-verbs.js';
import { FEMININE_GIVEN_NAMES, MASCULINE_GIVEN_NAMES } from './lexicon/first-names.js';
import { GIVEN_NAMES } from './lexicon/given-names.js';
import { GENERATIONAL_SUFFIXES, PARTICLES, PERSON_TITLES, POST_NOMINALS, SURNAME_TITLES } from './lexicon/name-parts.js';
import { APPOSITIVE_ENDS, GOVERNING_PREPOSITIONS, PLACE_PREPOSITIONS, SUBJECT_FILLERS } from './lexicon/clause-words.js';
import { NAMED_THING_NOUNS, ORGANISATION_PLURALS } from './lexicon/non-person-words.js';

export type Gender = 'female' | 'male' | null;

/** One place the text names a person. Offsets are UTF-16 indices into the raw text. */
export interface PersonMention {
  personIndex: number;
  blockIndex: number;
  start: number;
  end: number;
  /** The mention with its title or honorific as printed ("Russian Foreign Minister Sergey Lavrov"). */
  surface: string;
  /** The name part only ("Sergey Lavrov", "Lavrov"). */
  name: string;
}

export interface PersonRecord {
  name: string;
  nameTokens: string[];
  surfaces: Set<string>;
  role: string | null;
  affiliation: string | null;
  gender: Gender;
  mentions: PersonMention[];
}

export interface PeopleFound {
  people: PersonRecord[];
  /** Every mention in text order. */
  mentions: PersonMention[];
}

/** A block to read for names; title-case lines (headlines, headings) only confirm names found elsewhere. */
export interface NameSource {
  block: TextBlock;
  blockIndex: number;
  titleCase: boolean;
  /** The block's tokens when the caller has them already. */
  tokens?: Token[];
}

/** Raw ranges (UTF-16) of quoted speech: a name said inside a quote is only taken when the prose names them too. */
export type QuotedRanges = readonly { start: number; end: number }[];


function isNameWord(token: Token): boolean {
  if (token.kind !== 'word' || !token.capitalised) return false;
  const lower = token.lower;
  if (COMMON_WORDS.has(lower) || CALENDAR_WORDS.has(lower) || NON_PERSON_HEADS.has(lower)) return false;
  // "Unions said": the plural of a word that is never a name is not one either.
  if (ORGANISATION_PLURALS.has(lower) || (lower.endsWith('s') && ROLE_NOUNS.has(lower.slice(0, -1)))) return false;
  if (HONORIFICS.has(lower) || TITLE_WORDS.has(lower) || DEMONYMS.has(lower) || ROLE_NOUNS.has(lower)) return false;
  if (SPEECH_VERBS.has(lower)) return false;
  if (/\d/.test(token.text) || isNameSuffix(token)) return false;
  // "Los Angeles-area pharmacies", "London-based": an adjective made of a place, not a name.
  if (HYPHENATED_ADJECTIVE.test(lower)) return false;
  // "Centers for Disease Control and Prevention", "the Commission", "the Agency": abstract nouns, never names.
  if (ABSTRACT_NOUN.test(lower) && !GIVEN_NAMES.has(lower)) return false;
  return true;
}

const ABSTRACT_NOUN = /(?:tion|ssion|ision|ency|ancy)$/u;

const YEAR_OR_DATE = /^(?:1[89]|20)\d\d$|^\d{1,4}[-/]\d{1,2}[-/]\d{1,4}$/u;

const HYPHENATED_ADJECTIVE = /-(?:area|based|born|bred|led|backed|owned|run|style|era|made|bound|funded|linked|affiliated|focused|related|specific|wide|registered|listed|headquartered)$/u;

/**
 * A surname that is also an ordinary word, a month, a nationality or a title ("Kevin Friend", "Theresa May",
 * "Ken Thai", "Edmund King"): taken after a known given name or an initial, when no number follows (not "May 5")
 * and it does not begin an organisation's name ("John Lewis Partnership").
 */
function isWordSurname(tokens: readonly Token[], index: number, runStart: number): boolean {
  const token = tokens[index]!;
  const previous = tokens[index - 1]!;
  if (token.kind !== 'word' || !token.capitalised || token.start - previous.end > 1 || previous.possessive) return false;
  if (HONORIFICS.has(token.lower) || SPEECH_VERBS.has(token.lower) || /\d/u.test(token.text)) return false;
  const afterGivenName = index - runStart === 1 && isGivenName(previous.lower);
  const afterInitial = /^\p{Lu}\.?$/u.test(previous.text) && index - runStart >= 1;
  const next = tokens[index + 1];
  // "Ken Thai, the owner": a nationality after a name closes it when the clause goes on in punctuation or a verb.
  const nationalitySurname = DEMONYMS.has(token.lower) && index - runStart >= 1
    && (next === undefined || next.kind === 'punct' || (next.kind === 'word' && next.text === next.lower && SPEECH_VERBS.has(next.lower)));
  if (!afterGivenName && !afterInitial && !nationalitySurname) return false;
  if (next && (/^\d/u.test(next.text) || (next.upperInitial && NON_PERSON_HEADS.has(next.lower)))) return false;
  return true;
}

function isTitleWord(token: Token): boolean {
  if (token.kind !== 'word') return false;
  const lower = token.lower;
  return TITLE_WORDS.has(lower) || HONORIFICS.has(lower) || DEMONYMS.has(lower) || ROLE_NOUNS.has(lower)
    || (token.capitalised && !COMMON_WORDS.has(lower) && !CALENDAR_WORDS.has(lower)) || /^(?:\p{Lu}\.?){2,}$/u.test(token.text);
}

interface Candidate {
  blockIndex: number;
  nameTokens: Token[];
  titleTokens: Token[];
  appositiveRole: string | null;
  /** The candidate stands where a name is expected even without a first name: after a title, before "said". */
  strongEvidence: boolean;
  /** Letters after the name that are part of the mention but not of the name ("QC", "MP", "OBE"). */
  postNominal: Token | null;
  /** The preposition right before the name, if any ("in", "at"): places follow those. */
  governedBy: string | null;
  /** ", Texas" after the name: a town and its state or country. */
  placeFollows: boolean;
  offset: number;
  blockText: string;
}

/** Reads one block's name candidates; names the text shows to be companies go to `organisations` instead. */
function candidatesInBlock(source: NameSource, organisations: Set<string>): Candidate[] {
  const { block, blockIndex } = source;
  const tokens = source.tokens ?? tokenize(block.text);
  const found: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    // "Bill Brown", "Mark Carney": a given name that is also an ordinary word starts a name when a surname follows.
    const givenNameFirst = !isNameWord(tokens[i]!) && isCapitalisedGivenName(tokens[i]!) && tokens[i + 1] !== undefined
      && (isNameWord(tokens[i + 1]!) || isWordSurname(tokens, i + 1, i));
    // "Judge Early", "Mr Young", "Lord King": after a title or honorific, an ordinary word capitalised is a surname.
    const surnameAfterTitle = !isNameWord(tokens[i]!) && isTitledWordSurname(tokens, i);
    if (!isNameWord(tokens[i]!) && !givenNameFirst && !surnameAfterTitle) { i++; continue; }
    // "Addressing Morris, the judge said": a participle opening a sentence is no name.
    if (opensSentenceAt(tokens, i) && /ing$/u.test(tokens[i]!.lower) && tokens[i]!.lower.length >= 6 && !isGivenName(tokens[i]!.lower)) { i++; continue; }
    // A run of name words, allowing lower-case particles between them ("Ursula von der Leyen").
    let j = i + 1;
    let last = i;
    while (j < tokens.length) {
      const token = tokens[j]!;
      const previous = tokens[j - 1]!;
      if (previous.possessive) break;
      if (token.kind === 'word' && tokens[j]!.start - previous.end <= 1 && isNameWord(token)) { last = j; j++; continue; }
      if (last === j - 1 && isWordSurname(tokens, j, i)) { last = j; j++; break; }
      // "Edmund King", "Ann Bishop": a title word after a first name and before no other name is a surname.
      if (token.kind === 'word' && last === j - 1 && token.capitalised && SURNAME_TITLES.has(token.lower)
        && (!tokens[j + 1]?.upperInitial || isNameSuffix(tokens[j + 1]!)) && tokens[j]!.start - previous.end <= 1) { last = j; j++; break; }
      if (token.kind === 'word' && PARTICLES.has(token.text) && tokens[j + 1] && isNameWord(tokens[j + 1]!)) { j++; continue; }
      break;
    }
    // "Martin Luther King Jr.": a generational suffix is part of the name; "Michael Mansfield QC": letters after it
    // belong to the mention only.
    const suffixAt = tokens[last + 1]?.text === ',' ? last + 2 : last + 1;
    const suffix = tokens[suffixAt];
    if (suffix && suffix.kind === 'word' && GENERATIONAL_SUFFIXES.has(suffix.lower.replace(/\.$/u, ''))) last = suffixAt;
    let nameTokens = tokens.slice(i, last + 1).filter((token) => token.kind === 'word');
    let runStart = i;
    i = last + 1;
    const postNominal = tokens[i]?.kind === 'word' && POST_NOMINALS.has(tokens[i]!.text.replace(/\.$/u, '')) ? tokens[i]! : null;
    if (postNominal) i++;
    // "First Minister of Scotland Nicola Sturgeon", "Toxicologist David Rose", "Action Society Juanita du Preez": a
    // word before a known given name that is no given name itself belongs to the title or organisation before the name.
    if (nameTokens.length >= 3 && !isGivenName(nameTokens[0]!.lower) && (isGivenName(nameTokens[1]!.lower)
      || PLACE_NAMES.has(nameTokens[0]!.lower) || OCCUPATION_ENDING.test(nameTokens[0]!.lower))) {
      nameTokens = nameTokens.slice(1);
      runStart += 1;
    }
    if (nameTokens.length > 4) continue;
    const joined = nameTokens.length === 1 ? nameTokens[0]!.lower : nameTokens.map((token) => token.lower).join(' ');
    if (PLACE_NAMES.has(joined)) continue;
    if (nameTokens.every((token) => PLACE_NAMES.has(token.lower))) continue;
    // "Intermediate-Range Nuclear Forces", "the Arctic Council": the run is the start of an organisation's name.
    const following = tokens[last + 1];
    if (following && following.upperInitial && NON_PERSON_HEADS.has(following.lower) && !nameTokens[nameTokens.length - 1]!.possessive) continue;
    // "Charlotte Hornets coach James Borrego", "Boston Red Sox manager Alex Cora": a name that someone's role is of
    // is a team or an organisation.
    const afterRole = tokens[last + 2];
    if (nameTokens.length > 1 && following && following.kind === 'word' && following.text === following.lower && ROLE_NOUNS.has(following.lower)
      && afterRole?.kind === 'word' && afterRole.upperInitial && !nameTokens[nameTokens.length - 1]!.possessive) continue;
    const preceding = tokens[runStart - 1];
    // "the Harvey Weinstein case", "10 Downing Street": no person; but a year or a date may precede a name ("In 2019
    // John Smith …", "2025-02-12 Chris Millington admitted").
    if (preceding && (preceding.lower === 'the' || (/^\d/u.test(preceding.text) && !YEAR_OR_DATE.test(preceding.text))) && nameTokens.length > 1) continue;
    // "Saudi Arabia", "New Zealand": a place whose first word is not a name word.
    const before = tokens[runStart - 1];
    if (before && before.kind === 'word' && PLACE_FIRST_WORDS.has(before.lower) && PLACE_NAMES.has(`${before.lower} ${joined}`)) continue;
    // "the Centre for Ageing Research", "Radio Continental Sur", "the journal Metabolic Medicine Reports": a run
    // that continues an organisation's name or follows a noun for a place or a publication is no person.
    const governingWord = tokens[runStart - 1];
    const organisationWord = governingWord && (governingWord.lower === 'of' || governingWord.lower === 'for') ? tokens[runStart - 2] : governingWord;
    if (organisationWord?.upperInitial && NON_PERSON_HEADS.has(organisationWord.lower) && !TITLE_WORDS.has(organisationWord.lower)
      && !HONORIFICS.has(organisationWord.lower) && !isGivenName(nameTokens[0]!.lower)) continue;
    if (governingWord && governingWord.kind === 'word' && governingWord.text === governingWord.lower && NAMED_THING_NOUNS.has(governingWord.lower)) {
      // "the network Parlireach": every later "Parlireach" is the network too.
      organisations.add(joined);
      continue;
    }
    // "Tony Dejak/AP", "REUTERS/Ahmed Jadallah": a name beside a slash is a photographer's credit; "@TimSwinyard" is
    // an account's handle.
    if (tokens[runStart - 1]?.text === '/' || tokens[last + 1]?.text === '/' || tokens[runStart - 1]?.text === '@') continue;
    // "New Orleans Saints", "Sri Lanka Cricket": a place, then a team or a body named after it.
    const placeStart = tokens[runStart - 1];
    if (placeStart?.kind === 'word' && PLACE_NAMES.has(`${placeStart.lower} ${nameTokens[0]!.lower}`) && nameTokens.length >= 2) continue;
    // "Marks & Spencer", "Procter & Gamble": names joined by an ampersand are a firm's; so is a name a "which" clause
    // describes ("Tesco, which owns …").
    if (tokens[runStart - 1]?.text === '&' || tokens[last + 1]?.text === '&' || (tokens[last + 1]?.text === ',' && tokens[last + 2]?.lower === 'which')) {
      organisations.add(joined);
      continue;
    }
    // "The state-owned operator, Trenes Metropolitanos, said": a name in apposition to a company noun is a company's.
    const comma = tokens[runStart - 1];
    const appositiveNoun = tokens[runStart - 2];
    // "Lumora, the venture-backed startup behind the app," and "The Rights Collective, a nonprofit,": likewise.
    if ((comma?.text === ',' && appositiveNoun && COMPANY_NOUNS.has(appositiveNoun.lower) && appositiveNoun.text === appositiveNoun.lower)
      || (tokens[last + 1]?.text === ',' && COMPANY_NOUNS.has(appositiveHead(tokens, last + 2)))) {
      organisations.add(joined);
      continue;
    }
    if (source.titleCase) {
      found.push({ blockIndex, nameTokens, titleTokens: [], appositiveRole: null, strongEvidence: false, postNominal, governedBy: null, placeFollows: false, offset: block.start, blockText: block.text });
      continue;
    }
    // The title before the name: title words, demonyms and capitalised organisation words ("Kremlin spokesman").
    const firstIndex = runStart;
    let titleStart = firstIndex;
    while (titleStart > 0) {
      const previous = tokens[titleStart - 1]!;
      if (isTitleWord(previous) && !previous.possessive) { titleStart--; continue; }
      if ((previous.lower === 'of' || previous.lower === 'for' || previous.lower === 'and') && titleStart - 2 >= 0 && isTitleWord(tokens[titleStart - 2]!) && TITLE_WORDS.has(tokens[titleStart]!.lower)) { titleStart--; continue; }
      break;
    }
    let titleTokens = tokens.slice(titleStart, firstIndex);
    while (titleTokens.length > 0 && !/\p{L}/u.test(titleTokens[0]!.text)) titleTokens = titleTokens.slice(1);
    while (titleTokens.length > 0 && ['of', 'for', 'and'].includes(titleTokens[0]!.lower)) titleTokens = titleTokens.slice(1);
    // Strip sentence-opening capitalised words that are not titles ("Both Pompeo"): keep from the first real title word.
    const firstReal = titleTokens.findIndex((token) => TITLE_WORDS.has(token.lower) || HONORIFICS.has(token.lower) || ROLE_NOUNS.has(token.lower) || DEMONYMS.has(token.lower) || /^(?:\p{Lu}\.?){2,}$/u.test(token.text) || (token.capitalised && !COMMON_WORDS.has(token.lower)));
    titleTokens = firstReal < 0 ? [] : titleTokens.slice(firstReal);
    const hasRealTitle = titleTokens.some((token) => HONORIFICS.has(token.lower) || ROLE_NOUNS.has(token.lower) || TITLE_WORDS.has(token.lower) && !['state', 'former', 'acting', 'special', 'senior', 'first', 'national', 'foreign', 'home', 'house', 'white', 'party', 'team', 'club', 'company', 'government', 'ministry', 'department', 'cabinet', 'union', 'campaign', 'military', 'army', 'police', 'fire', 'kremlin', 'senate', 'high', 'under', 'majority', 'minority', 'opposition'].includes(token.lower));
    if (!hasRealTitle) titleTokens = [];
    const after = tokens[last + 1];
    const afterNext = tokens[last + 2];
    let followedBySpeech = false;
    for (let k = last + 1; k < Math.min(tokens.length, last + 4); k++) {
      const token = tokens[k]!;
      if (token.kind === 'word' && SPEECH_VERBS.has(token.lower) && token.text === token.lower) {
        // "Tesco said its sales rose": a firm speaks of "its" own.
        if (nameTokens.length === 1 && tokens[k + 1]?.lower === 'its') { organisations.add(joined); followedBySpeech = false; }
        else followedBySpeech = true;
        break;
      }
      if (!(token.kind === 'word' && SUBJECT_FILLERS.has(token.lower))) break;
    }
    const governing = tokens[runStart - 1];
    if (governing && governing.kind === 'word' && ['at', 'of', 'in', 'from', 'with', 'to', 'for', 'by', 'on', 'about'].includes(governing.lower)) followedBySpeech = false;
    const precededByHonorific = titleTokens.length > 0 && HONORIFICS.has(titleTokens[titleTokens.length - 1]!.lower);
    const appositiveRole = after?.text === ',' && afterNext ? readAppositiveRole(tokens, last + 2, block.text) : null;
    // "Mendes' mother, Elena, watched": a name set off by commas after a role noun is that person's.
    const namesRole = tokens[runStart - 1]?.text === ',' && ROLE_NOUNS.has(tokens[runStart - 2]?.lower ?? '') && after?.text === ',';
    const strongEvidence = titleTokens.length > 0 || precededByHonorific || followedBySpeech || appositiveRole !== null || namesRole;
    const placeWord = tokens[last + 1]?.text === ',' ? tokens[last + 2] : undefined;
    const placeFollows = placeWord !== undefined && placeWord.upperInitial && PLACE_NAMES.has(placeWord.lower);
    const governedBy = governing?.kind === 'word' && titleTokens.length === 0 ? governing.lower : null;
    found.push({
      blockIndex, nameTokens, titleTokens, appositiveRole, strongEvidence: strongEvidence || (postNominal !== null && nameTokens.length >= 2),
      postNominal, governedBy, placeFollows, offset: block.start, blockText: block.text,
    });
  }
  return found;
}

/** "Jr.", "III", "QC": a word that follows a name and is never one. */
function isNameSuffix(token: Token): boolean {
  return GENERATIONAL_SUFFIXES.has(token.lower.replace(/\.$/u, '')) || POST_NOMINALS.has(token.text.replace(/\.$/u, ''));
}


/** First words of the place names of several words ("new" of "new zealand"), to test only runs that may be one. */
const PLACE_FIRST_WORDS = new Set([...PLACE_NAMES].filter((place) => place.includes(' ')).map((place) => place.split(' ')[0]!));





/** The head noun of an appositive that starts with an article: its last word before a comma, a preposition or a
 * relative clause ("a nonprofit" → "nonprofit", "the venture-backed startup behind the app" → "startup"). */
function appositiveHead(tokens: readonly Token[], from: number): string {
  // "Kenya's second-largest telecoms operator": a possessor in place of the article.
  if (tokens[from]?.possessive && tokens[from + 1]?.lower === "'s") from += 1;
  else if (!['a', 'an', 'the'].includes(tokens[from]?.lower ?? '')) return '';
  let head = '';
  for (let index = from + 1; index < tokens.length && index <= from + 6; index++) {
    const token = tokens[index]!;
    // "the company's tax manager": a possessive is the head's determiner, not its head.
    if (token.lower === "'s") { head = ''; continue; }
    if (token.kind !== 'word' || APPOSITIVE_ENDS.has(token.lower)) break;
    head = token.lower;
  }
  return head;
}

/** ", the U.S. special representative for Iran," → "U.S. special representative for Iran". */
function readAppositiveRole(tokens: readonly Token[], from: number, text: string): string | null {
  let index = from;
  const first = tokens[index];
  if (!first || !['a', 'an', 'the', 'his', 'her', 'their', 'its'].includes(first.lower)) {
    // "Jane Doe, 45, a teacher" and "Jane Doe, spokeswoman for the ministry,"
    if (first && /^\d+$/.test(first.text) && tokens[index + 1]?.text === ',') return readAppositiveRole(tokens, index + 2, text);
    if (!first || !(ROLE_NOUNS.has(first.lower) || TITLE_WORDS.has(first.lower) || first.capitalised)) return null;
  } else {
    index++;
  }
  const roleStart = tokens[index];
  let end = index;
  let sawRole = false;
  while (end < tokens.length && end - index < 12) {
    const token = tokens[end]!;
    if (token.kind !== 'word') break;
    if (ROLE_NOUNS.has(token.lower)) sawRole = true;
    // "Addressing Morris, the judge said": a phrase that goes on into a verb is a new clause's subject, no appositive.
    if (SPEECH_VERBS.has(token.lower) && token.text === token.lower) return null;
    if (['who', 'which', 'that', 'whose', 'and', 'but'].includes(token.lower)) break;
    end++;
  }
  if (!sawRole || !roleStart) return null;
  return text.slice(roleStart.start, tokens[end - 1]!.end);
}

/** "Broadcaster", "Toxicologist", "Historian": a word for someone's trade, printed before a name like a title. */
const OCCUPATION_ENDING = /(?:er|or|ist|ian)$/u;


/** The words the story prints in lower case: a capitalised run made of such words is a heading or a thing, not a name. */
function lowerCaseWords(sources: readonly NameSource[]): Set<string> {
  const words = new Set<string>();
  for (const source of sources) {
    if (source.titleCase) continue;
    for (const match of source.block.text.matchAll(/(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]*/gu)) words.add(match[0]);
  }
  return words;
}

/**
 * Whether a run of capitalised words with no title, honorific or reporting verb around it is a person's full name:
 * yes when it opens with a known given name; no when one of its words is printed in lower case elsewhere in the
 * story ("Low-Cost Ventilator", "Black Lives Matter"), when it opens with a place ("Chicago Cubs"), or when it stands
 * where places do ("in El Paso", "Eagle Pass, Texas").
 */
function isPlausibleFullName(candidate: Candidate, vocabulary: ReadonlySet<string>): boolean {
  if (candidate.strongEvidence || candidate.nameTokens.some((token) => isGivenName(token.lower))) return true;
  if (candidate.nameTokens.some((token) => vocabulary.has(token.lower))) return false;
  if (PLACE_NAMES.has(candidate.nameTokens[0]!.lower)) return false;
  return !candidate.placeFollows && !(candidate.governedBy !== null && PLACE_PREPOSITIONS.has(candidate.governedBy));
}


function isCapitalisedGivenName(token: Token): boolean {
  return token.kind === 'word' && token.capitalised && isGivenName(token.lower) && !HONORIFICS.has(token.lower) && !SPEECH_VERBS.has(token.lower);
}

/** An ordinary word, capitalised mid-sentence right after a title or honorific and before no other capital: a surname. */
function isTitledWordSurname(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!;
  const previous = tokens[index - 1];
  if (token.kind !== 'word' || !token.capitalised || !previous || previous.kind !== 'word') return false;
  if (!(HONORIFICS.has(previous.lower) || (PERSON_TITLES.has(previous.lower) && previous.upperInitial))) return false;
  if (HONORIFICS.has(token.lower) || TITLE_WORDS.has(token.lower) || ROLE_NOUNS.has(token.lower) || SPEECH_VERBS.has(token.lower)
    || PLACE_NAMES.has(token.lower) || NON_PERSON_HEADS.has(token.lower)) return false;
  const next = tokens[index + 1];
  return !(next && next.kind === 'word' && next.upperInitial) && !(next && /^\d/u.test(next.text));
}

/** Whether the token at `index` opens a sentence: the block's first, or after a full stop, question or exclamation mark. */
function opensSentenceAt(tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1];
  return previous === undefined || (previous.kind === 'punct' && /[.!?]/u.test(previous.text));
}

function isGivenName(word: string): boolean {
  return FEMININE_GIVEN_NAMES.has(word) || MASCULINE_GIVEN_NAMES.has(word) || GIVEN_NAMES.has(word);
}

/** "Sarah Jennings" is she, "Tom Baker" he, unless the text says otherwise. */
function givenNameGender(firstWord: string): Gender {
  if (FEMININE_GIVEN_NAMES.has(firstWord)) return 'female';
  if (MASCULINE_GIVEN_NAMES.has(firstWord)) return 'male';
  return null;
}

function genderOf(words: readonly string[]): Gender {
  for (const word of words) {
    const lower = word.toLowerCase().replace(/\.$/, '');
    if (FEMININE_WORDS.has(lower)) return 'female';
    if (MASCULINE_WORDS.has(lower)) return 'male';
  }
  return null;
}

function affiliationOf(roleTokens: readonly string[]): string | null {
  for (let k = 0; k < roleTokens.length; k++) {
    const word = roleTokens[k]!;
    const pair = `${word} ${roleTokens[k + 1] ?? ''}`.toLowerCase();
    const country = DEMONYMS.get(pair) ?? DEMONYMS.get(word.toLowerCase());
    if (country) return country;
  }
  const organisation = roleTokens.filter((word) => /^\p{Lu}/u.test(word) && !TITLE_WORDS.has(word.toLowerCase().replace(/\.$/, '')) && !HONORIFICS.has(word.toLowerCase().replace(/\.$/, '')));
  return organisation.length > 0 ? organisation.join(' ') : null;
}

/**
 * Reads every source block for names and merges the mentions into people. Title-case sources (headlines) only add
 * mentions of people found in the prose.
 */
export function findPeople(sources: readonly NameSource[], quoted: QuotedRanges = []): PeopleFound {
  const sortedQuoted = [...quoted].sort((a, b) => a.start - b.start);
  const isQuoted = (candidate: Candidate): boolean => {
    const position = candidate.offset + candidate.nameTokens[0]!.start;
    // Binary search for the last range starting at or before the position.
    let low = 0;
    let high = sortedQuoted.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (sortedQuoted[middle]!.start <= position) { found = middle; low = middle + 1; } else high = middle - 1;
    }
    return found >= 0 && position < sortedQuoted[found]!.end;
  };
  const organisations = new Set<string>();
  const read = sources.filter((source) => !source.titleCase).flatMap((source) => candidatesInBlock(source, organisations));
  // A surname the story also prints in a full name ("Crishala Reed … Reed, a 28-year-old mail carrier") is the
  // person's, whatever an appositive made of one mention of it.
  const fullNameWords = new Set(read.filter((candidate) => candidate.nameTokens.length >= 2).flatMap((candidate) => candidate.nameTokens.map((token) => token.lower)));
  const isOrganisation = (candidate: Candidate): boolean => {
    const joined = candidate.nameTokens.map((token) => token.lower).join(' ');
    return organisations.has(joined) && !(candidate.nameTokens.length === 1 && fullNameWords.has(joined));
  };
  const allCandidates = read.filter((candidate) => !isOrganisation(candidate));
  // A name said inside a quotation counts only once the prose names that person too, unless it is a full name with a
  // known given name ("Trayvon Martin, Michael Brown, Sandra Bland …").
  const namedInFull = (candidate: Candidate): boolean => candidate.nameTokens.length >= 2 && isCapitalisedGivenName(candidate.nameTokens[0]!);
  const candidates = allCandidates.filter((candidate) => !isQuoted(candidate) || namedInFull(candidate));
  const quotedCandidates = allCandidates.filter((candidate) => isQuoted(candidate) && !namedInFull(candidate));
  const people: PersonRecord[] = [];
  const byFullName = new Map<string, number>();
  /** Each lower-case word of a name, to the people whose name has it. */
  const byNameWord = new Map<string, number[]>();
  const register = (person: PersonRecord): number => {
    people.push(person);
    for (const word of person.nameTokens) {
      const key = word.toLowerCase();
      const list = byNameWord.get(key) ?? [];
      list.push(people.length - 1);
      byNameWord.set(key, list);
    }
    return people.length - 1;
  };

  const addMention = (personIndex: number, candidate: Candidate): PersonMention => {
    const person = people[personIndex]!;
    const firstToken = candidate.titleTokens[0] ?? candidate.nameTokens[0]!;
    const lastToken = candidate.nameTokens[candidate.nameTokens.length - 1]!;
    const surfaceEnd = candidate.postNominal ?? lastToken;
    const surface = candidate.blockText.slice(firstToken.start, surfaceEnd.end);
    const name = candidate.blockText.slice(candidate.nameTokens[0]!.start, lastToken.end);
    const mention: PersonMention = { personIndex, blockIndex: candidate.blockIndex, start: candidate.offset + firstToken.start, end: candidate.offset + surfaceEnd.end, surface, name };
    person.mentions.push(mention);
    if (surface !== person.name) person.surfaces.add(surface);
    if (name !== person.name) person.surfaces.add(name);
    const role = candidate.titleTokens.length > 0
      ? candidate.blockText.slice(candidate.titleTokens[0]!.start, candidate.titleTokens[candidate.titleTokens.length - 1]!.end)
      : candidate.appositiveRole;
    const roleWithoutHonorific = role && !HONORIFICS.has(role.toLowerCase().replace(/\.$/, '')) ? role : null;
    if (roleWithoutHonorific && !person.role) {
      person.role = roleWithoutHonorific;
      person.affiliation = affiliationOf(roleWithoutHonorific.split(/\s+/));
    }
    // A gendered title or honorific outranks the given name.
    person.gender = genderOf(candidate.titleTokens.map((token) => token.text).concat(candidate.appositiveRole?.split(/\s+/) ?? [])) ?? person.gender;
    return mention;
  };

  const vocabulary = lowerCaseWords(sources);
  // Full names first, so that surnames can find them wherever they appear.
  for (const candidate of candidates) {
    if (candidate.nameTokens.length < 2 || !isPlausibleFullName(candidate, vocabulary)) continue;
    const key = candidate.nameTokens.map((token) => token.lower).join(' ');
    if (byFullName.has(key)) continue;
    const name = candidate.blockText.slice(candidate.nameTokens[0]!.start, candidate.nameTokens[candidate.nameTokens.length - 1]!.end);
    const words = candidate.nameTokens.map((token) => token.text);
    // A longer or shorter form of a known name ("Louis Butler Lyttle" and "Louis Lyttle", "George W. Bush" and
    // "George Bush") is the same person, named by the fullest form.
    const known = people.findIndex((person) => person.nameTokens.length >= 2 && person.nameTokens.length !== words.length
      && person.nameTokens[0]!.toLowerCase() === words[0]!.toLowerCase() && person.nameTokens.at(-1)!.toLowerCase() === words.at(-1)!.toLowerCase());
    if (known >= 0) {
      const person = people[known]!;
      if (words.length > person.nameTokens.length) {
        person.surfaces.add(person.name);
        person.name = name;
        person.nameTokens = words;
        for (const word of words) {
          const list = byNameWord.get(word.toLowerCase()) ?? [];
          if (!list.includes(known)) list.push(known);
          byNameWord.set(word.toLowerCase(), list);
        }
      }
      byFullName.set(key, known);
      continue;
    }
    byFullName.set(key, register({ name, nameTokens: words, surfaces: new Set(), role: null, affiliation: null, gender: givenNameGender(candidate.nameTokens[0]!.lower), mentions: [] }));
  }
  const mentions: PersonMention[] = [];
  const lastSeen = new Map<number, number>();
  const timesSeen = new Map<number, number>();
  for (const candidate of candidates) {
    let personIndex: number | undefined;
    if (candidate.nameTokens.length >= 2) {
      personIndex = byFullName.get(candidate.nameTokens.map((token) => token.lower).join(' '));
    } else {
      personIndex = matchPartialName(people, byNameWord, candidate.nameTokens[0]!.text, lastSeen, timesSeen);
      if (personIndex === undefined && candidate.strongEvidence && isPlausibleSingleName(candidate.nameTokens[0]!)) {
        const text = candidate.nameTokens[0]!.text;
        personIndex = register({ name: text, nameTokens: [text], surfaces: new Set(), role: null, affiliation: null, gender: null, mentions: [] });
        byFullName.set(text.toLowerCase(), personIndex);
      }
    }
    if (personIndex === undefined) continue;
    lastSeen.set(personIndex, mentions.length);
    timesSeen.set(personIndex, (timesSeen.get(personIndex) ?? 0) + 1);
    mentions.push(addMention(personIndex, candidate));
  }
  // Headlines, headings and quoted speech: only names already known.
  const confirmingCandidates = [...sources.filter((source) => source.titleCase).flatMap((source) => candidatesInBlock(source, organisations)), ...quotedCandidates];
  {
    for (const candidate of confirmingCandidates) {
      const key = candidate.nameTokens.map((token) => token.lower).join(' ');
      let personIndex = byFullName.get(key);
      if (personIndex === undefined && candidate.nameTokens.length === 1) personIndex = matchPartialName(people, byNameWord, candidate.nameTokens[0]!.text, lastSeen, timesSeen);
      if (personIndex === undefined) continue;
      mentions.push(addMention(personIndex, candidate));
    }
  }
  mentions.push(...wordSurnameMentions(sources, people, mentions, sortedQuoted));
  mentions.sort((a, b) => a.start - b.start);
  for (const person of people) person.mentions.sort((a, b) => a.start - b.start);
  return { people, mentions };
}

/**
 * "May said", "Friend awarded": a surname that is also an ordinary word or a month is no name word, so alone it is
 * no candidate; where the story has named its person in full, the capitalised word alone mid-sentence is them (not
 * after a preposition or before a number: "in May", "May 5").
 */
function wordSurnameMentions(sources: readonly NameSource[], people: PersonRecord[], known: readonly PersonMention[], quoted: QuotedRanges): PersonMention[] {
  const bySurname = new Map<string, number>();
  people.forEach((person, personIndex) => {
    if (person.nameTokens.length < 2) return;
    const surname = person.nameTokens.at(-1)!;
    if (isNameWord({ ...wordToken(surname) })) return;
    bySurname.set(surname, bySurname.has(surname) ? -1 : personIndex);
  });
  if (bySurname.size === 0) return [];
  const taken = known.map((mention) => [mention.start, mention.end] as const);
  const found: PersonMention[] = [];
  for (const source of sources) {
    if (source.titleCase) continue;
    const tokens = source.tokens ?? tokenize(source.block.text);
    tokens.forEach((token, index) => {
      const personIndex = bySurname.get(token.text);
      if (personIndex === undefined || personIndex < 0 || opensSentenceAt(tokens, index)) return;
      const previous = tokens[index - 1];
      const next = tokens[index + 1];
      if ((previous?.kind === 'word' && (GOVERNING_PREPOSITIONS.has(previous.lower) || previous.upperInitial)) || (next && /^\d/u.test(next.text)) || next?.upperInitial) return;
      const start = source.block.start + token.start;
      const end = source.block.start + token.end;
      if (taken.some(([from, to]) => start < to && end > from) || quoted.some((range) => start >= range.start && start < range.end)) return;
      const mention: PersonMention = { personIndex, blockIndex: source.blockIndex, start, end, surface: token.text, name: token.text };
      people[personIndex]!.mentions.push(mention);
      people[personIndex]!.surfaces.add(token.text);
      found.push(mention);
    });
  }
  return found;
}


/** A word as a token, to ask of it what is asked of tokens. */
function wordToken(word: string): Token {
  return { text: word, lower: word.toLowerCase(), kind: 'word', start: 0, end: word.length, possessive: false, capitalised: /^\p{Lu}\p{Ll}/u.test(word), upperInitial: /^\p{Lu}/u.test(word) };
}

function isPlausibleSingleName(token: Token): boolean {
  return token.text.length >= 2 && /^\p{Lu}\p{Ll}/u.test(token.text) && !PLACE_NAMES.has(token.lower);
}

/**
 * A surname (or a Chinese-style family name first) of a known person. Two people sharing it ("Donald Trump",
 * "Melania Trump"): the surname alone is the one the story has named most so far, as newsrooms give the others their
 * first names; then the most recently mentioned.
 */
function matchPartialName(people: readonly PersonRecord[], byNameWord: ReadonlyMap<string, number[]>, word: string, lastSeen: ReadonlyMap<number, number>, timesSeen: ReadonlyMap<number, number>): number | undefined {
  let best: number | undefined;
  let bestScore = -Infinity;
  const lower = word.toLowerCase();
  for (const index of byNameWord.get(lower) ?? []) {
    const person = people[index]!;
    if (person.nameTokens.length < 2) {
      if (person.nameTokens[0]?.toLowerCase() === lower) { best = index; bestScore = Infinity; }
      continue;
    }
    const last = person.nameTokens[person.nameTokens.length - 1]!.toLowerCase();
    const first = person.nameTokens[0]!.toLowerCase();
    const position = person.nameTokens.findIndex((token) => token.toLowerCase() === lower);
    if (position < 0) continue;
    const preference = last === lower ? 2 : first === lower ? 1 : 1;
    const score = preference * 1e12 + (timesSeen.get(index) ?? 0) * 1e6 + (lastSeen.get(index) ?? -1);
    if (score > bestScore) { best = index; bestScore = score; }
  }
  return best ?? matchSpellingVariant(people, word);
}

/** Whether two words differ by at most one letter inserted, deleted or changed. */
function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { i++; j++; continue; }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else { i++; j++; }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** A name folded for comparing spellings: no accents, spaces, hyphens or apostrophes ("De Marco" = "DeMarco" = "demarco"). */
function foldedName(words: readonly string[]): string {
  return words.join('').normalize('NFKD').replace(/[\u0300-\u036f]/gu, '').replace(/[\s'’.-]/gu, '').toLowerCase();
}

/** "DeMarco" for Carla De Marco, "Nevarez" for Poncho Nevárez: a surname spelled another way in the same story. */
function matchSpellingVariant(people: readonly PersonRecord[], word: string): number | undefined {
  const folded = foldedName([word]);
  if (folded.length < 3) return undefined;
  const surnames = people.map((person) => {
    const words = person.nameTokens;
    if (words.length < 2) return [];
    const surname = words.slice(words.findIndex((part, position) => position > 0 && (PARTICLES.has(part.toLowerCase()) || position === words.length - 1)));
    return [foldedName(surname), foldedName(words.slice(-1))];
  });
  const exact = surnames.findIndex((forms) => forms.includes(folded));
  if (exact >= 0) return exact;
  // "Mr Bradlery" for Ben Bradley: a long surname one letter off, when exactly one person's is.
  if (folded.length < 6) return undefined;
  const near = surnames.flatMap((forms, index) => (forms.some((form) => form.length >= 6 && editDistanceAtMostOne(form, folded)) ? [index] : []));
  return near.length === 1 ? near[0] : undefined;
}

/** The draft's view of the people: canonical name, the other forms used, role (or one the story taught by
 * describing them, `learnedRoles`) and affiliation. */
export function toPersonDrafts(people: readonly PersonRecord[], learnedRoles: ReadonlyMap<number, string> = new Map()): PersonDraft[] {
  return people
    .map((person, personIndex) => ({ person, personIndex }))
    .filter(({ person }) => person.mentions.length > 0)
    .map(({ person, personIndex }) => ({
      // One Unicode form for names (a text may print "í" as i and an accent).
      name: person.name.normalize('NFC'),
      aliases: [...new Set([...person.surfaces].map((alias) => alias.normalize('NFC')))].filter((alias) => alias !== person.name.normalize('NFC')),
      role: person.role ?? learnedRoles.get(personIndex) ?? null,
      affiliation: person.affiliation,
    }));
}
