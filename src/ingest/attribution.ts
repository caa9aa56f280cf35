// Decides who spoke each quotation: the subject of a reporting verb in the quote's own sentence ("X said", "said X",
// "X, the minister, said", "according to X", "X's tweet said"), pronouns and titles resolved to people of the story,
// and quotes with no cue inheriting from the quote or speaker next to them.
import type { TextBlock } from './blocks.js';
import type { PersonRecord } from './people.js';
import type { QuoteSpan } from './quotes.js';
import type { Sentence } from './sentences.js';
import type { SpeakerMention } from './speaker-mentions.js';
import type { Token } from './tokens.js';
import { CALENDAR_WORDS } from './lexicon/non-person-words.js';
import { FOLLOWING_SPEAKER_CUES, NOUN_LIKE_PRESENT_FORMS, OWN_MESSAGE_NOUNS, PARTICIPLE_CUES, SPEECH_VERBS, WEAK_SPEECH_VERBS } from './lexicon/reporting-verbs.js';
import { DEMONYMS, ROLE_NOUNS, TITLE_WORDS } from './lexicon/titles.js';

/** A block read for speech: its masked text, tokens, sentences and speaker-like mentions. */
export interface AnalysedBlock {
  block: TextBlock;
  tokens: Token[];
  sentences: Sentence[];
  mentions: SpeakerMention[];
}

/** Who spoke: a person of the story, or nobody named (with who the text says it was). */
export interface Speaker {
  personIndex: number | null;
  description: string | null;
}

/** What named a speaker: the rule, and for rules that read a subject, what kind of words it was. */
export interface AttributionRule {
  rule: 'speech-verb' | 'according-to' | 'colon' | 'run-on' | 'adjacent-quote' | 'paragraph-subject' | 'previous-paragraph' | 'none';
  subject: SpeakerMention['kind'] | 'title' | null;
}

export interface Attribution {
  speaker: Speaker | null;
  rule: AttributionRule;
  /** The quote's own sentence has a reporting verb with a subject. */
  ownCue: 'strong' | 'weak' | null;
  /** The subject of that verb names a person or a person-like description (not an organisation). */
  personLikeSubject: boolean;
}

const LEFT_FILLERS = new Set(['has', 'had', 'have', 'was', 'is', 'were', 'are', 'would', 'will', 'could', 'can', 'may', 'might', 'must', 'did', 'does', 'do', 'also', 'later', 'earlier', 'then', 'once', 'again', 'previously', 'recently', 'repeatedly', 'reportedly', 'publicly', 'privately', 'separately', 'further', 'already', 'still', 'never', 'not', 'himself', 'herself', 'themselves', 'finally', 'subsequently', 'initially', 'meanwhile', 'today', 'yesterday', 'tonight', 'too', 'first', 'twice', 'often', 'always', 'even', 'just', 'simply', 'only', 'had', 'been', 'being']);
const TIME_OPENERS = new Set(['on', 'last', 'this', 'next', 'late', 'early', 'in']);
const TIME_WORDS = new Set(['week', 'month', 'year', 'night', 'morning', 'afternoon', 'evening', 'weekend', 'day', 'time']);
const APPOSITIVE_OPENERS = new Set(['who', 'which', 'whose', 'of', 'from', 'aged', 'a', 'an', 'the', 'his', 'her', 'their', 'its', 'now', 'then', 'also', 'himself', 'herself', 'both', 'each', 'speaking', 'writing', 'asked', 'in', 'at', 'when', 'while', 'after', 'before', 'according', 'however', 'too', 'for', 'like']);
const PREPOSITIONS = new Set(['in', 'on', 'at', 'with', 'to', 'from', 'by', 'for', 'of', 'about', 'against', 'between', 'among', 'than', 'like', 'as', 'over', 'under', 'into', 'after', 'before', 'during', 'since', 'that', 'toward', 'towards', 'without', 'behind', 'and', 'or', 'told', 'telling']);

