// Mutations on sources and topics: rename, merge, delete when unused. Each writes the record.
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { deleteNamed, mergeNamed, renameNamed, type Catalogue } from '../../editorial/source-and-topic-edits.js';
import type { Context } from '../context.js';
import { toGlobalId } from '../node/global-id.js';
import { sourceRows, type SourceRow } from '../source/source.lists.js';
import { topicRows, type TopicRow } from '../topic/topic.lists.js';
import { changesByIds, editorially, editorOf, refOf } from './editing-support.js';
import { MergeInput, ObjectRefInput, RenameInput } from './editing.inputs.js';
import { DeletionPayload, SourcePayload, TopicPayload } from './payloads.type.js';

async function rename(context: Context, table: Catalogue, input: RenameInput) {
  const editor = await editorOf(context, input.note);
  return editorially(() => renameNamed(context.writer, editor, table, { ref: refOf(input.id, table), name: input.name, version: input.version }));
}

async function merge(context: Context, table: Catalogue, input: MergeInput) {
  const editor = await editorOf(context, input.note);
  return editorially(() =>
    mergeNamed(context.writer, editor, table, {
      from: refOf(input.from, table),
      into: refOf(input.into, table),
      fromVersion: input.fromVersion,
      intoVersion: input.intoVersion,
    }),
  );
}

async function remove(context: Context, table: Catalogue, input: ObjectRefInput) {
  const editor = await editorOf(context, input.note);
  const result = await editorially(() => deleteNamed(context.writer, editor, table, { ref: refOf(input.id, table), version: input.version }));
  return { deletedId: toGlobalId(table, result.id), changes: await changesByIds(context.sql, result.changeIds) };
}

@Resolver()
export class CatalogueEditingResolver {
  @Mutation(() => SourcePayload, {
    description: 'Renames a source (a reporter\'s name stored as a source, say). Its slug follows the name; the old slug, and articles ingested under the old name, still find it. Needs an editor key.',
  })
  async renameSource(@Arg('input', () => RenameInput) input: RenameInput, @Ctx() context: Context) {
    const result = await rename(context, 'Source', input);
    return { source: (await context.loaders.row<SourceRow>(sourceRows, result.id))!, mergedSourceId: null, changes: await changesByIds(context.sql, result.changeIds) };
  }

  @Mutation(() => SourcePayload, {
    description: 'Merges two sources: the articles of `from` (published or contributed to) move to `into`, and the slug and global id of `from` find `into`. Needs an editor key.',
  })
  async mergeSources(@Arg('input', () => MergeInput) input: MergeInput, @Ctx() context: Context) {
    const result = await merge(context, 'Source', input);
    return {
      source: (await context.loaders.row<SourceRow>(sourceRows, result.id))!,
      mergedSourceId: toGlobalId('Source', result.mergedId),
      changes: await changesByIds(context.sql, result.changeIds),
    };
  }

  @Mutation(() => DeletionPayload, { description: 'Deletes a source no article uses (BAD_USER_INPUT otherwise: merge it instead). Needs an editor key.' })
  deleteSource(@Arg('input', () => ObjectRefInput) input: ObjectRefInput, @Ctx() context: Context) {
    return remove(context, 'Source', input);
  }

  @Mutation(() => TopicPayload, { description: 'Renames a topic. Its slug follows the name; the old slug, and articles ingested under the old name, still find it. Needs an editor key.' })
  async renameTopic(@Arg('input', () => RenameInput) input: RenameInput, @Ctx() context: Context) {
    const result = await rename(context, 'Topic', input);
    return { topic: (await context.loaders.row<TopicRow>(topicRows, result.id))!, mergedTopicId: null, changes: await changesByIds(context.sql, result.changeIds) };
  }

  @Mutation(() => TopicPayload, { description: 'Merges two topics: the articles of `from` move to `into`, and the slug and global id of `from` find `into`. Needs an editor key.' })
  async mergeTopics(@Arg('input', () => MergeInput) input: MergeInput, @Ctx() context: Context) {
    const result = await merge(context, 'Topic', input);
    return {
      topic: (await context.loaders.row<TopicRow>(topicRows, result.id))!,
      mergedTopicId: toGlobalId('Topic', result.mergedId),
      changes: await changesByIds(context.sql, result.changeIds),
    };
  }

  @Mutation(() => DeletionPayload, { description: 'Deletes a topic no article uses (BAD_USER_INPUT otherwise: merge it instead). Needs an editor key.' })
  deleteTopic(@Arg('input', () => ObjectRefInput) input: ObjectRefInput, @Ctx() context: Context) {
    return remove(context, 'Topic', input);
  }
}
