import { ArgsType, Field } from 'type-graphql';
import { DateTimeISO } from '../scalars/date-time.scalar.js';

/** Longer than any news article; larger texts are refused before the pipeline runs. */
export const MAX_ARTICLE_LENGTH = 500_000;

@ArgsType()
export class IngestArticleArguments {
  @Field(() => String, {
    description: `The raw article text: headline first, then byline, body and so on (at most ${MAX_ARTICLE_LENGTH} characters). A front-matter block at the top (title, url, publishedAt, source between "---" lines) gives the same as the arguments below.`,
  })
  text!: string;

  @Field(() => String, { nullable: true, description: 'The headline, when the text has none (or to override it).' })
  title?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the story is published: the article\'s identity. New text for a url already stored is that article\'s next revision.',
  })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'The publisher\'s own id for the story: the identity when there is no url.' })
  externalId?: string | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'When the story was published (wins over a date in the text).' })
  publishedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The publisher (wins over one named in the text).' })
  source?: string | null;

  @Field(() => String, { nullable: true, description: 'The publisher, when the text does not name one (the text wins over it; `source` wins over the text).' })
  sourceHint?: string | null;
}
