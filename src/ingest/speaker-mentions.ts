// Who a reporter's sentence can name as a speaker: people, pronouns, role descriptions ("a Kremlin spokesman",
// "the official") and organisations, found on masked tokens so that nothing inside a quotation counts.
import type { PersonMention } from './people.js';
import type { Token } from './tokens.js';
import { CALENDAR_WORDS, COMMON_WORDS } from './lexicon/non-person-words.js';
import { anaphoricHead, ANAPHORIC_PERSON_NOUNS, DEMONYMS, ROLE_NOUNS } from './lexicon/titles.js';
import { SPEECH_VERBS } from './lexicon/reporting-verbs.js';
import { CLAUSE_VERBS, DESCRIPTION_BREAKERS, DETERMINERS, INDEFINITE, PRONOUNS } from './lexicon/clause-words.js';
import { ORGANISATION_NOUNS } from './lexicon/non-person-words.js';
import { EPITHET_NOUNS, NATIONALITY_NOUNS } from './lexicon/titles.js';

export type SpeakerMention =
  | { kind: 'person'; personIndex: number; first: number; last: number }
  | { kind: 'pronoun'; gender: 'female' | 'male' | null; plural: boolean; first: number; last: number }
  | { kind: 'description'; definite: boolean; head: string; modifiers: string[]; text: string; first: number; last: number;
      /** "his father", "the deceased's father": someone's relation, never the possessor themselves. */
      possessed?: boolean }
  | { kind: 'organisation'; text: string; first: number; last: number };


