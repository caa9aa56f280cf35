import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { Connection } from '../relay/connection.type.js';

@ObjectType('Source', {
  simpleResolvers: true,
  implements: Node,
  description: 'A news organisation: the publisher of articles, or an agency credited as contributing to them.',
})
export class Source extends Node {
  @Field(() => String, { description: 'URL-safe key, unique ("associated-press"); after a rename or a merge the old slug still finds the source.' })
  slug!: string;

  @Field(() => String, { description: 'The organisation\'s full name ("Associated Press").' })
  name!: string;

  @Field(() => Int, { description: 'Counts the changes made to the source; pass it to a mutation to be told (CONFLICT) when someone changed it since you read it.' })
  version!: number;
}

@ObjectType('SourceConnection', { simpleResolvers: true, description: 'A page of sources.' })
export class SourceConnection extends Connection(Source, 'Source') {}
