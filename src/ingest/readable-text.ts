// Refuses input that is not text a reporter wrote: empty, or binary.
import { IngestError } from './ingest-error.js';

/** Share of control or replacement characters above which the input is taken for binary data. */
const MAX_UNREADABLE_SHARE = 0.05;
/** NUL, a control character other than tab and line breaks, or the replacement character. */
const UNREADABLE_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/u;

export function assertReadableText(rawText: string): void {
  if (rawText.trim() === '') throw new IngestError('empty', 'The article text is empty.');
  // Text a reporter wrote has no control characters at all: one search settles it.
  if (!UNREADABLE_CHARACTER.test(rawText)) return;
  let unreadable = 0;
  for (let i = 0; i < rawText.length; i++) {
    const unit = rawText.charCodeAt(i);
    if (unit === 0) throw new IngestError('binary', 'The input contains NUL bytes; it looks like binary data, not article text.');
    const isControl = (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || (unit >= 0x7f && unit < 0xa0);
    if (isControl || unit === 0xfffd) unreadable++;
  }
  if (unreadable > 0 && unreadable / rawText.length > MAX_UNREADABLE_SHARE) {
    throw new IngestError('binary', 'The input is mostly control or undecodable characters; it looks like binary data, not article text.');
  }
}