interface Cue {
  index: number;
  /** Tokens the cue occupies ("according to" is two). */
  length: number;
  kind: 'verb' | 'participle' | 'following';
  weak: boolean;
}

interface UnnamedEntity {
  head: string;
  text: string;
  position: number;
}

interface SubjectRecord {
  speaker: Speaker;
  gender: 'female' | 'male' | null;
}

const FOLLOWING_CUE_WORDS = FOLLOWING_SPEAKER_CUES.map((phrase) => phrase.split(' '));
const FOLLOWING_CUE_OPENERS = new Set(FOLLOWING_CUE_WORDS.map((words) => words[0]!));
const SENTENCE_OPENING_CUES = new Set(['said', 'says', 'asked', 'added', 'according']);

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

/** Whether a word stands right after a subject: a singular pronoun, a name, or the comma closing an aside. */
function followsSubject(tokens: readonly Token[], index: number): boolean {
  let k = index - 1;
  while (k >= 0 && tokens[k]!.kind === 'word' && LEFT_FILLERS.has(tokens[k]!.lower)) k--;
  const previous = tokens[k];
  if (!previous) return false;
  return previous.lower === 'he' || previous.lower === 'she' || previous.lower === 'it' || previous.text === ','
    || (previous.kind === 'word' && previous.capitalised);
}

