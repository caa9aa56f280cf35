// News agencies and wire services: who may be the publisher in a byline or dateline, or a contributor in a credit line.

/** Lower-case form (full name or abbreviation) to the agency's name as printed in prose. */
export const NEWS_AGENCIES: ReadonlyMap<string, string> = new Map([
  ['associated press', 'Associated Press'], ['the associated press', 'Associated Press'], ['ap', 'Associated Press'],
  ['reuters', 'Reuters'], ['thomson reuters', 'Reuters'], ['agence france-presse', 'Agence France-Presse'],
  ['agence france presse', 'Agence France-Presse'], ['afp', 'Agence France-Presse'], ['tass', 'TASS'],
  ['itar-tass', 'TASS'], ['bloomberg', 'Bloomberg'], ['bloomberg news', 'Bloomberg'],
  ['united press international', 'United Press International'], ['upi', 'United Press International'],
  ['dpa', 'Deutsche Presse-Agentur'], ['deutsche presse-agentur', 'Deutsche Presse-Agentur'],
  ['xinhua', 'Xinhua'], ['xinhua news agency', 'Xinhua'], ['ria novosti', 'RIA Novosti'], ['ria', 'RIA Novosti'],
  ['interfax', 'Interfax'], ['kyodo', 'Kyodo News'], ['kyodo news', 'Kyodo News'], ['yonhap', 'Yonhap'],
  ['ansa', 'ANSA'], ['efe', 'EFE'], ['press association', 'PA Media'], ['pa', 'PA Media'], ['pa media', 'PA Media'],
  ['canadian press', 'The Canadian Press'], ['the canadian press', 'The Canadian Press'], ['cp', 'The Canadian Press'],
  ['aap', 'Australian Associated Press'], ['australian associated press', 'Australian Associated Press'],
  ['anadolu', 'Anadolu Agency'], ['anadolu agency', 'Anadolu Agency'], ['pti', 'Press Trust of India'],
  ['press trust of india', 'Press Trust of India'], ['ians', 'IANS'], ['irna', 'IRNA'], ['wafa', 'WAFA'],
  ['kcna', 'KCNA'], ['sana', 'SANA'], ['ukrinform', 'Ukrinform'], ['belga', 'Belga'], ['anp', 'ANP'], ['apa', 'APA'],
  ['tt', 'TT'], ['ntb', 'NTB'], ['ritzau', 'Ritzau'], ['ctk', 'CTK'], ['pap', 'PAP'], ['bta', 'BTA'], ['mti', 'MTI'],
]);

/** Short forms used in credit lines ("With reporting by AP, Reuters"). */
export function agencyName(text: string): string | null {
  return NEWS_AGENCIES.get(text.trim().toLowerCase().replace(/\.$/, '')) ?? null;
}
