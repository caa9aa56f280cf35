// Runs the extraction pipeline in a worker thread with a time budget per article. Extraction is
// synchronous CPU work: on the server's own thread a long one would hold up every other request, and
// only ending its thread can stop one that runs too long. Articles are extracted one at a time, in order.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../package-root.js';
import type { ArticleDraft } from './draft.js';
import type { ExtractOptions } from './extract.js';
import type { ExtractionReply, ExtractionRequest } from './extraction-thread.js';
import { IngestError } from './ingest-error.js';

/** Heap a worker may use: an article is at most a megabyte of text; its analysis a few times that. */
const WORKER_HEAP_MB = 512;

/**
 * The thread's compiled file: beside this module (dist/src/ingest under tsc, dist/ in the bundle,
 * which bundles the thread as its own file), else the tsc output (under vitest, which runs sources).
 */
function threadFile(): URL {
  // The bundle names it .mjs, tsc .js.
  for (const name of ['./extraction-thread.js', './extraction-thread.mjs']) {
    const beside = new URL(name, import.meta.url);
    if (beside.protocol === 'file:' && existsSync(beside)) return beside;
  }
  return pathToFileURL(path.join(packageRoot, 'dist/src/ingest/extraction-thread.js'));
}

interface Job {
  request: ExtractionRequest;
  resolve(draft: ArticleDraft): void;
  reject(error: Error): void;
}

/** What drafts articles off the caller's thread: one extraction thread, or a pool of them (extraction-pool.ts). */
export interface Extractor {
  /** The article's draft, or an IngestError (refused text, or over the time budget). */
  extract(text: string, options?: ExtractOptions): Promise<ArticleDraft>;
  /** Ends the threads; articles still waiting are refused. */
  close(): Promise<void>;
}

export class ExtractionWorker implements Extractor {
  private worker: Worker | null = null;
  /** Whether the thread has loaded its modules (an article's time budget starts then). */
  private ready = false;
  private readonly queue: Job[] = [];
  private running: { job: Job; timer: NodeJS.Timeout | null } | null = null;
  private nextId = 1;
  private closed = false;

  /** `timeoutMs`: the longest one article may take; past it the article is refused and its thread ended. */
  constructor(private readonly timeoutMs: number) {}

  /** The article's draft, or an IngestError (refused text, or over the time budget). */
  extract(text: string, options: ExtractOptions = {}): Promise<ArticleDraft> {
    if (this.closed) return Promise.reject(new Error('the extraction worker is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, text, options }, resolve, reject });
      this.startNext();
    });
  }

  /** Articles given and not yet drafted or refused. */
  get waiting(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  /** Ends the thread; articles still waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the extraction worker was closed'));
    if (this.running) {
      if (this.running.timer) clearTimeout(this.running.timer);
      this.running.job.reject(new Error('the extraction worker was closed'));
      this.running = null;
    }
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(threadFile(), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    this.ready = false;
    worker.on('message', (reply: ExtractionReply) => {
      if (!('ready' in reply)) return this.finish(reply);
      this.ready = true;
      this.startClock();
    });
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', () => {
      if (this.worker === worker) this.fail(worker, new Error('the extraction thread stopped'));
    });
    // An idle thread must not keep a command-line process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private startNext(): void {
    if (this.running || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    const worker = this.thread();
    worker.ref();
    this.running = { job, timer: null };
    worker.postMessage(job.request);
    if (this.ready) this.startClock();
  }

  /** Starts the running article's time budget; past it the thread is ended, the only way to stop it. */
  private startClock(): void {
    const running = this.running;
    const worker = this.worker;
    if (!running || running.timer || !worker) return;
    running.timer = setTimeout(() => {
      this.worker = null;
      void worker.terminate();
      this.settle((job) => job.reject(new IngestError(
        'too-slow',
        `Extracting the article took longer than ${this.timeoutMs} ms and was stopped; the text was not stored`,
      )));
    }, this.timeoutMs);
  }

  private finish(reply: Exclude<ExtractionReply, { ready: true }>): void {
    if (!this.running || this.running.job.request.id !== reply.id) return;
    this.settle((job) => {
      if ('draft' in reply) job.resolve(reply.draft);
      else if ('refusal' in reply) job.reject(new IngestError(reply.refusal.reason, reply.refusal.message));
      else job.reject(new Error(`extraction failed: ${reply.failure}`));
    });
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = null;
    // A thread over its heap limit ends with ERR_WORKER_OUT_OF_MEMORY: the text was too much to analyse.
    const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    this.settle((job) => job.reject(outOfMemory
      ? new IngestError('too-large', 'Extracting the article ran out of memory and was stopped; the text was not stored')
      : error));
  }

  private settle(outcome: (job: Job) => void): void {
    const running = this.running;
    if (!running) return;
    if (running.timer) clearTimeout(running.timer);
    this.running = null;
    this.worker?.unref();
    outcome(running.job);
    this.startNext();
  }
}
