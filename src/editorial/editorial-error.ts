// What an editorial change refuses, with the API's error codes: the GraphQL layer passes the code on,
// the command line prints the message.

export type EditorialErrorCode = 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT';

export class EditorialError extends Error {
  override name = 'EditorialError';
  constructor(
    readonly code: EditorialErrorCode,
    message: string,
    /** More for the client: the current version on a CONFLICT. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function notFound(message: string): EditorialError {
  return new EditorialError('NOT_FOUND', message);
}

export function badInput(message: string): EditorialError {
  return new EditorialError('BAD_USER_INPUT', message);
}

/**
 * Refuses a change made against an old version: someone changed `what` since the editor read it.
 * Without an expected version the change goes ahead (the last writer wins, on the record).
 */
export function checkVersion(what: string, current: number, expected: number | null | undefined): void {
  if (expected == null || expected === current) return;
  throw new EditorialError(
    'CONFLICT',
    `${what} was changed by someone else since you read it (you read version ${expected}; it is now version ${current}): read it again and redo your change`,
    { currentVersion: current },
  );
}
