import { GraphQLError } from 'graphql';
import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { checkedUrl } from '../../editorial/article-edits.js';
import { EditorialError } from '../../editorial/editorial-error.js';
import type { ArticleMetadata } from '../../ingest/front-matter.js';
import { IngestError } from '../../ingest/ingest-error.js';
import { storeArticle, type StaleCorrection } from '../../ingest/store.js';
import { articleRows, type ArticleRow } from '../article/article.lists.js';
import type { Context } from '../context.js';
import { requireEditor } from './editor-access.js';
import { IngestArticleArguments, MAX_ARTICLE_LENGTH } from './ingest.inputs.js';
import { IngestArticleResult } from './ingest.type.js';

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** A short text argument trimmed, or BAD_USER_INPUT when blank or too long; undefined when not given. */
function shortText(value: string | null | undefined, name: string, max: number): string | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '' || text.length > max) throw badInput(`"${name}" must be a text of 1 to ${max} characters`);
  return text;
}

/** What the caller says beside the text, checked. */
function metadataOf(args: IngestArticleArguments): ArticleMetadata {
  const metadata: ArticleMetadata = {};
  const title = shortText(args.title, 'title', 500);
  const source = shortText(args.source, 'source', 200);
  if (title) metadata.title = title;
  if (source) metadata.source = source;
  if (args.publishedAt != null) metadata.publishedAt = args.publishedAt.toISOString();
  if (args.url != null) {
    try {
      metadata.url = checkedUrl(args.url);
    } catch (error) {
      if (error instanceof EditorialError) throw badInput(error.message);
      throw error;
    }
  }
  return metadata;
}

/** A correction as the Correction type reads it. */
type CorrectionValue = Omit<StaleCorrection, 'correctedAt' | 'keyName'> & { correctedAt: Date; key: string | null };

@Resolver(() => IngestArticleResult)
export class IngestResolver {
  @Mutation(() => IngestArticleResult, {
    description:
      'Runs the ingestion pipeline on a raw article text and stores the result. An article is identified by its url (or externalId) when given, else by its text: the same text again changes nothing; new text for a known url becomes its next revision, its corrections applied again. Needs an editor key.',
  })
  async ingestArticle(
    @Args(() => IngestArticleArguments) args: IngestArticleArguments,
    @Ctx() context: Context,
  ): Promise<{ article: ArticleRow; created: boolean; revised: boolean; correctionsNoLongerApplying: CorrectionValue[] }> {
    const viewer = await requireEditor(context);
    const { text } = args;
    if (text.length > MAX_ARTICLE_LENGTH) throw badInput(`"text" is ${text.length} characters, over the limit of ${MAX_ARTICLE_LENGTH}`);
    const sourceHint = shortText(args.sourceHint, 'sourceHint', 200);
    const externalId = shortText(args.externalId, 'externalId', 200);
    const metadata = metadataOf(args);
    let draft;
    try {
      draft = await context.extraction.extract(text, { ...(sourceHint ? { sourceHint } : {}), metadata });
    } catch (error) {
      if (error instanceof IngestError) throw badInput(error.message);
      throw error;
    }
    const stored = await storeArticle(context.writer, draft, { text, externalId, keyName: viewer.keyName });
    const article = await context.loaders.row<ArticleRow>(articleRows, stored.articleId);
    return {
      article: article!,
      created: stored.created,
      revised: stored.revised,
      correctionsNoLongerApplying: stored.correctionsNoLongerApplying.map(({ keyName, correctedAt, ...correction }) => ({
        ...correction,
        correctedAt: new Date(correctedAt),
        key: keyName,
      })),
    };
  }
}
