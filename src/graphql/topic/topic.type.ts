import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { Connection } from '../pagination/connection.type.js';

@ObjectType('Topic', { simpleResolvers: true, implements: Node, description: 'A subject articles are about, shared across articles.' })
export class Topic extends Node {
  @Field(() => String, { description: 'URL-safe key, unique and stable ("arms-control").' })
  slug!: string;

  @Field(() => String, { description: "The topic's name as articles tag it." })
  name!: string;
}

@ObjectType('TopicConnection', { simpleResolvers: true, description: 'A page of topics.' })
export class TopicConnection extends Connection(Topic, 'Topic') {}
