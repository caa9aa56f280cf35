// The rules that find a quotation's speaker in the quotation's own sentence, tried in this order:
//   1. reportingClause: a reporting verb (or "according to") whose clause reports the quotation: "“…,” she said",
//      "said Smith", "Smith said the plan was “dead”", "“…”, according to the ministry";
//   2. colonIntroduction: a clause that hands the quotation on with a colon: "Smith read a statement: “…”";
//   3. possessiveMessage: the quotation is named someone's words: "“Beaten by the better team,” was Millington's
//      assessment".
// Each returns the speaker with the evidence (rule and kind of subject), or null to let the next one try.
import type { Discourse, Speaker } from './discourse.js';
import type { Attribution, AttributionRule } from './evidence.js';
import { coordinated, followsDirectly, isFiller, passiveAgent, subjectOfCue, type Cue, type SentenceView } from './sentence-view.js';
import { GOVERNING_WORDS } from '../lexicon/clause-words.js';
import { OWN_MESSAGE_NOUNS, SPEECH_VERBS } from '../lexicon/reporting-verbs.js';
import type { SpeakerMention } from '../speaker-mentions.js';
import { PHRASE_BOUNDARIES, PHRASE_DETERMINERS } from '../lexicon/clause-words.js';

/** A cue of the sentence with its subject and the speaker that subject names. */
export interface ReadCue {
  cue: Cue;
  mention: SpeakerMention | null;
  speaker: Speaker | null;
}

/** Tokens a reporting verb may stand from a quotation of its sentence, either side, and still report it. */
const MAX_CUE_DISTANCE = 80;

/**
 * Reads each cue's subject and resolves it, in the sentence's order (a pronoun may refer to the sentence's subject).
 * Where a cue's subject is no mention, the words before it describe an unnamed speaker ("the county board said").
 */
export function readCues(view: SentenceView, discourse: Discourse, sentenceSubject: Speaker | null): ReadCue[] {
  const { tokens, sentence } = view;
  return view.cues.map((cue) => {
    const agent = passiveAgent(view, cue);
    if (agent === undefined) return { cue, mention: null, speaker: { personIndex: null, description: null } };
    let mention = agent ?? subjectOfCue(view, cue);
    const subject = view.subject;
    if (!mention && cue.kind === 'verb' && subject && subject.last < cue.index && coordinated(view, cue.index)) {
      // "Vidal described the defeat as “cruel” and said …": the second verb shares the sentence's subject.
      mention = subject;
    }
    if (!mention && cue.kind === 'verb' && tokens[cue.index - 1]?.lower === 'which') {
      // "a letter …, which described the closure as “…”": a thing, not a person, said it; nobody named.
      return { cue, mention: null, speaker: { personIndex: null, description: null } };
    }
    if (!mention && cue.kind === 'verb') {
      // A reporting verb whose subject is no person we know ("the county board said", "the judges found"): unnamed,
      // described by the noun phrase before the verb, when there is one.
      const description = unnamedSubject(view, cue.index);
      if (description) return { cue, mention: null, speaker: { personIndex: null, description } };
    }
    return { cue, mention, speaker: mention ? discourse.resolve(mention, view.block.analysed, view.position(mention.first), sentenceSubject) : null };
  });
}

/** Longest unnamed subject, in words. */
const MAX_SUBJECT_WORDS = 10;

/**
 * The noun phrase right before a reporting verb that names no known person ("the county board said", "Paramedics
 * told the inquest"), or null: a verb after "to" is an infinitive ("to urge"), after "who" a relative clause, and words
 * governed by a preposition ("throughout the state", "in the industry") are not a subject.
 */
function unnamedSubject(view: SentenceView, cueIndex: number): string | null {
  const { tokens, sentence } = view;
  let k = cueIndex - 1;
  while (k >= sentence.firstToken && isFiller(tokens[k]!)) k--;
  const last = k;
  let first = -1;
  let words = 0;
  while (k >= sentence.firstToken && words < MAX_SUBJECT_WORDS) {
    const token = tokens[k]!;
    if (token.lower === "'s" && tokens[k - 1]?.kind === 'word') { k--; continue; }
    if (token.kind !== 'word' || PHRASE_BOUNDARIES.has(token.lower) || SPEECH_VERBS.has(token.lower)) break;
    first = k;
    words++;
    k--;
  }
  if (first < 0) return null;
  const opener = tokens[first]!;
  const head = tokens[last]!;
  // The phrase must stand where a clause starts: the sentence's start, punctuation or a conjunction.
  const before = tokens[first - 1];
  const startsClause = first === sentence.firstToken || before?.kind !== 'word' || PHRASE_BOUNDARIES.has(before.lower);
  const namesSomeone = PHRASE_DETERMINERS.has(opener.lower) || opener.upperInitial;
  if (!startsClause || !namesSomeone || opener.lower === 'to' || GOVERNING_WORDS.has(opener.lower) || GOVERNING_WORDS.has(head.lower)
    || PHRASE_DETERMINERS.has(head.lower)) return null;
  return view.block.analysed.block.text.slice(opener.start, head.end);
}

/** What kind of words named a speaker: a name, a pronoun, a title resolved to a person, a description, an organisation. */
export function subjectKind(mention: SpeakerMention | null, speaker: Speaker | null): AttributionRule['subject'] {
  if (!mention) return null;
  if (mention.kind === 'description' && speaker?.personIndex != null) return 'title';
  return mention.kind;
}

