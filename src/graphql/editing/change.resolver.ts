// The record of changes, for editors: `changes(object, key)`, newest first.
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { ChangeFilter, ChangeRow } from '../../editorial/change-record.js';
import type { Context } from '../context.js';
import { requireEditor } from '../ingest/editor-access.js';
import { fromGlobalId, toGlobalId, type NodeTypeName } from '../node/global-id.js';
import { listConnection } from '../read/answer.js';
import type { ConnectionValue } from '../relay/connection.type.js';
import { PageArguments } from '../relay/page-arguments.js';
import { changeFilter, changesNewestFirst } from './change.lists.js';
import { Change, ChangeConnection, FieldChange } from './change.type.js';

@ArgsType()
class ChangeListArguments extends PageArguments {
  @Field(() => ID, {
    nullable: true,
    description: 'Only the changes of this object, by its global id (a person merged away, or an article deleted, keeps its changes under its own id).',
  })
  object?: string | null;

  @Field(() => String, { nullable: true, description: 'Only the changes made with the API key of this name.' })
  key?: string | null;
}

@Resolver(() => Change)
export class ChangeResolver {
  @Query(() => ChangeConnection, {
    description: 'The record of changes, newest first: every ingest and every editorial mutation, with the key that made it, the fields before and after, and the note. Needs an editor key.',
  })
  async changes(@Args(() => ChangeListArguments) args: ChangeListArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<ChangeRow>> {
    await requireEditor(context);
    const filter: ChangeFilter = {};
    if (args.object != null) {
      const key = fromGlobalId(args.object);
      if (!key) throw new GraphQLError(`"object" must be a global id; "${args.object.slice(0, 100)}" is not one`, { extensions: { code: 'BAD_USER_INPUT' } });
      filter.object = key;
    }
    if (args.key != null) filter.keyName = args.key;
    return listConnection<ChangeRow>(context, changesNewestFirst, args, { filter: changeFilter(filter), info });
  }

  @FieldResolver(() => ID, { description: 'The global id of the object changed (which may since have been merged away or deleted).' })
  object(@Root() change: ChangeRow): string {
    const [type, id] = change.object.split(':');
    return toGlobalId(type as NodeTypeName, Number(id));
  }

  @FieldResolver(() => [FieldChange], { description: 'Each field changed, as it was and as it became.' })
  fields(@Root() change: ChangeRow): FieldChange[] {
    const before = change.fields.before ?? {};
    const after = change.fields.after ?? {};
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return names.map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
  }
}
