import { Field, ObjectType } from 'type-graphql';

@ObjectType('SearchResults', {
  simpleResolvers: true,
  description: 'Articles and quotes matching a full-text search, best match first.',
})
export class SearchResults {
  @Field(() => String, { description: 'The search as given.' })
  query!: string;
}
