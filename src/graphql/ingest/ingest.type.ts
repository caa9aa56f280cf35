import { Field, ObjectType } from 'type-graphql';
import { Article } from '../article/article.type.js';

@ObjectType('IngestArticleResult', { description: 'What ingesting an article text did.' })
export class IngestArticleResult {
  @Field(() => Article, { description: 'The stored article, with its quotes, people and topics.' })
  article!: Article;

  @Field(() => Boolean, { description: 'False when the same text had been ingested before (nothing changed).' })
  created!: boolean;
}
