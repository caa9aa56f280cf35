// The one error the ingestion pipeline throws: the input cannot be read as a news article.

/** Why a raw text was refused; `message` is one line a person can act on. */
export type IngestErrorReason = 'empty' | 'binary' | 'no-headline' | 'too-slow' | 'too-large';

export class IngestError extends Error {
  readonly reason: IngestErrorReason;

  constructor(reason: IngestErrorReason, message: string) {
    super(message);
    this.name = 'IngestError';
    this.reason = reason;
  }
}
