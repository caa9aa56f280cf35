// Metadata written above an article's text in a front-matter block, as static-site tools write it:
//
//   ---
//   title: Pompeo, Lavrov see hope for improved ties
//   url: https://example.com/pompeo-lavrov
//   publishedAt: 2019-05-14
//   source: Associated Press
//   ---
//
// The block is not part of the story; offsets into the raw text stay as they are (the story's blocks
// simply start after it).

/** What a caller knows about an article beside its text; each, when given, wins over what the text says. */
export interface ArticleMetadata {
  title?: string;
  url?: string;
  /** An ISO 8601 date or date-time. */
  publishedAt?: string;
  /** The publisher's name. */
  source?: string;
}

export interface FrontMatter {
  metadata: ArticleMetadata;
  /** Offset (UTF-16) of the first character after the block; 0 without one. */
  end: number;
}

const KEYS: Record<string, keyof ArticleMetadata> = {
  title: 'title',
  headline: 'title',
  url: 'url',
  link: 'url',
  publishedat: 'publishedAt',
  published: 'publishedAt',
  date: 'publishedAt',
  source: 'source',
  publisher: 'source',
};

/** The front-matter block opening `text`, if any; lines it does not know are ignored. */
export function readFrontMatter(text: string): FrontMatter {
  const opening = /^\uFEFF?---[ \t]*\r?\n/u.exec(text);
  if (!opening) return { metadata: {}, end: 0 };
  const closing = /^---[ \t]*(?:\r?\n|$)/mu;
  const rest = text.slice(opening[0].length);
  const close = closing.exec(rest);
  // A block must close within a few lines; a horizontal rule at the top of a story is not one.
  if (!close || rest.slice(0, close.index).split('\n').length > 30) return { metadata: {}, end: 0 };
  const metadata: ArticleMetadata = {};
  for (const line of rest.slice(0, close.index).split(/\r?\n/u)) {
    const field = /^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/u.exec(line);
    const key = field ? KEYS[field[1]!.toLowerCase()] : undefined;
    if (!field || !key) continue;
    const value = field[2]!.replace(/^(["'])(.*)\1$/u, '$2').trim();
    if (value !== '') metadata[key] = value;
  }
  return { metadata, end: opening[0].length + close.index + close[0].length };
}

/** "2019-05-14", "2019-05-14T09:30:00Z": the ISO date (or date-time at UTC) it names, else null. */
export function isoDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/u.exec(value.trim());
  if (!match) return null;
  const date = new Date(match[4] ? value.trim().replace(' ', 'T') + (match[7] ? '' : 'Z') : `${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  return match[4] ? date.toISOString() : `${match[1]}-${match[2]}-${match[3]}`;
}
