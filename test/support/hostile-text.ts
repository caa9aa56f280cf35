// Text built to be hostile to the extraction pipeline, shared by the tests that need it.

/** Tens of thousands of short quotations by two speakers, in one paragraph that never ends a sentence cleanly. */
export function adversarialText(characters: number): string {
  let body = '';
  while (body.length < characters) body += '"Yes," said Ann Smith. "No," said Bob Jones. ';
  return `Headline about things\n\n${body}\n`;
}
