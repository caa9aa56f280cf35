// Words that introduce reported speech, in every inflection the news uses.

const SPEECH_VERB_STEMS: readonly string[] = [
  // stem forms: base, third person, past, participle, gerund are listed explicitly below for irregulars
  'say', 'add', 'argue', 'insist', 'warn', 'ask', 'state', 'note', 'explain', 'affirm', 'declare', 'claim',
  'tweet', 'post', 'reply', 'respond', 'answer', 'recall', 'suggest', 'stress', 'emphasise', 'emphasize', 'predict',
  'promise', 'vow', 'pledge', 'concede', 'observe', 'remark', 'comment', 'continue', 'conclude', 'counter',
  'caution', 'complain', 'lament', 'boast', 'joke', 'quip', 'shout', 'urge', 'demand', 'question', 'wonder',
  'agree', 'deny', 'dismiss', 'confirm', 'reveal', 'maintain', 'contend', 'charge', 'allege', 'assure', 'blast',
  'slam', 'criticise', 'criticize', 'praise', 'acknowledge', 'admit', 'announce', 'reject', 'describe', 'call',
  'label', 'describe', 'report', 'recount', 'testify', 'plead', 'exclaim', 'mutter', 'whisper', 'scream', 'yell',
  'cry', 'sigh', 'laugh', 'muse', 'reflect', 'reiterate', 'repeat', 'underline', 'underscore', 'highlight',
  'point', 'elaborate', 'propose', 'accuse', 'condemn', 'denounce', 'hail', 'welcome', 'applaud', 'thank',
  'apologise', 'apologize', 'acknowledge', 'estimate', 'forecast', 'signal', 'indicate', 'hint', 'assert',
  'brag', 'chide', 'retort', 'rebut', 'rule', 'order', 'advise', 'instruct', 'inform', 'tell', 'write', 'speak',
  'express', 'brief', 'characterise', 'characterize', 'term', 'dub', 'hope', 'fear', 'worry', 'believe', 'think',
  'blame', 'marvel', 'text', 'email', 'message', 'interrupt', 'interject', 'gush', 'enthuse', 'scoff', 'grumble',
  'opine', 'concur',
];

const IRREGULAR_FORMS: readonly string[] = [
  'said', 'says', 'saying', 'told', 'tells', 'telling', 'wrote', 'writes', 'written', 'writing', 'spoke', 'spoken',
  'speaks', 'speaking', 'thought', 'cried', 'cries', 'replied', 'replies', 'denied', 'denies', 'testified',
  'testifies', 'quipped', 'quipping', 'slammed', 'slamming', 'dubbed', 'dubbing', 'termed', 'put', 'marvelled',
  'marvelling', 'snapped',
  // Findings of courts, inquiries and studies ("the judges found", "the report finds"): weak, their own sentence only.
  'found', 'finds',
];

function inflect(stem: string): string[] {
  const forms = [stem];
  if (stem.endsWith('e')) forms.push(`${stem}s`, `${stem}d`, `${stem.slice(0, -1)}ing`);
  else if (/[^aeiou]y$/.test(stem)) forms.push(`${stem.slice(0, -1)}ies`, `${stem.slice(0, -1)}ied`, `${stem}ing`);
  else if (/(s|sh|ch|x)$/.test(stem)) forms.push(`${stem}es`, `${stem}ed`, `${stem}ing`);
  else forms.push(`${stem}s`, `${stem}ed`, `${stem}ing`);
  return forms;
}

/** Stems that are also common nouns ("the state", "a post", "his call"): only their -ed and -ing forms are cues. */
const NOUN_LIKE_STEMS = new Set([
  'state', 'note', 'post', 'comment', 'question', 'answer', 'reply', 'report', 'charge', 'call', 'order', 'rule',
  'point', 'hope', 'fear', 'worry', 'term', 'label', 'signal', 'estimate', 'forecast', 'claim', 'demand', 'promise',
  'pledge', 'vow', 'plead', 'brief', 'counter', 'hail', 'welcome', 'thank', 'praise', 'slam', 'blast', 'joke', 'sigh',
  'laugh', 'cry', 'tweet', 'answer', 'respond', 'continue', 'order', 'highlight', 'underline', 'head', 'express',
  'question', 'shout', 'whisper', 'scream', 'muse', 'remark', 'reflect', 'repeat', 'advise', 'dub', 'rebut', 'retort',
  'conclude', 'recall', 'quip', 'speak', 'think', 'believe', 'write', 'tell', 'text', 'email', 'message',
]);

