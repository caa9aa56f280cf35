// Answers read operations with one SQL statement that builds the whole response, without Apollo's
// pipeline or graphql-js, once graphql-js has shown the statement answers the same.
//
// On a front page of 20 articles the database spends about 1 ms; Apollo, execution, decoding rows
// and serialising them cost our process 1 to 2 ms more, where a hand-written server spends 0.3.
// An operation whose every field the catalogue declares (read/whole-operation.ts) is answered by a
// statement building the whole response as JSON text, sent as it comes. The first requests of a query
// text go through Apollo as always; after one answered without errors, the statement's answer to
// the same request is compared with Apollo's, and only when they agree does the text's operation
// go this way from then on (a difference is logged and it never does). Each request still passes
// the checks Apollo's plugins make: variables coerced, NUL characters refused, the cost limits;
// anything they refuse, and any statement failure, is handed to Apollo to answer with its error.
// Only POSTs without a key or persisted-query extensions come here (GETs carry cache headers and
// tags made while resolving; a key may see more).
import { isDeepStrictEqual } from 'node:util';
import {
  getOperationAST,
  getVariableValues,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { QueryLimits } from '../config.js';
import type { Logger } from '../logger.js';
import type { Context } from './context.js';
import { loggedOperationName } from './apollo.js';
import { checkLimits } from './cost/cost-plugin.js';
import type { QueryCost } from './cost/query-cost.js';
import { holdsNul } from './request-checks.js';
import type { Statement } from './read/compile.js';
import { NotAnswerable, wholeOperationStatement } from './read/whole-operation.js';

/** A GraphQL request as a POST body carries it. */
interface Request {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown>;
}

/** A request's statement, whose one row's `body` is the whole response text; null when Apollo must answer it. */
type Prepared = { statement: Statement; cost: QueryCost } | null;

interface LearntOperation {
  operation: OperationDefinitionNode | null;
  /** `learning` until an answer was compared; `answers` when they agreed; `refused` for good. */
  state: 'learning' | 'answers' | 'refused';
  /** Comparisons that differed (a write may fall between the two reads: three are allowed). */
  differences: number;
  checking: boolean;
}

interface LearntDocument {
  /** Names the document in the statements' keys (its text may be long). */
  id: number;
  document: DocumentNode;
  fragments: Record<string, FragmentDefinitionNode>;
  operations: Map<string, LearntOperation>;
}

export interface DirectAnswersOptions {
  queryLimits: QueryLimits;
  logger: Logger;
  /** Query texts kept, and statements for requests (a text and its variables) kept; the least recently used go first. */
  keep?: { documents: number; statements: number };
}

const DIFFERENCES_ALLOWED = 3;
/** Longer query texts are left to Apollo: what is kept stays small (documents and statements). */
const MAX_QUERY_LENGTH = 20_000;

/** A Map dropping its least recently used entry past `size` (a Map iterates in insertion order). */
class Recent<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  set(key: string, value: V): void {
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }
}

/**
 * The statement answering with the whole response text, `{"data":...,"extensions":...}`, as one
 * string from PostgreSQL: written as it comes, with nothing joined in our process (a joined string
 * is copied once more to be measured and sent).
 */
function wholeResponse(data: Statement, extensions: string): Statement {
  const tail = data.values.length + 1;
  return {
    sql: `SELECT '{"data":' || d."data" || $${tail}::text AS "body" FROM (${data.sql}) d`,
    values: [...data.values, `,"extensions":${extensions}}`],
  };
}

/** The request a POST body holds, when it is one this path may answer. */
function requestOf(body: unknown): Request | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { query, operationName = null, variables = null, extensions } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH || extensions !== undefined) return undefined;
  if (operationName !== null && typeof operationName !== 'string') return undefined;
  if (variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  return { query, operationName, variables: (variables ?? {}) as Record<string, unknown> };
}

