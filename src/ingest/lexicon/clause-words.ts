// Small words that shape a reporter's clause: what may stand between a subject and its reporting verb, what opens a
// clause or an aside, and what governs a noun phrase so that it cannot be a subject. Lower case.

/** Auxiliaries that make a perfect, a past of "be" or a future ("has said", "was told", "would say"). */
const PERFECT_AND_FUTURE = ['has', 'had', 'have', 'was', 'is', 'would', 'will', 'could'];

/** Every auxiliary and modal that may stand between a subject and its verb. */
const AUXILIARIES = [...PERFECT_AND_FUTURE, 'were', 'are', 'can', 'may', 'might', 'must', 'did', 'does'];

/** Adverbs of time and manner a reporter puts before a reporting verb ("Smith later said", "she has repeatedly said"). */
const REPORTING_ADVERBS = ['also', 'later', 'earlier', 'then', 'once', 'again', 'previously', 'recently', 'repeatedly', 'reportedly', 'further'];

/** Auxiliaries, adverbs and reflexives that may stand between a subject and its verb ("Smith has also said"). */
export const VERB_FILLERS: ReadonlySet<string> = new Set([
  ...AUXILIARIES, ...REPORTING_ADVERBS, 'do', 'publicly', 'privately', 'separately', 'already', 'still', 'never', 'not',
  'himself', 'herself', 'themselves', 'finally', 'subsequently', 'initially', 'meanwhile', 'today', 'yesterday',
  'tonight', 'too', 'first', 'twice', 'often', 'always', 'even', 'just', 'simply', 'only', 'been', 'being',
]);

const PHRASE_DETERMINERS_LIST = ['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'this', 'that', 'these', 'those', 'one', 'two', 'three', 'several', 'some', 'many', 'other'];

/** Words opening a time phrase that may stand before a verb ("on Tuesday", "last week"). */
export const TIME_OPENERS: ReadonlySet<string> = new Set(['on', 'last', 'this', 'next', 'late', 'early', 'in']);

/** Nouns of time that close such a phrase. */
export const TIME_WORDS: ReadonlySet<string> = new Set(['week', 'month', 'year', 'night', 'morning', 'afternoon', 'evening', 'weekend', 'day', 'time']);

/** First words of an aside set off by commas after a subject ("Smith, who led the trial, said"). */
export const APPOSITIVE_OPENERS: ReadonlySet<string> = new Set([
  'who', 'which', 'whose', 'of', 'from', 'aged', 'a', 'an', 'the', 'his', 'her', 'their', 'its', 'now', 'then', 'also',
  'himself', 'herself', 'both', 'each', 'speaking', 'writing', 'asked', 'in', 'at', 'when', 'while', 'after', 'before',
  'according', 'however', 'too', 'for', 'like',
]);

/** Words that govern the noun phrase after them, so that it is no clause's subject ("in Smith's words", "told Jones"). */
export const GOVERNING_WORDS: ReadonlySet<string> = new Set([
  'in', 'on', 'at', 'with', 'to', 'from', 'by', 'for', 'of', 'about', 'against', 'between', 'among', 'than', 'like', 'as',
  'over', 'under', 'into', 'after', 'before', 'during', 'since', 'that', 'toward', 'towards', 'without', 'behind', 'and',
  'or', 'told', 'telling', 'alongside', 'beside', 'besides', 'including', 'except', 'beyond', 'despite', 'amid', 'via',
]);

/** Words after which a noun phrase can still be a clause's subject ("and the official", "Meanwhile her aide"). */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  'and', 'but', 'so', 'then', 'yet', 'or', 'nor', 'while', 'when', 'as', 'after', 'before', 'because', 'although',
  'though', 'if', 'since', 'until', 'meanwhile', 'also', 'now', 'later', 'earlier', 'still', 'both', 'only', 'even',
  'neither', 'either', 'instead', 'however', 'that', 'where', 'once', 'whether',
]);

/** Conjunctions that open a subordinate clause: its subject is not the sentence's ("If Bloomberg won 14%, …"). */
export const SUBORDINATORS: ReadonlySet<string> = new Set(['if', 'when', 'whenever', 'while', 'whilst', 'although', 'though', 'because', 'since', 'unless', 'until', 'whether', 'once', 'after', 'before', 'as']);

/** Question words: a clause they open is indirect speech about something, not a reporting clause. */
export const WH_WORDS: ReadonlySet<string> = new Set(['why', 'how', 'what', 'who', 'whom', 'which', 'whose']);

/** Words that may stand between a quotation and the subject of the clause that reports it (its modifiers). */
export const SUBJECT_MODIFIERS: ReadonlySet<string> = new Set(['of', 'the', 'for', 'at', 'in', 'from', 'with', 'and', 'a', 'an']);

/** Reporting words that may open a sentence capitalised ("Said Heyward: …", "According to …"). */
export const SENTENCE_OPENING_CUES: ReadonlySet<string> = new Set(['said', 'says', 'asked', 'added', 'according']);

/** Role heads that name the same post in other words ("the minister" for a secretary of state). */
export const ROLE_EQUIVALENTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['minister', ['secretary', 'chancellor', 'premier']], ['secretary', ['minister']],
  ['boss', ['chief executive', 'head', 'director', 'manager', 'coach']], ['manager', ['coach']], ['coach', ['manager']],
  ['chief', ['chief executive', 'head', 'director']], ['head', ['chief', 'director']], ['prosecutor', ['attorney']],
  ['lawyer', ['attorney', 'counsel', 'solicitor', 'barrister']], ['attorney', ['lawyer', 'counsel']],
]);

