// Reads an article file for ingestion, refusing what cannot be news text before it reaches the pipeline.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeText, type TextEncodingName } from './text-decoding.js';

/** Why a file cannot be read as an article. */
export type ArticleFileProblem = 'unreadable' | 'too-large' | 'binary' | 'not-utf8';

/** A file that cannot be read as an article: missing, unreadable, too large, binary or in an unknown encoding. */
export class ArticleFileError extends Error {
  override name = 'ArticleFileError';
  readonly file: string;
  readonly reason: ArticleFileProblem;
  /** What is wrong, without the file's name: "no such file". */
  readonly detail: string;

  constructor(file: string, reason: ArticleFileProblem, detail: string) {
    super(`${file}: ${detail}`);
    this.file = file;
    this.reason = reason;
    this.detail = detail;
  }
}

export interface ArticleFile {
  text: string;
  encoding: TextEncodingName;
  /** What a person should check, without the file's name: a legacy encoding, replacement characters. */
  warnings: string[];
}

/** Larger than any news article; a bigger file is almost certainly not one. */
export const MAX_ARTICLE_BYTES = 1_000_000;

/**
 * The files an ingest of `paths` reads, in order: a file as given; for a folder, every file in it and
 * in its subfolders, by path (names starting with a dot left out: .DS_Store, .git). A folder with
 * no file in it is kept as given, to be refused when read; so is a path that cannot be listed.
 */
export async function articleFilesIn(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const inside = await filesInFolder(given);
    files.push(...(inside.length > 0 ? inside : [given]));
  }
  return files;
}

async function filesInFolder(folder: string): Promise<string[]> {
  try {
    if (!(await stat(folder)).isDirectory()) return [];
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => !path.relative(folder, file).split(path.sep).some((part) => part.startsWith('.')))
      .sort();
  } catch {
    return [];
  }
}

export async function readArticleFile(file: string): Promise<ArticleFile> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new ArticleFileError(file, 'unreadable', 'it is a folder with no article files in it');
    if (info.size > MAX_ARTICLE_BYTES) {
      throw new ArticleFileError(file, 'too-large', `it is ${info.size} bytes; articles over ${MAX_ARTICLE_BYTES} bytes are refused`);
    }
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof ArticleFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ArticleFileError(file, 'unreadable', 'no such file');
    if (code === 'EACCES') throw new ArticleFileError(file, 'unreadable', 'permission denied');
    throw new ArticleFileError(file, 'unreadable', `it cannot be read (${code ?? String(error)})`);
  }
  const decoded = decodeText(bytes);
  if ('refused' in decoded) throw new ArticleFileError(file, decoded.refused, decoded.message);
  return decoded;
}
