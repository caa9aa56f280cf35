// What a reader remembers while reading a story: who the recent sentences were about, the unnamed speakers met so
// far ("a senior official"), and what the text has taught about each person (a "she" makes a name female; a lead's
// description becomes a role). It turns a mention into a speaker: a name into its person, a pronoun into the person
// it refers to, a title into the person who holds it. The people it is given are never changed.
import { PLURAL_HEAD, ROLE_EQUIVALENTS } from '../lexicon/clause-words.js';
import { TITLE_ABBREVIATIONS } from '../lexicon/abbreviations.js';
import { ANAPHORIC_PERSON_NOUNS, DEMONYMS, FEMININE_WORDS, MASCULINE_WORDS, ROLE_NOUNS } from '../lexicon/titles.js';
import type { Gender, PersonRecord } from '../people.js';
import type { SpeakerMention } from '../speaker-mentions.js';
import type { AnalysedBlock } from './sentence-view.js';
import { LEAD_OFFICES, OFFICE_WORDS } from '../lexicon/titles.js';

/** Who spoke: a person of the story, or nobody named (with who the text says it was). */
export interface Speaker {
  personIndex: number | null;
  description: string | null;
}

type DescriptionMention = Extract<SpeakerMention, { kind: 'description' }>;

interface UnnamedEntity {
  head: string;
  text: string;
  position: number;
}



/** Characters into its paragraph a lead person's first mention may start ("Former Prime Minister Tony Blair has …"). */
const LEAD_OPENING = 40;

/** A role with its abbreviated titles spelled out: "lt. gov." is "lieutenant governor". */
function spelledOut(role: string): string {
  return role.replace(/\b([a-z]+)\./gu, (abbreviation, word: string) => TITLE_ABBREVIATIONS.get(word) ?? abbreviation);
}

/** The gender a description's head gives ("son", "spokeswoman"), or null. */
function descriptionGender(head: string): Gender {
  if (FEMININE_WORDS.has(head)) return 'female';
  if (MASCULINE_WORDS.has(head)) return 'male';
  return ANAPHORIC_PERSON_NOUNS.get(head) ?? null;
}

/** Words that make an office another one: "vice president", "former minister", "president-elect". */
const OFFICE_QUALIFIER = /\b(?:vice|deputy|former|ex|shadow|assistant|under|lieutenant)\b|-elect\b/u;
const qualifiedOffices = new Map<string, RegExp>();

/** The office `word` qualified into another one, as a pattern on a role. */
function qualifiedOffice(word: string): RegExp {
  let pattern = qualifiedOffices.get(word);
  if (!pattern) {
    pattern = new RegExp(`(?:\\b(?:vice|deputy|former|ex|shadow|assistant|under|lieutenant)[- ]${word}|${word}-elect)\\b`, 'u');
    qualifiedOffices.set(word, pattern);
  }
  return pattern;
}

/** How far back (in subjects) a pronoun looks for the person it refers to. */
const PRONOUN_REACH = 12;

export class Discourse {
  /** Unnamed speakers met so far, to resolve "the spokesman" to the spokesman described before. */
  private readonly unnamed: UnnamedEntity[] = [];
  /** Subjects of recent sentences, oldest first. */
  private readonly recentSubjects: Speaker[] = [];
  /** Unnamed speakers that are groups ("analysts", "the officials", "they"), whom "he" or "she" never means. */
  private readonly pluralSpeakers = new WeakSet<Speaker>();
  /** Unnamed speakers whose description gives a gender ("her son", "a policewoman"). */
  private readonly unnamedGender = new WeakMap<Speaker, Gender>();
  private readonly learnedGender = new Map<number, Gender>();
  /** Roles the text gave people only by describing them before naming them. */
  readonly learnedRoles = new Map<number, string>();

  constructor(
    private readonly people: readonly PersonRecord[],
    private readonly blocks: readonly AnalysedBlock[],
  ) {}

