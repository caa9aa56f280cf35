import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { Connection } from '../pagination/connection.type.js';

@ObjectType('Person', {
  simpleResolvers: true,
  implements: Node,
  description: 'A real person named in the news: a speaker, a subject or an author. One person across all articles and spellings.',
})
export class Person extends Node {
  @Field(() => String, { description: 'URL-safe key, unique and stable ("sergey-lavrov").' })
  slug!: string;

  @Field(() => String, { description: 'Canonical full name, the first full form seen.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Role or title as the text gives it ("Russian Foreign Minister").' })
  role!: string | null;

  @Field(() => String, { nullable: true, description: 'Country or organisation the person speaks for.' })
  affiliation!: string | null;
}

@ObjectType('PersonConnection', { simpleResolvers: true, description: 'A page of people.' })
export class PersonConnection extends Connection(Person, 'Person') {}
