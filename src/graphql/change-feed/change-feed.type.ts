// What changed, as clients that sync or subscribe see it: one event of the outbox.
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { OUTBOX_EVENT_TYPES, type OutboxEventType } from '../../outbox/outbox-events.js';
import { DateTimeISO } from '../scalars/date-time.scalar.js';

/** The enum's values are the events' names, as webhooks and the outbox spell them. */
export const ChangeEventType = Object.fromEntries(OUTBOX_EVENT_TYPES.map((type) => [type, type])) as { [T in OutboxEventType]: T };

registerEnumType(ChangeEventType, {
  name: 'ChangeEventType',
  description: 'What happened to the object.',
  valuesConfig: {
    articleAdded: { description: 'An article was ingested for the first time.' },
    articleRevised: { description: 'An article got a new text (a new revision), or an editor changed its title, date, source or publication.' },
    articleDeleted: { description: 'An article was deleted with its quotes: a tombstone.' },
    quoteAdded: { description: 'A quote was stored (by an ingest, a revision or an editor).' },
    quoteCorrected: { description: "An editor corrected a quote's speaker, words or kind, or took back its retraction." },
    quoteRetracted: { description: 'An editor retracted a quote: lists leave it out from now on (a tombstone for them).' },
    personMerged: { description: 'A person was merged into another: the old id and slug now lead to `mergedInto`.' },
  },
});

@ObjectType('ChangeEvent', { simpleResolvers: true, description: 'One change, in the order changes are read (see `changesSince`).' })
export class ChangeEvent {
  @Field(() => ID, { description: "The event's own id: the same event delivered twice (webhooks are at-least-once) has the same id." })
  id!: string;

  @Field(() => String, { description: 'Pass as `since` to read what came after this event.' })
  cursor!: string;

  @Field(() => ChangeEventType, { description: 'What happened.' })
  type!: OutboxEventType;

  @Field(() => DateTimeISO, { description: 'When the change was committed.' })
  at!: Date;

  @Field(() => ID, { description: 'The global id of the object changed (an article, a quote or a person), whether or not it still exists.' })
  object!: string;

  @Field(() => Boolean, {
    description: 'True when the object left the public view: deleted, retracted, unpublished, or merged away. Drop it from local copies.',
  })
  tombstone!: boolean;

  @Field(() => String, { nullable: true, description: "The article's slug (for a quote, its article's)." })
  article!: string | null;

  @Field(() => String, { nullable: true, description: "For a quote, its speaker's slug; null for an unnamed speaker." })
  speaker!: string | null;

  @Field(() => String, { nullable: true, description: "The article's source's slug." })
  source!: string | null;

  @Field(() => [String], { description: "The slugs of the article's topics." })
  topics!: string[];

  @Field(() => ID, { nullable: true, description: 'For personMerged: the global id of the person it was merged into.' })
  mergedInto!: string | null;

  @Field(() => [String], {
    description:
      'The cache tags (as in the Cache-Tag and Surrogate-Key headers) of cached answers this change may have made stale: the object, its article, speaker and source. Purge them from a CDN.',
  })
  cacheTags!: string[];
}

@ObjectType('ChangeEventConnection', { simpleResolvers: true, description: 'Changes after a cursor, oldest first.' })
export class ChangeEventConnection {
  @Field(() => [ChangeEvent], { description: 'The changes, oldest first.' })
  nodes!: ChangeEvent[];

  @Field(() => String, {
    description: 'Where to resume: the last event\'s cursor, or the `since` given when nothing changed. Keep it and pass it as `since` next time.',
  })
  cursor!: string;

  @Field(() => Boolean, { description: 'True when more changes follow: ask again at once with `cursor`.' })
  hasNextPage!: boolean;
}
