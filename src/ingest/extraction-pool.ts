// Several extraction threads (extraction-worker.ts) for ingesting many files: each article goes to
// the thread with the fewest articles waiting, so several cores extract at once. Each thread keeps
// the time budget per article, and its articles in the order given; drafts may come back in
// another order than the articles were given across threads, so callers keep their own order.
import type { ArticleDraft } from './draft.js';
import type { ExtractOptions } from './extract.js';
import { ExtractionWorker, type Extractor } from './extraction-worker.js';

export class ExtractionPool implements Extractor {
  private readonly workers: ExtractionWorker[];

  /**
   * `timeoutMs`: the longest one article may take; `size`: threads. Each thread pays V8's warm-up
   * (about a second of CPU compiling the extractor), so more threads than free cores cost more than
   * they extract (src/config.ts's QUOTEGRAPH_EXTRACTION_THREADS).
   */
  constructor(timeoutMs: number, size: number) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => new ExtractionWorker(timeoutMs));
  }

  get size(): number {
    return this.workers.length;
  }

  extract(text: string, options: ExtractOptions = {}): Promise<ArticleDraft> {
    const idlest = this.workers.reduce((best, worker) => (worker.waiting < best.waiting ? worker : best));
    return idlest.extract(text, options);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}
