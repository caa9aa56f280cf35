// What the subscriptions deliver: an added quote or article with the cursor to resume from.
import { Field, ObjectType } from 'type-graphql';
import { Article } from '../article/article.type.js';
import { Quote } from '../quote/quote.type.js';

@ObjectType('QuoteAddedEvent', { description: 'A quote just stored.' })
export class QuoteAddedEvent {
  @Field(() => String, { description: 'Pass as `since` when subscribing again (after a lost connection) to miss nothing.' })
  cursor!: string;

  @Field(() => Quote, { nullable: true, description: 'The quote as it is now; null when it was deleted or unpublished before it could be read.' })
  quote!: Record<string, unknown> | null;
}

@ObjectType('ArticleAddedEvent', { description: 'An article just ingested for the first time.' })
export class ArticleAddedEvent {
  @Field(() => String, { description: 'Pass as `since` when subscribing again (after a lost connection) to miss nothing.' })
  cursor!: string;

  @Field(() => Article, { nullable: true, description: 'The article as it is now; null when it was deleted or unpublished before it could be read.' })
  article!: Record<string, unknown> | null;
}
