import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLError } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { ArticleRow } from '../article/article.lists.js';
import { ArticleConnection } from '../article/article.type.js';
import type { Context } from '../context.js';
import type { ConnectionValue } from '../relay/connection.type.js';
import { PageArguments } from '../relay/page-arguments.js';
import { listConnectionReadAhead, readListsAhead } from '../read/answer.js';
import { ReadsLists } from '../read/fields.js';
import type { QuoteRow } from '../quote/quote.lists.js';
import { QuoteConnection } from '../quote/quote.type.js';
import { PRICES } from '../cost/query-cost.js';
import { articlesMatching, quotesMatching } from './search.lists.js';
import { SearchResults } from './search.type.js';

const MAX_QUERY_LENGTH = 200;

/** The query as searched (trimmed), refused when empty or too long. */
function searchedText(query: string): string {
  const trimmed = query.trim();
  if (trimmed === '') throw new GraphQLError('"query" must not be empty', { extensions: { code: 'BAD_USER_INPUT' } });
  if (trimmed.length > MAX_QUERY_LENGTH) {
    throw new GraphQLError(`"query" is longer than ${MAX_QUERY_LENGTH} characters`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return trimmed;
}

/** The lists a search's `articles` and `quotes` read. */
function searchLists({ query }: { query: string }) {
  const searched = searchedText(query);
  return { articles: articlesMatching(searched), quotes: quotesMatching(searched) };
}

@Resolver(() => SearchResults)
export class SearchResolver {
  @ReadsLists(searchLists)
  @Query(() => SearchResults, {
    description:
      'Full-text search over articles and quotes (English stemming; "quoted phrases", or, -excluded words). Results are ranked by ' +
      'how often and where (headline, standfirst, body) each of the query\'s words appears, averaged over its words.',
  })
  async search(@Arg('query', () => String) query: string, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<SearchResults> {
    const lists = searchLists({ query });
    // The articles' and the quotes' pages in one statement, where each field read its own.
    const readAhead = await readListsAhead(context.sql, info, lists);
    return { query: query.trim(), readAhead };
  }

  @FieldResolver(() => ArticleConnection, { complexity: PRICES.search, description: 'Matching articles, best match first.' })
  articles(@Root() results: SearchResults, @Args(() => PageArguments) page: PageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<ArticleRow>> {
    return listConnectionReadAhead<ArticleRow>(context, articlesMatching(results.query), page, results.readAhead, info);
  }

  @FieldResolver(() => QuoteConnection, { complexity: PRICES.search, description: 'Matching quotes, best match first.' })
  quotes(@Root() results: SearchResults, @Args(() => PageArguments) page: PageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<QuoteRow>> {
    return listConnectionReadAhead<QuoteRow>(context, quotesMatching(results.query), page, results.readAhead, info);
  }
}
