/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Sets whether a quote is direct or partial. */
export type ChangeQuoteKindInput = {
  /** The kind it is. */
  kind: QuoteKind;
  /** Why (printed with the public correction notice, and kept on the record): "speaker was misread". */
  note?: string | null | undefined;
  /** The quote's global id. */
  quote: string | number;
  /** The version you read: if the object changed since, nothing is changed and the error is CONFLICT (with the current version). Leave it out to change it whatever its version. */
  version?: number | null | undefined;
};

/** Re-attributes a quote. */
export type ChangeQuoteSpeakerInput = {
  /** Why (printed with the public correction notice, and kept on the record): "speaker was misread". */
  note?: string | null | undefined;
  /** The quote's global id. */
  quote: string | number;
  /** Who said it. */
  speaker: SpeakerInput;
  /** The version you read: if the object changed since, nothing is changed and the error is CONFLICT (with the current version). Leave it out to change it whatever its version. */
  version?: number | null | undefined;
};

/** Sets a quote's words to those between two offsets of its article's current text. */
export type FixQuoteSpanInput = {
  /** Offset after the last character. */
  endOffset: number;
  /** Why (printed with the public correction notice, and kept on the record): "speaker was misread". */
  note?: string | null | undefined;
  /** The quote's global id. */
  quote: string | number;
  /** Offset of the first character, in code points of the article's raw text (as `Quote.startOffset`; the text is the last of `Article.revisions`). */
  startOffset: number;
  /** The version you read: if the object changed since, nothing is changed and the error is CONFLICT (with the current version). Leave it out to change it whatever its version. */
  version?: number | null | undefined;
};

/** Two records of one person (or source, or topic) to merge: `from` goes into `into`. */
export type MergeInput = {
  /** The one merged away: its global id or slug. */
  from: string | number;
  /** The version of `from` you read. The version you read: if the object changed since, nothing is changed and the error is CONFLICT (with the current version). Leave it out to change it whatever its version. */
  fromVersion?: number | null | undefined;
  /** The one that stays: its global id or slug. */
  into: string | number;
  /** The version of `into` you read. The version you read: if the object changed since, nothing is changed and the error is CONFLICT (with the current version). Leave it out to change it whatever its version. */
  intoVersion?: number | null | undefined;
  /** Why (printed with the public correction notice, and kept on the record): "speaker was misread". */
  note?: string | null | undefined;
};

/** A person to create: a speaker the pipeline did not name. */
export type NewPersonInput = {
  /** Country or organisation they speak for. */
  affiliation?: string | null | undefined;
  /** Their full name. */
  name: string;
  /** Role or title ("Russian Foreign Minister"). */
  role?: string | null | undefined;
};

/** Whether a quote is a whole utterance or a fragment inside the reporter's sentence. */
export type QuoteKind =
  /** A quotation set off as a sentence or complete utterance. */
  | 'DIRECT'
  /** A fragment quoted inside the reporter's own sentence. */
  | 'PARTIAL';

/** A quote to retract, whose retraction to take back, or whose speaker to confirm. */
export type QuoteRefInput = {
  /** Why (printed with the public correction notice, and kept on the record): "speaker was misread". */
  note?: string | null | undefined;
  /** The quote's global id. */
  quote: string | number;
  /** The version you read: if the object changed since, nothing is changed and the error is CONFLICT (with the current version). Leave it out to change it whatever its version. */
  version?: number | null | undefined;
};

/** Who said a quote: exactly one of a known person, a new person, or a description of an unnamed speaker. */
export type SpeakerInput = {
  /** An unnamed speaker, described ("a Kremlin spokesman"). */
  description?: string | null | undefined;
  /** A person to create. */
  newPerson?: NewPersonInput | null | undefined;
  /** A known person: their global id or slug. */
  person?: string | number | null | undefined;
};

export type DeskArticleQueryVariables = Exact<{
  slug: string;
}>;


export type DeskArticleQuery = { article: { id: string, slug: string, title: string, url: string | null, date: string, revision: number, paragraphs: Array<string>, source: { name: string } | null, current: { nodes: Array<{ number: number, text: string | null }> }, revisions: { nodes: Array<{ number: number, title: string, ingestedAt: string, key: string | null }> }, quotes: { nodes: Array<{ id: string, text: string, kind: QuoteKind, startOffset: number, endOffset: number, retracted: boolean, version: number, corrected: boolean, speakerDescription: string | null, attribution: { method: string, confidence: number } | null, speaker: { id: string, slug: string, name: string } | null }> } } | null };

export type DeskChangeSpeakerMutationVariables = Exact<{
  input: ChangeQuoteSpeakerInput;
}>;


