// A person as the desk shows them: names, role, latest quotes, and merging another record of the
// same person into this one.
import { useCallback, useEffect, useId, useState } from 'react';
import { describeError, request } from './api';
import { ChangeList } from './change-list';
import { graphql } from './generated';
import type { DeskPersonQuery } from './generated/graphql';
import { PersonSearch, type PersonChoice } from './person-search';
import { hrefOf } from './routes';

const Person = graphql(`
  query DeskPerson($slug: String!) {
    person(slug: $slug) {
      id
      slug
      name
      role
      affiliation
      aliases
      version
      quotes(first: 20) {
        totalCount
        nodes {
          id
          text
          article {
            slug
            title
          }
        }
      }
    }
  }
`);

const MergePeople = graphql(`
  mutation DeskMergePeople($input: MergeInput!) {
    mergePeople(input: $input) {
      person {
        slug
        name
      }
      mergedPersonId
    }
  }
`);

export function PersonView({ slug }: { slug: string }) {
  const [person, setPerson] = useState<DeskPersonQuery['person'] | undefined>(undefined);
  const [error, setError] = useState('');
  const [other, setOther] = useState<PersonChoice | null>(null);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  const [refresh, setRefresh] = useState(0);
  const noteId = useId();

  const load = useCallback(() => {
    request(Person, { slug })
      .then((data) => setPerson(data.person))
      .catch((failure) => setError(describeError(failure)));
  }, [slug]);
  useEffect(load, [load]);

  if (error) return <p role="alert">{error}</p>;
  if (person === undefined) return <p>Loading…</p>;
  if (person === null) return <p role="alert">No person “{slug}”.</p>;

  const merge = async () => {
    if (!other) return;
    try {
      const data = await request(MergePeople, { input: { from: other.id, into: person.id, intoVersion: person.version, note: note.trim() || null } });
      setStatus(`Merged ${other.name} into ${data.mergePeople.person.name}`);
      setOther(null);
      setNote('');
      setRefresh((count) => count + 1);
      load();
    } catch (failure) {
      setStatus(describeError(failure));
    }
  };

  return (
    <section aria-labelledby="person-heading">
      <p>
        <a href={hrefOf.queue()}>← Queue</a>
      </p>
      <h1 id="person-heading">{person.name}</h1>
      <p className="muted">
        {[person.role, person.affiliation].filter(Boolean).join(', ') || 'No role kept'} · {person.slug}
      </p>
      <p>Also known as: {person.aliases.join(', ') || '—'}</p>
      <h2>Latest quotes ({person.quotes.totalCount})</h2>
      <ul className="person-quotes">
        {person.quotes.nodes.map((quote) => (
          <li key={quote.id}>
            <a href={hrefOf.article(quote.article.slug, quote.id)}>“{quote.text}”</a> <span className="muted">· {quote.article.title}</span>
          </li>
        ))}
      </ul>
      <form
        className="merge"
        aria-labelledby="merge-heading"
        onSubmit={(event) => {
          event.preventDefault();
          void merge();
        }}
      >
        <h2 id="merge-heading">Merge another record into {person.name}</h2>
        <p className="muted">Its quotes, mentions, bylines and aliases move here; its slug and id find {person.name} from then on.</p>
        <PersonSearch label="Record to merge into this person" chosen={other} onChoose={setOther} exclude={person.slug} />
        <label htmlFor={noteId}>Note (optional)</label>
        <textarea id={noteId} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
        <button type="submit" disabled={!other}>
          Merge into {person.name}
        </button>
        <p role="status" className="status">
          {status}
        </p>
      </form>
      <ChangeList title="Changes to this person" object={person.id} refresh={refresh} />
    </section>
  );
}
