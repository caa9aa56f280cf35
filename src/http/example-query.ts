// The query the GraphQL IDE opens with; tests and the README run the same text.
export const EXAMPLE_QUERY = `# Every quote by Sergey Lavrov, with its article and source.
{
  person(slug: "sergey-lavrov") {
    name
    aliases
    quotes(first: 20) {
      totalCount
      edges { node { text kind article { title source { name } } } }
    }
  }
}
`;