export function attributeQuotes(blocks: readonly AnalysedBlock[], spans: readonly QuoteSpan[], people: readonly PersonRecord[]): Attribution[] {
  const results: Attribution[] = spans.map(() => ({ speaker: null, rule: { rule: 'none', subject: null }, ownCue: null, personLikeSubject: false }));
  const unnamed: UnnamedEntity[] = [];
  const recentSubjects: SubjectRecord[] = [];
  const spansByBlock = new Map<number, number[]>();
  spans.forEach((span, index) => {
    const list = spansByBlock.get(span.blockIndex) ?? [];
    list.push(index);
    spansByBlock.set(span.blockIndex, list);
  });
  /** The last speaker a reporting verb named in each block, quotes or not. */
  const blockSpeakers: (Speaker | null)[] = blocks.map(() => null);
  /** Unnamed speakers that are groups ("analysts", "the officials"), whom "he" or "she" never means. */
  const pluralSpeakers = new WeakSet<Speaker>();
  /** For a quotation with no cue of its own: the person an earlier sentence of its paragraph is about. */
  const localSubjects: (Speaker | null)[] = spans.map(() => null);

  /** Where the person was last mentioned before `position` (-1: not yet); mentions are sorted, so a binary search. */
  const lastMentionBefore = (personIndex: number, position: number): number => {
    const mentions = people[personIndex]?.mentions ?? [];
    let low = 0;
    let high = mentions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (mentions[middle]!.start < position) low = middle + 1;
      else high = middle;
    }
    return low > 0 ? mentions[low - 1]!.start : -1;
  };

  const resolveDefinite = (mention: Extract<SpeakerMention, { kind: 'description' }>, position: number, exclude: number | null): Speaker => {
    const head = mention.head;
    const modifiers = mention.modifiers.filter((word) => !ROLE_NOUNS.has(word) || word !== head);
    // The post itself first; then the words that name the same post ("the minister" for a housing secretary), where
    // a shadow or former holder does not count.
    const tiers: { heads: readonly string[]; holderOnly: boolean }[] = [{ heads: [head.replace(/s$/, '')], holderOnly: false }];
    const equivalents = ROLE_EQUIVALENTS.get(head);
    if (equivalents) tiers.push({ heads: equivalents, holderOnly: true });
    const roleMatches = (person: PersonRecord, strict: boolean, tier: (typeof tiers)[number]): boolean => {
      const role = `${person.role ?? ''} ${person.affiliation ?? ''}`.toLowerCase();
      if (head !== 'counterpart' && !tier.heads.some((word) => role.includes(word))) return false;
      if (tier.holderOnly && /\b(?:shadow|former|ex)\b/u.test(role)) return false;
      if (!strict) return true;
      return modifiers.every((word) => role.includes(word) || role.includes((DEMONYMS.get(word) ?? '\u0000').toLowerCase()));
    };
    for (const [tier, strict] of tiers.flatMap((tier) => [[tier, true], [tier, false]] as const)) {
      let best: Speaker | null = null;
      let bestPosition = -1;
      people.forEach((person, personIndex) => {
        if (personIndex === exclude || !roleMatches(person, strict, tier)) return;
        const seen = lastMentionBefore(personIndex, position);
        if (seen > bestPosition) { bestPosition = seen; best = { personIndex, description: null }; }
      });
      for (const entity of unnamed) {
        // "Rishi Sunak's spokesperson" is not the spokesperson of the ministry named before.
        if (entity.position < position && entity.position > bestPosition && entity.head === head
          && mention.modifiers.every((word) => entity.text.toLowerCase().includes(word))) {
          bestPosition = entity.position;
          best = { personIndex: null, description: entity.text };
        }
      }
      if (best) return best;
    }
    const introduced = introducedNext(mention, position);
    if (introduced !== null) return { personIndex: introduced, description: null };
    return { personIndex: null, description: mention.text };
  };

  /**
   * "The leader of Brackley council has resigned …" / "Anne Mabry, who had led the council since 2019, …": a story's
   * lead may describe its subject before naming them; the description is the person whose first mention opens the
   * next paragraph. The description becomes their role when the text gives none.
   */
  const introducedNext = (mention: Extract<SpeakerMention, { kind: 'description' }>, position: number): number | null => {
    const blockIndex = blocks.findIndex((analysed) => analysed.block.start <= position && position < analysed.block.end);
    if (blockIndex < 0 || blockIndex > 1 || PLURAL_HEAD.test(mention.head) || !blocks[blockIndex + 1]) return null;
    const nextStart = blocks[blockIndex + 1]!.block.start;
    const personIndex = people.findIndex((person) => person.mentions.find((seen) => seen.blockIndex >= 0)?.start === nextStart);
    if (personIndex < 0) return null;
    const person = people[personIndex]!;
    // "John Smith, the opposition leader, said" is someone else than "the prime minister" of the lead.
    const heads = [mention.head.replace(/s$/u, ''), ...(ROLE_EQUIVALENTS.get(mention.head) ?? [])];
    if (person.role && !heads.some((head) => person.role!.toLowerCase().includes(head))) return null;
    person.role ??= mention.text.replace(/^(?:the|a|an)\s+/iu, '');
    return personIndex;
  };

  const resolve = (mention: SpeakerMention, analysed: AnalysedBlock, sentence: Sentence, position: number, subjectOfSentence: Speaker | null): Speaker => {
    switch (mention.kind) {
      case 'person':
        return { personIndex: mention.personIndex, description: null };
      case 'organisation':
        return { personIndex: null, description: mention.text };
      case 'pronoun': {
        if (mention.plural) return { personIndex: null, description: analysed.tokens[mention.first]!.text.toLowerCase() };
        if (subjectOfSentence && (subjectOfSentence.personIndex === null || genderFits(people[subjectOfSentence.personIndex]!, mention.gender))) return subjectOfSentence;
        for (let k = recentSubjects.length - 1; k >= 0 && k >= recentSubjects.length - 12; k--) {
          const record = recentSubjects[k]!;
          // "Analysts were less sure. … “We remain confident,” she said": not the analysts.
          if (pluralSpeakers.has(record.speaker)) continue;
          const person = record.speaker.personIndex === null ? null : people[record.speaker.personIndex]!;
          if (!person || genderFits(person, mention.gender)) {
            if (person && !person.gender && mention.gender) person.gender = mention.gender;
            return record.speaker;
          }
        }
        // No recent subject agrees: the last person of that gender mentioned at all ("her lawyer, David Kim, …
        // “We will not appeal,” he added").
        if (mention.gender) {
          let best: number | null = null;
          let bestSeen = -1;
          people.forEach((person, personIndex) => {
            if (person.gender !== mention.gender) return;
            const seen = lastMentionBefore(personIndex, position);
            if (seen > bestSeen) { bestSeen = seen; best = personIndex; }
          });
          if (best !== null) return { personIndex: best, description: null };
        }
        return { personIndex: null, description: null };
      }
      case 'description': {
        let speaker: Speaker;
        if (!mention.definite) {
          unnamed.push({ head: mention.head, text: mention.text, position });
          speaker = { personIndex: null, description: mention.text };
        } else {
          const exclude = mention.head === 'counterpart' && subjectOfSentence ? subjectOfSentence.personIndex : null;
          speaker = resolveDefinite(mention, position, exclude);
        }
        if (speaker.personIndex === null && PLURAL_HEAD.test(mention.head)) pluralSpeakers.add(speaker);
        return speaker;
      }
    }
  };

  blocks.forEach((analysed, blockIndex) => {
    const { tokens, mentions } = analysed;
    const blockSpans = spansByBlock.get(blockIndex) ?? [];
    const covered = new Uint8Array(tokens.length);
    for (const mention of mentions) covered.fill(1, mention.first, mention.last + 1);
    let paragraphSubject: Speaker | null = null;
    const quoteTokenAt = new Map<number, number>();
    tokens.forEach((token, index) => { if (token.kind === 'quote') quoteTokenAt.set(token.start, index); });
    // Each quotation's mask token; spans come in text order, as do sentences.
    const spanTokens = blockSpans.map((spanIndex) => quoteTokenAt.get(spans[spanIndex]!.regionStart - analysed.block.start) ?? -1);
    const commaAfter = nextCommaIndex(tokens);
    // Mentions and quotations come in token order and sentences follow each other, so one cursor walks each.
    let nextMention = 0;
    let nextSpan = 0;
    for (const sentence of analysed.sentences) {
      while (nextMention < mentions.length && mentions[nextMention]!.first < sentence.firstToken) nextMention++;
      while (nextSpan < blockSpans.length && spanTokens[nextSpan]! < sentence.firstToken) nextSpan++;
      const inSentence: SpeakerMention[] = [];
      for (let m = nextMention; m < mentions.length && mentions[m]!.first < sentence.endToken; m++) {
        if (mentions[m]!.last < sentence.endToken) inSentence.push(mentions[m]!);
      }
      const endingAt = new Map(inSentence.map((mention) => [mention.last, mention]));
      const startingAt = new Map(inSentence.map((mention) => [mention.first, mention]));
      const position = (tokenIndex: number): number => analysed.block.start + (tokens[tokenIndex]?.start ?? 0);

      // The sentence's grammatical subject: its first mention not governed by a preposition.
      const subjectMention = inSentence.find((mention) => mention.kind !== 'organisation' && !PREPOSITIONS.has(tokens[mention.first - 1]?.lower ?? '')
        && (mention.kind !== 'description' || opensClause(tokens, sentence, mention.first)));
      let sentenceSubject: Speaker | null = null;
      if (subjectMention && subjectMention.kind !== 'pronoun') sentenceSubject = resolve(subjectMention, analysed, sentence, position(subjectMention.first), null);

      const subjectOf = (cue: Cue): SpeakerMention | null => {
        if (cue.kind === 'following') return startingAt.get(cue.index + cue.length) ?? startingAt.get(cue.index + cue.length + 1) ?? null;
        if (cue.kind === 'participle') {
          const adjacent = endingAt.get(cue.index - 1);
          if (adjacent) return adjacent;
          const main = inSentence.find((mention) => mention.last < cue.index && !PREPOSITIONS.has(tokens[mention.first - 1]?.lower ?? ''));
          return main ?? null;
        }
        const left = leftSubject(tokens, sentence, cue.index, endingAt);
        if (left) return left;
        // "“…,” said Smith": the subject follows the verb only where the verb follows the quotation or opens the
        // sentence; elsewhere the noun after the verb is its object ("but told Tuttle", "and accused the union").
        const before = tokens[cue.index - 1];
        const after = startingAt.get(cue.index + 1) ?? null;
        const inverted = cue.index === sentence.firstToken || before?.kind === 'quote'
          || (before?.kind === 'punct' && tokens[cue.index - 2]?.kind === 'quote')
          // "The walks did not need to be brisk, said Dr. Haapala": a person, not a place ("said Oslo would").
          || (before?.text === ',' && after !== null && after.kind !== 'organisation');
        return inverted ? after : null;
      };

      const cues = findCues(tokens, sentence);
      const resolvedCues = cues.map((cue) => {
        let mention = subjectOf(cue);
        if (!mention && cue.kind === 'verb' && subjectMention && subjectMention.last < cue.index && coordinated(tokens, sentence, cue.index)) {
          // "Vidal described the defeat as “cruel” and said …": the second verb shares the sentence's subject.
          mention = subjectMention;
        }
        if (!mention && cue.kind === 'verb' && tokens[cue.index - 1]?.lower === 'which') {
          // "a letter …, which described the closure as “…”": a thing, not a person, said it; nobody named.
          return { cue, mention: null, speaker: { personIndex: null, description: null } as Speaker };
        }
        if (!mention && cue.kind === 'verb' && !cue.weak) {
          // A reporting verb whose subject is no person we know ("the county board said"): unnamed, described by
          // the words before the verb.
          const from = Math.max(sentence.firstToken, cue.index - 4);
          const words = tokens.slice(from, cue.index).filter((token) => token.kind === 'word');
          if (words.length > 0) {
            const description = analysed.block.text.slice(words[0]!.start, words[words.length - 1]!.end);
            return { cue, mention: null, speaker: { personIndex: null, description } as Speaker };
          }
        }
        return { cue, mention, speaker: mention ? resolve(mention, analysed, sentence, position(mention.first), sentenceSubject) : null };
      });

      // Cues come in token order: a window of those near each quotation keeps a run-on sentence of many quotations
      // (a sentence that never ends, in text built to be hostile) linear.
      let windowStart = 0;
      for (let spanPosition = nextSpan; spanPosition < blockSpans.length && spanTokens[spanPosition]! < sentence.endToken; spanPosition++) {
        const spanIndex = blockSpans[spanPosition]!;
        const quoteToken = spanTokens[spanPosition]!;
        while (windowStart < resolvedCues.length && resolvedCues[windowStart]!.cue.index < quoteToken - MAX_CUE_DISTANCE) windowStart++;
        let best: (typeof resolvedCues)[number] | null = null;
        for (let cueIndex = windowStart; cueIndex < resolvedCues.length && resolvedCues[cueIndex]!.cue.index <= quoteToken + MAX_CUE_DISTANCE; cueIndex++) {
          const candidate = resolvedCues[cueIndex]!;
          if (!candidate.speaker) continue;
          // A verb after the quotation reports it only when its clause follows the quotation directly ("“…,” she
          // said"), not from further on in the sentence ("“sad-girl lit” and why she said no").
          if (candidate.mention && candidate.cue.kind !== 'following' && candidate.cue.index > quoteToken
            && !followsDirectly(tokens, quoteToken, Math.min(candidate.cue.index, candidate.mention.first), covered, commaAfter)) continue;
          // A person beats an organisation ("the treaty concluded in 2010"); then the nearer verb wins.
          const personLike = candidate.mention !== null && candidate.mention.kind !== 'organisation';
          const bestPersonLike = best !== null && best.mention !== null && best.mention.kind !== 'organisation';
          if (!best || (personLike && !bestPersonLike)
            || (personLike === bestPersonLike && Math.abs(candidate.cue.index - quoteToken) < Math.abs(best.cue.index - quoteToken))) best = candidate;
        }
        if (best) {
          results[spanIndex] = {
            speaker: best.speaker,
            rule: { rule: best.cue.kind === 'following' ? 'according-to' : 'speech-verb', subject: subjectKind(best.mention, best.speaker) },
            ownCue: best.cue.weak ? 'weak' : 'strong',
            personLikeSubject: best.mention !== null && best.mention.kind !== 'organisation',
          };
        } else if (tokens[quoteToken - 1]?.text === ':' && subjectMention && subjectMention.last < quoteToken) {
          // "Vega's daughter, Sofia Vega-Ruiz, read a statement to the court: “…”": a colon hands the quotation
          // to the sentence's subject.
          const speaker = resolve(subjectMention, analysed, sentence, position(subjectMention.first), sentenceSubject);
          results[spanIndex] = {
            speaker,
            rule: { rule: 'colon', subject: subjectKind(subjectMention, speaker) },
            ownCue: 'weak',
            personLikeSubject: true,
          };
        } else {
          localSubjects[spanIndex] = paragraphSubject;
        }
      }

      for (const candidate of resolvedCues) {
        if (!candidate.speaker || candidate.cue.weak) continue;
        blockSpeakers[blockIndex] = candidate.speaker;
      }
      const lastSubject = resolvedCues.filter((candidate) => candidate.speaker && candidate.mention?.kind !== 'organisation').pop()?.speaker ?? sentenceSubject;
      if (sentenceSubject && sentenceSubject !== lastSubject) recentSubjects.push({ speaker: sentenceSubject, gender: null });
      if (lastSubject && (lastSubject.personIndex !== null || lastSubject.description)) recentSubjects.push({ speaker: lastSubject, gender: null });
      // "Asked about his next goal, Mendes smiled. “Roland Garros, of course.”"
      const aboutPerson = sentenceSubject ?? (subjectMention?.kind === 'pronoun' && !subjectMention.plural
        ? resolve(subjectMention, analysed, sentence, position(subjectMention.first), null) : null);
      if (aboutPerson?.personIndex != null) paragraphSubject = aboutPerson;
      if (!subjectMention && !lastSubject) {
        // "For Birgit Holm, 68, the habit has outlasted the trial.": with no subject to refer to, a later pronoun
        // refers to the person the sentence is about.
        const topic = inSentence.find((mention) => mention.kind === 'person');
        if (topic?.kind === 'person') recentSubjects.push({ speaker: { personIndex: topic.personIndex, description: null }, gender: null });
      }
    }
  });

  inheritSpeakers(results, spans, blockSpeakers, localSubjects);
  return results;
}

