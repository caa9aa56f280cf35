// Builds the GraphQL schema from the resolvers, one folder per entity.
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ArticleResolver } from './article/article.resolver.js';
import { collectCacheTags } from './cache/cache-tags.js';
import { ArticleEditingResolver } from './editing/article-editing.resolver.js';
import { CatalogueEditingResolver } from './editing/catalogue-editing.resolver.js';
import { ChangeFeedResolver } from './change-feed/change-feed.resolver.js';
import { SubscriptionResolver } from './change-feed/subscription.resolver.js';
import { ChangeResolver } from './editing/change.resolver.js';
import { PersonEditingResolver } from './editing/person-editing.resolver.js';
import { QuoteEditingResolver } from './editing/quote-editing.resolver.js';
import { IngestResolver } from './ingest/ingest.resolver.js';
import { NodeResolver } from './node/node.resolver.js';
import { nodeTypeAtOnce } from './node/node.type.js';
import { answerFromReadAlong } from './read/answer.js';
import { PersonResolver } from './person/person.resolver.js';
import { QuoteResolver } from './quote/quote.resolver.js';
import { DateTimeISO } from './scalars/date-time.scalar.js';
import { SearchResolver } from './search/search.resolver.js';
import { SourceResolver } from './source/source.resolver.js';
import { TopicResolver } from './topic/topic.resolver.js';
import { WebhookResolver } from './webhook/webhook.resolver.js';

export async function buildQuotegraphSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      ArticleResolver,
      PersonResolver,
      QuoteResolver,
      TopicResolver,
      SourceResolver,
      SearchResolver,
      NodeResolver,
      IngestResolver,
      QuoteEditingResolver,
      PersonEditingResolver,
      ArticleEditingResolver,
      CatalogueEditingResolver,
      ChangeResolver,
      ChangeFeedResolver,
      SubscriptionResolver,
      WebhookResolver,
    ],
    validate: false,
    // Every subscription brings its own stream (the outbox feed: change-feed/subscription.resolver.ts);
    // type-graphql refuses to build subscriptions without a pub/sub, which nothing here publishes to.
    pubSub: {
      publish: () => {
        throw new Error('subscriptions are fed by the outbox, not published to');
      },
      subscribe: () => {
        throw new Error('subscriptions are fed by the outbox, not by topics');
      },
    },
    // One date scalar for every field, whether its type is given or inferred from `Date`.
    scalarsMap: [{ type: Date, scalar: DateTimeISO }],
  });
  // Tags are collected from what resolves, whichever resolver (read along or loaded) answered.
  return collectCacheTags(answerFromReadAlong(nodeTypeAtOnce(schema)));
}

/**
 * The schema as SDL (`npm run schema:write`). graphql is imported here, statically: the bundle's
 * dynamic import of it from the command line gave a namespace without printSchema.
 */
export async function schemaText(): Promise<string> {
  return printSchema(await buildQuotegraphSchema());
}
