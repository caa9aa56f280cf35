import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { Connection } from '../relay/connection.type.js';

@ObjectType('Person', {
  simpleResolvers: true,
  implements: Node,
  description: 'A real person named in the news: a speaker, a subject or an author. One person across all articles and spellings.',
})
export class Person extends Node {
  @Field(() => String, { description: 'URL-safe key, unique ("sergey-lavrov"); after a rename or a merge the old slug still finds the person.' })
  slug!: string;

  @Field(() => String, { description: 'Canonical full name, the first full form seen.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Role or title as the text gives it ("Russian Foreign Minister").' })
  role!: string | null;

  @Field(() => String, { nullable: true, description: 'Country or organisation the person speaks for.' })
  affiliation!: string | null;

  @Field(() => Int, { description: 'Counts the changes made to the person; pass it to a mutation to be told (CONFLICT) when someone changed it since you read it.' })
  version!: number;
}

@ObjectType('PersonConnection', { simpleResolvers: true, description: 'A page of people.' })
export class PersonConnection extends Connection(Person, 'Person') {}
