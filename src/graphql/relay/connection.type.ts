// Relay connection types: PageInfo, and an edge and connection type for each node type, and the
// page of rows a connection answers from.
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PRICES } from '../cost/query-cost.js';

/** One page of a list, as the read engine returns it. */
export interface Page<Row> {
  rows: Row[];
  /** The cursor of one of the page's rows, written only when a query asks for it. */
  cursorOf(row: Row): string;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** How many rows the whole list holds, when it was counted in the page's statement. */
  totalCount?: number;
}

@ObjectType('PageInfo', { simpleResolvers: true, description: 'Where this page sits in its list (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page.' })
  endCursor!: string | null;
}

/** What a resolver returns for a connection field; `totalCount` is counted only when asked for. */
export interface ConnectionValue<Node> {
  edges: { cursor: string; node: Node }[];
  nodes: Node[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/** Base class of `<Name>Connection`: subclass it with @ObjectType() to name the type. */
export function Connection<Node extends object>(nodeType: ClassType<Node>, nodeName: string) {
  @ObjectType(`${nodeName}Edge`, { simpleResolvers: true, description: `A ${nodeName} in a list, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Pass as `after` or `before` to page from this item.' })
    cursor!: string;

    // The item is priced where the connection is (PRICES.item): reaching it from its edge is free.
    @Field(() => nodeType, { complexity: 0, description: `The ${nodeName}.` })
    node!: Node;
  }

  @ObjectType()
  abstract class ConnectionBase {
    @Field(() => [Edge], { description: 'The items of this page, each with its cursor.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The items of this page, without cursors.' })
    nodes!: Node[];

    @Field(() => PageInfo, { complexity: 0, description: 'Cursors and flags for fetching the pages around this one.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { complexity: PRICES.count, description: 'How many items the whole list holds, across all pages.' })
    totalCount!: number;
  }
  return ConnectionBase;
}

/** The connection value of a page: edges and cursors are made only when a query selects them. */
class PageConnection<Node> implements ConnectionValue<Node> {
  readonly nodes: Node[];
  readonly pageInfo: PageInfo;

  constructor(
    private readonly page: Page<Node & Record<string, unknown>>,
    private readonly count: () => Promise<number>,
  ) {
    this.nodes = page.rows;
    this.pageInfo = new PageBounds(page);
  }

  get edges() {
    return this.page.rows.map((node) => ({ cursor: this.page.cursorOf(node), node }));
  }

  /** Counted only when the query selects totalCount. */
  get totalCount() {
    return this.count();
  }
}

class PageBounds<Node> implements PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;

  constructor(private readonly page: Page<Node & Record<string, unknown>>) {
    this.hasNextPage = page.hasNextPage;
    this.hasPreviousPage = page.hasPreviousPage;
  }

  get startCursor() {
    const first = this.page.rows[0];
    return first ? this.page.cursorOf(first) : null;
  }

  get endCursor() {
    const last = this.page.rows.at(-1);
    return last ? this.page.cursorOf(last) : null;
  }
}

export function toConnection<Node>(page: Page<Node & Record<string, unknown>>, totalCount: () => Promise<number>): ConnectionValue<Node> {
  return new PageConnection(page, totalCount);
}
