// Article files through the pipeline, as `quotegraph ingest FILE...` runs them: every file that can be
// read and extracted is stored, BATCH_SIZE to a transaction; every other is reported with its reason,
// and the files after it go on. One bad file among a hundred costs that file, not the batch. Files
// are read and extracted (on worker threads, an ExtractionPool) ahead of the batch being stored.
import { ArticleFileError, readArticleFile, type ArticleFileProblem } from './article-file.js';
import { refreshIngestStatistics } from './db/table-statistics.js';
import type { SqlWriter } from './db/writer.js';
import type { ArticleDraft } from './ingest/draft.js';
import type { Extractor } from './ingest/extraction-worker.js';
import { IngestError, type IngestErrorReason } from './ingest/ingest-error.js';
import { BATCH_SIZE, storeArticles } from './ingest/store.js';

/** Why a file was not stored. */
export type FileFailureReason = ArticleFileProblem | 'empty' | 'no-article-text' | 'extraction-failed' | 'store-failed';

/** The pipeline's refusals, as a file's reasons. */
const INGEST_ERROR_REASONS: Record<IngestErrorReason, FileFailureReason> = {
  empty: 'empty',
  binary: 'binary',
  'no-headline': 'no-article-text',
  'too-slow': 'extraction-failed',
  'too-large': 'too-large',
};

/** How a person reads a reason. */
export const FAILURE_LABELS: Record<FileFailureReason, string> = {
  unreadable: 'unreadable',
  'too-large': 'too large',
  binary: 'binary',
  'not-utf8': 'not UTF-8',
  empty: 'empty',
  'no-article-text': 'no article text',
  'extraction-failed': 'extraction failed',
  'store-failed': 'not stored',
};

export type FileOutcome =
  | { file: string; outcome: 'extracted'; draft: ArticleDraft }
  | { file: string; outcome: 'stored' | 'already-stored'; draft: ArticleDraft; slug: string }
  /** New text for an article already stored under its url: its next revision. */
  | { file: string; outcome: 'revised'; draft: ArticleDraft; slug: string; revision: number }
  | { file: string; outcome: 'failed'; reason: FileFailureReason; message: string };

type FailedFile = Extract<FileOutcome, { outcome: 'failed' }>;

export interface IngestFilesOptions {
  /** Where to store the drafts; null extracts only (a dry run). */
  writer: SqlWriter | null;
  /** Drafts each file's text in worker threads, within a time budget per article. */
  extraction: Extractor;
  /** Something to check in a file that was read all the same (a legacy encoding), before its outcome. */
  onWarning(file: string, warning: string): void;
  /** Each file's outcome, in the order given; a stored file's once its batch is committed. */
  onOutcome(outcome: FileOutcome): void;
  /** How many files have been read and extracted so far. */
  onFileRead?(count: number): void;
}

function failed(file: string, reason: FileFailureReason, message: string): FailedFile {
  return { file, outcome: 'failed', reason, message };
}

type ReadFile = ({ draft: ArticleDraft; text: string } | FailedFile) & { file: string; warnings: string[] };

/** A file's draft, or why there is none, and what to check in it. */
async function draftOf(file: string, extraction: Extractor): Promise<ReadFile> {
  let warnings: string[] = [];
  try {
    const article = await readArticleFile(file);
    warnings = article.warnings;
    return { file, warnings, draft: await extraction.extract(article.text), text: article.text };
  } catch (error) {
    const failure =
      error instanceof ArticleFileError
        ? failed(file, error.reason, error.detail)
        : error instanceof IngestError
          ? failed(file, INGEST_ERROR_REASONS[error.reason], error.message)
          : // A fault of the extractor, not of the file: the others may still go through.
            failed(file, 'extraction-failed', error instanceof Error ? error.message : String(error));
    return { ...failure, warnings };
  }
}

/** Batches read and extracted ahead of the one being stored: the threads extract while the database writes. */
const BATCHES_AHEAD = 1;

/**
 * Reads, extracts and (with a writer) stores `files`, a batch of BATCH_SIZE at a time, in one
 * transaction each (storeArticles). A failure of one file is its outcome; a failure of the
 * database itself (the batch's transaction) is thrown, after the outcomes of the batches before it.
 */
export async function ingestArticleFiles(files: readonly string[], options: IngestFilesOptions): Promise<void> {
  let read = 0;
  const drafts: (Promise<ReadFile> | undefined)[] = [];
  let started = 0;
  const readUpTo = (end: number) => {
    for (; started < Math.min(end, files.length); started++) {
      drafts[started] = draftOf(files[started]!, options.extraction).then((item) => {
        options.onFileRead?.(++read);
        return item;
      });
    }
  };
  for (let start = 0; start < files.length; start += BATCH_SIZE) {
    readUpTo(start + (1 + BATCHES_AHEAD) * BATCH_SIZE);
    const batch = await Promise.all(drafts.slice(start, start + BATCH_SIZE) as Promise<ReadFile>[]);
    drafts.fill(undefined, start, start + BATCH_SIZE);
    const toStore = batch.flatMap((item) => ('outcome' in item ? [] : [{ draft: item.draft, text: item.text }]));
    const stored = options.writer && toStore.length > 0 ? await storeArticles(options.writer, toStore) : [];
    if (options.writer && toStore.length > 0) await refreshIngestStatistics(options.writer);
    let next = 0;
    for (const item of batch) {
      for (const warning of item.warnings) options.onWarning(item.file, warning);
      if ('outcome' in item) {
        options.onOutcome(failed(item.file, item.reason, item.message));
        continue;
      }
      if (!options.writer) {
        options.onOutcome({ file: item.file, outcome: 'extracted', draft: item.draft });
        continue;
      }
      const result = stored[next++]!;
      options.onOutcome(
        result instanceof Error
          ? failed(item.file, 'store-failed', result.message)
          : result.revised
            ? { file: item.file, outcome: 'revised', draft: item.draft, slug: result.slug, revision: result.revision }
            : { file: item.file, outcome: result.created ? 'stored' : 'already-stored', draft: item.draft, slug: result.slug },
      );
    }
  }
}
