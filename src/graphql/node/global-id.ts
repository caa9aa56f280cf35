// Global object ids ("Person:12" in base64), unique across types, as Relay's node(id) expects.

export type NodeTypeName = 'Article' | 'Person' | 'Quote' | 'Source' | 'Topic';

const NODE_TYPES: readonly NodeTypeName[] = ['Article', 'Person', 'Quote', 'Source', 'Topic'];

export function toGlobalId(type: NodeTypeName, id: number): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

/** The type and database id behind a global id, or null for anything that is not one. */
export function fromGlobalId(globalId: string): { type: NodeTypeName; id: number } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):(\d{1,10})$/.exec(decoded);
  if (!match) return null;
  const type = NODE_TYPES.find((name) => name === match[1]);
  const id = Number(match[2]);
  // Ids are PostgreSQL integers: a larger number names no row (and would be refused as a parameter).
  return type && id >= 1 && id <= 2_147_483_647 ? { type, id } : null;
}