/** Role heads that name the same post in other words ("the minister" for a secretary of state). */
const ROLE_EQUIVALENTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['minister', ['secretary', 'chancellor', 'premier']], ['secretary', ['minister']], ['boss', ['chief executive', 'head', 'director', 'manager', 'coach']],
  ['manager', ['coach']], ['coach', ['manager']], ['chief', ['chief executive', 'head', 'director']], ['head', ['chief', 'director']],
  ['prosecutor', ['attorney']], ['lawyer', ['attorney', 'counsel', 'solicitor', 'barrister']], ['attorney', ['lawyer', 'counsel']],
]);
const PLURAL_HEAD = /(?:s|people|police|staff)$/u;

/** Whether a verb is joined to the clause before it by a conjunction ("… and said", "… but added"). */
function coordinated(tokens: readonly Token[], sentence: Sentence, cueIndex: number): boolean {
  let k = cueIndex - 1;
  while (k >= sentence.firstToken && tokens[k]!.kind === 'word' && LEFT_FILLERS.has(tokens[k]!.lower)) k--;
  const joiner = tokens[k];
  return k >= sentence.firstToken && joiner !== undefined && (joiner.lower === 'and' || joiner.lower === 'but');
}

/** Words after which a noun phrase can still be a clause's subject ("and the official", "Meanwhile her aide"). */
const CLAUSE_OPENERS = new Set(['and', 'but', 'so', 'then', 'yet', 'or', 'nor', 'while', 'when', 'as', 'after', 'before', 'because',
  'although', 'though', 'if', 'since', 'until', 'meanwhile', 'also', 'now', 'later', 'earlier', 'still', 'both', 'only',
  'even', 'neither', 'either', 'instead', 'however', 'that', 'where', 'once', 'whether']);

