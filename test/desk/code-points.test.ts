import { describe, expect, it } from 'vitest';
import { codePointOffset, utf16Indexes } from '../../src/desk/code-points.js';

describe('code-point offsets in the desk', () => {
  const text = 'Fans 🎉 cheered: “We won 🏆!” said Zoë.';

  it('finds the UTF-16 index of each code-point offset, past characters of two units', () => {
    const indexes = utf16Indexes(text);
    expect(indexes.length).toBe([...text].length + 1);
    const quoteStart = [...text].indexOf('W');
    expect(text.slice(indexes[quoteStart]!, indexes[quoteStart + 9]!)).toBe('We won 🏆!');
    expect(indexes[[...text].length]).toBe(text.length);
  });

  it('counts the code points before a UTF-16 index, the way back', () => {
    const index = text.indexOf('We');
    expect(codePointOffset(text, index)).toBe([...text.slice(0, index)].length);
    expect(codePointOffset(text, text.length)).toBe([...text].length);
    expect(codePointOffset('plain', 3)).toBe(3);
  });
});
