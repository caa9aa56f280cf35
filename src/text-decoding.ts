// A file's bytes as text: UTF-8 (a byte-order mark dropped), UTF-16 with a byte-order mark, or, for
// text that is not UTF-8 but reads as Windows-1252 (Latin-1), that, with a warning. Binary data and
// text in some other legacy encoding are refused, never turned into replacement characters.

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export type DecodedText =
  | { text: string; encoding: TextEncodingName; warnings: string[] }
  | { refused: 'binary' | 'not-utf8'; message: string };

/**
 * Windows-1252's characters for bytes 0x80–0x9F (curly quotes, dashes, the euro sign...); the five
 * bytes it leaves undefined are null. Every other byte is the code point of the same number, as in
 * Latin-1. (Node 20's TextDecoder('windows-1252') decodes 0x93 as U+0093, as Latin-1 would.)
 */
const WINDOWS_1252_HIGH_CONTROLS: readonly (number | null)[] = [
  0x20ac, null, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, null, 0x017d, null,
  null, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, null, 0x017e, 0x0178,
];

/** Share of control bytes above which bytes are binary data (as the pipeline judges decoded text). */
const MAX_CONTROL_SHARE = 0.05;
/**
 * Share of letters written with bytes over 0x7F above which a text is not in a Latin alphabet: a few
 * accented letters in English, French or German text, most of the letters of Russian or Greek in a
 * legacy encoding (which, read as Windows-1252, would come out as accented gibberish).
 */
const MAX_LEGACY_LETTER_SHARE = 0.3;

function decodeUtf16(bytes: Uint8Array, encoding: 'UTF-16LE' | 'UTF-16BE'): DecodedText {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) return { refused: 'not-utf8', message: `it starts as ${encoding} but has an odd number of bytes (cut short?)` };
  // TextDecoder reads big-endian UTF-16 only where Node has full ICU: swap the bytes instead.
  const littleEndian = encoding === 'UTF-16LE' ? body : Buffer.from(body).swap16();
  try {
    return { text: new TextDecoder('utf-16le', { fatal: true }).decode(littleEndian), encoding, warnings: [] };
  } catch {
    return { refused: 'not-utf8', message: `it starts as ${encoding} but is not valid ${encoding}` };
  }
}

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes = Array.from(bytes.subarray(start, start + 8192), (byte) =>
      byte >= 0x80 && byte < 0xa0 ? (WINDOWS_1252_HIGH_CONTROLS[byte - 0x80] ?? byte) : byte,
    );
    text += String.fromCharCode(...codes);
  }
  return text;
}

/** Bytes that are not UTF-8: Windows-1252 text with a warning, or refused. */
function decodeLegacy(bytes: Uint8Array): DecodedText {
  let controls = 0;
  let undefinedBytes = 0;
  let asciiLetters = 0;
  let highBytes = 0;
  for (const byte of bytes) {
    if (byte >= 0x80) {
      highBytes++;
      if (byte < 0xa0 && WINDOWS_1252_HIGH_CONTROLS[byte - 0x80] === null) undefinedBytes++;
    } else if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) {
      controls++;
    } else if ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a) {
      asciiLetters++;
    }
  }
  if ((controls + undefinedBytes) / bytes.length > MAX_CONTROL_SHARE) {
    return { refused: 'binary', message: 'it is mostly control bytes; it looks like binary data, not article text' };
  }
  if (undefinedBytes > 0 || highBytes / (highBytes + asciiLetters) > MAX_LEGACY_LETTER_SHARE) {
    return { refused: 'not-utf8', message: 'it is not UTF-8, nor text in Windows-1252 (Latin-1); convert it to UTF-8 first (iconv -f ITS-ENCODING -t UTF-8)' };
  }
  return {
    text: decodeWindows1252(bytes),
    encoding: 'Windows-1252',
    warnings: ['not valid UTF-8; read as Windows-1252 (Latin-1): check its accented letters and quotation marks'],
  };
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    return { refused: 'not-utf8', message: 'it is UTF-32, which is not read; convert it to UTF-8 first (iconv -f UTF-32 -t UTF-8)' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'UTF-16BE');
  if (bytes.includes(0)) return { refused: 'binary', message: 'it contains NUL bytes; it looks like binary data, not article text' };
  let text: string;
  try {
    // Drops a UTF-8 byte-order mark (ignoreBOM: false).
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return decodeLegacy(bytes);
  }
  const replacements = text.match(/\ufffd/g)?.length ?? 0;
  const warnings =
    replacements > 0
      ? [`it holds ${replacements} replacement character(s) (U+FFFD): text was lost before the file was written`]
      : [];
  return { text, encoding: 'UTF-8', warnings };
}
