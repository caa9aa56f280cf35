import { Field, ObjectType } from 'type-graphql';
import type { PageReadAhead } from '../read/decode.js';

@ObjectType('SearchResults', {
  simpleResolvers: true,
  description: 'Articles and quotes matching a full-text search, best match first.',
})
export class SearchResults {
  @Field(() => String, { description: 'The search as given.' })
  query!: string;

  /** The pages of `articles` and `quotes` read ahead in one statement, by response key (not in the schema). */
  readAhead?: ReadonlyMap<string, PageReadAhead>;
}
