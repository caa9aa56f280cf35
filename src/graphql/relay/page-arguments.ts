// The Relay arguments every list takes, validated in one place.
import { GraphQLError } from 'graphql';
import { ArgsType, Field, Int } from 'type-graphql';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArguments {
  @Field(() => Int, { nullable: true, description: `Return the first n items (at most ${MAX_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Return the last n items (at most ${MAX_PAGE_SIZE}).` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Return items before this cursor.' })
  before?: string | null;
}

/** A validated page request: which way to walk, how many, and from where. */
export interface PageRequest {
  /** True for first/after (forward), false for last/before (backward). */
  forward: boolean;
  size: number;
  cursor: string | null;
  /**
   * Read one row past the page, to tell whether more follow. Only `pageInfo` asks that; a query that
   * does not select it is spared the row (and, on a front page, its nested pages).
   */
  lookAhead: boolean;
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** The request `page` makes; `lookAhead` false when nothing reads whether more rows follow. */
export function toPageRequest(page: PageArguments, lookAhead = true): PageRequest {
  const { first, last, after, before } = page;
  if (first != null && last != null) throw badInput('Pass either "first" or "last", not both');
  for (const [name, value] of [['first', first], ['last', last]] as const) {
    if (value == null) continue;
    if (value < 0) throw badInput(`"${name}" must not be negative`);
    if (value > MAX_PAGE_SIZE) {
      throw badInput(`"${name}" is ${value}, above the maximum of ${MAX_PAGE_SIZE}: page through larger lists`);
    }
  }
  if (last != null || (before != null && first == null)) {
    if (after != null) throw badInput('"after" goes with "first", not with "last"');
    return { forward: false, size: last ?? DEFAULT_PAGE_SIZE, cursor: before ?? null, lookAhead };
  }
  if (before != null) throw badInput('"before" goes with "last", not with "first"');
  return { forward: true, size: first ?? DEFAULT_PAGE_SIZE, cursor: after ?? null, lookAhead };
}

/** A stable key for a page request, so one loader serves every parent asking for the same page. */
export function pageRequestKey(request: PageRequest): string {
  return `${request.forward ? 'f' : 'b'}:${request.size}:${request.lookAhead ? '+' : ''}:${request.cursor ?? ''}`;
}
