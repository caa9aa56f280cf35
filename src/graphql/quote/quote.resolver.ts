import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, ID, Query, Resolver, Root } from 'type-graphql';
import { literalLikePattern } from '../../db/sql.js';
import { normalizeName } from '../../ingest/identity.js';
import { Article } from '../article/article.type.js';
import { idOfSlug } from '../loaders.js';
import { articleRows, type ArticleRow } from '../article/article.lists.js';
import type { Context } from '../context.js';
import { toGlobalId } from '../node/global-id.js';
import type { ConnectionValue } from '../pagination/connection.type.js';
import { dateRangeConditions } from '../pagination/date-range.js';
import { ReadsJoinedRow } from '../pagination/joined-rows.js';
import type { Filter } from '../pagination/keyset.js';
import { listConnection } from '../pagination/resolve-connection.js';
import { personRows, type PersonRow } from '../person/person.lists.js';
import { Person } from '../person/person.type.js';
import { QuoteListArguments, QuoteOrder } from './quote.inputs.js';
import { quotesLeastConfidentFirst, quotesNewestFirst, quotesOldestFirst, withRetracted, type QuoteRow } from './quote.lists.js';

const quoteOrders = {
  [QuoteOrder.NEWEST_FIRST]: quotesNewestFirst,
  [QuoteOrder.OLDEST_FIRST]: quotesOldestFirst,
  [QuoteOrder.LEAST_CONFIDENT_FIRST]: quotesLeastConfidentFirst,
};
import { Quote, QuoteConnection } from './quote.type.js';

/** Conditions for the top-level quotes list, from its filter arguments. */
function quoteFilter(args: QuoteListArguments): Filter {
  return (parameters) => {
    const conditions: string[] = [];
    if (args.speaker) {
      // A speaker matches by any alias, or by the last word of any full-name alias (a surname).
      const normalized = normalizeName(args.speaker);
      const name = parameters.add(normalized);
      const surname = parameters.add(literalLikePattern(normalized));
      conditions.push(`t."speakerId" IN (SELECT alias."personId" FROM "PersonAlias" alias
        WHERE alias."normalized" = ${name} OR alias."normalized" LIKE '% ' || ${surname})`);
    }
    if (args.person) {
      conditions.push(`t."speakerId" = ${idOfSlug('"Person"', 'Person', parameters.add(args.person))}`);
    }
    if (args.article) {
      conditions.push(`t."articleId" = (SELECT "id" FROM "Article" WHERE "slug" = ${parameters.add(args.article)})`);
    }
    if (args.topic) {
      conditions.push(`t."articleId" IN (SELECT tagged."articleId" FROM "ArticleTopic" tagged
        WHERE tagged."topicId" = ${idOfSlug('"Topic"', 'Topic', parameters.add(args.topic))})`);
    }
    if (args.source) {
      conditions.push(`t."articleId" IN (SELECT article."id" FROM "Article" article
        WHERE article."sourceId" = ${idOfSlug('"Source"', 'Source', parameters.add(args.source))})`);
    }
    if (args.orderBy === QuoteOrder.LEAST_CONFIDENT_FIRST) conditions.push('t."attributionConfidence" IS NOT NULL');
    return [...conditions, ...dateRangeConditions(parameters, args)];
  };
}

@Resolver(() => Quote)
export class QuoteResolver {
  @Query(() => QuoteConnection, {
    description: 'Quotes, newest first unless ordered otherwise (LEAST_CONFIDENT_FIRST for review), filtered by speaker, person, article, topic, source or date (retracted quotes only when asked for).',
  })
  quotes(@Args(() => QuoteListArguments) args: QuoteListArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<QuoteRow>> {
    const spec = withRetracted(quoteOrders[args.orderBy ?? QuoteOrder.NEWEST_FIRST], args.includeRetracted);
    return listConnection<QuoteRow>(context, spec, args, { filter: quoteFilter(args), info });
  }

  @FieldResolver(() => ID, { description: "Global id, stable and unique across types; use it with `node(id)`." })
  id(@Root() quote: QuoteRow): string {
    return toGlobalId('Quote', quote.id);
  }

  @ReadsJoinedRow()
  @FieldResolver(() => Person, { nullable: true, description: 'The person who said it; null when the article does not name them.' })
  speaker(@Root() quote: QuoteRow, @Ctx() { loaders }: Context): Promise<PersonRow | null> | null {
    return quote.speakerId === null ? null : loaders.row<PersonRow>(personRows, quote.speakerId);
  }

  @ReadsJoinedRow()
  @FieldResolver(() => Article, { description: 'The article the quote appears in.' })
  async article(@Root() quote: QuoteRow, @Ctx() { loaders }: Context): Promise<ArticleRow> {
    return (await loaders.row<ArticleRow>(articleRows, quote.articleId))!;
  }
}
