// The desk's one way to the API: POST /graphql on this origin, with the pasted key as a Bearer header.
import type { TypedDocumentString } from './generated/graphql';

const KEY_ITEM = 'quotegraph.desk.key';

/** The editor's API key, kept for this tab only (session storage): never in a URL or a cookie. */
export const apiKey = {
  get: (): string | null => sessionStorage.getItem(KEY_ITEM),
  set: (key: string): void => sessionStorage.setItem(KEY_ITEM, key),
  forget: (): void => sessionStorage.removeItem(KEY_ITEM),
};

/** A GraphQL error, with its code (FORBIDDEN, CONFLICT, BAD_USER_INPUT…) when it has one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/** The API's address: /graphql beside /desk, so a path prefix in front of both keeps working. */
const endpoint = () => new URL('graphql', location.href).toString();

const operationName = (query: string) => /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous';

/** Runs a typed document; rejects with an ApiError on any GraphQL or HTTP error. */
export async function request<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables?: Variables): Promise<Result> {
  const key = apiKey.get();
  const response = await fetch(endpoint(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
  });
  const body = (await response.json().catch(() => null)) as { data?: Result; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  if (body?.errors?.length) {
    const [first] = body.errors;
    throw new ApiError(first!.message, first!.extensions?.code ?? null);
  }
  if (!response.ok || !body?.data) throw new ApiError(`The API answered ${response.status}`, null);
  // What render-timing.ts measures from: the answer's arrival, by operation.
  performance.mark(`desk:answer:${operationName(document.toString())}`);
  return body.data;
}

/** An error as the desk shows it: its code first, so "FORBIDDEN" reads at a glance. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.code ? `${error.code}: ${error.message}` : error.message;
  return error instanceof Error ? error.message : String(error);
}