/** A role head that names a group ("officials", "police", "staff"): never the person a "he" or "she" means. */
export const PLURAL_HEAD = /(?:s|people|police|staff)$/u;

/** Words between a name and its verb that keep the name a clause's subject ("Smith has repeatedly told"). */
export const SUBJECT_FILLERS: ReadonlySet<string> = new Set([...PERFECT_AND_FUTURE, ...REPORTING_ADVERBS, 'told']);

export const APPOSITIVE_ENDS = new Set(['who', 'which', 'that', 'whose', 'of', 'for', 'at', 'in', 'on', 'behind', 'with', 'from', 'to', 'by', 'and', 'based']);

/** Places follow these, people seldom ("in El Paso", "at Eagle Pass"). */
export const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'across', 'throughout']);

/** Prepositions before a month or a thing rather than a person ("in May", "of Friend"). */
export const GOVERNING_PREPOSITIONS = new Set(['in', 'on', 'of', 'at', 'by', 'from', 'since', 'until', 'till', 'before', 'after', 'during', 'for', 'to', 'the', 'a', 'an', 'this', 'next', 'last', 'early', 'late', 'mid']);

/** Words that open a noun phrase, the possessive included ("a spokesman", "each side", "the mayor's aide"). */
export const DETERMINERS: ReadonlySet<string> = new Set([...PHRASE_DETERMINERS_LIST, 'another', 'four', 'each', "'s"]);

/** Determiners of someone not yet met ("a spokesman", "another official"). */
export const INDEFINITE: ReadonlySet<string> = new Set(['a', 'an', 'one', 'another', 'two', 'three', 'four', 'several', 'some', 'many', 'other']);

export const DESCRIPTION_BREAKERS = new Set(['and', 'or', 'but', 'to', 'in', 'on', 'at', 'with', 'by', 'from', 'for', 'of', 'that', 'who', 'which', 'is', 'was', 'were', 'are', 'has', 'have', 'had', 'said', 'says', 'told', 'as', 'after', 'before', 'when', 'while', 'than', 'if', 'he', 'she', 'they', 'it', 'we', 'i']);

export const PRONOUNS = new Map<string, { gender: 'female' | 'male' | null; plural: boolean }>([
  ['he', { gender: 'male', plural: false }], ['she', { gender: 'female', plural: false }], ['they', { gender: null, plural: true }],
  ['i', { gender: null, plural: false }], ['we', { gender: null, plural: true }],
]);

/** Verbs and auxiliaries that, right after a noun phrase, make it a clause's subject. */
export const CLAUSE_VERBS: ReadonlySet<string> = new Set([...AUXILIARIES, 'also', 'later']);

export const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'with', 'by', 'from', 'as', 'is', 'vs']);

export const FRAGMENT_OPENERS = new Set(['that', 'as', 'the', 'a', 'an', 'of', 'to', 'for', 'and', 'or', 'with', 'by', 'his', 'her', 'their', 'its', 'our', 'this', 'was', 'is', 'be', 'were', 'are', 'what', 'how', 'in', 'on', 'at', 'called', 'very', 'so', 'more', 'most', 'being', 'been', 'into']);

/** Words that may follow a short quotation of speech; any other lower-case word after it makes it a label that
 * modifies a noun (the “long rains” season, a “hypersonic” missile). */
export const CONTINUING_WORDS = new Set(['and', 'or', 'but', 'nor', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'of', 'that',
  'as', 'if', 'when', 'because', 'after', 'before', 'since', 'while', 'than', 'unless', 'until', 'though', 'although',
  'about', 'over', 'into', 'without', 'against', 'between', 'under', 'so', 'yet', 'which', 'who', 'where', 'whether',
  'during', 'despite', 'amid', 'among', 'across', 'toward', 'towards', 'instead', 'rather', 'even', 'not', 'is', 'are',
  'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'would', 'will', 'could', 'can', 'may', 'might', 'must',
  'should', 'did', 'does', 'do', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'said', 'says', 'added', 'told', 'wrote',
  'according', 'the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'these', 'those', 'any', 'all', 'some', 'no',
  'every', 'our', 'my', 'your', 'them', 'him', 'us', 'me', 'there', 'here', 'then', 'now', 'also', 'only', 'just',
  'ahead', 'again', 'too', 'anyway', 'today', 'yesterday', 'tonight', 'soon', 'later', 'earlier', 'afterwards', 'away',
  'back', 'out', 'off', 'up', 'down', 'around', 'home', 'abroad', 'overseas', 'online', 'either', 'altogether']);

/** Words that open a noun phrase naming who spoke ("the county board", "a spokesman", "their lawyers"). */
export const PHRASE_DETERMINERS: ReadonlySet<string> = new Set(PHRASE_DETERMINERS_LIST);

/** Words that end a subject phrase on its left: a clause starts after them. */
export const PHRASE_BOUNDARIES = new Set(['and', 'but', 'or', 'nor', 'who', 'whom', 'which', 'that', 'when', 'while', 'after', 'before', 'because', 'as', 'if', 'since', 'until', 'although', 'though', 'where', 'whether', 'than', 'so']);

/** Verbs whose passive makes the subject the one spoken to ("she was warned that …", "they were told by X"). */
export const ADDRESSEE_VERBS = new Set(['told', 'warned', 'asked', 'informed', 'advised', 'assured', 'reminded', 'urged', 'ordered', 'instructed', 'promised', 'cautioned', 'briefed']);

export const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got', 'get', 'gets']);
