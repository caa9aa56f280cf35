// What the ingestion pipeline makes of one raw article: everything the store needs, and nothing
// about databases or GraphQL. `extractArticle` (src/ingest/extract.ts) builds it; `storeArticle`
// (src/ingest/store.ts) writes it.

/** Whether a quotation is a complete utterance or a fragment inside the reporter's sentence. */
export type QuoteKind = 'direct' | 'partial';

/** A quotation found in the article, with whoever the text says spoke it. */
export interface QuoteDraft {
  /** Exactly the characters between the opening and closing quotation marks. */
  text: string;
  /** Code-point offsets of `text` in the raw input. */
  start: number;
  end: number;
  /** Canonical name of the speaker (one of `people[].name`), or null when unnamed. */
  speaker: string | null;
  /** Who spoke when the text gives no name ("a Kremlin spokesman"); null when named. */
  speakerDescription: string | null;
  kind: QuoteKind;
  /** How the speaker was found, and how sure the pipeline is of it: editors review the least sure first. */
  attribution: AttributionEvidence;
}

/** The rule that named a quote's speaker and the pipeline's confidence in it. */
export interface AttributionEvidence {
  /**
   * The rule, then what its subject was: "speech-verb:person" ("…," Smith said: the reporting clause attached to the
   * quotation), "reported-clause:person" (Smith said the plan was "dead"), "speech-verb:pronoun",
   * "speech-verb:title" (the minister said), "speech-verb:description" (a spokesman said),
   * "speech-verb:organisation", "according-to:…", "colon:…", "run-on" (a quotation continued from one
   * whose speaker is known), "adjacent-quote", "paragraph-subject", "previous-paragraph", or "none".
   */
  method: string;
  /** In [0, 1]: the share of attributions made this way that were right on the development corpus. */
  confidence: number;
}

/** A person named in the story (authors are not people in the story). */
export interface PersonDraft {
  /** Canonical full name: the fullest form the article uses ("Sergey Lavrov"). */
  name: string;
  /** Every other form the article uses for them ("Lavrov", "Russian Foreign Minister Sergey Lavrov"). */
  aliases: string[];
  /** Role or title as the text gives it ("Russian Foreign Minister"). */
  role: string | null;
  /** Country or organisation they belong to, as the text gives it. */
  affiliation: string | null;
}

export interface ArticleDraft {
  /** The headline; when the text has none and the caller gave none, one derived from the first sentence. */
  title: string;
  /** The title was derived from the story's first sentence, not printed or given. */
  titleDerived: boolean;
  /** Where the story was published, when the caller said (metadata or front matter). */
  url: string | null;
  /** The byline as printed, or null. */
  byline: string | null;
  /** Names of the byline's authors. */
  authors: string[];
  /** The publisher's name ("Associated Press"), or null when the text does not say. */
  source: string | null;
  /** Agencies named in a credit line ("AP", "Reuters"). */
  contributors: string[];
  dateline: string | null;
  standfirst: string | null;
  photoCaption: string | null;
  creditLine: string | null;
  /** Body paragraphs in reading order, without headings, captions or page chrome. */
  paragraphs: string[];
  sectionHeadings: string[];
  /** ISO 8601 date when the text gives a full one, else null. */
  publishedAt: string | null;
  /** Normalised topic names. */
  topics: string[];
  people: PersonDraft[];
  /** Every quotation, in order of appearance (a repeated quote appears each time it occurs). */
  quotes: QuoteDraft[];
  /** Lower-case hex SHA-256 of the raw text with line endings and trailing space normalised. */
  contentHash: string;
}
