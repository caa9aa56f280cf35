// The desk's shell: the key form until a key is given, then the navigation and the current view.
import { useEffect, useId, useState } from 'react';
import { ApiError, apiKey, request } from './api';
import { ArticleView } from './article-view';
import { IngestView } from './ingest-view';
import { PersonView } from './person-view';
import { QueueView } from './queue';
import { graphql } from './generated';
import { hrefOf, useRoute } from './routes';

// The record is for editors only: what it answers tells an editor key from a reader key.
const KeyCheck = graphql(`
  query DeskKeyCheck {
    changes(first: 1) {
      totalCount
    }
  }
`);

type Role = 'editor' | 'reader' | 'refused';

async function roleOf(): Promise<Role> {
  try {
    await request(KeyCheck);
    return 'editor';
  } catch (error) {
    if (error instanceof ApiError && error.code === 'FORBIDDEN') return 'reader';
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return 'refused';
    throw error;
  }
}

function KeyForm({ onKey, refused }: { onKey(key: string): void; refused: boolean }) {
  const id = useId();
  const [key, setKey] = useState('');
  return (
    <main className="key-form">
      <h1>Quotegraph desk</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (key.trim()) onKey(key.trim());
        }}
      >
        <label htmlFor={id}>API key</label>
        <input id={id} type="password" autoComplete="off" value={key} onChange={(event) => setKey(event.target.value)} />
        {refused && (
          <p role="alert" className="error">
            That key was refused: it is unknown or revoked.
          </p>
        )}
        <p className="muted">Kept in this tab only (session storage) and sent as a Bearer header. An editor key can change things; a reader key can only look.</p>
        <button type="submit">Use this key</button>
      </form>
    </main>
  );
}

export function Desk() {
  const [key, setKey] = useState(apiKey.get);
  const [role, setRole] = useState<Role | null>(null);
  const route = useRoute();
  useEffect(() => {
    if (!key) return;
    let current = true;
    roleOf()
      .then((found) => {
        if (!current) return;
        setRole(found);
        if (found === 'refused') {
          apiKey.forget();
          setKey(null);
        }
      })
      .catch(() => current && setRole(null));
    return () => {
      current = false;
    };
  }, [key]);
  if (!key) {
    return (
      <KeyForm
        refused={role === 'refused'}
        onKey={(given) => {
          apiKey.set(given);
          setRole(null);
          setKey(given);
        }}
      />
    );
  }
  const current = (view: string) => (route.view === view ? 'page' : undefined);
  return (
    <>
      <header>
        <nav aria-label="Desk">
          <strong>Quotegraph desk</strong>
          <a href={hrefOf.queue()} aria-current={current('queue')}>
            Queue
          </a>
          <a href={hrefOf.ingest()} aria-current={current('ingest')}>
            Ingest
          </a>
          {role === 'reader' && <span className="badge">Reader key: you can look, not change</span>}
          <button
            type="button"
            className="link"
            onClick={() => {
              apiKey.forget();
              setRole(null);
              setKey(null);
            }}
          >
            Forget key
          </button>
        </nav>
      </header>
      <main>
        {route.view === 'article' ? (
          <ArticleView key={route.slug} slug={route.slug} quoteId={route.quote} />
        ) : route.view === 'person' ? (
          <PersonView key={route.slug} slug={route.slug} />
        ) : route.view === 'ingest' ? (
          <IngestView />
        ) : (
          <QueueView />
        )}
      </main>
    </>
  );
}
