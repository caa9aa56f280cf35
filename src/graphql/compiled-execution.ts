// Runs operations as compiled functions (graphql-jit) once a document is seen again.
//
// graphql-js interprets an operation field by field: for every field of every row it looks up the
// field's definition, coerces its arguments and checks its type, which cost more CPU than reading
// the rows on a front page of 20 articles with their topics and quotes (about 400 fields). graphql-jit
// does that work once per document and returns a function that only calls resolvers and copies
// values. The front page's server CPU a request, 10 connections, scale 1: 3.0 -> 1.6 ms on a busy
// machine; 1.88 -> 1.64 ms in the full bench runs (bench/results/2026-12-06-s1.md, -s1-2.md).
//
// Compiling costs 0.6 to 2.7 ms a document (more than running it once), so a document runs on
// graphql-js the first time and is compiled the second, and only a bounded number of compiled
// documents is kept. Apollo plugs an executor in through its gateway interface: parsing,
// validation, the plugins and error formatting stay Apollo's, only execution is replaced.
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, GraphQLError, Kind, type DocumentNode, type ExecutionResult, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

export interface CompiledExecutionOptions {
  /** Runs of a document on graphql-js before it is compiled (0: compiled at its first run). */
  compileAfter?: number;
  /** Documents whose compiled form (or count of runs) is kept; the least recently run is dropped first. */
  keep?: number;
}

/** Apollo's gateway interface (@apollo/server-gateway-interface, which Apollo does not re-export). */
type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

type Result = ExecutionResult<Record<string, unknown>, Record<string, unknown>>;

interface Seen {
  runs: number;
  /** Its compiled form; null when it did not compile (it runs on graphql-js). */
  compiled?: CompiledQuery | null;
}

/**
 * An error of a compiled run as graphql-js would have built it. graphql-jit's errors inherit from
 * GraphQLError without being made by its constructor: no `extensions` object when the original
 * error has none (Apollo reads `extensions.code` of every error, and failed on it) and no `nodes`
 * (from which graphql-js derives `locations`, so theirs are carried over).
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  (rebuilt as { locations: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}

/**
 * Selections past which a document is not compiled, counted with every fragment written out where it
 * is spread. graphql-jit walks a fragment at every spread: thirty fragments each spreading the next
 * twice (2^30 selections written out, 93 as graphql-js collects them) made it allocate until V8
 * stopped the process, with one request sent twice.
 */
const MAX_SELECTIONS_WRITTEN_OUT = 10_000;

/** Whether `document`'s selections, every fragment written out at each spread, stay within MAX_SELECTIONS_WRITTEN_OUT. */
function smallWrittenOut(document: DocumentNode): boolean {
  const fragments = new Map(document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])));
  const fragmentSizes = new Map<string, number>();
  const sizeOf = (selectionSet: SelectionSetNode | undefined): number => {
    let size = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) size += 1 + sizeOf(selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) size += sizeOf(selection.selectionSet);
      else {
        const name = selection.name.value;
        let fragmentSize = fragmentSizes.get(name);
        if (fragmentSize === undefined) {
          fragmentSizes.set(name, 0); // a cycle: validation refused the document before it got here
          fragmentSizes.set(name, (fragmentSize = sizeOf(fragments.get(name)?.selectionSet)));
        }
        size += fragmentSize;
      }
      if (size > MAX_SELECTIONS_WRITTEN_OUT) return size;
    }
    return size;
  };
  return document.definitions.every((definition) => definition.kind !== Kind.OPERATION_DEFINITION || sizeOf(definition.selectionSet) <= MAX_SELECTIONS_WRITTEN_OUT);
}

/**
 * Apollo's gateway interface over one schema that never changes, with an executor that compiles
 * documents run more than `compileAfter` times.
 */
export function compiledExecution(schema: GraphQLSchema, { compileAfter = 1, keep = 1_000 }: CompiledExecutionOptions = {}): Gateway {
  // A Map iterates in insertion order: deleting and inserting again on each run keeps the least
  // recently run document first, to be dropped when the map is full.
  const documents = new Map<string, Seen>();

  const seen = (key: string): Seen => {
    const found = documents.get(key);
    if (found) {
      documents.delete(key);
      documents.set(key, found);
      return found;
    }
    if (documents.size >= keep) documents.delete(documents.keys().next().value!);
    const fresh: Seen = { runs: 0 };
    documents.set(key, fresh);
    return fresh;
  };

  // A document Apollo validated compiles; were one not to, it keeps running on graphql-js.
  const compiled = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    try {
      const made = compileQuery(schema, document, operationName ?? undefined);
      return isCompiledQuery(made) ? made : null;
    } catch {
      return null;
    }
  };

  const executor: Executor = async (request) => {
    const { document, context } = request;
    // The name the client asked for (Apollo's `operationName` is that of the operation it found:
    // none when the name matches nothing, and graphql-js must then refuse the request, not run the only operation).
    const { operationName = null, variables = {} } = request.request;
    // Apollo's hash of the query text: the same text is the same document.
    const entry = seen(`${request.queryHash}:${operationName ?? ''}`);
    entry.runs += 1;
    if (entry.compiled === undefined && entry.runs > compileAfter) entry.compiled = smallWrittenOut(document) ? compiled(document, operationName) : null;
    const run = () => execute({ schema, document, contextValue: context, variableValues: variables, operationName });
    if (!entry.compiled) return (await run()) as Result;
    const result = await entry.compiled.query(undefined, context, variables);
    // No data at all: the variables were refused before anything ran. graphql-js words those
    // errors as Apollo expects of a client's mistake (BAD_USER_INPUT), so it answers them.
    if (!('data' in result)) return (await run()) as Result;
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : (result as Result);
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}
