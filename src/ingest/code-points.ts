// Offsets in the draft count Unicode code points; JavaScript strings index UTF-16 code units.

/** Converts UTF-16 indices of `text` to code-point indices; identity when the text has no astral characters. */
export function codePointIndexer(text: string): (utf16Index: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (index) => index;
  // prefix[i] = number of low surrogates (second halves of pairs) before UTF-16 index i.
  const lowSurrogatesBefore = new Uint32Array(text.length + 1);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    lowSurrogatesBefore[i] = count;
    const unit = text.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const previous = text.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) count++;
    }
  }
  lowSurrogatesBefore[text.length] = count;
  return (index) => index - (lowSurrogatesBefore[index] ?? count);
}