/** Every speaker-like mention in the tokens of one masked block, in order, not overlapping. */
export function findSpeakerMentions(tokens: readonly Token[], text: string, blockStart: number, people: readonly PersonMention[]): SpeakerMention[] {
  const mentions: SpeakerMention[] = [];
  const taken = new Uint8Array(tokens.length);
  // People mentions arrive in text order: one pass over the tokens places them all.
  let cursor = 0;
  for (const person of people) {
    const from = person.start - blockStart;
    const to = person.end - blockStart;
    while (cursor < tokens.length && tokens[cursor]!.start < from) cursor++;
    let first = -1;
    let last = -1;
    for (let index = cursor; index < tokens.length && tokens[index]!.end <= to; index++) {
      if (first < 0) first = index;
      last = index;
    }
    if (first < 0 || tokens.slice(first, last + 1).some((token) => token.kind === 'quote')) continue;
    mentions.push({ kind: 'person', personIndex: person.personIndex, first, last });
    for (let index = first; index <= last; index++) taken[index] = 1;
  }
  for (let index = 0; index < tokens.length; index++) {
    if (taken[index]) continue;
    const token = tokens[index]!;
    if (token.kind !== 'word') continue;
    const pronoun = PRONOUNS.get(token.lower);
    if (pronoun) {
      mentions.push({ kind: 'pronoun', gender: pronoun.gender, plural: pronoun.plural, first: index, last: index });
      taken[index] = 1;
      continue;
    }
    if (token.lower === 'the' && isEpithet(tokens, index + 1) && !taken[index + 1]) {
      // "the 20-year-old told reporters", "the Russian said": an epithet for someone already in the story.
      mentions.push({ kind: 'pronoun', gender: null, plural: false, first: index, last: index + 1 });
      taken[index] = 1;
      taken[index + 1] = 1;
      index++;
      continue;
    }
    if (token.lower === 'one' && tokens[index + 1]?.lower === 'of' && ['them', 'those', 'the'].includes(tokens[index + 2]?.lower ?? '')) {
      // "One of them said": one of a group already described, unnamed.
      const last = tokens[index + 2]!.lower === 'the' ? index + 3 : index + 2;
      if (tokens[last]?.kind === 'word') {
        mentions.push({ kind: 'description', definite: false, head: 'one', modifiers: [], text: text.slice(token.start, tokens[last]!.end), first: index, last });
        for (let k = index; k <= last; k++) taken[k] = 1;
        index = last;
        continue;
      }
    }
    if (isPersonNoun(token.lower) && !(tokens[index + 1] && taken[index + 1])) {
      const description = readDescription(tokens, text, index, taken);
      if (description) {
        mentions.push(description);
        for (let k = description.first; k <= description.last; k++) taken[k] = 1;
        index = description.last;
      }
    }
  }
  // Organisations and places: capitalised runs nobody else took, and "the ministry"-like phrases.
  for (let index = 0; index < tokens.length; index++) {
    if (taken[index]) continue;
    const token = tokens[index]!;
    const isCapitalised = token.upperInitial && !COMMON_WORDS.has(token.lower) && !CALENDAR_WORDS.has(token.lower) && !SPEECH_VERBS.has(token.lower);
    let article = -1;
    if (token.kind === 'word' && ORGANISATION_NOUNS.has(token.lower)) {
      // "the ministry", "the county board": a definite phrase ending in an organisation noun.
      for (let k = index - 1; k >= 0 && index - k <= 3; k--) {
        if (tokens[k]!.lower === 'the') { article = k; break; }
        if (tokens[k]!.kind !== 'word' || taken[k] || tokens[k]!.text !== tokens[k]!.lower) break;
      }
    }
    const isOrganisationNoun = article >= 0;
    if (!isCapitalised && !isOrganisationNoun) continue;
    let first = index;
    let last = index;
    if (isCapitalised) {
      while (last + 1 < tokens.length && !taken[last + 1] && tokens[last + 1]!.kind === 'word' && !tokens[last]!.possessive
        && (tokens[last + 1]!.upperInitial || ((tokens[last + 1]!.lower === 'of' || tokens[last + 1]!.lower === 'for') && tokens[last + 2]?.upperInitial === true))) last++;
      while (last + 1 < tokens.length && !taken[last + 1] && tokens[last + 1]!.kind === 'word' && ORGANISATION_NOUNS.has(tokens[last + 1]!.lower) && !tokens[last]!.possessive) last++;
    }
    if (isOrganisationNoun && !isCapitalised) first = article;
    if (first > 0 && tokens[first - 1]!.lower === 'the' && !taken[first - 1]) first--;
    mentions.push({ kind: 'organisation', text: text.slice(tokens[first]!.start, tokens[last]!.end), first, last });
    for (let k = first; k <= last; k++) taken[k] = 1;
    index = last;
  }
  mentions.sort((a, b) => a.first - b.first);
  // "Tuttle's attorney": the possessor is part of the description, not a mention of its own that could be the subject.
  for (let position = mentions.length - 1; position > 0; position--) {
    const mention = mentions[position]!;
    const previous = mentions[position - 1]!;
    if (previous.kind === 'person' && mention.kind === 'description' && mention.first <= previous.first && previous.last <= mention.last) mentions.splice(position - 1, 1);
    else if (previous.kind === 'description' && mention.kind === 'description' && mention.first <= previous.last) {
      // "The victim's daughter": one description that owns the one before it.
      const first = Math.min(previous.first, mention.first);
      mentions.splice(position - 1, 2, { ...mention, first, text: text.slice(tokens[first]!.start, tokens[mention.last]!.end) });
    }
    else if (mention.kind === 'person' && previous.kind === 'description' && previous.first <= mention.first && mention.last <= previous.last) mentions.splice(position, 1);
  }
  // "The committee's chairman, Senator Paul Ostrander, said": a description in apposition to a name is that person.
  return mentions.map((mention, position) => {
    const next = mentions[position + 1];
    if (mention.kind === 'description' && next?.kind === 'person' && tokens[mention.last + 1]?.text === ',' && next.first === mention.last + 2) {
      return { kind: 'person', personIndex: next.personIndex, first: mention.first, last: mention.last };
    }
    // "Birgit Holm, 68, a retired pharmacist" and "Lord Bilimoria, the first president of the CBI": a description in
    // apposition after a name is that person too.
    const previous = mentions[position - 1];
    // A definite one only when no verb follows it: in "Responding to Mr Pryce, the minister said" it is a new subject.
    const verbAfter = tokens[mention.last + 1]?.kind === 'word' && (SPEECH_VERBS.has(tokens[mention.last + 1]!.lower) || CLAUSE_VERBS.has(tokens[mention.last + 1]!.lower));
    if (mention.kind === 'description' && !mention.possessed && (!mention.definite || !verbAfter) && previous?.kind === 'person' && tokens[previous.last + 1]?.text === ',') {
      const age = tokens[previous.last + 2];
      const gap = age && /^\d+$/u.test(age.text) && tokens[previous.last + 3]?.text === ',' ? 3 : 1;
      if (mention.first === previous.last + gap + 1) return { kind: 'person', personIndex: previous.personIndex, first: mention.first, last: mention.last };
    }
    return mention;
  });
}

