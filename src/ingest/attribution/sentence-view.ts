// An immutable view of one reporter's sentence, as the attribution rules read it: its tokens (quotations masked),
// the mentions in it, its grammatical subject, and its reporting cues ("said", "according to", ", saying") with the
// words each one's subject stands in. Building a view changes nothing; the rules only read it.
import type { TextBlock } from '../blocks.js';
import { CALENDAR_WORDS } from '../lexicon/non-person-words.js';
import {
  APPOSITIVE_OPENERS,
  CLAUSE_OPENERS,
  DESCRIPTION_BREAKERS,
  DETERMINERS,
  GOVERNING_WORDS,
  SENTENCE_OPENING_CUES,
  SUBJECT_MODIFIERS,
  SUBORDINATORS,
  TIME_OPENERS,
  TIME_WORDS,
  VERB_FILLERS,
  WH_WORDS,
} from '../lexicon/clause-words.js';
import { DOCUMENT_NOUNS, FOLLOWING_SPEAKER_CUES, NOUN_LIKE_PRESENT_FORMS, OWN_MESSAGE_NOUNS, PARTICIPLE_CUES, SPEECH_VERBS, WEAK_SPEECH_VERBS } from '../lexicon/reporting-verbs.js';
import { ROLE_NOUNS, TITLE_WORDS } from '../lexicon/titles.js';
import type { Sentence } from '../sentences.js';
import type { SpeakerMention } from '../speaker-mentions.js';
import type { Token } from '../tokens.js';
import { ADDRESSEE_VERBS, PASSIVE_AUXILIARIES } from '../lexicon/clause-words.js';

/** A block read for speech: its masked text, tokens, sentences and speaker-like mentions. */
export interface AnalysedBlock {
  block: TextBlock;
  tokens: Token[];
  sentences: Sentence[];
  mentions: SpeakerMention[];
}

/** A word or phrase that reports speech. */
export interface Cue {
  index: number;
  /** Tokens the cue occupies ("according to" is two). */
  length: number;
  /** A verb ("said"), a participle hanging on the clause's subject (", saying"), or a phrase naming the speaker after it ("according to"). */
  kind: 'verb' | 'participle' | 'following';
  /** A verb with senses that are not speech ("called it", "rejected"): it reports only the quotation of its own sentence. */
  weak: boolean;
}

/** An auxiliary or adverb printed in lower case between a subject and its verb ("has also said"); "May" of
 * "Theresa May told" is a name, not the modal. */
export function isFiller(token: Token): boolean {
  return token.kind === 'word' && token.text === token.lower && VERB_FILLERS.has(token.lower);
}

/** What one block holds for every sentence in it, computed once. */
export interface BlockView {
  readonly analysed: AnalysedBlock;
  readonly blockIndex: number;
  /** 1 where a token belongs to a mention. */
  readonly covered: Uint8Array;
  /** For each token, the index of the next comma at or after it (tokens.length when none). */
  readonly commaAfter: Int32Array;
}

export interface SentenceView {
  readonly block: BlockView;
  readonly sentence: Sentence;
  readonly tokens: readonly Token[];
  /** Mentions wholly inside the sentence, in order. */
  readonly mentions: readonly SpeakerMention[];
  readonly endingAt: ReadonlyMap<number, SpeakerMention>;
  readonly startingAt: ReadonlyMap<number, SpeakerMention>;
  /** The sentence's grammatical subject: its first mention not governed by a preposition (organisations never). */
  readonly subject: SpeakerMention | null;
  readonly cues: readonly Cue[];
  /** Raw-text offset of a token. */
  position(tokenIndex: number): number;
}

export function blockView(analysed: AnalysedBlock, blockIndex: number): BlockView {
  const covered = new Uint8Array(analysed.tokens.length);
  for (const mention of analysed.mentions) covered.fill(1, mention.first, mention.last + 1);
  const tokens = analysed.tokens;
  const commaAfter = new Int32Array(tokens.length + 1).fill(tokens.length);
  for (let index = tokens.length - 1; index >= 0; index--) commaAfter[index] = tokens[index]!.text === ',' ? index : commaAfter[index + 1]!;
  return { analysed, blockIndex, covered, commaAfter };
}

