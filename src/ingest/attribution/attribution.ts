// Decides who spoke each quotation, reading the story sentence by sentence as a reader does. For each quotation the
// rules of its own sentence are tried in order (sentence-rules.ts), then, for a quotation its sentence does not
// attribute, the rules that inherit a speaker from around it (inheritance.ts). Mentions become speakers through the
// discourse (discourse.ts): pronouns, titles and descriptions resolved to the people of the story.
import { SUBORDINATORS } from '../lexicon/clause-words.js';
import type { PersonRecord } from '../people.js';
import type { QuoteSpan } from '../quotes.js';
import type { SpeakerMention } from '../speaker-mentions.js';
import { Discourse, type Speaker } from './discourse.js';
import type { Attribution } from './evidence.js';
import { inheritSpeakers } from './inheritance.js';
import { colonIntroduction, firstCueInReach, possessiveMessage, readCues, reportingClause } from './sentence-rules.js';
import { blockView, sentenceView, type AnalysedBlock } from './sentence-view.js';

export type { AnalysedBlock } from './sentence-view.js';
export type { Speaker } from './discourse.js';
export type { Attribution, AttributionRule } from './evidence.js';

export interface Attributions {
  /** One per quotation span, in the same order. */
  attributions: Attribution[];
  /** Roles the story gave people only by describing them before naming them ("the council's leader … Anne Mabry"). */
  learnedRoles: ReadonlyMap<number, string>;
}

export function attributeQuotes(blocks: readonly AnalysedBlock[], spans: readonly QuoteSpan[], people: readonly PersonRecord[]): Attributions {
  const results: Attribution[] = spans.map(() => ({ speaker: null, rule: { rule: 'none', subject: null }, ownCue: null, personLikeSubject: false }));
  const discourse = new Discourse(people, blocks);
  const spansByBlock = new Map<number, number[]>();
  spans.forEach((span, index) => {
    const list = spansByBlock.get(span.blockIndex) ?? [];
    list.push(index);
    spansByBlock.set(span.blockIndex, list);
  });
  /** The last speaker a reporting verb named in each block, quotes or not. */
  const blockSpeakers: (Speaker | null)[] = blocks.map(() => null);
  /** For a quotation with no cue of its own: the person an earlier sentence of its paragraph is about. */
  const localSubjects: (Speaker | null)[] = spans.map(() => null);

  blocks.forEach((analysed, blockIndex) => {
    const block = blockView(analysed, blockIndex);
    const { tokens, mentions } = analysed;
    const blockSpans = spansByBlock.get(blockIndex) ?? [];
    const quoteTokenAt = new Map<number, number>();
    tokens.forEach((token, index) => { if (token.kind === 'quote') quoteTokenAt.set(token.start, index); });
    // Each quotation's mask token; spans come in text order, as do sentences.
    const spanTokens = blockSpans.map((spanIndex) => quoteTokenAt.get(spans[spanIndex]!.regionStart - analysed.block.start) ?? -1);
    let paragraphSubject: Speaker | null = null;
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
      const view = sentenceView(block, sentence, inSentence);
      const subject = view.subject;
      const sentenceSubject = subject && subject.kind !== 'pronoun' ? discourse.resolve(subject, analysed, view.position(subject.first), null) : null;
      const cues = readCues(view, discourse, sentenceSubject);

      let cueCursor = 0;
      for (let spanPosition = nextSpan; spanPosition < blockSpans.length && spanTokens[spanPosition]! < sentence.endToken; spanPosition++) {
        const spanIndex = blockSpans[spanPosition]!;
        const quoteToken = spanTokens[spanPosition]!;
        cueCursor = firstCueInReach(cues, quoteToken, cueCursor);
        const found = reportingClause(view, cues, quoteToken, cueCursor) ?? colonIntroduction(view, discourse, quoteToken, sentenceSubject)
          ?? possessiveMessage(view, discourse, quoteToken, sentenceSubject);
        if (found) results[spanIndex] = found;
        else localSubjects[spanIndex] = paragraphSubject;
      }

      for (const candidate of cues) {
        if (!candidate.speaker || candidate.cue.weak) continue;
        blockSpeakers[blockIndex] = candidate.speaker;
      }
      // Every speaker the sentence's reporting verbs name, in order: "Kellyanne Conway said Trump described …" leaves
      // both Conway and Trump for a later "she" or "he".
      const cueSpeakers = cues.flatMap((candidate) => (candidate.speaker && candidate.mention?.kind !== 'organisation' ? [candidate.speaker] : []));
      const remembered = cueSpeakers.length > 0 ? cueSpeakers : sentenceSubject ? [sentenceSubject] : [];
      if (sentenceSubject && !remembered.includes(sentenceSubject)) discourse.rememberSubject(sentenceSubject);
      for (const speaker of remembered) if (speaker.personIndex !== null || speaker.description) discourse.rememberSubject(speaker);
      const lastSubject = remembered.at(-1) ?? null;
      // "Asked about his next goal, Mendes smiled. “Roland Garros, of course.”"
      const aboutPerson = sentenceSubject ?? (subject?.kind === 'pronoun' && !subject.plural
        ? discourse.resolve(subject, analysed, view.position(subject.first), null) : null);
      if (aboutPerson?.personIndex != null) paragraphSubject = aboutPerson;
      // "Ms. Berman was a lovely person, Ms. Nuamah said. “She will be well missed.”": the sentence reported someone's
      // words, so the quotation after it is theirs rather than the person the words were about.
      const reporter = cues.filter((candidate) => candidate.speaker?.personIndex != null && !candidate.cue.weak && candidate.cue.kind === 'verb').pop()?.speaker;
      if (reporter) paragraphSubject = reporter;
      if (!subject && !lastSubject) {
        // "For Birgit Holm, 68, the habit has outlasted the trial.": with no subject to refer to, a later pronoun
        // refers to the person the sentence is about.
        const topic = inSentence.find((mention) => mention.kind === 'person' && !SUBORDINATORS.has(analysed.tokens[mention.first - 1]?.lower ?? ''));
        if (topic?.kind === 'person') discourse.rememberSubject({ personIndex: topic.personIndex, description: null });
      }
    }
  });

  inheritSpeakers(results, spans, blockSpeakers, localSubjects);
  return { attributions: results, learnedRoles: discourse.learnedRoles };
}