export type DeskChangeSpeakerMutation = { changeQuoteSpeaker: { quote: { id: string, version: number } } };

export type DeskFixSpanMutationVariables = Exact<{
  input: FixQuoteSpanInput;
}>;


export type DeskFixSpanMutation = { fixQuoteSpan: { quote: { id: string, text: string } } };

export type DeskChangeKindMutationVariables = Exact<{
  input: ChangeQuoteKindInput;
}>;


export type DeskChangeKindMutation = { changeQuoteKind: { quote: { id: string, kind: QuoteKind } } };

export type DeskRetractMutationVariables = Exact<{
  input: QuoteRefInput;
}>;


export type DeskRetractMutation = { retractQuote: { quote: { id: string, retracted: boolean } } };

export type DeskRestoreMutationVariables = Exact<{
  input: QuoteRefInput;
}>;


export type DeskRestoreMutation = { restoreQuote: { quote: { id: string, retracted: boolean } } };

export type DeskChangesQueryVariables = Exact<{
  object: string | number;
}>;


export type DeskChangesQuery = { changes: { nodes: Array<{ id: number, at: string, key: string | null, action: string, note: string | null, fields: Array<{ field: string, before: unknown, after: unknown }> }> } };

export type DeskKeyCheckQueryVariables = Exact<{ [key: string]: never; }>;


export type DeskKeyCheckQuery = { changes: { totalCount: number } };

export type DeskIngestMutationVariables = Exact<{
  text: string;
  url?: string | null | undefined;
  title?: string | null | undefined;
  publishedAt?: string | null | undefined;
  source?: string | null | undefined;
}>;


export type DeskIngestMutation = { ingestArticle: { created: boolean, revised: boolean, article: { slug: string, title: string, revision: number, source: { name: string } | null, quotes: { totalCount: number, nodes: Array<{ id: string, text: string, speakerDescription: string | null, speaker: { name: string } | null, attribution: { confidence: number } | null }> } } } };

export type DeskPeopleByNameQueryVariables = Exact<{
  name: string;
}>;


export type DeskPeopleByNameQuery = { people: { nodes: Array<{ id: string, slug: string, name: string, role: string | null }> } };

export type DeskPersonQueryVariables = Exact<{
  slug: string;
}>;


export type DeskPersonQuery = { person: { id: string, slug: string, name: string, role: string | null, affiliation: string | null, aliases: Array<string>, version: number, quotes: { totalCount: number, nodes: Array<{ id: string, text: string, article: { slug: string, title: string } }> } } | null };

export type DeskMergePeopleMutationVariables = Exact<{
  input: MergeInput;
}>;


export type DeskMergePeopleMutation = { mergePeople: { mergedPersonId: string, person: { slug: string, name: string } } };

export type DeskQueueQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  source?: string | null | undefined;
  person?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type DeskQueueQuery = { quotes: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, nodes: Array<{ id: string, text: string, kind: QuoteKind, version: number, speakerDescription: string | null, attribution: { method: string, confidence: number } | null, speaker: { slug: string, name: string } | null, article: { slug: string, title: string, date: string, source: { name: string } | null } }> } };

export type DeskSourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type DeskSourcesQuery = { sources: { nodes: Array<{ slug: string, name: string }> } };

export type DeskConfirmSpeakerMutationVariables = Exact<{
  quote: string | number;
  version?: number | null | undefined;
}>;