export function sentenceView(block: BlockView, sentence: Sentence, mentions: readonly SpeakerMention[]): SentenceView {
  const tokens = block.analysed.tokens;
  const subject = mentions.find((mention) => mention.kind !== 'organisation' && !GOVERNING_WORDS.has(tokens[mention.first - 1]?.lower ?? '')
    && !SUBORDINATORS.has(tokens[mention.first - 1]?.lower ?? '')
    && (mention.kind !== 'description' || opensClause(tokens, sentence, mention.first))) ?? null;
  return {
    block,
    sentence,
    tokens,
    mentions,
    endingAt: new Map(mentions.map((mention) => [mention.last, mention])),
    startingAt: new Map(mentions.map((mention) => [mention.first, mention])),
    subject,
    cues: findCues(tokens, sentence),
    position: (tokenIndex) => block.analysed.block.start + (tokens[tokenIndex]?.start ?? 0),
  };
}

const FOLLOWING_CUE_WORDS = FOLLOWING_SPEAKER_CUES.map((phrase) => phrase.split(' '));
const FOLLOWING_CUE_OPENERS = new Set(FOLLOWING_CUE_WORDS.map((words) => words[0]!));

function findCues(tokens: readonly Token[], sentence: Sentence): Cue[] {
  const cues: Cue[] = [];
  for (let index = sentence.firstToken; index < sentence.endToken; index++) {
    const token = tokens[index]!;
    if (token.kind !== 'word') continue;
    const lower = token.lower;
    const isLower = token.text === lower || (index === sentence.firstToken && SENTENCE_OPENING_CUES.has(lower));
    if (!isLower) continue;
    let following = false;
    if (FOLLOWING_CUE_OPENERS.has(lower)) for (const words of FOLLOWING_CUE_WORDS) {
      if (words[0] === lower && words.every((word, offset) => tokens[index + offset]?.lower === word)) {
        cues.push({ index, length: words.length, kind: 'following', weak: false });
        following = true;
        break;
      }
    }
    if (following) continue;
    if (!SPEECH_VERBS.has(lower) && !(NOUN_LIKE_PRESENT_FORMS.has(lower) && followsSubject(tokens, index))) continue;
    // "to say" after "declined"/"refused" reports no speech; a verb right after a determiner is a noun.
    const previous = tokens[index - 1]?.lower;
    if (previous === 'a' || previous === 'the' || previous === 'an') continue;
    cues.push({ index, length: 1, kind: PARTICIPLE_CUES.has(lower) ? 'participle' : 'verb', weak: WEAK_SPEECH_VERBS.has(lower) });
  }
  return cues;
}

/** Whether a word stands right after a subject: a singular pronoun, a name, a document ("the lawsuit states"), or the
 * comma closing an aside. */
function followsSubject(tokens: readonly Token[], index: number): boolean {
  let k = index - 1;
  while (k >= 0 && isFiller(tokens[k]!)) k--;
  const previous = tokens[k];
  if (!previous) return false;
  return previous.lower === 'he' || previous.lower === 'she' || previous.lower === 'it' || previous.text === ','
    || (previous.kind === 'word' && (previous.capitalised || DOCUMENT_NOUNS.has(previous.lower)));
}

/** The mention that is the subject of a cue's clause, found by reading the sentence the way the cue points. */
export function subjectOfCue(view: SentenceView, cue: Cue): SpeakerMention | null {
  const { tokens, sentence, endingAt, startingAt } = view;
  if (cue.kind === 'following') return startingAt.get(cue.index + cue.length) ?? startingAt.get(cue.index + cue.length + 1) ?? null;
  if (cue.kind === 'participle') {
    // "comments she made in The Observer suggesting": a noun governed by a preposition is no participle's subject.
    const adjacent = endingAt.get(cue.index - 1);
    if (adjacent && !GOVERNING_WORDS.has(tokens[adjacent.first - 1]?.lower ?? '')) return adjacent;
    // ", adding: …" hangs on the clause's subject: the sentence's subject when it comes first (an organisation only
    // when no person or pronoun does: "Former England international Eni Aluko …, adding").
    if (view.subject && view.subject.last < cue.index) return view.subject;
    const main = view.mentions.find((mention) => mention.last < cue.index && !GOVERNING_WORDS.has(tokens[mention.first - 1]?.lower ?? ''));
    return main ?? null;
  }
  const left = leftSubject(tokens, sentence, cue.index, endingAt);
  if (left) return left;
  const antecedent = relativeAntecedent(view, cue.index);
  if (antecedent) return antecedent;
  // "“…,” said Smith": the subject follows the verb only where the verb follows the quotation or opens the
  // sentence; elsewhere the noun after the verb is its object ("but told Tuttle", "and accused the union").
  const before = tokens[cue.index - 1];
  const after = startingAt.get(cue.index + 1) ?? titledNameAfter(view, cue.index + 1);
  const inverted = cue.index === sentence.firstToken || before?.kind === 'quote'
    || (before?.kind === 'punct' && tokens[cue.index - 2]?.kind === 'quote')
    // "The walks did not need to be brisk, said Dr. Haapala": a person, not a place ("said Oslo would").
    || (before?.text === ',' && after !== null && after.kind !== 'organisation');
  if (!inverted || !after) return null;
  // "said University of California, San Diego's chancellor, Pradeep Khosla": the person the phrase ends in.
  return after.kind === 'person' || after.kind === 'pronoun' ? after : (personInApposition(view, after) ?? after);
}

