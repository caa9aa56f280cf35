// Small words that shape a reporter's clause: what may stand between a subject and its reporting verb, what opens a
// clause or an aside, and what governs a noun phrase so that it cannot be a subject. Lower case.

/** Auxiliaries, adverbs and reflexives that may stand between a subject and its verb ("Smith has also said"). */
export const VERB_FILLERS: ReadonlySet<string> = new Set([
  'has', 'had', 'have', 'was', 'is', 'were', 'are', 'would', 'will', 'could', 'can', 'may', 'might', 'must', 'did', 'does',
  'do', 'also', 'later', 'earlier', 'then', 'once', 'again', 'previously', 'recently', 'repeatedly', 'reportedly',
  'publicly', 'privately', 'separately', 'further', 'already', 'still', 'never', 'not', 'himself', 'herself',
  'themselves', 'finally', 'subsequently', 'initially', 'meanwhile', 'today', 'yesterday', 'tonight', 'too', 'first',
  'twice', 'often', 'always', 'even', 'just', 'simply', 'only', 'been', 'being',
]);

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
