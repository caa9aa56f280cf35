import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { Connection } from '../pagination/connection.type.js';

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

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Publication date, when the text gives one.' })
  publishedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'When the article was ingested.' })
  ingestedAt!: Date;

  @Field(() => GraphQLISODateTime, {
    description: 'The date lists are ordered by: publishedAt when known, otherwise ingestedAt.',
  })
  date!: Date;
}

@ObjectType('ArticleConnection', { simpleResolvers: true, description: 'A page of articles.' })
export class ArticleConnection extends Connection(Article, 'Article') {}
