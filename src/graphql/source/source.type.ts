import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { Connection } from '../pagination/connection.type.js';

@ObjectType('Source', {
  simpleResolvers: true,
  implements: Node,
  description: 'A news organisation: the publisher of articles, or an agency credited as contributing to them.',
})
export class Source extends Node {
  @Field(() => String, { description: 'URL-safe key, unique and stable ("associated-press").' })
  slug!: string;

  @Field(() => String, { description: 'The organisation\'s full name ("Associated Press").' })
  name!: string;
}

@ObjectType('SourceConnection', { simpleResolvers: true, description: 'A page of sources.' })
export class SourceConnection extends Connection(Source, 'Source') {}
