// A file's bytes as text: UTF-8 (BOM dropped), UTF-16 with a BOM, Windows-1252 or Latin-1 with a
// warning; binary data and other legacy encodings refused, never replaced by U+FFFD.
import { describe, expect, it } from 'vitest';
import { decodeText, type DecodedText } from '../src/text-decoding.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

function decoded(result: DecodedText) {
  if ('refused' in result) throw new Error(`refused (${result.refused}): ${result.message}`);
  return result;
}

describe('decodeText', () => {
  it('reads UTF-8 as it is, and drops a byte-order mark', () => {
    expect(decoded(decodeText(Buffer.from('Café “quoted”', 'utf8')))).toEqual({ text: 'Café “quoted”', encoding: 'UTF-8', warnings: [] });
    expect(decoded(decodeText(Buffer.from('\ufeffHeadline', 'utf8'))).text).toBe('Headline');
  });

  it('reads Windows-1252 curly quotes and dashes (0x91–0x97) as what they are, with a warning', () => {
    const result = decoded(decodeText(bytes('He said ', [0x93], 'we will win', [0x94], ' ', [0x96], ' and it', [0x92], 's true ', [0x80], '5')));
    expect(result.text).toBe('He said “we will win” – and it’s true €5');
    expect(result.encoding).toBe('Windows-1252');
    expect(result.warnings).toEqual([expect.stringMatching(/not valid UTF-8; read as Windows-1252 \(Latin-1\)/)]);
  });

  it('reads Latin-1 accented letters as Latin-1', () => {
    const result = decoded(decodeText(bytes('Ren', [0xe9], 'e M', [0xfc], 'ller, Stra', [0xdf], 'e, ', [0xa3], '10')));
    expect(result.text).toBe('Renée Müller, Straße, £10');
    expect(result.text).not.toContain('\ufffd');
  });

  it('reads UTF-16 with a byte-order mark, little- and big-endian', () => {
    const text = 'Minister says “no” — again';
    const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const bigEndian = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    expect(decoded(decodeText(littleEndian))).toEqual({ text, encoding: 'UTF-16LE', warnings: [] });
    expect(decoded(decodeText(bigEndian))).toEqual({ text, encoding: 'UTF-16BE', warnings: [] });
    expect(decodeText(littleEndian.subarray(0, littleEndian.length - 1))).toMatchObject({ refused: 'not-utf8' });
  });

  it('refuses NUL bytes and mostly-control bytes as binary', () => {
    expect(decodeText(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toMatchObject({ refused: 'binary' });
    const controls = bytes(...Array.from({ length: 40 }, (_, i) => [0x01 + (i % 8), 0xc3, 0x28]));
    expect(decodeText(controls)).toMatchObject({ refused: 'binary' });
  });

  it('refuses text in another legacy encoding as not UTF-8, never as binary', () => {
    // "Министр сказал" in Windows-1251: nearly every letter a byte over 0x7F.
    const cyrillic = Buffer.from([0xcc, 0xe8, 0xed, 0xe8, 0xf1, 0xf2, 0xf0, 0x20, 0xf1, 0xea, 0xe0, 0xe7, 0xe0, 0xeb]);
    expect(decodeText(cyrillic)).toMatchObject({ refused: 'not-utf8', message: expect.stringMatching(/not UTF-8.*iconv/) });
    // 0x8D is undefined in Windows-1252 (it is Ť in Windows-1250).
    expect(decodeText(bytes('Praha ', [0x8d], 'eplice and more words here'))).toMatchObject({ refused: 'not-utf8' });
  });

  it('warns about replacement characters already in a UTF-8 file', () => {
    const result = decoded(decodeText(Buffer.from('Caf\ufffd owners welcome rules', 'utf8')));
    expect(result.warnings).toEqual([expect.stringMatching(/1 replacement character/)]);
  });
});
