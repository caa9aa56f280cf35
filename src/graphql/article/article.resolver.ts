import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { PRICES } from '../cost/query-cost.js';
import { findRowBySlug, idOfSlug } from '../loaders.js';
import { toGlobalId } from '../node/global-id.js';
import type { ConnectionValue } from '../pagination/connection.type.js';
import { dateRangeConditions } from '../pagination/date-range.js';
import type { Filter } from '../pagination/keyset.js';
import { PageArguments } from '../pagination/page-arguments.js';
import { ReadsJoinedRow } from '../pagination/joined-rows.js';
import { ReadsList } from '../pagination/nested-pages.js';
import { readAlongRow } from '../pagination/read-along.js';
import { listConnection, nestedConnection } from '../pagination/resolve-connection.js';
import { authorsOfArticle, peopleMentionedInArticle, type PersonRow } from '../person/person.lists.js';
import { PersonConnection } from '../person/person.type.js';
import { DateOrder } from '../pagination/date-order.js';
import { quotesInArticle, type QuoteRow } from '../quote/quote.lists.js';
import { QuotePageArguments } from '../quote/quote.inputs.js';
import { QuoteConnection } from '../quote/quote.type.js';
import { contributorsOfArticle, sourceRows, type SourceRow } from '../source/source.lists.js';
import { Source, SourceConnection } from '../source/source.type.js';
import { topicsOfArticle, type TopicRow } from '../topic/topic.lists.js';
import { TopicConnection } from '../topic/topic.type.js';
import { ArticleListArguments } from './article.inputs.js';
import {
  articleRows,
  articlesNewestFirst,
  articleText,
  articlesOldestFirst,
  revisionsOfArticle,
  type ArticleRevisionRow,
  type ArticleRow,
} from './article.lists.js';
import { Article, ArticleConnection, ArticleRevisionConnection } from './article.type.js';

function articleFilter(args: ArticleListArguments): Filter {
  return (parameters) => {
    const conditions: string[] = [];
    if (args.source) {
      conditions.push(`t."sourceId" = ${idOfSlug('"Source"', 'Source', parameters.add(args.source))}`);
    }
    if (args.topic) {
      conditions.push(`t."id" IN (SELECT tagged."articleId" FROM "ArticleTopic" tagged
        WHERE tagged."topicId" = ${idOfSlug('"Topic"', 'Topic', parameters.add(args.topic))})`);
    }
    if (args.person) {
      conditions.push(`t."id" IN (SELECT mention."articleId" FROM "ArticleMention" mention
        WHERE mention."personId" = ${idOfSlug('"Person"', 'Person', parameters.add(args.person))})`);
    }
    return [...conditions, ...dateRangeConditions(parameters, args)];
  };
}

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, { nullable: true, description: 'The article with this slug, or null (also for an unpublished article).' })
  article(@Arg('slug', () => String) slug: string, @Ctx() { sql }: Context, @Info() info: GraphQLResolveInfo): Promise<ArticleRow | null> {
    return findRowBySlug<ArticleRow>(sql, articleRows, slug, readAlongRow(articleRows, info));
  }

  @Query(() => ArticleConnection, {
    description: 'Articles, newest first unless ordered otherwise, filtered by source, topic, person or date.',
  })
  articles(@Args(() => ArticleListArguments) args: ArticleListArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<ArticleRow>> {
    const spec = args.orderBy === DateOrder.OLDEST_FIRST ? articlesOldestFirst : articlesNewestFirst;
    return listConnection<ArticleRow>(context, spec, args, { filter: articleFilter(args), info });
  }

  @FieldResolver(() => ID, { description: "Global id, stable and unique across types; use it with `node(id)`." })
  id(@Root() article: ArticleRow): string {
    return toGlobalId('Article', article.id);
  }

  @FieldResolver(() => [String], { complexity: PRICES.largeText, description: 'Body paragraphs in reading order, without headings or page chrome.' })
  paragraphs(@Root() article: ArticleRow, @Ctx() { sql }: Context): string[] | Promise<string[]> {
    return article.paragraphs ?? articleText(sql, article.id).then((text) => text.paragraphs);
  }

  @FieldResolver(() => String, { complexity: PRICES.largeText, description: 'The whole body, paragraphs separated by blank lines.' })
  body(@Root() article: ArticleRow, @Ctx() { sql }: Context): string | Promise<string> {
    return article.body ?? articleText(sql, article.id).then((text) => text.body);
  }

  @ReadsJoinedRow()
  @FieldResolver(() => Source, {
    nullable: true,
    description: 'The publisher; null when the text does not name one.',
  })
  source(@Root() article: ArticleRow, @Ctx() { loaders }: Context): Promise<SourceRow | null> | null {
    return article.sourceId === null ? null : loaders.row<SourceRow>(sourceRows, article.sourceId);
  }

  @FieldResolver(() => SourceConnection, { description: 'News agencies credited as contributing ("With reporting by AP").' })
  @ReadsList(contributorsOfArticle)
  contributors(@Root() article: ArticleRow, @Args(() => PageArguments) page: PageArguments, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<SourceRow>> {
    return nestedConnection<SourceRow>(loaders, contributorsOfArticle, article.id, page, info);
  }

  @FieldResolver(() => PersonConnection, { description: 'The byline\'s authors, in byline order.' })
  @ReadsList(authorsOfArticle)
  authors(@Root() article: ArticleRow, @Args(() => PageArguments) page: PageArguments, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<PersonRow>> {
    return nestedConnection<PersonRow>(loaders, authorsOfArticle, article.id, page, info);
  }

  @FieldResolver(() => PersonConnection, { description: 'People the story names (not its authors), by name.' })
  @ReadsList(peopleMentionedInArticle)
  people(@Root() article: ArticleRow, @Args(() => PageArguments) page: PageArguments, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<PersonRow>> {
    return nestedConnection<PersonRow>(loaders, peopleMentionedInArticle, article.id, page, info);
  }

  @FieldResolver(() => TopicConnection, { description: 'What the article is about, by name.' })
  @ReadsList(topicsOfArticle)
  topics(@Root() article: ArticleRow, @Args(() => PageArguments) page: PageArguments, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<TopicRow>> {
    return nestedConnection<TopicRow>(loaders, topicsOfArticle, article.id, page, info);
  }

  @FieldResolver(() => QuoteConnection, { description: 'The article\'s quotes in reading order (retracted ones only when asked for).' })
  @ReadsList(quotesInArticle)
  quotes(@Root() article: ArticleRow, @Args(() => QuotePageArguments) page: QuotePageArguments, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<QuoteRow>> {
    return nestedConnection<QuoteRow>(loaders, quotesInArticle.forArguments!({ ...page }), article.id, page, info);
  }

  @FieldResolver(() => ArticleRevisionConnection, { description: 'Every text the article was ingested with, first to last: the last is the current one.' })
  @ReadsList(revisionsOfArticle)
  revisions(@Root() article: ArticleRow, @Args(() => PageArguments) page: PageArguments, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<ArticleRevisionRow>> {
    return nestedConnection<ArticleRevisionRow>(loaders, revisionsOfArticle, article.id, page, info);
  }
}