export class DirectAnswers {
  private readonly documents: Recent<LearntDocument>;
  /** By query text, operation name and variables. */
  private readonly statements: Recent<Prepared>;
  /** Documents learnt so far, for their ids. */
  private learnt = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly options: DirectAnswersOptions,
  ) {
    const keep = options.keep ?? { documents: 500, statements: 2_000 };
    this.documents = new Recent(keep.documents);
    this.statements = new Recent(keep.statements);
  }

  /** The response text for a POST `body` this path answers; undefined when Apollo answers it. */
  async answer(body: unknown, context: Context): Promise<string | undefined> {
    const started = performance.now();
    const request = requestOf(body);
    if (!request) return undefined;
    const learnt = this.documents.get(request.query);
    const operation = learnt?.operations.get(request.operationName ?? '');
    if (!learnt || operation?.state !== 'answers') return undefined;
    const prepared = this.prepared(learnt, operation, request);
    if (!prepared) return undefined;
    let response: string;
    try {
      const [row] = await context.sql.query<{ body: string }>(prepared.statement.sql, prepared.statement.values);
      response = row!.body;
    } catch {
      return undefined; // Apollo answers, with the error's code (database unavailable, timeout).
    }
    this.options.logger.info(
      {
        requestId: context.requestId,
        operationName: loggedOperationName(operation.operation!.name?.value ?? request.operationName),
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        cost: prepared.cost,
        status: 200,
        direct: true,
      },
      'graphql operation',
    );
    return response;
  }

  /**
   * After Apollo answered `body` with `answered` (status 200): compares the statement's answer with
   * it, off the request's path, to answer the operation directly from then on when they agree.
   */
  learn(body: unknown, context: Context, answered: string): void {
    const request = requestOf(body);
    if (!request) return;
    const learnt = this.learntDocument(request.query);
    if (!learnt) return;
    const name = request.operationName ?? '';
    let operation = learnt.operations.get(name);
    if (!operation) {
      const found = getOperationAST(learnt.document, request.operationName) ?? null;
      operation = { operation: found, state: found?.operation === 'query' ? 'learning' : 'refused', differences: 0, checking: false };
      learnt.operations.set(name, operation);
    }
    if (operation.state !== 'learning' || operation.checking) return;
    operation.checking = true;
    const learning = operation;
    this.compare(learnt, learning, request, context, answered)
      .catch((error: unknown) => this.options.logger.warn({ err: error }, 'comparing an SQL answer failed'))
      .finally(() => (learning.checking = false));
  }

  private async compare(learnt: LearntDocument, operation: LearntOperation, request: Request, context: Context, answered: string): Promise<void> {
    const apollo = JSON.parse(answered) as { data?: unknown; errors?: unknown };
    if (apollo.errors !== undefined || apollo.data === undefined) return;
    // Apollo answered without errors, so the checks pass: no statement means one cannot be written.
    // The statement made here is kept, and answers the next request with these variables.
    const prepared = this.prepared(learnt, operation, request);
    if (!prepared) {
      operation.state = 'refused';
      return;
    }
    const [row] = await context.sql.query<{ body: string }>(prepared.statement.sql, prepared.statement.values);
    if (isDeepStrictEqual((JSON.parse(row!.body) as { data: unknown }).data, apollo.data)) {
      operation.state = 'answers';
      return;
    }
    operation.differences += 1;
    if (operation.differences < DIFFERENCES_ALLOWED) return;
    operation.state = 'refused';
    this.options.logger.warn(
      { operationName: loggedOperationName(request.operationName), query: request.query.slice(0, 500) },
      'the SQL answer to this operation differed from graphql-js\'s three times: graphql-js answers it',
    );
  }

  /** The statement for a request, made once while it is among the recent ones (null: Apollo answers). */
  private prepared(learnt: LearntDocument, operation: LearntOperation, request: Request): Prepared {
    const key = `${learnt.id}:${request.operationName ?? ''}\u0000${JSON.stringify(request.variables)}`;
    const known = this.statements.get(key);
    if (known !== undefined) return known;
    const prepared = this.prepare(learnt, operation.operation!, request.variables);
    this.statements.set(key, prepared);
    return prepared;
  }

  private prepare(learnt: LearntDocument, operation: OperationDefinitionNode, variables: Record<string, unknown>): Prepared {
    // What Apollo's plugins check before anything runs (request-checks.ts, the cost plugin).
    if (holdsNul(variables)) return null;
    const coerced = this.coerced(operation, variables);
    if (!coerced) return null;
    let cost: QueryCost;
    try {
      cost = checkLimits(this.options.queryLimits, this.schema, learnt.document, operation, variables);
    } catch {
      return null;
    }
    try {
      const statement = wholeOperationStatement(this.schema, learnt.fragments, operation, coerced);
      const { maxNodes: limit, maxCost: costLimit } = this.options.queryLimits;
      return { statement: wholeResponse(statement, JSON.stringify({ cost: { ...cost, limit, costLimit } })), cost };
    } catch (error) {
      if (error instanceof NotAnswerable) return null;
      throw error;
    }
  }

  private coerced(operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> | undefined {
    const result = getVariableValues(this.schema, operation.variableDefinitions ?? [], variables);
    return result.errors ? undefined : result.coerced;
  }

  /** The parsed document of a query text Apollo answered, kept (a bounded number) for the next request. */
  private learntDocument(query: string): LearntDocument | undefined {
    const known = this.documents.get(query);
    if (known) return known;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.options.queryLimits.maxTokens });
    } catch {
      return undefined;
    }
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    const learnt: LearntDocument = { id: ++this.learnt, document, fragments, operations: new Map() };
    this.documents.set(query, learnt);
    return learnt;
  }
}