/**
 * Rule 1. The cue whose clause reports the quotation at `quoteToken`: a verb after the quotation counts only when its
 * clause follows the quotation directly ("“…,” she said"), not from further on ("“sad-girl lit” and why she said no");
 * a person beats an organisation ("the treaty concluded in 2010"), then the nearer cue wins. `cues` are in token
 * order; `from` is where to start looking (a cursor the caller keeps, so that a sentence of many quotations stays linear).
 */
export function reportingClause(view: SentenceView, cues: readonly ReadCue[], quoteToken: number, from: number): Attribution | null {
  let best: ReadCue | null = null;
  for (let index = from; index < cues.length && cues[index]!.cue.index <= quoteToken + MAX_CUE_DISTANCE; index++) {
    const candidate = cues[index]!;
    if (!candidate.speaker) continue;
    if (candidate.mention && candidate.cue.kind !== 'following' && candidate.cue.index > quoteToken
      && !followsDirectly(view, quoteToken, Math.min(candidate.cue.index, candidate.mention.first)) && !closesSentence(view, candidate)) continue;
    const personLike = candidate.mention !== null && candidate.mention.kind !== 'organisation';
    const bestPersonLike = best !== null && best.mention !== null && best.mention.kind !== 'organisation';
    if (!best || (personLike && !bestPersonLike)
      || (personLike === bestPersonLike && Math.abs(candidate.cue.index - quoteToken) < Math.abs(best.cue.index - quoteToken))) best = candidate;
  }
  if (!best) return null;
  return {
    speaker: best.speaker,
    rule: { rule: best.cue.kind === 'following' ? 'according-to' : nextToQuote(best, quoteToken) ? 'speech-verb' : 'reported-clause', subject: subjectKind(best.mention, best.speaker) },
    ownCue: best.cue.weak ? 'weak' : 'strong',
    personLikeSubject: best.mention !== null && best.mention.kind !== 'organisation',
  };
}

/** "“…” to design computer algorithms that can identify treatments, Xu says.": a person's reporting clause set off by
 * a comma at the very end of the sentence reports the sentence, quotation and all. */
function closesSentence(view: SentenceView, candidate: ReadCue): boolean {
  const { tokens, sentence } = view;
  const mention = candidate.mention!;
  if (mention.kind !== 'person' && mention.kind !== 'pronoun') return false;
  if (tokens[mention.first - 1]?.text !== ',' || candidate.cue.index !== mention.last + 1) return false;
  const after = tokens[candidate.cue.index + 1];
  return candidate.cue.index + 1 >= sentence.endToken || (after?.kind === 'punct' && after.text !== ',' && candidate.cue.index + 2 >= sentence.endToken);
}

/** Tokens between a quotation and its reporting verb (or the verb's subject) for the two to count as one clause. */
const NEXT_TO_QUOTE = 3;

/** "“…,” Smith said", "said Smith: “…”": the reporting clause is attached to the quotation; not "Smith said the plan
 * was “dead”", where the quotation sits inside the reported clause (and the speaker may be someone it names). */
function nextToQuote(cue: ReadCue, quoteToken: number): boolean {
  const nearest = cue.mention ? Math.min(Math.abs(cue.cue.index - quoteToken), Math.abs(cue.mention.first - quoteToken), Math.abs(cue.mention.last - quoteToken)) : Math.abs(cue.cue.index - quoteToken);
  return nearest <= NEXT_TO_QUOTE;
}

/** The first cue within reach of a quotation at `quoteToken`, from the cursor `from`. */
export function firstCueInReach(cues: readonly ReadCue[], quoteToken: number, from: number): number {
  let index = from;
  while (index < cues.length && cues[index]!.cue.index < quoteToken - MAX_CUE_DISTANCE) index++;
  return index;
}

/** Rule 2. "Vega's daughter, Sofia Vega-Ruiz, read a statement to the court: “…”": a colon hands the quotation to the
 * sentence's subject. */
export function colonIntroduction(view: SentenceView, discourse: Discourse, quoteToken: number, sentenceSubject: Speaker | null): Attribution | null {
  const subject = view.subject;
  if (view.tokens[quoteToken - 1]?.text !== ':' || !subject || subject.last >= quoteToken) return null;
  const speaker = discourse.resolve(subject, view.block.analysed, view.position(subject.first), sentenceSubject);
  return { speaker, rule: { rule: 'colon', subject: subjectKind(subject, speaker) }, ownCue: 'weak', personLikeSubject: true };
}

/** Rule 3. "“Beaten by the better team,” was Millington's assessment": a copula after the quotation, then a person's
 * own words (assessment, verdict, reaction, message). */
export function possessiveMessage(view: SentenceView, discourse: Discourse, quoteToken: number, sentenceSubject: Speaker | null): Attribution | null {
  const { tokens, endingAt } = view;
  let index = quoteToken + 1;
  if (tokens[index]?.text === ',') index++;
  if (!['was', 'is', 'were', 'came'].includes(tokens[index]?.lower ?? '')) return null;
  for (let end = index + 1; end <= index + 6 && end < view.sentence.endToken; end++) {
    if (tokens[end]?.lower !== "'s" || !OWN_MESSAGE_NOUNS.has(tokens[end + 1]?.lower ?? '')) continue;
    const owner = endingAt.get(end - 1);
    if (!owner || owner.first !== index + 1 || owner.kind === 'organisation') return null;
    const speaker = discourse.resolve(owner, view.block.analysed, view.position(owner.first), sentenceSubject);
    return { speaker, rule: { rule: 'possessive-message', subject: subjectKind(owner, speaker) }, ownCue: 'strong', personLikeSubject: true };
  }
  return null;
}
