// The check every write makes: a valid key with the editor role. It gives back the caller, whose key
// name goes on the record of what they change.
import { GraphQLError } from 'graphql';
import type { Viewer } from '../../auth/api-keys.js';
import type { Context } from '../context.js';

export async function requireEditor(context: Context): Promise<Viewer> {
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
  return viewer;
}
