import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { PRICES } from '../cost/query-cost.js';
import { toGlobalId } from '../node/global-id.js';
import { authorsOfArticle, peopleMentionedInArticle, type PersonRow } from '../person/person.lists.js';
import { PersonConnection } from '../person/person.type.js';
import { quotesInArticle, type QuoteRow } from '../quote/quote.lists.js';
import { QuotePageArguments } from '../quote/quote.inputs.js';
import { QuoteConnection } from '../quote/quote.type.js';
import { joinedRow, listConnection, nestedConnection } from '../read/answer.js';
import { findRowBySlug } from '../read/execute.js';
import { AnswersFromColumn, ReadsJoinedRow, ReadsList, ReadsRowBySlug, ReadsTopList, type TopList } from '../read/fields.js';
import { readAlongRow } from '../read/plan.js';
import type { ConnectionValue } from '../relay/connection.type.js';
import { DateOrder } from '../relay/ordering.js';
import { PageArguments } from '../relay/page-arguments.js';
import { contributorsOfArticle, type SourceRow } from '../source/source.lists.js';
import { Source, SourceConnection } from '../source/source.type.js';
import { topicsOfArticle, type TopicRow } from '../topic/topic.lists.js';
import { TopicConnection } from '../topic/topic.type.js';
import { ArticleListArguments } from './article.inputs.js';
import {
  articleFilter,
  articleRows,
  articlesNewestFirst,
  articleText,
  articlesOldestFirst,
  revisionsOfArticle,
  sourceOfArticle,
  type ArticleRevisionRow,
  type ArticleRow,
} from './article.lists.js';
import { Article, ArticleConnection, ArticleRevisionConnection } from './article.type.js';

/** The list of articles `articles(...)` reads for its arguments. */
function articleList(args: ArticleListArguments): TopList {
  return { spec: args.orderBy === DateOrder.OLDEST_FIRST ? articlesOldestFirst : articlesNewestFirst, filter: articleFilter(args) };
}

@Resolver(() => Article)
export class ArticleResolver {
  @ReadsRowBySlug(articleRows)
  @Query(() => Article, { nullable: true, description: 'The article with this slug, or null (also for an unpublished article).' })
  article(@Arg('slug', () => String) slug: string, @Ctx() { sql }: Context, @Info() info: GraphQLResolveInfo): Promise<ArticleRow | null> {
    return findRowBySlug<ArticleRow>(sql, articleRows, slug, readAlongRow(info));
  }

  @ReadsTopList(articleList)
  @Query(() => ArticleConnection, {
    description: 'Articles, newest first unless ordered otherwise, filtered by source, topic, person or date.',
  })
  articles(@Args(() => ArticleListArguments) args: ArticleListArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<ArticleRow>> {
    const { spec, filter } = articleList(args);
    return listConnection<ArticleRow>(context, spec, args, { filter, info });
  }

  @FieldResolver(() => ID, { description: "Global id, stable and unique across types; use it with `node(id)`." })
  id(@Root() article: ArticleRow): string {
    return toGlobalId('Article', article.id);
  }

  @AnswersFromColumn()
  @FieldResolver(() => [String], { complexity: PRICES.largeText, description: 'Body paragraphs in reading order, without headings or page chrome.' })
  paragraphs(@Root() article: ArticleRow, @Ctx() { sql }: Context): string[] | Promise<string[]> {
    return article.paragraphs ?? articleText(sql, article.id).then((text) => text.paragraphs);
  }

  @AnswersFromColumn()
  @FieldResolver(() => String, { complexity: PRICES.largeText, description: 'The whole body, paragraphs separated by blank lines.' })
  body(@Root() article: ArticleRow, @Ctx() { sql }: Context): string | Promise<string> {
    return article.body ?? articleText(sql, article.id).then((text) => text.body);
  }

  @ReadsJoinedRow(sourceOfArticle, () => Source, { nullable: true, description: 'The publisher; null when the text does not name one.' })
  source(@Root() article: ArticleRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<SourceRow | null> | null {
    return joinedRow<SourceRow>(context, article, info);
  }

  @ReadsList(contributorsOfArticle, () => SourceConnection, { description: 'News agencies credited as contributing ("With reporting by AP").' })
  contributors(@Root() article: ArticleRow, @Args(() => PageArguments) page: PageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<SourceRow>> {
    return nestedConnection<SourceRow>(context, article, page, info);
  }

  @ReadsList(authorsOfArticle, () => PersonConnection, { description: 'The byline\'s authors, in byline order.' })
  authors(@Root() article: ArticleRow, @Args(() => PageArguments) page: PageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<PersonRow>> {
    return nestedConnection<PersonRow>(context, article, page, info);
  }

  @ReadsList(peopleMentionedInArticle, () => PersonConnection, { description: 'People the story names (not its authors), by name.' })
  people(@Root() article: ArticleRow, @Args(() => PageArguments) page: PageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<PersonRow>> {
    return nestedConnection<PersonRow>(context, article, page, info);
  }

  @ReadsList(topicsOfArticle, () => TopicConnection, { description: 'What the article is about, by name.' })
  topics(@Root() article: ArticleRow, @Args(() => PageArguments) page: PageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<TopicRow>> {
    return nestedConnection<TopicRow>(context, article, page, info);
  }

  @ReadsList(quotesInArticle, () => QuoteConnection, { description: 'The article\'s quotes in reading order (retracted ones only when asked for).' })
  quotes(@Root() article: ArticleRow, @Args(() => QuotePageArguments) page: QuotePageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<QuoteRow>> {
    return nestedConnection<QuoteRow>(context, article, page, info);
  }

  @ReadsList(revisionsOfArticle, () => ArticleRevisionConnection, { description: 'Every text the article was ingested with, first to last: the last is the current one.' })
  revisions(@Root() article: ArticleRow, @Args(() => PageArguments) page: PageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<ArticleRevisionRow>> {
    return nestedConnection<ArticleRevisionRow>(context, article, page, info);
  }
}
