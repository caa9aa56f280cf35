// What editorial mutations return: the objects they changed, as they are now, and the entries
// they wrote in the record, as GitHub's and Shopify's mutation payloads do.
import { Field, ID, ObjectType } from 'type-graphql';
import { Article } from '../article/article.type.js';
import { Person } from '../person/person.type.js';
import { Quote } from '../quote/quote.type.js';
import { Source } from '../source/source.type.js';
import { Topic } from '../topic/topic.type.js';
import { Change } from './change.type.js';

const CHANGES = 'The entries the mutation wrote in the record of changes.';

@ObjectType('QuotePayload', { description: 'A quote as a correction left it.' })
export class QuotePayload {
  @Field(() => Quote, { description: 'The quote, corrected.' })
  quote!: Quote;

  @Field(() => Person, { nullable: true, description: 'Its speaker now, when the correction named a person (a new one, if it created one).' })
  speaker!: Person | null;

  @Field(() => [Change], { description: CHANGES })
  changes!: Change[];
}

@ObjectType('MoveQuotesPayload', { description: 'Quotes moved to another person.' })
export class MoveQuotesPayload {
  @Field(() => [Quote], { description: 'The quotes moved, in the order given.' })
  quotes!: Quote[];

  @Field(() => Person, { description: 'The person they were moved to (a new one, if the mutation created one).' })
  person!: Person;

  @Field(() => [Change], { description: CHANGES })
  changes!: Change[];
}

@ObjectType('PersonPayload', { description: 'A person as a change left them.' })
export class PersonPayload {
  @Field(() => Person, { description: 'The person, changed.' })
  person!: Person;

  @Field(() => [Change], { description: CHANGES })
  changes!: Change[];
}

@ObjectType('MergePeoplePayload', { description: 'Two records of one person, merged into one.' })
export class MergePeoplePayload {
  @Field(() => Person, { description: 'The person merged into, with the quotes, mentions, bylines and aliases of the other.' })
  person!: Person;

  @Field(() => ID, { description: 'The global id of the person merged away: it (and their slug) now finds `person`.' })
  mergedPersonId!: string;

  @Field(() => [Change], { description: CHANGES })
  changes!: Change[];
}

@ObjectType('ArticlePayload', { description: 'An article as a change left it.' })
export class ArticlePayload {
  @Field(() => Article, { description: 'The article, changed (also when unpublished: only its editors see it then).' })
  article!: Article;

  @Field(() => [Change], { description: CHANGES })
  changes!: Change[];
}

@ObjectType('DeletionPayload', { description: 'An object deleted.' })
export class DeletionPayload {
  @Field(() => ID, { description: 'The global id of the object deleted.' })
  deletedId!: string;

  @Field(() => [Change], { description: CHANGES })
  changes!: Change[];
}

@ObjectType('SourcePayload', { description: 'A source as a change left it.' })
export class SourcePayload {
  @Field(() => Source, { description: 'The source, changed (after a merge, the one merged into).' })
  source!: Source;

  @Field(() => ID, { nullable: true, description: 'After a merge: the global id of the source merged away, which now finds `source`.' })
  mergedSourceId!: string | null;

  @Field(() => [Change], { description: CHANGES })
  changes!: Change[];
}

@ObjectType('TopicPayload', { description: 'A topic as a change left it.' })
export class TopicPayload {
  @Field(() => Topic, { description: 'The topic, changed (after a merge, the one merged into).' })
  topic!: Topic;

  @Field(() => ID, { nullable: true, description: 'After a merge: the global id of the topic merged away, which now finds `topic`.' })
  mergedTopicId!: string | null;

  @Field(() => [Change], { description: CHANGES })
  changes!: Change[];
}
