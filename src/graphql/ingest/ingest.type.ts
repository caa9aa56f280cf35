import { Field, ObjectType } from 'type-graphql';
import { Article } from '../article/article.type.js';
import { Correction } from '../correction/correction.type.js';

@ObjectType('IngestArticleResult', { description: 'What ingesting an article text did.' })
export class IngestArticleResult {
  @Field(() => Article, { description: 'The stored article, with its quotes, people and topics.' })
  article!: Article;

  @Field(() => Boolean, { description: 'True when a new article was stored; false when the article was known (by its url, externalId or text).' })
  created!: boolean;

  @Field(() => Boolean, {
    description: 'True when the text was new for a known article: it became the next revision (see `article.revision` and `article.revisions`). False when nothing changed.',
  })
  revised!: boolean;

  @Field(() => [Correction], {
    description: 'After a revision: the editors\' corrections whose quote the new text no longer holds, which therefore no longer apply. Every other correction still does.',
  })
  correctionsNoLongerApplying!: Correction[];
}
