// Registering webhooks (editors only) and reading how their deliveries went.
import { GraphQLError } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { outboxEnd, type OutboxEventType } from '../../outbox/outbox-events.js';
import { ChangeEventType } from '../change-feed/change-feed.type.js';
import type { Context } from '../context.js';
import { checkReceiverUrl, ReceiverRefusedError } from '../../webhooks/receiver-addresses.js';
import { requireEditor } from '../ingest/editor-access.js';
import { Webhook, WebhookDelivery, WebhookDeliveryConnection } from './webhook.type.js';

@InputType('RegisterWebhookInput', { description: 'A new webhook.' })
class RegisterWebhookInput {
  @Field(() => String, {
    description: 'An http(s) URL that accepts POST, on a public address: loopback, private networks and link-local addresses are refused, unless the operator allows them.',
  })
  url!: string;

  @Field(() => [ChangeEventType], { nullable: true, description: 'The event types to deliver; all when left out or empty.' })
  events?: OutboxEventType[] | null;

  @Field(() => String, { description: 'At least 16 characters; each delivery is signed with it (the x-quotegraph-signature header).' })
  secret!: string;
}

const MIN_SECRET = 16;
const MAX_DELIVERIES_PAGE = 100;

const WEBHOOK_COLUMNS = `"id"::text AS "id", "url", "events", "disabledAt" IS NOT NULL AS "disabled", "failuresInARow", "createdAt"`;

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * The URL a webhook may be registered for: http(s), and (unless the operator allows private
 * addresses) a host that is, or resolves only to, public addresses. Delivery checks the addresses
 * again on every connection (src/webhooks/receiver-addresses.ts).
 */
async function checkedUrl(value: string, allowPrivate: boolean): Promise<string> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badInput(`"${value.slice(0, 200)}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badInput('A webhook URL must start with https:// or http://');
  if (!allowPrivate) {
    try {
      await checkReceiverUrl(url);
    } catch (error) {
      if (error instanceof ReceiverRefusedError) throw badInput(error.message);
      throw error;
    }
  }
  return url.toString();
}

@Resolver(() => Webhook)
export class WebhookResolver {
  @Query(() => [Webhook], { description: 'Every webhook registered, with its deliveries. Needs an editor key.' })
  async webhooks(@Ctx() context: Context): Promise<Webhook[]> {
    await requireEditor(context);
    return context.sql.query<Webhook>(`SELECT ${WEBHOOK_COLUMNS} FROM "Webhook" ORDER BY "id"`, []);
  }

  @Mutation(() => Webhook, {
    description: 'Registers an endpoint for the events committed from now on: each is POSTed at least once (deduplicate on its id), signed, and retried with backoff. Needs an editor key.',
  })
  async registerWebhook(@Arg('input', () => RegisterWebhookInput) input: RegisterWebhookInput, @Ctx() context: Context): Promise<Webhook> {
    const viewer = await requireEditor(context);
    // The secret first: checking the URL may wait for DNS.
    if (input.secret.length < MIN_SECRET) throw badInput(`The secret must be at least ${MIN_SECRET} characters`);
    const url = await checkedUrl(input.url, context.allowPrivateWebhooks === true);
    const from = await outboxEnd(context.sql);
    const [webhook] = await context.writer.transaction((session) =>
      session.query<Webhook>(
        `INSERT INTO "Webhook" ("url", "events", "secret", "keyName", "createdAt", "afterTransactionId", "afterRank", "afterEventId")
         VALUES ($1, $2::text[], $3, $4, timezone('UTC', now()), $5::bigint, $6::smallint, $7::bigint) RETURNING ${WEBHOOK_COLUMNS}`,
        [url, input.events ?? [], input.secret, viewer.keyName, from.transactionId, from.rank, from.id],
      ),
    );
    return webhook!;
  }

  @Mutation(() => Boolean, { description: 'Removes a webhook and its deliveries; false when there was none with this id. Needs an editor key.' })
  async deleteWebhook(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<boolean> {
    await requireEditor(context);
    if (!/^\d{1,9}$/.test(id)) return false;
    const deleted = await context.writer.transaction((session) => session.query(`DELETE FROM "Webhook" WHERE "id" = $1 RETURNING "id"`, [Number(id)]));
    return deleted.length > 0;
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'Its deliveries, newest first.' })
  async deliveries(
    @Root() webhook: Webhook,
    @Arg('first', () => Int, { description: `At most ${MAX_DELIVERIES_PAGE}.` }) first: number,
    @Arg('status', () => String, { nullable: true, description: 'Only those with this status (pending, delivered, failed).' }) status: string | null,
    @Ctx() context: Context,
  ): Promise<WebhookDeliveryConnection> {
    if (first < 0 || first > MAX_DELIVERIES_PAGE) throw badInput(`"first" must be between 0 and ${MAX_DELIVERIES_PAGE}`);
    const nodes = await context.sql.query<WebhookDelivery>(
      `SELECT "id"::text AS "id", "eventId"::text AS "eventId", "body"->>'type' AS "type", "status", "attempts", "lastStatus", "lastError",
         CASE WHEN "status" = 'pending' THEN "nextAttemptAt" END AS "nextAttemptAt", "deliveredAt"
       FROM "WebhookDelivery" WHERE "webhookId" = $1 AND ($2::text IS NULL OR "status" = $2::text) ORDER BY "id" DESC LIMIT ${first}`,
      [Number(webhook.id), status ?? null],
    );
    return { nodes };
  }
}
