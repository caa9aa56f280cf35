// Webhooks: the outbox's events POSTed to endpoints editors registered, at least once, signed.
//
// Two steps, each safe with several server instances on one database:
// - fan-out: under a transaction-level advisory lock (one instance at a time), each enabled webhook
//   reads the outbox after its own position (the outbox's stable order) and gets one delivery row per
//   event it wants; its position moves in the same transaction, so no event is skipped or doubled;
// - delivery: due deliveries are claimed with FOR UPDATE SKIP LOCKED and leased (their next attempt
//   pushed past the request's timeout), then POSTed; a success is marked delivered, a failure is
//   retried with exponential backoff, and after the last attempt marked failed. A webhook whose
//   deliveries fail for good several times in a row is disabled.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Database } from '../db/client.js';
import type { Unlisten } from '../db/notifications.js';
import { publicChangeEvent } from '../graphql/change-feed/change-feed.resolver.js';
import type { Logger } from '../logger.js';
import { OUTBOX_CHANNEL, readOutbox, type OutboxPosition } from '../outbox/outbox-events.js';
import { checkReceiverAddress, receiverAgents, ReceiverRefusedError, type ReceiverAgents } from './receiver-addresses.js';

export interface WebhookOptions {
  /** Wait before the first retry, in milliseconds; each later one waits twice as long (at most an hour). */
  retryMs: number;
  /** Attempts per delivery before it is marked failed. */
  maxAttempts: number;
  /** Deliveries failed for good in a row that disable a webhook. */
  disableAfter: number;
  /** Longest a receiver may take to answer, in milliseconds. */
  timeoutMs: number;
  /**
   * Deliver to private addresses too (loopback, private networks, link-local: see
   * receiver-addresses.ts): for a receiver on the same host or network, and the tests.
   */
  allowPrivate: boolean;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = { retryMs: 1_000, maxAttempts: 8, disableAfter: 5, timeoutMs: 10_000, allowPrivate: false };

/** The header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the secret>`. */
export const SIGNATURE_HEADER = 'x-quotegraph-signature';

export function signature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Events one webhook takes from the outbox in one fan-out. */
const FAN_OUT_BATCH = 500;
/** Deliveries claimed at once (and sent side by side). */
const DELIVERY_BATCH = 50;
/**
 * How often the dispatcher looks without a notification (retries fall due, events held back):
 * often while any webhook is enabled, seldom otherwise (a commit's NOTIFY wakes it anyway).
 */
const POLL_MS = { active: 500, idle: 30_000 };
/** The advisory lock that lets one instance at a time fan out. */
const FAN_OUT_LOCK = 7_150_001;
const LONGEST_RETRY_MS = 3_600_000;

interface WebhookRow {
  id: number;
  events: string[];
  afterTransactionId: string;
  afterRank: number;
  afterEventId: string;
}

interface ClaimedDelivery {
  id: string;
  webhookId: number;
  eventId: string;
  body: unknown;
  attempts: number;
  url: string;
  secret: string;
}

const UTC_NOW = `timezone('UTC', now())`;

export class WebhookDispatcher {
  private unlisten: Unlisten | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;
  private readonly agents: ReceiverAgents;

  constructor(
    private readonly database: Pick<Database, 'sql' | 'writer' | 'listen'>,
    private readonly logger: Logger,
    private readonly options: WebhookOptions = DEFAULT_WEBHOOK_OPTIONS,
  ) {
    this.agents = receiverAgents(options.allowPrivate);
  }

  /** Starts delivering; without a listening connection it still polls, and resolves or rejects with the listening. */
  async start(): Promise<void> {
    this.wake();
    this.unlisten = await this.database.listen(OUTBOX_CHANNEL, () => this.wake());
  }

  /** Runs a round now, or right after the one running. */
  wake(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    let active = true;
    this.running = (async () => {
      try {
        do {
          this.again = false;
          active = (await this.fanOut()) > 0;
          while ((await this.deliverDue()) === DELIVERY_BATCH && !this.closed);
        } while (this.again && !this.closed);
      } catch (error) {
        this.logger.warn({ err: error }, 'webhook round failed; trying again');
      } finally {
        this.running = undefined;
        if (!this.closed) {
          this.timer = setTimeout(() => this.wake(), active ? POLL_MS.active : POLL_MS.idle);
          this.timer.unref();
        }
      }
    })();
  }

  /** Turns new outbox events into deliveries, for every enabled webhook; returns how many are enabled. */
  private async fanOut(): Promise<number> {
    return this.database.writer.transaction(async (session) => {
      await session.query(`SELECT pg_advisory_xact_lock(${FAN_OUT_LOCK})`, []);
      const webhooks = await session.query<WebhookRow>(
        `SELECT "id", "events", "afterTransactionId"::text AS "afterTransactionId", "afterRank"::int AS "afterRank", "afterEventId"::text AS "afterEventId"
         FROM "Webhook" WHERE "disabledAt" IS NULL ORDER BY "id"`,
        [],
      );
      for (const webhook of webhooks) {
        const after: OutboxPosition = { transactionId: webhook.afterTransactionId, rank: webhook.afterRank, id: webhook.afterEventId };
        const events = await readOutbox(session, after, FAN_OUT_BATCH);
        if (events.length === 0) continue;
        const wanted = events.filter((event) => webhook.events.length === 0 || webhook.events.includes(event.type));
        if (wanted.length > 0) {
          await session.query(
            `INSERT INTO "WebhookDelivery" ("webhookId", "eventId", "body", "nextAttemptAt")
             SELECT $1, delivery."eventId", delivery."body"::jsonb, ${UTC_NOW}
             FROM unnest($2::bigint[], $3::text[]) AS delivery("eventId", "body")
             ON CONFLICT ("webhookId", "eventId") DO NOTHING`,
            [webhook.id, wanted.map((event) => event.id), wanted.map((event) => JSON.stringify(publicChangeEvent(event)))],
          );
        }
        const last = events.at(-1)!.position;
        await session.query(
          `UPDATE "Webhook" SET "afterTransactionId" = $2::bigint, "afterRank" = $3::smallint, "afterEventId" = $4::bigint WHERE "id" = $1`,
          [webhook.id, last.transactionId, last.rank, last.id],
        );
        if (events.length === FAN_OUT_BATCH) this.again = true;
      }
      return webhooks.length;
    });
  }

