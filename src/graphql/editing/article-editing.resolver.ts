// Mutations on articles: metadata, publishing, deletion. Each writes the record.
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { deleteArticle, setArticlePublished, updateArticle, type ArticleEditResult } from '../../editorial/article-edits.js';
import { articleRows, type ArticleRow } from '../article/article.lists.js';
import type { Context } from '../context.js';
import { toGlobalId } from '../node/global-id.js';
import { changesByIds, editorially, editorOf, refOf } from './editing-support.js';
import { ObjectRefInput, UpdateArticleInput } from './editing.inputs.js';
import { ArticlePayload, DeletionPayload } from './payloads.type.js';

async function articlePayload(context: Context, result: ArticleEditResult) {
  return {
    article: (await context.loaders.row<ArticleRow>(articleRows, result.articleId))!,
    changes: await changesByIds(context.sql, result.changeIds),
  };
}

@Resolver()
export class ArticleEditingResolver {
  @Mutation(() => ArticlePayload, {
    description:
      'Edits an article\'s title, publication date, source or url. Title, date and source are corrections: they print a notice and a re-ingested text does not undo them. Needs an editor key.',
  })
  async updateArticle(@Arg('input', () => UpdateArticleInput) input: UpdateArticleInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() =>
      updateArticle(context.writer, editor, {
        article: refOf(input.article, 'Article'),
        title: input.title ?? (input.title === null ? '' : undefined),
        publishedAt: input.publishedAt,
        source: input.source,
        url: input.url,
        version: input.version,
      }),
    );
    return articlePayload(context, result);
  }

  @Mutation(() => ArticlePayload, { description: 'Unpublishes an article: it and its quotes are left out of every public read until it is published again. Needs an editor key.' })
  async unpublishArticle(@Arg('input', () => ObjectRefInput) input: ObjectRefInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() => setArticlePublished(context.writer, editor, { article: refOf(input.id, 'Article'), published: false, version: input.version }));
    return articlePayload(context, result);
  }

  @Mutation(() => ArticlePayload, { description: 'Publishes an unpublished article again. Needs an editor key.' })
  async publishArticle(@Arg('input', () => ObjectRefInput) input: ObjectRefInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() => setArticlePublished(context.writer, editor, { article: refOf(input.id, 'Article'), published: true, version: input.version }));
    return articlePayload(context, result);
  }

  @Mutation(() => DeletionPayload, {
    description: 'Deletes an article with all that hangs on it (quotes, mentions, revisions, corrections); its people, sources and topics stay. Needs an editor key.',
  })
  async deleteArticle(@Arg('input', () => ObjectRefInput) input: ObjectRefInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() => deleteArticle(context.writer, editor, { article: refOf(input.id, 'Article'), version: input.version }));
    return { deletedId: toGlobalId('Article', result.articleId), changes: await changesByIds(context.sql, result.changeIds) };
  }
}
