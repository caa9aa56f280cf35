import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, ID, Query, Resolver, Root } from 'type-graphql';
import { articlesOnTopic, type ArticleRow } from '../article/article.lists.js';
import { ArticleConnection } from '../article/article.type.js';
import type { Context } from '../context.js';
import { toGlobalId } from '../node/global-id.js';
import type { ConnectionValue } from '../relay/connection.type.js';
import { PageArguments } from '../relay/page-arguments.js';
import { listConnection, nestedConnection } from '../read/answer.js';
import { findRowBySlug } from '../read/execute.js';
import { ReadsList, ReadsRowBySlug, ReadsTopList } from '../read/fields.js';
import { quotesOnTopic, type QuoteRow } from '../quote/quote.lists.js';
import { QuotePageArguments } from '../quote/quote.inputs.js';
import { QuoteConnection } from '../quote/quote.type.js';
import { topicRows, topicsByName, type TopicRow } from './topic.lists.js';
import { Topic, TopicConnection } from './topic.type.js';

@Resolver(() => Topic)
export class TopicResolver {
  @ReadsRowBySlug(topicRows)
  @Query(() => Topic, { nullable: true, description: 'The topic with this slug, or null. A slug it had before a rename, or of a topic merged into it, finds it too.' })
  topic(@Arg('slug', () => String) slug: string, @Ctx() { sql }: Context): Promise<TopicRow | null> {
    return findRowBySlug<TopicRow>(sql, topicRows, slug);
  }

  @ReadsTopList(() => ({ spec: topicsByName, filter: () => [] }))
  @Query(() => TopicConnection, { description: 'Every topic, by name.' })
  topics(@Args(() => PageArguments) page: PageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<TopicRow>> {
    return listConnection<TopicRow>(context, topicsByName, page, { info });
  }

  @FieldResolver(() => ID, { description: "Global id, stable and unique across types; use it with `node(id)`." })
  id(@Root() topic: TopicRow): string {
    return toGlobalId('Topic', topic.id);
  }

  @ReadsList(articlesOnTopic, () => ArticleConnection, { description: 'Articles on this topic, newest first.' })
  articles(@Root() topic: TopicRow, @Args(() => PageArguments) page: PageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<ArticleRow>> {
    return nestedConnection<ArticleRow>(context, topic, page, info);
  }

  @ReadsList(quotesOnTopic, () => QuoteConnection, { description: 'Quotes in articles on this topic, newest first (retracted quotes only when asked for).' })
  quotes(@Root() topic: TopicRow, @Args(() => QuotePageArguments) page: QuotePageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<QuoteRow>> {
    return nestedConnection<QuoteRow>(context, topic, page, info);
  }
}
