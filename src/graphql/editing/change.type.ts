import { GraphQLJSON } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeISO } from '../scalars/date-time.scalar.js';
import { Connection } from '../relay/connection.type.js';

@ObjectType('FieldChange', { simpleResolvers: true, description: 'One field of an object as a change found it and as it left it.' })
export class FieldChange {
  @Field(() => String, { description: 'The field ("speaker", "title", "aliases", "revision"…).' })
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Its value before the change (null for an object created).' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Its value after the change (null for an object deleted).' })
  after!: unknown;
}

@ObjectType('Change', {
  simpleResolvers: true,
  description: 'An entry of the record of changes: every ingest and every editorial mutation writes one per object it changes.',
})
export class Change {
  @Field(() => Int, { description: 'Number of the entry: later entries have larger numbers.' })
  id!: number;

  @Field(() => DateTimeISO, { description: 'When the change was made.' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Name of the API key that made it; null when made from the command line (ingest, seed, people:merge, article:delete).' })
  key!: string | null;

  @Field(() => String, { description: 'What was done: the mutation ("changeQuoteSpeaker", "mergePeople", "ingestArticle") or command.' })
  action!: string;

  @Field(() => String, { description: 'The type of the object changed: "Article", "Quote", "Person", "Source" or "Topic".' })
  objectType!: string;

  @Field(() => String, { nullable: true, description: 'The editor\'s note, if any ("speaker was misread").' })
  note!: string | null;
}

@ObjectType('ChangeConnection', { simpleResolvers: true, description: 'A page of the record of changes, newest first.' })
export class ChangeConnection extends Connection(Change, 'Change') {}
