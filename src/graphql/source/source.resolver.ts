import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, ID, Query, Resolver, Root } from 'type-graphql';
import { articlesContributedToBySource, articlesPublishedBySource, type ArticleRow } from '../article/article.lists.js';
import { ArticleConnection } from '../article/article.type.js';
import type { Context } from '../context.js';
import { toGlobalId } from '../node/global-id.js';
import type { ConnectionValue } from '../relay/connection.type.js';
import { PageArguments } from '../relay/page-arguments.js';
import { listConnection, nestedConnection } from '../read/answer.js';
import { findRowBySlug } from '../read/execute.js';
import { ReadsList, ReadsRowBySlug, ReadsTopList } from '../read/fields.js';
import { sourceRows, sourcesByName, type SourceRow } from './source.lists.js';
import { Source, SourceConnection } from './source.type.js';

@Resolver(() => Source)
export class SourceResolver {
  @ReadsRowBySlug(sourceRows)
  @Query(() => Source, { nullable: true, description: 'The source with this slug, or null. A slug it had before a rename, or of a source merged into it, finds it too.' })
  source(@Arg('slug', () => String) slug: string, @Ctx() { sql }: Context): Promise<SourceRow | null> {
    return findRowBySlug<SourceRow>(sql, sourceRows, slug);
  }

  @ReadsTopList(() => ({ spec: sourcesByName, filter: () => [] }))
  @Query(() => SourceConnection, { description: 'Every source, by name.' })
  sources(@Args(() => PageArguments) page: PageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<SourceRow>> {
    return listConnection<SourceRow>(context, sourcesByName, page, { info });
  }

  @FieldResolver(() => ID, { description: "Global id, stable and unique across types; use it with `node(id)`." })
  id(@Root() source: SourceRow): string {
    return toGlobalId('Source', source.id);
  }

  @ReadsList(articlesPublishedBySource, () => ArticleConnection, { description: 'Articles this source published, newest first.' })
  articles(@Root() source: SourceRow, @Args(() => PageArguments) page: PageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<ArticleRow>> {
    return nestedConnection<ArticleRow>(context, source, page, info);
  }

  @ReadsList(articlesContributedToBySource, () => ArticleConnection, { description: 'Articles this source is credited as contributing to, newest first.' })
  contributedArticles(@Root() source: SourceRow, @Args(() => PageArguments) page: PageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<ArticleRow>> {
    return nestedConnection<ArticleRow>(context, source, page, info);
  }
}