const WH_WORDS = new Set(['why', 'how', 'what', 'who', 'whom', 'which', 'whose']);

/** Whether a description at this token can be the subject of a clause: it opens the sentence or follows punctuation,
 * a conjunction or a date, not a noun whose object or relative clause it is ("a box of gloves her sister bought"). */
function opensClause(tokens: readonly Token[], sentence: Sentence, first: number): boolean {
  if (first <= sentence.firstToken) return true;
  const previous = tokens[first - 1]!;
  if (previous.kind !== 'word') return true;
  return CLAUSE_OPENERS.has(previous.lower) || CALENDAR_WORDS.has(previous.lower) || TIME_WORDS.has(previous.lower) || /^\d/u.test(previous.text);
}

/** Words that may stand between a quotation and the clause that reports it: the subject's modifiers. */
const SUBJECT_MODIFIERS = new Set(['of', 'the', 'for', 'at', 'in', 'from', 'with', 'and', 'a', 'an']);

/** Tokens a reporting clause may stand from its quotation and still follow it directly. */
const MAX_REPORTING_DISTANCE = 40;
/** Tokens a reporting verb may stand from a quotation of its sentence, either side, and still report it. */
const MAX_CUE_DISTANCE = 80;

/** For each token, the index of the next comma at or after it (tokens.length when none). */
function nextCommaIndex(tokens: readonly Token[]): Int32Array {
  const next = new Int32Array(tokens.length + 1).fill(tokens.length);
  for (let index = tokens.length - 1; index >= 0; index--) next[index] = tokens[index]!.text === ',' ? index : next[index + 1]!;
  return next;
}

