// The desk's shell: the key form until a key is given, then the navigation and the current view.
import { useId, useState } from 'react';
import { apiKey } from './api';
import { ArticleView } from './article-view';
import { IngestView } from './ingest-view';
import { PersonView } from './person-view';
import { QueueView } from './queue';
import { hrefOf, useRoute } from './routes';

function KeyForm({ onKey }: { onKey(key: string): void }) {
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
        <p className="muted">Kept in this tab only (session storage) and sent as a Bearer header. An editor key can change things; a reader key can only look.</p>
        <button type="submit">Use this key</button>
      </form>
    </main>
  );
}

export function Desk() {
  const [key, setKey] = useState(apiKey.get);
  const route = useRoute();
  if (!key) {
    return (
      <KeyForm
        onKey={(given) => {
          apiKey.set(given);
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
          <button
            type="button"
            className="link"
            onClick={() => {
              apiKey.forget();
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
