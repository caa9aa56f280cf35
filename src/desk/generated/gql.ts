/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query DeskArticle($slug: String!) {\n    article(slug: $slug) {\n      id\n      slug\n      title\n      url\n      date\n      revision\n      source {\n        name\n      }\n      current: revisions(last: 1) {\n        nodes {\n          number\n          text\n        }\n      }\n      revisions(first: 100) {\n        nodes {\n          number\n          title\n          ingestedAt\n          key\n        }\n      }\n      paragraphs\n      quotes(first: 100, includeRetracted: true) {\n        nodes {\n          id\n          text\n          kind\n          startOffset\n          endOffset\n          retracted\n          version\n          corrected\n          speakerDescription\n          attribution {\n            method\n            confidence\n          }\n          speaker {\n            id\n            slug\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.DeskArticleDocument,
    "\n  mutation DeskChangeSpeaker($input: ChangeQuoteSpeakerInput!) {\n    changeQuoteSpeaker(input: $input) {\n      quote {\n        id\n        version\n      }\n    }\n  }\n": typeof types.DeskChangeSpeakerDocument,
    "\n  mutation DeskFixSpan($input: FixQuoteSpanInput!) {\n    fixQuoteSpan(input: $input) {\n      quote {\n        id\n        text\n      }\n    }\n  }\n": typeof types.DeskFixSpanDocument,
    "\n  mutation DeskChangeKind($input: ChangeQuoteKindInput!) {\n    changeQuoteKind(input: $input) {\n      quote {\n        id\n        kind\n      }\n    }\n  }\n": typeof types.DeskChangeKindDocument,
    "\n  mutation DeskRetract($input: QuoteRefInput!) {\n    retractQuote(input: $input) {\n      quote {\n        id\n        retracted\n      }\n    }\n  }\n": typeof types.DeskRetractDocument,
    "\n  mutation DeskRestore($input: QuoteRefInput!) {\n    restoreQuote(input: $input) {\n      quote {\n        id\n        retracted\n      }\n    }\n  }\n": typeof types.DeskRestoreDocument,
    "\n  query DeskChanges($object: ID!) {\n    changes(first: 30, object: $object) {\n      nodes {\n        id\n        at\n        key\n        action\n        note\n        fields {\n          field\n          before\n          after\n        }\n      }\n    }\n  }\n": typeof types.DeskChangesDocument,
    "\n  query DeskKeyCheck {\n    changes(first: 1) {\n      totalCount\n    }\n  }\n": typeof types.DeskKeyCheckDocument,
    "\n  mutation DeskIngest($text: String!, $url: String, $title: String, $publishedAt: DateTimeISO, $source: String) {\n    ingestArticle(text: $text, url: $url, title: $title, publishedAt: $publishedAt, source: $source) {\n      created\n      revised\n      article {\n        slug\n        title\n        revision\n        source {\n          name\n        }\n        quotes(first: 50) {\n          totalCount\n          nodes {\n            id\n            text\n            speakerDescription\n            speaker {\n              name\n            }\n            attribution {\n              confidence\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DeskIngestDocument,
    "\n  query DeskPeopleByName($name: String!) {\n    people(first: 8, name: $name) {\n      nodes {\n        id\n        slug\n        name\n        role\n      }\n    }\n  }\n": typeof types.DeskPeopleByNameDocument,
    "\n  query DeskPerson($slug: String!) {\n    person(slug: $slug) {\n      id\n      slug\n      name\n      role\n      affiliation\n      aliases\n      version\n      quotes(first: 20) {\n        totalCount\n        nodes {\n          id\n          text\n          article {\n            slug\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.DeskPersonDocument,
    "\n  mutation DeskMergePeople($input: MergeInput!) {\n    mergePeople(input: $input) {\n      person {\n        slug\n        name\n      }\n      mergedPersonId\n    }\n  }\n": typeof types.DeskMergePeopleDocument,
    "\n  query DeskQueue($first: Int!, $after: String, $source: String, $person: String, $from: DateTimeISO, $to: DateTimeISO) {\n    quotes(first: $first, after: $after, orderBy: LEAST_CONFIDENT_FIRST, source: $source, person: $person, from: $from, to: $to) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        text\n        kind\n        version\n        speakerDescription\n        attribution {\n          method\n          confidence\n        }\n        speaker {\n          slug\n          name\n        }\n        article {\n          slug\n          title\n          date\n          source {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.DeskQueueDocument,
    "\n  query DeskSources {\n    sources(first: 100) {\n      nodes {\n        slug\n        name\n      }\n    }\n  }\n": typeof types.DeskSourcesDocument,
    "\n  mutation DeskConfirmSpeaker($quote: ID!, $version: Int) {\n    confirmQuoteSpeaker(input: { quote: $quote, version: $version }) {\n      quote {\n        id\n        version\n        attribution {\n          method\n          confidence\n        }\n      }\n    }\n  }\n": typeof types.DeskConfirmSpeakerDocument,
};
const documents: Documents = {
    "\n  query DeskArticle($slug: String!) {\n    article(slug: $slug) {\n      id\n      slug\n      title\n      url\n      date\n      revision\n      source {\n        name\n      }\n      current: revisions(last: 1) {\n        nodes {\n          number\n          text\n        }\n      }\n      revisions(first: 100) {\n        nodes {\n          number\n          title\n          ingestedAt\n          key\n        }\n      }\n      paragraphs\n      quotes(first: 100, includeRetracted: true) {\n        nodes {\n          id\n          text\n          kind\n          startOffset\n          endOffset\n          retracted\n          version\n          corrected\n          speakerDescription\n          attribution {\n            method\n            confidence\n          }\n          speaker {\n            id\n            slug\n            name\n          }\n        }\n      }\n    }\n  }\n": types.DeskArticleDocument,
    "\n  mutation DeskChangeSpeaker($input: ChangeQuoteSpeakerInput!) {\n    changeQuoteSpeaker(input: $input) {\n      quote {\n        id\n        version\n      }\n    }\n  }\n": types.DeskChangeSpeakerDocument,
    "\n  mutation DeskFixSpan($input: FixQuoteSpanInput!) {\n    fixQuoteSpan(input: $input) {\n      quote {\n        id\n        text\n      }\n    }\n  }\n": types.DeskFixSpanDocument,
    "\n  mutation DeskChangeKind($input: ChangeQuoteKindInput!) {\n    changeQuoteKind(input: $input) {\n      quote {\n        id\n        kind\n      }\n    }\n  }\n": types.DeskChangeKindDocument,
    "\n  mutation DeskRetract($input: QuoteRefInput!) {\n    retractQuote(input: $input) {\n      quote {\n        id\n        retracted\n      }\n    }\n  }\n": types.DeskRetractDocument,
    "\n  mutation DeskRestore($input: QuoteRefInput!) {\n    restoreQuote(input: $input) {\n      quote {\n        id\n        retracted\n      }\n    }\n  }\n": types.DeskRestoreDocument,
    "\n  query DeskChanges($object: ID!) {\n    changes(first: 30, object: $object) {\n      nodes {\n        id\n        at\n        key\n        action\n        note\n        fields {\n          field\n          before\n          after\n        }\n      }\n    }\n  }\n": types.DeskChangesDocument,
    "\n  query DeskKeyCheck {\n    changes(first: 1) {\n      totalCount\n    }\n  }\n": types.DeskKeyCheckDocument,
    "\n  mutation DeskIngest($text: String!, $url: String, $title: String, $publishedAt: DateTimeISO, $source: String) {\n    ingestArticle(text: $text, url: $url, title: $title, publishedAt: $publishedAt, source: $source) {\n      created\n      revised\n      article {\n        slug\n        title\n        revision\n        source {\n          name\n        }\n        quotes(first: 50) {\n          totalCount\n          nodes {\n            id\n            text\n            speakerDescription\n            speaker {\n              name\n            }\n            attribution {\n              confidence\n            }\n          }\n        }\n      }\n    }\n  }\n": types.DeskIngestDocument,
    "\n  query DeskPeopleByName($name: String!) {\n    people(first: 8, name: $name) {\n      nodes {\n        id\n        slug\n        name\n        role\n      }\n    }\n  }\n": types.DeskPeopleByNameDocument,
    "\n  query DeskPerson($slug: String!) {\n    person(slug: $slug) {\n      id\n      slug\n      name\n      role\n      affiliation\n      aliases\n      version\n      quotes(first: 20) {\n        totalCount\n        nodes {\n          id\n          text\n          article {\n            slug\n            title\n          }\n        }\n      }\n    }\n  }\n": types.DeskPersonDocument,
    "\n  mutation DeskMergePeople($input: MergeInput!) {\n    mergePeople(input: $input) {\n      person {\n        slug\n        name\n      }\n      mergedPersonId\n    }\n  }\n": types.DeskMergePeopleDocument,
    "\n  query DeskQueue($first: Int!, $after: String, $source: String, $person: String, $from: DateTimeISO, $to: DateTimeISO) {\n    quotes(first: $first, after: $after, orderBy: LEAST_CONFIDENT_FIRST, source: $source, person: $person, from: $from, to: $to) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        text\n        kind\n        version\n        speakerDescription\n        attribution {\n          method\n          confidence\n        }\n        speaker {\n          slug\n          name\n        }\n        article {\n          slug\n          title\n          date\n          source {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.DeskQueueDocument,
    "\n  query DeskSources {\n    sources(first: 100) {\n      nodes {\n        slug\n        name\n      }\n    }\n  }\n": types.DeskSourcesDocument,
    "\n  mutation DeskConfirmSpeaker($quote: ID!, $version: Int) {\n    confirmQuoteSpeaker(input: { quote: $quote, version: $version }) {\n      quote {\n        id\n        version\n        attribution {\n          method\n          confidence\n        }\n      }\n    }\n  }\n": types.DeskConfirmSpeakerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskArticle($slug: String!) {\n    article(slug: $slug) {\n      id\n      slug\n      title\n      url\n      date\n      revision\n      source {\n        name\n      }\n      current: revisions(last: 1) {\n        nodes {\n          number\n          text\n        }\n      }\n      revisions(first: 100) {\n        nodes {\n          number\n          title\n          ingestedAt\n          key\n        }\n      }\n      paragraphs\n      quotes(first: 100, includeRetracted: true) {\n        nodes {\n          id\n          text\n          kind\n          startOffset\n          endOffset\n          retracted\n          version\n          corrected\n          speakerDescription\n          attribution {\n            method\n            confidence\n          }\n          speaker {\n            id\n            slug\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DeskArticleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskChangeSpeaker($input: ChangeQuoteSpeakerInput!) {\n    changeQuoteSpeaker(input: $input) {\n      quote {\n        id\n        version\n      }\n    }\n  }\n"): typeof import('./graphql').DeskChangeSpeakerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskFixSpan($input: FixQuoteSpanInput!) {\n    fixQuoteSpan(input: $input) {\n      quote {\n        id\n        text\n      }\n    }\n  }\n"): typeof import('./graphql').DeskFixSpanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskChangeKind($input: ChangeQuoteKindInput!) {\n    changeQuoteKind(input: $input) {\n      quote {\n        id\n        kind\n      }\n    }\n  }\n"): typeof import('./graphql').DeskChangeKindDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskRetract($input: QuoteRefInput!) {\n    retractQuote(input: $input) {\n      quote {\n        id\n        retracted\n      }\n    }\n  }\n"): typeof import('./graphql').DeskRetractDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskRestore($input: QuoteRefInput!) {\n    restoreQuote(input: $input) {\n      quote {\n        id\n        retracted\n      }\n    }\n  }\n"): typeof import('./graphql').DeskRestoreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskChanges($object: ID!) {\n    changes(first: 30, object: $object) {\n      nodes {\n        id\n        at\n        key\n        action\n        note\n        fields {\n          field\n          before\n          after\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DeskChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskKeyCheck {\n    changes(first: 1) {\n      totalCount\n    }\n  }\n"): typeof import('./graphql').DeskKeyCheckDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskIngest($text: String!, $url: String, $title: String, $publishedAt: DateTimeISO, $source: String) {\n    ingestArticle(text: $text, url: $url, title: $title, publishedAt: $publishedAt, source: $source) {\n      created\n      revised\n      article {\n        slug\n        title\n        revision\n        source {\n          name\n        }\n        quotes(first: 50) {\n          totalCount\n          nodes {\n            id\n            text\n            speakerDescription\n            speaker {\n              name\n            }\n            attribution {\n              confidence\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DeskIngestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskPeopleByName($name: String!) {\n    people(first: 8, name: $name) {\n      nodes {\n        id\n        slug\n        name\n        role\n      }\n    }\n  }\n"): typeof import('./graphql').DeskPeopleByNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskPerson($slug: String!) {\n    person(slug: $slug) {\n      id\n      slug\n      name\n      role\n      affiliation\n      aliases\n      version\n      quotes(first: 20) {\n        totalCount\n        nodes {\n          id\n          text\n          article {\n            slug\n            title\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DeskPersonDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskMergePeople($input: MergeInput!) {\n    mergePeople(input: $input) {\n      person {\n        slug\n        name\n      }\n      mergedPersonId\n    }\n  }\n"): typeof import('./graphql').DeskMergePeopleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskQueue($first: Int!, $after: String, $source: String, $person: String, $from: DateTimeISO, $to: DateTimeISO) {\n    quotes(first: $first, after: $after, orderBy: LEAST_CONFIDENT_FIRST, source: $source, person: $person, from: $from, to: $to) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        text\n        kind\n        version\n        speakerDescription\n        attribution {\n          method\n          confidence\n        }\n        speaker {\n          slug\n          name\n        }\n        article {\n          slug\n          title\n          date\n          source {\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DeskQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskSources {\n    sources(first: 100) {\n      nodes {\n        slug\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').DeskSourcesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskConfirmSpeaker($quote: ID!, $version: Int) {\n    confirmQuoteSpeaker(input: { quote: $quote, version: $version }) {\n      quote {\n        id\n        version\n        attribution {\n          method\n          confidence\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DeskConfirmSpeakerDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
