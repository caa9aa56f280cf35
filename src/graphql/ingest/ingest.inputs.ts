import { ArgsType, Field } from 'type-graphql';

/** Longer than any news article; larger texts are refused before the pipeline runs. */
export const MAX_ARTICLE_LENGTH = 500_000;

@ArgsType()
export class IngestArticleArguments {
  @Field(() => String, {
    description: `The raw article text: headline first, then byline, body and so on (at most ${MAX_ARTICLE_LENGTH} characters).`,
  })
  text!: string;

  @Field(() => String, { nullable: true, description: 'The publisher, when the text does not name one.' })
  sourceHint?: string | null;
}
