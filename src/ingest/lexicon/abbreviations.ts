// Abbreviations that keep their period inside a sentence ("Mr.", "Sen.", "Jan."): the tokenizer ends no sentence at them.

/** Titles as the news abbreviates them before a name ("Gov. Greg Abbott", "Sen. Amy Klobuchar"), and the office each
 * names, so that "the governor" finds "Gov. Greg Abbott". */
export const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['gov', 'governor'], ['sen', 'senator'], ['rep', 'representative'], ['gen', 'general'], ['lt', 'lieutenant'],
  ['col', 'colonel'], ['capt', 'captain'], ['maj', 'major'], ['sgt', 'sergeant'], ['adm', 'admiral'],
  ['cmdr', 'commander'], ['cpl', 'corporal'], ['pvt', 'private'], ['supt', 'superintendent'], ['insp', 'inspector'],
  ['det', 'detective'], ['atty', 'attorney'], ['ald', 'alderman'], ['prof', 'professor'], ['pres', 'president'],
  ['sec', 'secretary'], ['amb', 'ambassador'], ['rev', 'reverend'],
]);

/** Abbreviations that keep their period and do not end a sentence: honorifics, titles, months, addresses. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'fr', 'st', 'jr', 'sr', 'mt', 'ft', 'no', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co', 'jan',
  'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'dept', 'est', 'messrs',
  'mme', 'mlle', 'ave', 'blvd', 'rd',
  ...TITLE_ABBREVIATIONS.keys(),
]);
