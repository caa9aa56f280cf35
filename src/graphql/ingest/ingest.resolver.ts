import { GraphQLError } from 'graphql';
import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { IngestError } from '../../ingest/ingest-error.js';
import { storeArticle } from '../../ingest/store.js';
import { articleRows, type ArticleRow } from '../article/article.lists.js';
import type { Context } from '../context.js';
import { requireEditor } from './editor-access.js';
import { IngestArticleArguments, MAX_ARTICLE_LENGTH } from './ingest.inputs.js';
import { IngestArticleResult } from './ingest.type.js';

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

@Resolver(() => IngestArticleResult)
export class IngestResolver {
  @Mutation(() => IngestArticleResult, {
    description: 'Runs the ingestion pipeline on a raw article text and stores the result. Idempotent: the same text gives the same article. Needs an editor API key.',
  })
  async ingestArticle(
    @Args(() => IngestArticleArguments) { text, sourceHint }: IngestArticleArguments,
    @Ctx() context: Context,
  ): Promise<{ article: ArticleRow; created: boolean }> {
    await requireEditor(context);
    if (text.length > MAX_ARTICLE_LENGTH) throw badInput(`"text" is ${text.length} characters, over the limit of ${MAX_ARTICLE_LENGTH}`);
    if (sourceHint != null && (sourceHint.trim() === '' || sourceHint.length > 200)) {
      throw badInput('"sourceHint" must be a name of 1 to 200 characters');
    }
    let draft;
    try {
      draft = await context.extraction.extract(text, sourceHint ? { sourceHint: sourceHint.trim() } : {});
    } catch (error) {
      if (error instanceof IngestError) throw badInput(error.message);
      throw error;
    }
    const stored = await storeArticle(context.writer, draft);
    const article = await context.loaders.row<ArticleRow>(articleRows, stored.articleId);
    return { article: article!, created: stored.created };
  }
}