  genderOf(personIndex: number): Gender {
    return this.learnedGender.get(personIndex) ?? this.people[personIndex]?.gender ?? null;
  }

  roleOf(personIndex: number): string | null {
    return this.people[personIndex]?.role ?? this.learnedRoles.get(personIndex) ?? null;
  }

  /** Remembers the subject of a sentence, for the pronouns of the sentences after it. */
  rememberSubject(speaker: Speaker): void {
    this.recentSubjects.push(speaker);
  }

  /** Where the person was last mentioned before `position` (-1: not yet); mentions are sorted, so a binary search. */
  lastMentionBefore(personIndex: number, position: number): number {
    const mentions = this.people[personIndex]?.mentions ?? [];
    let low = 0;
    let high = mentions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (mentions[middle]!.start < position) low = middle + 1;
      else high = middle;
    }
    return low > 0 ? mentions[low - 1]!.start : -1;
  }

  /** The speaker a mention names, at `position` in the raw text; `subjectOfSentence` is the sentence's own subject. */
  resolve(mention: SpeakerMention, analysed: AnalysedBlock, position: number, subjectOfSentence: Speaker | null): Speaker {
    switch (mention.kind) {
      case 'person':
        return { personIndex: mention.personIndex, description: null };
      case 'organisation':
        return { personIndex: null, description: mention.text };
      case 'pronoun':
        return this.resolvePronoun(mention, analysed, position, subjectOfSentence);
      case 'description': {
        let speaker: Speaker;
        if (!mention.definite) {
          this.unnamed.push({ head: mention.head, text: mention.text, position });
          speaker = { personIndex: null, description: mention.text };
        } else {
          const exclude = mention.head === 'counterpart' && subjectOfSentence ? subjectOfSentence.personIndex : null;
          speaker = this.resolveDefinite(mention, position, exclude);
        }
        if (speaker.personIndex === null && PLURAL_HEAD.test(mention.head)) this.pluralSpeakers.add(speaker);
        if (speaker.personIndex === null) this.unnamedGender.set(speaker, descriptionGender(mention.head));
        return speaker;
      }
    }
  }

  private genderFits(personIndex: number, gender: Gender): boolean {
    const known = this.genderOf(personIndex);
    return gender === null || known === null || known === gender;
  }

  private resolvePronoun(mention: Extract<SpeakerMention, { kind: 'pronoun' }>, analysed: AnalysedBlock, position: number, subjectOfSentence: Speaker | null): Speaker {
    if (mention.plural) {
      const group = { personIndex: null, description: analysed.tokens[mention.first]!.text.toLowerCase() };
      this.pluralSpeakers.add(group);
      return group;
    }
    // "the Spaniard", "the 20-year-old": an epithet for someone the story has named.
    if (mention.last > mention.first) {
      const referent = this.namedReferent(mention.gender, position);
      return referent !== null ? { personIndex: referent, description: null } : { personIndex: null, description: null };
    }
    if (subjectOfSentence && this.couldBe(subjectOfSentence, mention.gender)) return subjectOfSentence;
    for (let k = this.recentSubjects.length - 1; k >= 0 && k >= this.recentSubjects.length - PRONOUN_REACH; k--) {
      const speaker = this.recentSubjects[k]!;
      if (this.couldBe(speaker, mention.gender)) {
        if (speaker.personIndex !== null && !this.genderOf(speaker.personIndex) && mention.gender) this.learnedGender.set(speaker.personIndex, mention.gender);
        return speaker;
      }
    }
    // No recent subject agrees: the last person of that gender mentioned at all ("her lawyer, David Kim, …
    // “We will not appeal,” he added").
    if (mention.gender) {
      let best: number | null = null;
      let bestSeen = -1;
      this.people.forEach((_person, personIndex) => {
        if (this.genderOf(personIndex) !== mention.gender) return;
        const seen = this.lastMentionBefore(personIndex, position);
        if (seen > bestSeen) { bestSeen = seen; best = personIndex; }
      });
      if (best !== null) return { personIndex: best, description: null };
    }
    return { personIndex: null, description: null };
  }

  /** Whether "he" or "she" (of `gender`) could mean a speaker: not a group ("Analysts were less sure. … “We remain
   * confident,” she said"), and not someone of the other gender ("Her son was arrested. “…,” she says"). */
  private couldBe(speaker: Speaker, gender: Gender): boolean {
    if (this.pluralSpeakers.has(speaker)) return false;
    if (speaker.personIndex !== null) return this.genderFits(speaker.personIndex, gender);
    const known = this.unnamedGender.get(speaker);
    return gender === null || known === undefined || known === null || known === gender;
  }

  /** "The minister said": the person who holds that post, else the unnamed speaker described so before. */
  private resolveDefinite(mention: DescriptionMention, position: number, exclude: number | null): Speaker {
    const head = mention.head;
    const modifiers = mention.modifiers.filter((word) => !ROLE_NOUNS.has(word) || word !== head);
    // The post itself first; then the words that name the same post ("the minister" for a housing secretary), where
    // a shadow or former holder does not count.
    const tiers: { heads: readonly string[]; holderOnly: boolean }[] = [{ heads: [head.replace(/s$/, '')], holderOnly: false }];
    const equivalents = ROLE_EQUIVALENTS.get(head);
    if (equivalents) tiers.push({ heads: equivalents, holderOnly: true });
    const roleMatches = (personIndex: number, strict: boolean, tier: (typeof tiers)[number]): boolean => {
      const person = this.people[personIndex]!;
      // The role the text gives, and the words it printed before the name ("father John", "Coroner Alan Blunsdon").
      const role = spelledOut(`${this.roleOf(personIndex) ?? ''} ${person.affiliation ?? ''} ${[...person.surfaces].join(' ')}`.toLowerCase());
      if (head !== 'counterpart' && !tier.heads.some((word) => role.includes(word))) return false;
      if (tier.holderOnly && /\b(?:shadow|former|ex)\b/u.test(role)) return false;
      // "The president" is not the president-elect, the vice president or a former president, unless it says so.
      if (tier.heads.some((word) => qualifiedOffice(word).test(role)) && !OFFICE_QUALIFIER.test(mention.text.toLowerCase())) return false;
      // "The prime minister" is not any minister: words that name the office itself must match even loosely.
      if (modifiers.some((word) => OFFICE_WORDS.has(word) && !role.includes(word))) return false;
      if (!strict) return true;
      return modifiers.every((word) => role.includes(word) || role.includes((DEMONYMS.get(word) ?? '\u0000').toLowerCase()));
    };
    for (const [tier, strict] of tiers.flatMap((tier) => [[tier, true], [tier, false]] as const)) {
      let best: Speaker | null = null;
      let bestPosition = -1;
      this.people.forEach((_person, personIndex) => {
        if (personIndex === exclude || !roleMatches(personIndex, strict, tier)) return;
        const seen = this.lastMentionBefore(personIndex, position);
        if (seen > bestPosition) { bestPosition = seen; best = { personIndex, description: null }; }
      });
      for (const entity of this.unnamed) {
        // "Rishi Sunak's spokesperson" is not the spokesperson of the ministry named before.
        if (entity.position < position && entity.position > bestPosition && entity.head === head
          && mention.modifiers.every((word) => entity.text.toLowerCase().includes(word))) {
          bestPosition = entity.position;
          best = { personIndex: null, description: entity.text };
        }
      }
      if (best) return best;
    }
    // "The mother-of-four said", "the offender said": a person of the story, referred to as a pronoun would.
    if (ANAPHORIC_PERSON_NOUNS.has(head) && mention.modifiers.length <= 1 && !mention.possessed) {
      const referent = this.namedReferent(ANAPHORIC_PERSON_NOUNS.get(head) ?? null, position);
      if (referent !== null) return { personIndex: referent, description: null };
    }
    const introduced = this.introducedNext(mention, position);
    if (introduced !== null) return { personIndex: introduced, description: null };
    const lead = this.leadOfficeHolder(mention, exclude);
    if (lead !== null) return { personIndex: lead, description: null };
    return { personIndex: null, description: mention.text };
  }

  /**
   * "Tony Blair has defended the plans … The prime minister told the Commons": a head of government or state the
   * story refers to by office only is the person its lead is about, when the text gives that person no other role.
   */
  private leadOfficeHolder(mention: DescriptionMention, exclude: number | null): number | null {
    // "The president of the police union" heads something else than a country.
    if (!LEAD_OFFICES.has(mention.head) || mention.possessed || PLURAL_HEAD.test(mention.head) || /\b(?:of|for|at|in)\b/iu.test(mention.text)) return null;
    let lead: number | null = null;
    let leadStart = Infinity;
    this.people.forEach((person, personIndex) => {
      const first = person.mentions.find((seen) => seen.blockIndex >= 0);
      if (first && first.start < leadStart) { leadStart = first.start; lead = personIndex; }
    });
    if (lead === null || lead === exclude || this.roleOf(lead)) return null;
    // Only a lead who opens one of the story's first paragraphs ("Tony Blair has defended …"), not someone the first
    // paragraph mentions in passing.
    const first = this.people[lead]!.mentions.find((seen) => seen.blockIndex >= 0)!;
    const block = this.blocks[first.blockIndex];
    return first.blockIndex <= 1 && block !== undefined && first.start - block.block.start <= LEAD_OPENING ? lead : null;
  }

  /** The named person a pronoun-like phrase refers to: the latest subject of that gender, else the latest mentioned. */
  private namedReferent(gender: Gender, position: number): number | null {
    for (let k = this.recentSubjects.length - 1; k >= 0 && k >= this.recentSubjects.length - PRONOUN_REACH; k--) {
      const { personIndex } = this.recentSubjects[k]!;
      if (personIndex !== null && this.genderFits(personIndex, gender)) return personIndex;
    }
    let best: number | null = null;
    let bestSeen = -1;
    this.people.forEach((_person, personIndex) => {
      if (gender !== null && this.genderOf(personIndex) !== gender) return;
      const seen = this.lastMentionBefore(personIndex, position);
      if (seen > bestSeen) { bestSeen = seen; best = personIndex; }
    });
    return best;
  }

  /**
   * "The leader of Brackley council has resigned …" / "Anne Mabry, who had led the council since 2019, …": a story's
   * lead may describe its subject before naming them; the description is the person whose first mention opens the
   * next paragraph. The description becomes their role when the text gives none.
   */
  private introducedNext(mention: DescriptionMention, position: number): number | null {
    const blockIndex = this.blocks.findIndex((analysed) => analysed.block.start <= position && position < analysed.block.end);
    if (blockIndex < 0 || blockIndex > 1 || PLURAL_HEAD.test(mention.head) || !this.blocks[blockIndex + 1]) return null;
    const nextStart = this.blocks[blockIndex + 1]!.block.start;
    const personIndex = this.people.findIndex((person) => person.mentions.find((seen) => seen.blockIndex >= 0)?.start === nextStart);
    if (personIndex < 0 || !this.genderFits(personIndex, ANAPHORIC_PERSON_NOUNS.get(mention.head) ?? null)) return null;
    // "John Smith, the opposition leader, said" is someone else than "the prime minister" of the lead.
    const role = this.roleOf(personIndex);
    const heads = [mention.head.replace(/s$/u, ''), ...(ROLE_EQUIVALENTS.get(mention.head) ?? [])];
    if (role && !heads.some((head) => role.toLowerCase().includes(head))) return null;
    if (!role) this.learnedRoles.set(personIndex, mention.text.replace(/^(?:the|a|an)\s+/iu, ''));
    return personIndex;
  }

  /** Whether a speaker is a group, never the person a "he" or "she" means. */
  isGroup(speaker: Speaker): boolean {
    return this.pluralSpeakers.has(speaker);
  }
}
