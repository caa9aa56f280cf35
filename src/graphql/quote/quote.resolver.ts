import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, ID, Query, Resolver, Root } from 'type-graphql';
import type { ArticleRow } from '../article/article.lists.js';
import { Article } from '../article/article.type.js';
import type { Context } from '../context.js';
import { toGlobalId } from '../node/global-id.js';
import type { PersonRow } from '../person/person.lists.js';
import { Person } from '../person/person.type.js';
import { joinedRow, listConnection } from '../read/answer.js';
import { ReadsJoinedRow, ReadsTopList, type TopList } from '../read/fields.js';
import type { ConnectionValue } from '../relay/connection.type.js';
import { QuoteListArguments, QuoteOrder } from './quote.inputs.js';
import {
  articleOfQuote,
  quoteFilter,
  quotesLeastConfidentFirst,
  quotesNewestFirst,
  quotesOldestFirst,
  speakerOfQuote,
  withRetracted,
  type QuoteRow,
} from './quote.lists.js';
import { Quote, QuoteConnection } from './quote.type.js';

const quoteOrders = {
  [QuoteOrder.NEWEST_FIRST]: quotesNewestFirst,
  [QuoteOrder.OLDEST_FIRST]: quotesOldestFirst,
  [QuoteOrder.LEAST_CONFIDENT_FIRST]: quotesLeastConfidentFirst,
};

/** The list of quotes `quotes(...)` reads for its arguments. */
function quoteList(args: QuoteListArguments): TopList {
  return { spec: withRetracted(quoteOrders[args.orderBy ?? QuoteOrder.NEWEST_FIRST], args.includeRetracted), filter: quoteFilter(args) };
}

@Resolver(() => Quote)
export class QuoteResolver {
  @ReadsTopList(quoteList)
  @Query(() => QuoteConnection, {
    description: 'Quotes, newest first unless ordered otherwise (LEAST_CONFIDENT_FIRST for review), filtered by speaker, person, article, topic, source or date (retracted quotes only when asked for).',
  })
  quotes(@Args(() => QuoteListArguments) args: QuoteListArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<QuoteRow>> {
    const { spec, filter } = quoteList(args);
    return listConnection<QuoteRow>(context, spec, args, { filter, info });
  }

  @FieldResolver(() => ID, { description: "Global id, stable and unique across types; use it with `node(id)`." })
  id(@Root() quote: QuoteRow): string {
    return toGlobalId('Quote', quote.id);
  }

  @ReadsJoinedRow(speakerOfQuote, () => Person, { nullable: true, description: 'The person who said it; null when the article does not name them.' })
  speaker(@Root() quote: QuoteRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<PersonRow | null> | null {
    return joinedRow<PersonRow>(context, quote, info);
  }

  @ReadsJoinedRow(articleOfQuote, () => Article, { description: 'The article the quote appears in.' })
  article(@Root() quote: QuoteRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ArticleRow | null> | null {
    return joinedRow<ArticleRow>(context, quote, info);
  }
}