export type DeskConfirmSpeakerMutation = { confirmQuoteSpeaker: { quote: { id: string, version: number, attribution: { method: string, confidence: number } | null } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const DeskArticleDocument = new TypedDocumentString(`
    query DeskArticle($slug: String!) {
  article(slug: $slug) {
    id
    slug
    title
    url
    date
    revision
    source {
      name
    }
    current: revisions(last: 1) {
      nodes {
        number
        text
      }
    }
    revisions(first: 100) {
      nodes {
        number
        title
        ingestedAt
        key
      }
    }
    paragraphs
    quotes(first: 100, includeRetracted: true) {
      nodes {
        id
        text
        kind
        startOffset
        endOffset
        retracted
        version
        corrected
        speakerDescription
        attribution {
          method
          confidence
        }
        speaker {
          id
          slug
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeskArticleQuery, DeskArticleQueryVariables>;
export const DeskChangeSpeakerDocument = new TypedDocumentString(`
    mutation DeskChangeSpeaker($input: ChangeQuoteSpeakerInput!) {
  changeQuoteSpeaker(input: $input) {
    quote {
      id
      version
    }
  }
}
    `) as unknown as TypedDocumentString<DeskChangeSpeakerMutation, DeskChangeSpeakerMutationVariables>;
export const DeskFixSpanDocument = new TypedDocumentString(`
    mutation DeskFixSpan($input: FixQuoteSpanInput!) {
  fixQuoteSpan(input: $input) {
    quote {
      id
      text
    }
  }
}
    `) as unknown as TypedDocumentString<DeskFixSpanMutation, DeskFixSpanMutationVariables>;
export const DeskChangeKindDocument = new TypedDocumentString(`
    mutation DeskChangeKind($input: ChangeQuoteKindInput!) {
  changeQuoteKind(input: $input) {
    quote {
      id
      kind
    }
  }
}
    `) as unknown as TypedDocumentString<DeskChangeKindMutation, DeskChangeKindMutationVariables>;
export const DeskRetractDocument = new TypedDocumentString(`
    mutation DeskRetract($input: QuoteRefInput!) {
  retractQuote(input: $input) {
    quote {
      id
      retracted
    }
  }
}
    `) as unknown as TypedDocumentString<DeskRetractMutation, DeskRetractMutationVariables>;
export const DeskRestoreDocument = new TypedDocumentString(`
    mutation DeskRestore($input: QuoteRefInput!) {
  restoreQuote(input: $input) {
    quote {
      id
      retracted
    }
  }
}
    `) as unknown as TypedDocumentString<DeskRestoreMutation, DeskRestoreMutationVariables>;
export const DeskChangesDocument = new TypedDocumentString(`
    query DeskChanges($object: ID!) {
  changes(first: 30, object: $object) {
    nodes {
      id
      at
      key
      action
      note
      fields {
        field
        before
        after
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeskChangesQuery, DeskChangesQueryVariables>;
export const DeskKeyCheckDocument = new TypedDocumentString(`
    query DeskKeyCheck {
  changes(first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<DeskKeyCheckQuery, DeskKeyCheckQueryVariables>;
export const DeskIngestDocument = new TypedDocumentString(`
    mutation DeskIngest($text: String!, $url: String, $title: String, $publishedAt: DateTimeISO, $source: String) {
  ingestArticle(
    text: $text
    url: $url
    title: $title
    publishedAt: $publishedAt
    source: $source
  ) {
    created
    revised
    article {
      slug
      title
      revision
      source {
        name
      }
      quotes(first: 50) {
        totalCount
        nodes {
          id
          text
          speakerDescription
          speaker {
            name
          }
          attribution {
            confidence
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeskIngestMutation, DeskIngestMutationVariables>;
export const DeskPeopleByNameDocument = new TypedDocumentString(`
    query DeskPeopleByName($name: String!) {
  people(first: 8, name: $name) {
    nodes {
      id
      slug
      name
      role
    }
  }
}
    `) as unknown as TypedDocumentString<DeskPeopleByNameQuery, DeskPeopleByNameQueryVariables>;
export const DeskPersonDocument = new TypedDocumentString(`
    query DeskPerson($slug: String!) {
  person(slug: $slug) {
    id
    slug
    name
    role
    affiliation
    aliases
    version
    quotes(first: 20) {
      totalCount
      nodes {
        id
        text
        article {
          slug
          title
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeskPersonQuery, DeskPersonQueryVariables>;
export const DeskMergePeopleDocument = new TypedDocumentString(`
    mutation DeskMergePeople($input: MergeInput!) {
  mergePeople(input: $input) {
    person {
      slug
      name
    }
    mergedPersonId
  }
}
    `) as unknown as TypedDocumentString<DeskMergePeopleMutation, DeskMergePeopleMutationVariables>;
export const DeskQueueDocument = new TypedDocumentString(`
    query DeskQueue($first: Int!, $after: String, $source: String, $person: String, $from: DateTimeISO, $to: DateTimeISO) {
  quotes(
    first: $first
    after: $after
    orderBy: LEAST_CONFIDENT_FIRST
    source: $source
    person: $person
    from: $from
    to: $to
  ) {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    nodes {
      id
      text
      kind
      version
      speakerDescription
      attribution {
        method
        confidence
      }
      speaker {
        slug
        name
      }
      article {
        slug
        title
        date
        source {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeskQueueQuery, DeskQueueQueryVariables>;
export const DeskSourcesDocument = new TypedDocumentString(`
    query DeskSources {
  sources(first: 100) {
    nodes {
      slug
      name
    }
  }
}
    `) as unknown as TypedDocumentString<DeskSourcesQuery, DeskSourcesQueryVariables>;
export const DeskConfirmSpeakerDocument = new TypedDocumentString(`
    mutation DeskConfirmSpeaker($quote: ID!, $version: Int) {
  confirmQuoteSpeaker(input: {quote: $quote, version: $version}) {
    quote {
      id
      version
      attribution {
        method
        confidence
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeskConfirmSpeakerMutation, DeskConfirmSpeakerMutationVariables>;