// Ingest: paste a story or drop article files, with url, title, publication date and source, and
// see at once what the pipeline read.
import { useId, useState, type DragEvent } from 'react';
import { describeError, request } from './api';
import { graphql } from './generated';
import type { DeskIngestMutation } from './generated/graphql';
import { hrefOf } from './routes';

const Ingest = graphql(`
  mutation DeskIngest($text: String!, $url: String, $title: String, $publishedAt: DateTimeISO, $source: String) {
    ingestArticle(text: $text, url: $url, title: $title, publishedAt: $publishedAt, source: $source) {
      created
      revised
      article {
        slug
        title
        revision
        source {
          name
        }
        quotes(first: 50) {
          totalCount
          nodes {
            id
            text
            speakerDescription
            speaker {
              name
            }
            attribution {
              confidence
            }
          }
        }
      }
    }
  }
`);

interface Outcome {
  name: string;
  result?: DeskIngestMutation['ingestArticle'];
  error?: string;
}

export function IngestView() {
  const ids = { text: useId(), url: useId(), title: useId(), publishedAt: useId(), source: useId(), files: useId() };
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [publishedAt, setPublishedAt] = useState('');
  const [source, setSource] = useState('');
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  /** url and title name one story: they go with a single text only; source and date go with every one. */
  const ingestAll = async (texts: { name: string; text: string }[]) => {
    setBusy(true);
    const single = texts.length === 1;
    const done: Outcome[] = [];
    for (const item of texts) {
      try {
        const data = await request(Ingest, {
          text: item.text,
          url: single ? url.trim() || null : null,
          title: single ? title.trim() || null : null,
          publishedAt: publishedAt ? `${publishedAt}T00:00:00Z` : null,
          source: source.trim() || null,
        });
        done.push({ name: item.name, result: data.ingestArticle });
      } catch (error) {
        done.push({ name: item.name, error: describeError(error) });
      }
      setOutcomes([...done]);
    }
    setBusy(false);
  };

  const readFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    await ingestAll(await Promise.all([...files].map(async (file) => ({ name: file.name, text: await file.text() }))));
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void readFiles(event.dataTransfer.files);
  };

  return (
    <section aria-labelledby="ingest-heading">
      <h1 id="ingest-heading">Ingest</h1>
      <form
        className="ingest"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) void ingestAll([{ name: 'pasted text', text }]);
        }}
      >
        <label htmlFor={ids.text}>Article text (headline first)</label>
        <textarea id={ids.text} rows={12} value={text} onChange={(event) => setText(event.target.value)} />
        <div className="grid-fields">
          <div>
            <label htmlFor={ids.url}>URL</label>
            <input id={ids.url} type="url" value={url} onChange={(event) => setUrl(event.target.value)} />
          </div>
          <div>
            <label htmlFor={ids.title}>Title</label>
            <input id={ids.title} value={title} onChange={(event) => setTitle(event.target.value)} />
          </div>
          <div>
            <label htmlFor={ids.publishedAt}>Published on</label>
            <input id={ids.publishedAt} type="date" value={publishedAt} onChange={(event) => setPublishedAt(event.target.value)} />
          </div>
          <div>
            <label htmlFor={ids.source}>Source</label>
            <input id={ids.source} value={source} onChange={(event) => setSource(event.target.value)} />
          </div>
        </div>
        <p className="muted">URL and title apply to one text at a time; source and date to every file too.</p>
        <button type="submit" disabled={busy || !text.trim()}>
          Ingest text
        </button>
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor={ids.files}>Or drop article files here, or choose them</label>
          <input id={ids.files} type="file" multiple accept=".txt,text/plain" onChange={(event) => void readFiles(event.target.files)} />
        </div>
      </form>
      <div role="status" className="status">
        {busy ? 'Ingesting…' : ''}
      </div>
      <ul className="outcomes" aria-label="Ingest results">
        {outcomes.map((outcome, index) => (
          <li key={index}>
            <strong>{outcome.name}</strong>:{' '}
            {outcome.error ? (
              <span className="error">{outcome.error}</span>
            ) : outcome.result ? (
              <>
                {outcome.result.created ? 'stored' : outcome.result.revised ? `revised (revision ${outcome.result.article.revision})` : 'already stored'} as{' '}
                <a href={hrefOf.article(outcome.result.article.slug)}>{outcome.result.article.title}</a>
                <span className="muted">
                  {' '}
                  · {outcome.result.article.source?.name ?? 'no source'} · {outcome.result.article.quotes.totalCount} quotes
                </span>
                <ul>
                  {outcome.result.article.quotes.nodes.map((quote) => (
                    <li key={quote.id}>
                      “{quote.text}” — {quote.speaker?.name ?? quote.speakerDescription ?? 'no speaker'}
                      <span className="muted"> ({quote.attribution ? Math.round(quote.attribution.confidence * 100) : '–'}%)</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
