import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeISO } from '../scalars/date-time.scalar.js';
import { CorrectionNotice } from '../correction/correction.type.js';
import { PRICES } from '../cost/query-cost.js';
import { Node } from '../node/node.type.js';
import { Connection } from '../relay/connection.type.js';

@ObjectType('Article', { simpleResolvers: true, implements: Node, description: 'One news story, as ingested from its raw text.' })
export class Article extends Node {
  @Field(() => String, { description: 'URL-safe key derived from the headline, unique and stable.' })
  slug!: string;

  @Field(() => String, { description: 'The headline.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The byline as printed ("By X And Y, ASSOCIATED PRESS").' })
  byline!: string | null;

  @Field(() => String, { nullable: true, description: 'Place line at the start of the story ("SOCHI, Russia").' })
  dateline!: string | null;

  @Field(() => String, { nullable: true, description: 'Summary paragraph under the headline.' })
  standfirst!: string | null;

  @Field(() => String, { nullable: true, description: 'Caption of the article\'s photo.' })
  photoCaption!: string | null;

  @Field(() => String, { nullable: true, description: 'Closing credit line ("With reporting by AP, Reuters").' })
  creditLine!: string | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'Publication date, when the text gives one.' })
  publishedAt!: Date | null;

  @Field(() => DateTimeISO, { description: 'When the article was first ingested (each revision keeps its own time).' })
  ingestedAt!: Date;

  @Field(() => DateTimeISO, {
    description: 'The date lists are ordered by: publishedAt when known, otherwise ingestedAt.',
  })
  date!: Date;

  @Field(() => String, { nullable: true, description: 'Where the story is published, when the ingest was told: with it, the article\'s identity (new text for the same url is a new revision).' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'The publisher\'s own id for the story, when the ingest was told: the identity when there is no url.' })
  externalId!: string | null;

  @Field(() => Boolean, { description: 'The text had no headline: the title was derived from its first sentence.' })
  titleDerived!: boolean;

  @Field(() => Int, { description: 'Number of the current revision: 1 for the first text stored, one more for each new text of the same url.' })
  revision!: number;

  @Field(() => Int, { description: 'Counts the changes made to the article; pass it to a mutation to be told (CONFLICT) when someone changed it since you read it.' })
  version!: number;

  @Field(() => Boolean, { description: 'False while an editor has unpublished it (the public never sees it then; editors see it in mutation results).' })
  published!: boolean;

  @Field(() => Boolean, { description: 'Whether an editor corrected the article or one of its quotes.' })
  corrected!: boolean;

  @Field(() => [CorrectionNotice], { description: 'The corrections made to the article and its quotes, oldest first, with their notes.' })
  corrections!: CorrectionNotice[];
}

@ObjectType('ArticleRevision', { simpleResolvers: true, description: 'One text of an article as ingested: the first, then one more for each new text of its url.' })
export class ArticleRevision {
  @Field(() => Int, { description: '1 for the first text stored, then 2, 3…' })
  number!: number;

  @Field(() => String, { description: 'The headline of this text.' })
  title!: string;

  @Field(() => String, { nullable: true, complexity: PRICES.largeText, description: 'The raw text as ingested (quote offsets count in it); null for articles stored before revisions were kept.' })
  text!: string | null;

  @Field(() => String, { description: 'SHA-256 of the raw text.' })
  contentHash!: string;

  @Field(() => DateTimeISO, { description: 'When this text was ingested.' })
  ingestedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Name of the API key that stored it; null when stored from the command line.' })
  key!: string | null;
}

@ObjectType('ArticleRevisionConnection', { simpleResolvers: true, description: 'A page of an article\'s revisions.' })
export class ArticleRevisionConnection extends Connection(ArticleRevision, 'ArticleRevision') {}

@ObjectType('ArticleConnection', { simpleResolvers: true, description: 'A page of articles.' })
export class ArticleConnection extends Connection(Article, 'Article') {}