  /** Sends the deliveries that are due; returns how many it claimed. */
  private async deliverDue(): Promise<number> {
    const leaseMs = this.options.timeoutMs + 5_000;
    const claimed = await this.database.writer.transaction((session) =>
      session.query<ClaimedDelivery>(
        `UPDATE "WebhookDelivery" d SET "attempts" = d."attempts" + 1, "nextAttemptAt" = ${UTC_NOW} + make_interval(secs => $1::float8 / 1000)
         FROM "Webhook" w
         WHERE w."id" = d."webhookId" AND d."id" IN (
           SELECT due."id" FROM "WebhookDelivery" due JOIN "Webhook" hook ON hook."id" = due."webhookId"
           WHERE due."status" = 'pending' AND due."nextAttemptAt" <= ${UTC_NOW} AND hook."disabledAt" IS NULL
           ORDER BY due."id" LIMIT ${DELIVERY_BATCH} FOR UPDATE OF due SKIP LOCKED)
         RETURNING d."id"::text AS "id", d."webhookId", d."eventId"::text AS "eventId", d."body", d."attempts", w."url", w."secret"`,
        [leaseMs],
      ),
    );
    await Promise.all(claimed.map((delivery) => this.send(delivery)));
    return claimed.length;
  }

  private async send(delivery: ClaimedDelivery): Promise<void> {
    const body = typeof delivery.body === 'string' ? delivery.body : JSON.stringify(delivery.body);
    const type = (JSON.parse(body) as { type: string }).type;
    let status: number | null = null;
    let failure: string | null = null;
    try {
      const url = new URL(delivery.url);
      if (!this.options.allowPrivate) checkReceiverAddress(url);
      status = await this.post(url, body, {
        'content-type': 'application/json',
        'user-agent': 'Quotegraph-Webhooks/1',
        'x-quotegraph-event': type,
        'x-quotegraph-event-id': delivery.eventId,
        'x-quotegraph-delivery': delivery.id,
        [SIGNATURE_HEADER]: signature(delivery.secret, Math.floor(Date.now() / 1000), body),
      });
      if (status < 200 || status >= 300) failure = `HTTP ${status}`;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
      if (error instanceof ReceiverRefusedError) {
        this.logger.warn({ webhookId: delivery.webhookId, deliveryId: delivery.id, reason: failure }, 'webhook delivery refused: private address');
      }
    }
    await this.record(delivery, status, failure);
  }

  /**
   * POSTs `body` and reads the answer to its end; resolves with the HTTP status. Redirects are not
   * followed (a 3xx is a failed attempt): a redirect could point anywhere, a private address too.
   */
  private post(url: URL, body: string, headers: Record<string, string>): Promise<number> {
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const sending = (secure ? https.request : http.request)(url, {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: this.agents[secure ? 'https:' : 'http:'],
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      sending.on('error', reject);
      sending.on('response', (response) => {
        response.on('error', reject);
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.resume();
      });
      sending.end(body);
    });
  }

  private async record(delivery: ClaimedDelivery, status: number | null, failure: string | null): Promise<void> {
    await this.database.writer.transaction(async (session) => {
      if (failure === null) {
        await session.query(
          `UPDATE "WebhookDelivery" SET "status" = 'delivered', "deliveredAt" = ${UTC_NOW}, "lastStatus" = $2, "lastError" = NULL WHERE "id" = $1::bigint`,
          [delivery.id, status],
        );
        await session.query(`UPDATE "Webhook" SET "failuresInARow" = 0 WHERE "id" = $1 AND "failuresInARow" > 0`, [delivery.webhookId]);
        return;
      }
      if (delivery.attempts < this.options.maxAttempts) {
        const wait = Math.min(this.options.retryMs * 2 ** (delivery.attempts - 1), LONGEST_RETRY_MS);
        await session.query(
          `UPDATE "WebhookDelivery" SET "nextAttemptAt" = ${UTC_NOW} + make_interval(secs => $2::float8 / 1000), "lastStatus" = $3, "lastError" = $4 WHERE "id" = $1::bigint`,
          [delivery.id, wait, status, failure.slice(0, 500)],
        );
        return;
      }
      await session.query(`UPDATE "WebhookDelivery" SET "status" = 'failed', "lastStatus" = $2, "lastError" = $3 WHERE "id" = $1::bigint`, [
        delivery.id,
        status,
        failure.slice(0, 500),
      ]);
      const [webhook] = await session.query<{ disabled: boolean }>(
        `UPDATE "Webhook" SET "failuresInARow" = "failuresInARow" + 1,
           "disabledAt" = CASE WHEN "failuresInARow" + 1 >= $2 THEN ${UTC_NOW} ELSE "disabledAt" END
         WHERE "id" = $1 RETURNING "disabledAt" IS NOT NULL AS "disabled"`,
        [delivery.webhookId, this.options.disableAfter],
      );
      if (webhook?.disabled) this.logger.warn({ webhookId: delivery.webhookId }, 'webhook disabled after repeated failures');
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.unlisten?.();
    await this.running;
    this.agents.destroy();
  }
}