/** Whether the clause of a later token follows the quotation directly: between them only punctuation, mentions
 * ("the institute's chief executive, Paul Hardacre,"), their modifiers and comma-enclosed asides. */
function followsDirectly(tokens: readonly Token[], quoteToken: number, later: number, covered: Uint8Array, commaAfter: Int32Array): boolean {
  if (later - quoteToken > MAX_REPORTING_DISTANCE) return false;
  let commaOpen = false;
  for (let index = quoteToken + 1; index < later; index++) {
    const token = tokens[index]!;
    if (token.text === ',') {
      commaOpen = !commaOpen;
      continue;
    }
    if (token.kind !== 'word' || covered[index]) continue;
    if (SUBJECT_MODIFIERS.has(token.lower) || LEFT_FILLERS.has(token.lower)) continue;
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

/** Walks left from a reporting verb over auxiliaries, adverbs, time phrases and appositives to its subject. */
function leftSubject(tokens: readonly Token[], sentence: Sentence, cueIndex: number, endingAt: ReadonlyMap<number, SpeakerMention>): SpeakerMention | null {
  let k = cueIndex - 1;
  for (let hops = 0; hops < 4 && k >= sentence.firstToken; hops++) {
    while (k >= sentence.firstToken) {
      const token = tokens[k]!;
      if (token.kind === 'word' && (LEFT_FILLERS.has(token.lower) || (/ly$/u.test(token.lower) && token.text === token.lower && token.lower.length > 4))) { k--; continue; }
      if (token.kind === 'word' && (CALENDAR_WORDS.has(token.lower) || TIME_WORDS.has(token.lower)) && TIME_OPENERS.has(tokens[k - 1]?.lower ?? '')) { k -= 2; continue; }
      break;
    }
    if (k < sentence.firstToken) return null;
    const mention = endingAt.get(k);
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
      // "Labour's spokeswoman, Priya Nandakumar, said": the name between the commas is the subject.
      const named = endingAt.get(k - 1);
      if (named && named.kind === 'person' && named.first === j + 1) return named;
      const segmentFirst = tokens[j + 1];
      if (closer === ',' && isParentheticalReport(tokens, j + 1, k, endingAt)) {
        // "Her midwife, she said, had already told her": the aside reports who said it, the subject is before it.
        k = j - 1;
        continue;
      }
      const isAppositive = segmentFirst !== undefined && (APPOSITIVE_OPENERS.has(segmentFirst.lower) || ROLE_NOUNS.has(segmentFirst.lower) || /^\d/u.test(segmentFirst.text) || closer === ')');
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

/** What kind of words named a speaker: a name, a pronoun, a title resolved to a person, a description, an organisation. */
function subjectKind(mention: SpeakerMention | null, speaker: Speaker | null): AttributionRule['subject'] {
  if (!mention) return null;
  if (mention.kind === 'description' && speaker?.personIndex != null) return 'title';
  return mention.kind;
}

function genderFits(person: PersonRecord, gender: 'female' | 'male' | null): boolean {
  return gender === null || person.gender === null || person.gender === gender;
}

/** Quotes with no cue of their own take the speaker of their multi-paragraph run, of the quote beside them, or of
 * the paragraph before. */
function inheritSpeakers(results: Attribution[], spans: readonly QuoteSpan[], blockSpeakers: readonly (Speaker | null)[], localSubjects: readonly (Speaker | null)[]): void {
  // A quotation run over several paragraphs has one speaker, wherever its cue is.
  for (let index = 0; index < spans.length; index++) {
    if (spans[index]!.continuesFromPrevious) continue;
    let end = index;
    while (spans[end]!.continuesToNext && spans[end + 1]?.continuesFromPrevious) end++;
    if (end === index) continue;
    const speaker = results.slice(index, end + 1).find((result) => result.speaker)?.speaker ?? null;
    for (let k = index; k <= end; k++) {
      if (results[k]!.speaker || !speaker) continue;
      results[k]!.speaker = speaker;
      results[k]!.rule = { rule: 'run-on', subject: null };
    }
    index = end;
  }
  const lastSpanOfBlock = new Map<number, number>();
  spans.forEach((span, index) => lastSpanOfBlock.set(span.blockIndex, index));
  for (let index = 0; index < spans.length; index++) {
    const result = results[index]!;
    if (result.speaker) continue;
    const span = spans[index]!;
    // The nearest attributed quote in the same paragraph, the previous one first.
    let inherited: Speaker | null = null;
    let rule: AttributionRule['rule'] = 'none';
    for (let distance = 1; distance < spans.length && !inherited; distance++) {
      const before = spans[index - distance];
      const after = spans[index + distance];
      if (before?.blockIndex === span.blockIndex && results[index - distance]!.speaker) inherited = results[index - distance]!.speaker;
      else if (after?.blockIndex === span.blockIndex && results[index + distance]!.speaker && results[index + distance]!.ownCue) inherited = results[index + distance]!.speaker;
      if ((before === undefined || before.blockIndex !== span.blockIndex) && (after === undefined || after.blockIndex !== span.blockIndex)) break;
    }
    if (inherited) rule = 'adjacent-quote';
    // Otherwise the person an earlier sentence of the paragraph is about.
    if (!inherited && localSubjects[index]) {
      inherited = localSubjects[index]!;
      rule = 'paragraph-subject';
    }
    // Otherwise the speaker of the paragraph before: its last quote's, or the last reporting verb's subject.
    if (!inherited && span.blockIndex > 0) {
      for (let back = 1; back <= 2 && !inherited; back++) {
        const previousBlock = span.blockIndex - back;
        if (previousBlock < 0) break;
        const lastQuote = lastSpanOfBlock.get(previousBlock);
        inherited = (lastQuote !== undefined ? results[lastQuote]!.speaker : null) ?? blockSpeakers[previousBlock] ?? null;
      }
      if (inherited) rule = 'previous-paragraph';
    }
    result.speaker = inherited;
    result.rule = { rule, subject: null };
  }
}
