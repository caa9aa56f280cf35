// Deciding whether two names are the same real person, across articles: "Sergey Lavrov" and
// "Sergei Lavrov" are; "Donald Trump" and "Melania Trump" are not.

/** Lower-case, accent-free, punctuation-free form of a name, used as the lookup key of an alias. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The last word of a name, which is the family name in most names the news reports. */
export function surnameOf(name: string): string {
  const words = normalizeName(name).split(' ');
  return words[words.length - 1] ?? '';
}

/**
 * Collapses the spellings that transliteration from Cyrillic, Arabic and other scripts
 * produces for one name: Sergey/Sergei, Dmitry/Dmitri/Dmitriy, Aleksandr/Alexandr.
 */
function transliterationKey(word: string): string {
  return word
    .replace(/ks/g, 'x')
    .replace(/kh/g, 'h')
    .replace(/y/g, 'i')
    .replace(/ii/g, 'i')
    .replace(/(.)\1/g, '$1');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  // An initial matches the full given name: "J. Smith" and "John Smith".
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return true;
  const keyA = transliterationKey(a);
  const keyB = transliterationKey(b);
  if (keyA === keyB) return true;
  // Longer names tolerate one letter of difference (Aleksander/Aleksandr); short ones do not (Mark/Mary).
  return a[0] === b[0] && Math.min(keyA.length, keyB.length) >= 6 && editDistance(keyA, keyB) <= 1;
}

/**
 * True when two full names (given name and family name at least) name the same person.
 * Single-word names never match here: a bare surname is too weak to merge across articles.
 */
export function isSamePersonName(a: string, b: string): boolean {
  const wordsA = normalizeName(a).split(' ').filter(Boolean);
  const wordsB = normalizeName(b).split(' ').filter(Boolean);
  if (wordsA.length < 2 || wordsB.length < 2) return false;
  if (wordsA.join(' ') === wordsB.join(' ')) return true;
  if (transliterationKey(wordsA.at(-1)!) !== transliterationKey(wordsB.at(-1)!)) return false;
  return sameGivenName(wordsA[0]!, wordsB[0]!);
}