function cueForms(stem: string): string[] {
  const forms = inflect(stem);
  return NOUN_LIKE_STEMS.has(stem) ? forms.filter((form) => /(ed|ing)$/.test(form)) : forms;
}

/** Every form of a verb that can introduce a quotation, lower case. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([...SPEECH_VERB_STEMS.flatMap(cueForms), ...IRREGULAR_FORMS]);

/** Present-tense forms of the noun-like stems ("calls", "claims"): cues only right after their subject ("Grant calls
 * her", "she claims"), since elsewhere they are plural nouns ("his calls"). */
export const NOUN_LIKE_PRESENT_FORMS: ReadonlySet<string> = new Set(
  SPEECH_VERB_STEMS.filter((stem) => NOUN_LIKE_STEMS.has(stem)).map((stem) => inflect(stem)[1]!).filter((form) => !SPEECH_VERBS.has(form)),
);

/** Verbs that only report speech when they sit in the quote's own sentence with a speaker subject; they also have
 * non-speech senses ("called it a", "rejected the appeal"), so they never carry attribution across sentences. */
export const WEAK_SPEECH_VERBS: ReadonlySet<string> = new Set(
  ['reject', 'call', 'label', 'describe', 'dismiss', 'deny', 'hope', 'fear', 'worry', 'believe', 'think', 'order',
   'rule', 'term', 'dub', 'praise', 'blast', 'slam', 'criticise', 'criticize', 'hail', 'welcome', 'applaud', 'thank',
   'accuse', 'condemn', 'denounce', 'characterise', 'characterize', 'report', 'highlight', 'signal', 'indicate',
   'estimate', 'forecast', 'continue', 'point', 'express', 'post', 'question', 'charge', 'brief', 'put', 'speak']
    .flatMap(inflect).concat(['thought', 'dubbed', 'dubbing', 'termed', 'put', 'spoke', 'speaks', 'speaking', 'spoken', 'found', 'finds']),
);

/** Participles that hang a quote on the clause's subject (", saying: ..."). */
export const PARTICIPLE_CUES: ReadonlySet<string> = new Set(
  [...SPEECH_VERBS].filter((form) => form.endsWith('ing')),
);

/** Nouns that make a possessive name a speaker ("Pompeo's tweet said"): the message is the person's own. */
export const OWN_MESSAGE_NOUNS: ReadonlySet<string> = new Set([
  'tweet', 'tweets', 'statement', 'post', 'message', 'letter', 'remarks', 'comments', 'speech', 'words',
  'testimony', 'memo', 'email', 'note', 'account', 'answer', 'reply', 'response', 'op-ed', 'essay', 'book', 'column',
  'assessment', 'verdict', 'view', 'reaction', 'summary', 'explanation', 'advice', 'warning', 'plea', 'message',
]);

/** Documents that speak in the present tense ("the lawsuit states", "the report claims"). */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set([
  'lawsuit', 'suit', 'complaint', 'filing', 'indictment', 'ruling', 'judgment', 'affidavit', 'petition', 'report',
  'statement', 'letter', 'memo', 'study', 'document', 'documents', 'website', 'post', 'tweet', 'email', 'message',
]);

/** Phrases (lower case) that attribute what follows them: "according to X", "in the words of X". */
export const FOLLOWING_SPEAKER_CUES: readonly string[] = ['according to', 'in the words of', 'quoted by', 'as quoted by'];

/** Words that, right before a quotation, name it rather than report it: a title or a label, not speech. */
export const NAMING_WORDS: ReadonlySet<string> = new Set([
  'so-called', 'dubbed', 'titled', 'entitled', 'nicknamed', 'named', 'called', 'branded', 'codenamed', 'code-named',
  'headlined', 'slogan', 'hashtag', 'film', 'movie', 'book', 'song', 'album', 'novel', 'show', 'series', 'play',
  'documentary', 'podcast', 'poem', 'single', 'episode', 'exhibition', 'operation', 'campaign', 'programme', 'program',
  'word', 'term', 'phrase', 'label',
]);

/** Naming words that are nouns for works and campaigns: they name a quotation only when it reads as a title
 * ("the film “Jaws”"), not when it is a description ("called the book “a masterpiece of quiet cruelty”"). */
export const WORK_NOUNS: ReadonlySet<string> = new Set([
  'film', 'movie', 'book', 'song', 'album', 'novel', 'show', 'series', 'play', 'documentary', 'podcast', 'poem',
  'single', 'episode', 'exhibition', 'operation', 'campaign', 'programme', 'program',
]);
