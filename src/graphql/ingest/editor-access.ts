// The check every write makes: a valid key with the editor role.
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';

export async function requireEditor(context: Context): Promise<void> {
  const viewer = await context.viewer();
  if (viewer === null) {
    throw new GraphQLError('Writing needs an API key: send "Authorization: Bearer <key>"', { extensions: { code: 'UNAUTHENTICATED' } });
  }
  if (viewer === 'invalid') {
    throw new GraphQLError('The API key is not valid (unknown, malformed or revoked)', { extensions: { code: 'UNAUTHENTICATED' } });
  }
  if (viewer.role !== 'EDITOR') {
    throw new GraphQLError(`The key "${viewer.keyName}" may only read; writing needs an editor key`, { extensions: { code: 'FORBIDDEN' } });
  }
}
