// The body of an extraction worker thread (see extraction-worker.ts): drafts articles on request, so
// that a long extraction never holds up the thread that answers HTTP requests.
import { parentPort } from 'node:worker_threads';
import { extractArticle, type ExtractOptions } from './extract.js';
import { IngestError } from './ingest-error.js';

export interface ExtractionRequest {
  id: number;
  text: string;
  options: ExtractOptions;
}

export type ExtractionReply =
  | { ready: true }
  | { id: number; draft: ReturnType<typeof extractArticle> }
  | { id: number; refusal: { reason: IngestError['reason']; message: string } }
  | { id: number; failure: string };

parentPort?.on('message', ({ id, text, options }: ExtractionRequest) => {
  let reply: ExtractionReply;
  try {
    reply = { id, draft: extractArticle(text, options) };
  } catch (error) {
    reply = error instanceof IngestError
      ? { id, refusal: { reason: error.reason, message: error.message } }
      : { id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
// Loaded: the time budget of the first article starts now, not while the modules load.
parentPort?.postMessage({ ready: true } satisfies ExtractionReply);
