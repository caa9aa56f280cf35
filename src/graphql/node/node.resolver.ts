import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { articleRows } from '../article/article.lists.js';
import type { Context } from '../context.js';
import type { RowSource } from '../read/catalogue.js';
import { personRows } from '../person/person.lists.js';
import { quoteRows } from '../quote/quote.lists.js';
import { sourceRows } from '../source/source.lists.js';
import { topicRows } from '../topic/topic.lists.js';
import { fromGlobalId, type NodeTypeName } from './global-id.js';
import { Node } from './node.type.js';

const ROWS: Record<NodeTypeName, RowSource> = {
  Article: articleRows,
  Person: personRows,
  Quote: quoteRows,
  Source: sourceRows,
  Topic: topicRows,
};

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; null for an unknown id. The id of a person, source or topic merged into another finds the one it was merged into.',
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Record<string, unknown> | null> {
    const key = fromGlobalId(id);
    if (!key) return null;
    const row = await loaders.node(ROWS[key.type], key.id);
    return row && { ...row, __typename: key.type };
  }
}