/** Lower-case words a title may run before the name it precedes ("said co-investigator John Spencer"). */
const TITLE_REACH = 3;

/** "said co-investigator John Spencer", "said team leader Ann Lee": a person named after a title the lexicon does not
 * know, read as the verb's subject only when a name ends the run of lower-case words. */
function titledNameAfter(view: SentenceView, from: number): SpeakerMention | null {
  const { tokens, startingAt } = view;
  for (let index = from; index < from + TITLE_REACH; index++) {
    const token = tokens[index];
    if (!token || token.kind !== 'word' || token.capitalised || DETERMINERS.has(token.lower) || DESCRIPTION_BREAKERS.has(token.lower) || SPEECH_VERBS.has(token.lower)) return null;
    const found = startingAt.get(index + 1);
    if (found) return found.kind === 'person' ? found : null;
  }
  return null;
}

/** Tokens an appositive chain may run after a mention to the person it names. */
const APPOSITION_REACH = 12;

/** The person named at the end of an appositive chain that starts with `mention` ("X, Y's chancellor, Name"). */
function personInApposition(view: SentenceView, mention: SpeakerMention): SpeakerMention | null {
  const { tokens, sentence } = view;
  for (let index = mention.last + 1; index < sentence.endToken && index <= mention.last + APPOSITION_REACH; index++) {
    const token = tokens[index]!;
    if (token.kind === 'quote' || SPEECH_VERBS.has(token.lower) || (token.kind === 'punct' && token.text !== ',' && token.lower !== "'s")) return null;
    const found = view.startingAt.get(index);
    if (found?.kind === 'person') return tokens[index - 1]?.text === ',' || tokens[index - 1]?.kind === 'word' ? found : null;
  }
  return null;
}

/** "Anita Patel, who accused the board of “…”": the person a relative clause's verb belongs to. */
function relativeAntecedent(view: SentenceView, cueIndex: number): SpeakerMention | null {
  const { tokens, sentence, endingAt } = view;
  let k = cueIndex - 1;
  while (k >= sentence.firstToken && isFiller(tokens[k]!)) k--;
  if (tokens[k]?.lower !== 'who' || tokens[k - 1]?.text !== ',') return null;
  const antecedent = endingAt.get(k - 2);
  return antecedent && antecedent.kind !== 'organisation' ? antecedent : null;
}


/**
 * A passive reporting verb: the sentence's subject heard the words. The speaker is the agent after "by" ("were told by
 * council leader Tom Reed that …"), or nobody the sentence names (`undefined`); null when the verb is not passive.
 */
export function passiveAgent(view: SentenceView, cue: Cue): SpeakerMention | undefined | null {
  const { tokens, sentence } = view;
  if (cue.kind !== 'verb' || !ADDRESSEE_VERBS.has(tokens[cue.index]!.lower)) return null;
  let k = cue.index - 1;
  while (k >= sentence.firstToken && tokens[k]!.kind === 'word' && /ly$/u.test(tokens[k]!.lower) && tokens[k]!.lower.length > 4) k--;
  if (!PASSIVE_AUXILIARIES.has(tokens[k]?.lower ?? '')) return null;
  if (tokens[cue.index + 1]?.lower !== 'by') return undefined;
  return view.startingAt.get(cue.index + 2) ?? view.startingAt.get(cue.index + 3) ?? undefined;
}

