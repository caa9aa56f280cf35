// Reads an article file for ingestion, refusing what cannot be news text before it reaches the pipeline.
import { readFile, stat } from 'node:fs/promises';

/** A file that cannot be read as an article: missing, unreadable, too large or binary. */
export class ArticleFileError extends Error {
  override name = 'ArticleFileError';
}

/** Larger than any news article; a bigger file is almost certainly not one. */
export const MAX_ARTICLE_BYTES = 1_000_000;

export async function readArticleFile(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new ArticleFileError(`${file} is a folder, not an article file`);
    if (info.size > MAX_ARTICLE_BYTES) {
      throw new ArticleFileError(`${file} is ${info.size} bytes; articles over ${MAX_ARTICLE_BYTES} bytes are refused`);
    }
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof ArticleFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ArticleFileError(`${file}: no such file`);
    if (code === 'EACCES') throw new ArticleFileError(`${file}: permission denied`);
    throw new ArticleFileError(`${file}: cannot be read (${code ?? String(error)})`);
  }
  if (bytes.includes(0)) throw new ArticleFileError(`${file} is a binary file, not article text`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text;
}
