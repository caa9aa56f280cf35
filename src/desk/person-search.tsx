// A person search as you type (the people list's name prefix), for re-attributing and merging.
import { useEffect, useId, useState } from 'react';
import { request } from './api';
import { graphql } from './generated';

const PeopleByName = graphql(`
  query DeskPeopleByName($name: String!) {
    people(first: 8, name: $name) {
      nodes {
        id
        slug
        name
        role
      }
    }
  }
`);

export interface PersonChoice {
  id: string;
  slug: string;
  name: string;
}

export function PersonSearch({ label, chosen, onChoose, exclude }: { label: string; chosen: PersonChoice | null; onChoose(person: PersonChoice | null): void; exclude?: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ id: string; slug: string; name: string; role?: string | null }[]>([]);

  useEffect(() => {
    const name = text.trim();
    if (name.length < 2) {
      setFound([]);
      return;
    }
    let current = true;
    // Waits for a pause in typing, so a name typed fast asks once.
    const timer = setTimeout(() => {
      request(PeopleByName, { name })
        .then((data) => current && setFound(data.people.nodes.filter((person) => person.slug !== exclude)))
        .catch(() => current && setFound([]));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, exclude]);

  return (
    <div className="person-search">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" autoComplete="off" value={text} placeholder="Type two letters of a name" onChange={(event) => setText(event.target.value)} />
      {found.length > 0 && (
        <ul className="suggestions" aria-label={`People matching ${text}`}>
          {found.map((person) => (
            <li key={person.slug}>
              <button
                type="button"
                onClick={() => {
                  onChoose({ id: person.id, slug: person.slug, name: person.name });
                  setText('');
                  setFound([]);
                }}
              >
                {person.name}
                {person.role ? <span className="muted"> · {person.role}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <p className="chosen">
          Chosen: <strong>{chosen.name}</strong> <span className="muted">({chosen.slug})</span>{' '}
          <button type="button" className="link" onClick={() => onChoose(null)} aria-label={`Clear ${chosen.name}`}>
            clear
          </button>
        </p>
      )}
    </div>
  );
}
