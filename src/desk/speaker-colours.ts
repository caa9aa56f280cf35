// A colour per speaker, the same on every visit: the article view highlights each quote in its
// speaker's colour. Light tints keep black text readable (contrast above 7:1 on each).
const PALETTE = ['#ffe08a', '#b8e1ff', '#c8f2c2', '#ffc9de', '#e1d0ff', '#ffd3b0', '#b9f0ec', '#f0e6a8', '#d6e4a8', '#f7c6c6'];

/** Unnamed speakers share a grey. */
export const UNNAMED_COLOUR = '#e4e4e4';

export function speakerColour(slug: string | null | undefined): string {
  if (!slug) return UNNAMED_COLOUR;
  let hash = 0;
  for (const character of slug) hash = (hash * 31 + character.codePointAt(0)!) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
