import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { Connection } from '../relay/connection.type.js';

@ObjectType('Topic', { simpleResolvers: true, implements: Node, description: 'A subject articles are about, shared across articles.' })
export class Topic extends Node {
  @Field(() => String, { description: 'URL-safe key, unique ("arms-control"); after a rename or a merge the old slug still finds the topic.' })
  slug!: string;

  @Field(() => String, { description: "The topic's name as articles tag it." })
  name!: string;

  @Field(() => Int, { description: 'Counts the changes made to the topic; pass it to a mutation to be told (CONFLICT) when someone changed it since you read it.' })
  version!: number;
}

@ObjectType('TopicConnection', { simpleResolvers: true, description: 'A page of topics.' })
export class TopicConnection extends Connection(Topic, 'Topic') {}
