// Webhooks as editors see them: where events go, and how each delivery went.
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { OutboxEventType } from '../../outbox/outbox-events.js';
import { ChangeEventType } from '../change-feed/change-feed.type.js';
import { DateTimeISO } from '../scalars/date-time.scalar.js';

@ObjectType('WebhookDelivery', { simpleResolvers: true, description: 'One event sent (or being sent) to a webhook.' })
export class WebhookDelivery {
  @Field(() => ID, { description: "The delivery's id (the x-quotegraph-delivery header)." })
  id!: string;

  @Field(() => ID, { description: "The event's id, as the x-quotegraph-event-id header and the body's `id` give it." })
  eventId!: string;

  @Field(() => ChangeEventType, { description: 'What the event says happened.' })
  type!: OutboxEventType;

  @Field(() => String, { description: '`pending` (to be sent, or retried), `delivered`, or `failed` (every attempt used).' })
  status!: string;

  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts!: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt; null when it got no answer.' })
  lastStatus!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError!: string | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'When the next attempt is due, while pending.' })
  nextAttemptAt!: Date | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'When it was delivered.' })
  deliveredAt!: Date | null;
}

@ObjectType('WebhookDeliveryConnection', { simpleResolvers: true, description: 'Deliveries of a webhook, newest first.' })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDelivery], { description: 'The deliveries.' })
  nodes!: WebhookDelivery[];
}

@ObjectType('Webhook', { description: 'An endpoint that receives events by HTTP POST, signed with its secret.' })
export class Webhook {
  @Field(() => ID, { description: 'Its id, for deleteWebhook.' })
  id!: string;

  @Field(() => String, { description: 'Where events are POSTed.' })
  url!: string;

  @Field(() => [ChangeEventType], { description: 'The event types delivered; empty for every type.' })
  events!: OutboxEventType[];

  @Field(() => Boolean, { description: 'True once deliveries kept failing: nothing more is sent (register it again).' })
  disabled!: boolean;

  @Field(() => Int, { description: 'Deliveries that failed for good in a row.' })
  failuresInARow!: number;

  @Field(() => DateTimeISO, { description: 'When it was registered.' })
  createdAt!: Date;
}