/** Walks left from a reporting verb over auxiliaries, adverbs, time phrases and appositives to its subject. */
function leftSubject(tokens: readonly Token[], sentence: Sentence, cueIndex: number, endingAt: ReadonlyMap<number, SpeakerMention>): SpeakerMention | null {
  let k = cueIndex - 1;
  for (let hops = 0; hops < 4 && k >= sentence.firstToken; hops++) {
    while (k >= sentence.firstToken) {
      const token = tokens[k]!;
      if (isFiller(token) || (token.kind === 'word' && /ly$/u.test(token.lower) && token.text === token.lower && token.lower.length > 4)) { k--; continue; }
      if (token.kind === 'word' && (CALENDAR_WORDS.has(token.lower) || TIME_WORDS.has(token.lower)) && TIME_OPENERS.has(tokens[k - 1]?.lower ?? '')) { k -= 2; continue; }
      break;
    }
    if (k < sentence.firstToken) return null;
    const mention = endingAt.get(k);
    // "Dr. Tristan Smith of University College London said": the person whose organisation it is.
    if (mention?.kind === 'organisation' && ['of', 'from', 'at'].includes(tokens[mention.first - 1]?.lower ?? '')) {
      // "Rep. Mike Rogers (R) of Michigan": past a party tag in brackets.
      const tag = tokens[mention.first - 2]?.text === ')' && tokens[mention.first - 4]?.text === '(' ? 2 : 0;
      const owner = endingAt.get(mention.first - 2 - tag - (tag ? 1 : 0));
      if (owner?.kind === 'person') return owner;
    }
    // "A source close to Johnson said", "Allies of the minister said": a name governed by a preposition is part of the
    // subject, not the subject; the subject is the description it hangs on, or nobody named.
    if (mention && mention.first > sentence.firstToken && ['to', 'of', 'for', 'with', 'near'].includes(tokens[mention.first - 1]?.lower ?? '')
      && tokens[mention.first - 2]?.kind === 'word' && !tokens[mention.first - 2]!.upperInitial) {
      for (let back = mention.first - 2; back >= Math.max(sentence.firstToken, mention.first - 6); back--) {
        const head = endingAt.get(back);
        if (head && head.kind !== 'person') return head;
      }
      return null;
    }
    // "Chrystia Freeland and Robert Lighthizer said": one quotation, two speakers; the first named stands for both.
    const partner = mention?.kind === 'person' && tokens[mention.first - 1]?.lower === 'and' ? endingAt.get(mention.first - 2) : undefined;
    if (partner?.kind === 'person') return partner;
    if (mention) return mention;
    const token = tokens[k]!;
    if (token.kind === 'word' && OWN_MESSAGE_NOUNS.has(token.lower) && tokens[k - 1]?.lower === "'s") {
      const owner = endingAt.get(k - 2);
      if (owner && owner.kind === 'person') return owner;
    }
    if (token.text === ',' || token.text === ')' || token.text === '—' || token.text === '–') {
      const closer = token.text;
      const opener = closer === ')' ? '(' : closer;
      let j = k - 1;
      while (j >= sentence.firstToken && tokens[j]!.text !== opener && tokens[j]!.kind !== 'quote') j--;
      if (j < sentence.firstToken || tokens[j]!.kind === 'quote') return null;
      // "Labour's spokeswoman, Priya Nandakumar, said" and "The state-owned operator, Trenes Metropolitanos, said":
      // the name between the commas is the subject.
      const named = endingAt.get(k - 1);
      // "Sen. Sherrod Brown, D-Ohio, said": a short tag after a person belongs to them; the person is the subject.
      const before = endingAt.get(j - 1);
      // "Joe Hinrichs, Ford's president of Automotive, said": so is a role of something named in the possessive.
      const possessiveRole = tokens[j + 2]?.lower === "'s" && tokens[j + 1]?.upperInitial === true;
      if (before?.kind === 'person' && (k - j <= 4 || possessiveRole) && (!named || named.kind !== 'person')) return before;
      // "Cameron, alongside his wife, Samantha, said": a name in apposition to an object is no subject either.
      const governedBefore = before !== undefined && GOVERNING_WORDS.has(tokens[before.first - 1]?.lower ?? '');
      if (named && (named.kind === 'person' || named.kind === 'organisation') && named.first === j + 1 && !governedBefore) return named;
      const segmentFirst = tokens[j + 1];
      if (closer === ',' && isParentheticalReport(tokens, j + 1, k, endingAt)) {
        // "Her midwife, she said, had already told her": the aside reports who said it, the subject is before it.
        k = j - 1;
        continue;
      }
      // An aside: a relative clause, a role, an age, a bracket, or a participle phrase ("Andrew Tucker, defending Darby, said").
      const participle = segmentFirst !== undefined && segmentFirst.text === segmentFirst.lower && /ing$/u.test(segmentFirst.lower);
      const isAppositive = segmentFirst !== undefined && (APPOSITIVE_OPENERS.has(segmentFirst.lower) || ROLE_NOUNS.has(segmentFirst.lower) || /^\d/u.test(segmentFirst.text) || closer === ')' || participle);
      if (!isAppositive || !endingAt.get(j - 1) && tokens[j - 1]?.kind !== 'word') return null;
      k = j - 1;
      continue;
    }
    return null;
  }
  return null;
}

