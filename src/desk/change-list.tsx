// The record of changes to one object (editor keys only): who, when, what, and the note.
import { useEffect, useState } from 'react';
import { describeError, request } from './api';
import { graphql } from './generated';
import type { DeskChangesQuery } from './generated/graphql';

const Changes = graphql(`
  query DeskChanges($object: ID!) {
    changes(first: 30, object: $object) {
      nodes {
        id
        at
        key
        action
        note
        fields {
          field
          before
          after
        }
      }
    }
  }
`);

const brief = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === undefined ? '–' : text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

export function ChangeList({ title, object, refresh }: { title: string; object: string; refresh: number }) {
  const [changes, setChanges] = useState<DeskChangesQuery['changes']['nodes'] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let current = true;
    request(Changes, { object })
      .then((data) => current && (setChanges(data.changes.nodes), setError('')))
      .catch((failure) => current && setError(describeError(failure)));
    return () => {
      current = false;
    };
  }, [object, refresh]);
  return (
    <details open>
      <summary>{title}</summary>
      {error ? (
        <p className="muted">{error.startsWith('FORBIDDEN') ? 'The record needs an editor key.' : error}</p>
      ) : changes === null ? (
        <p className="muted">Loading…</p>
      ) : changes.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ol className="changes" aria-label={title}>
          {changes.map((change) => (
            <li key={change.id}>
              <strong>{change.action}</strong> by {change.key ?? 'command line'} <span className="muted">{change.at.slice(0, 16).replace('T', ' ')}</span>
              {change.note ? <div className="note">“{change.note}”</div> : null}
              <ul>
                {change.fields.map((field) => (
                  <li key={field.field}>
                    {field.field}: {brief(field.before)} → {brief(field.after)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