/** A role or a person-noun, singular or plural ("the judges", "prosecutors", "the mother-of-four"). */
function isPersonNoun(word: string): boolean {
  return ROLE_NOUNS.has(word) || ANAPHORIC_PERSON_NOUNS.has(anaphoricHead(word)) || (word.length > 4 && word.endsWith('s') && ROLE_NOUNS.has(word.slice(0, -1)));
}

const POSSESSIVE_MARKS = new Set(["'", '’']);

/** "20-year-old", "Russian" (followed by no noun), "Spaniard", "teenager": a word that can follow "the" for a person. */
function isEpithet(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (!token || token.kind !== 'word') return false;
  const next = tokens[index + 1];
  // "the 39-year-old Chancellor": a role after the epithet makes it a description of that role.
  const nounFollows = next !== undefined && next.kind === 'word' && (next.text === next.lower || ROLE_NOUNS.has(next.lower)) && !SPEECH_VERBS.has(next.lower)
    && !['who', 'was', 'is', 'had', 'has', 'would', 'will', 'added', 'later', 'also', 'then', 'and', 'but'].includes(next.lower);
  if (/^\d+-year-old$/u.test(token.lower)) return !nounFollows;
  if (token.upperInitial && (DEMONYMS.has(token.lower) || NATIONALITY_NOUNS.has(token.lower))) return !nounFollows;
  return EPITHET_NOUNS.has(token.lower) && !nounFollows;
}

function readDescription(tokens: readonly Token[], text: string, roleIndex: number, taken: Uint8Array): SpeakerMention | null {
  // "deputy leader", "chief executive": the last of consecutive role nouns is the head.
  let headIndex = roleIndex;
  while (tokens[headIndex + 1]?.kind === 'word' && ROLE_NOUNS.has(tokens[headIndex + 1]!.lower) && !taken[headIndex + 1]) headIndex++;
  const head = { ...tokens[headIndex]!, lower: anaphoricHead(tokens[headIndex]!.lower) };
  let first = roleIndex;
  let determiner: string | null = null;
  for (let k = roleIndex - 1; k >= 0 && headIndex - k <= 7; k--) {
    const token = tokens[k]!;
    if (token.lower === "'s" || (POSSESSIVE_MARKS.has(token.text) && /s$/u.test(tokens[k - 1]?.text ?? '') && tokens[k - 1]!.end === token.start)) {
      // "Putin's spokesman", and "Mendes' mother" with the apostrophe alone.
      determiner = "'s";
      first = k - 1;
      break;
    }
    if (token.kind !== 'word' || taken[k]) break;
    if (DETERMINERS.has(token.lower)) { determiner = token.lower; first = k; break; }
    if (DESCRIPTION_BREAKERS.has(token.lower) || SPEECH_VERBS.has(token.lower)) break;
    first = k;
  }
  if (determiner === "'s") {
    // "Putin's spokesman": the possessor is part of the description.
    while (first > 0 && tokens[first - 1]!.upperInitial) first--;
    if (first < 0) first = 0;
  }
  const plural = head.lower.endsWith('s') || head.lower === 'police' || head.lower === 'people' || head.lower === 'staff';
  if (!determiner && !plural && first === roleIndex) return null;
  let last = headIndex;
  // "a spokesman for the department", "the secretary of state"
  const connector = tokens[headIndex + 1];
  if (connector && connector.kind === 'word' && ['for', 'of', 'at', 'with', 'from', 'in'].includes(connector.lower)) {
    let k = headIndex + 2;
    if (tokens[k]?.lower === 'the') k++;
    const limit = k + 4;
    let end = -1;
    while (k < tokens.length && k < limit) {
      const token = tokens[k]!;
      // "a senior official at Norway's trade ministry": a possessive inside the phrase.
      if (token.lower === "'s" && end === k - 1) { k++; continue; }
      if (token.kind !== 'word' || SPEECH_VERBS.has(token.lower) || DESCRIPTION_BREAKERS.has(token.lower) || CALENDAR_WORDS.has(token.lower)) break;
      end = k;
      k++;
    }
    if (end > 0) last = end;
  }
  const modifiers = tokens.slice(first, headIndex).filter((token) => token.kind === 'word' && !DETERMINERS.has(token.lower)).map((token) => token.lower);
  const definite = determiner !== null && !INDEFINITE.has(determiner) && !(plural && determiner === null);
  const possessed = determiner === "'s" || determiner === 'his' || determiner === 'her' || determiner === 'their' || determiner === 'its';
  return { kind: 'description', definite, head: head.lower, modifiers, text: text.slice(tokens[first]!.start, tokens[last]!.end), first, last, possessed };
}