/** An aside that is a reporting clause of its own: a pronoun or name and a reporting verb ("she said", "Smith added"). */
function isParentheticalReport(tokens: readonly Token[], from: number, to: number, endingAt: ReadonlyMap<number, SpeakerMention>): boolean {
  const verb = tokens[to - 1];
  if (!verb || verb.kind !== 'word' || !SPEECH_VERBS.has(verb.lower) || to - from > 5) return false;
  const subject = endingAt.get(to - 2);
  return subject !== undefined && subject.first === from && (subject.kind === 'pronoun' || subject.kind === 'person');
}

/** Whether a verb is joined to the clause before it by a conjunction ("… and said", "… but added"). */
export function coordinated(view: SentenceView, cueIndex: number): boolean {
  const { tokens, sentence } = view;
  let k = cueIndex - 1;
  while (k >= sentence.firstToken && isFiller(tokens[k]!)) k--;
  const joiner = tokens[k];
  return k >= sentence.firstToken && joiner !== undefined && (joiner.lower === 'and' || joiner.lower === 'but');
}

/** Whether a description at this token can be the subject of a clause: it opens the sentence or follows punctuation,
 * a conjunction or a date, not a noun whose object or relative clause it is ("a box of gloves her sister bought"). */
function opensClause(tokens: readonly Token[], sentence: Sentence, first: number): boolean {
  if (first <= sentence.firstToken) return true;
  const previous = tokens[first - 1]!;
  if (previous.kind !== 'word') return true;
  return CLAUSE_OPENERS.has(previous.lower) || CALENDAR_WORDS.has(previous.lower) || TIME_WORDS.has(previous.lower) || /^\d/u.test(previous.text);
}

/** Tokens a reporting clause may stand from its quotation and still follow it directly. */
const MAX_REPORTING_DISTANCE = 40;

/** Whether the clause of a later token follows the quotation directly: between them only punctuation, mentions
 * ("the institute's chief executive, Paul Hardacre,"), their modifiers and comma-enclosed asides. */
export function followsDirectly(view: SentenceView, quoteToken: number, later: number): boolean {
  const { tokens } = view;
  const { covered, commaAfter } = view.block;
  if (later - quoteToken > MAX_REPORTING_DISTANCE) return false;
  let commaOpen = false;
  for (let index = quoteToken + 1; index < later; index++) {
    const token = tokens[index]!;
    if (token.text === ',') {
      commaOpen = !commaOpen;
      continue;
    }
    if (token.kind !== 'word' || covered[index]) continue;
    if (SUBJECT_MODIFIERS.has(token.lower) || isFiller(token)) continue;
    // Role words the mentions did not take ("the union's secretary-general, Peter Kamau Njoroge,").
    if (token.lower.split('-').some((part) => ROLE_NOUNS.has(part) || TITLE_WORDS.has(part))) continue;
    // An aside between commas is allowed when it closes before the clause ("Smith, who led the trial, said").
    if (commaOpen && commaAfter[index]! < later) continue;
    // Lower-case words right before the subject are its modifiers ("tournament director Feliciano Lopez said").
    if (later - index <= 2 && tokens.slice(index, later).every((other) => other.kind === 'word' && other.text === other.lower
      && !CLAUSE_OPENERS.has(other.lower) && !WH_WORDS.has(other.lower))) continue;
    return false;
  }
  return true;
}
