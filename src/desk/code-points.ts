// Quote offsets count code points of the article's raw text (as the API does); the DOM and JavaScript
// strings count UTF-16 units. An emoji or any character beyond the Basic Multilingual Plane is one
// code point and two units, so every offset crossing between the two is converted here.

/** UTF-16 index of every code-point offset of `text` (one more than its code points). */
export function utf16Indexes(text: string): Int32Array {
  const indexes = new Int32Array(text.length + 1);
  let codePoints = 0;
  let index = 0;
  while (index < text.length) {
    indexes[codePoints++] = index;
    const code = text.charCodeAt(index);
    index += code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
  }
  indexes[codePoints] = text.length;
  return indexes.subarray(0, codePoints + 1);
}

/** Code points in `text` before UTF-16 index `index`. */
export function codePointOffset(text: string, index: number): number {
  let count = 0;
  for (let at = 0; at < index; at++) {
    const code = text.charCodeAt(at);
    if (!(code >= 0xdc00 && code <= 0xdfff && at > 0)) count++;
  }
  return count;
}
