// An article as an editor reviews it: the text with its quotes highlighted; the chosen quote's
// corrections (speaker, span, kind, retraction, each with an optional note); the article's
// revisions and the record of changes to it and to the chosen quote.
import { useCallback, useEffect, useId, useState } from 'react';
import { ArticleText, selectedSpan } from './article-text';
import { ApiError, describeError, request } from './api';
import { ChangeList } from './change-list';
import { graphql } from './generated';
import type { DeskArticleQuery, QuoteKind } from './generated/graphql';
import { PersonSearch, type PersonChoice } from './person-search';
import { ConfirmSpeaker } from './queue';
import { useRenderTiming } from './render-timing';
import { hrefOf } from './routes';

const Article = graphql(`
  query DeskArticle($slug: String!) {
    article(slug: $slug) {
      id
      slug
      title
      url
      date
      revision
      source {
        name
      }
      current: revisions(last: 1) {
        nodes {
          number
          text
        }
      }
      revisions(first: 100) {
        nodes {
          number
          title
          ingestedAt
          key
        }
      }
      paragraphs
      quotes(first: 100, includeRetracted: true) {
        nodes {
          id
          text
          kind
          startOffset
          endOffset
          retracted
          version
          corrected
          speakerDescription
          attribution {
            method
            confidence
          }
          speaker {
            id
            slug
            name
          }
        }
      }
    }
  }
`);

const ChangeSpeaker = graphql(`
  mutation DeskChangeSpeaker($input: ChangeQuoteSpeakerInput!) {
    changeQuoteSpeaker(input: $input) {
      quote {
        id
        version
      }
    }
  }
`);

const FixSpan = graphql(`
  mutation DeskFixSpan($input: FixQuoteSpanInput!) {
    fixQuoteSpan(input: $input) {
      quote {
        id
        text
      }
    }
  }
`);

const ChangeKind = graphql(`
  mutation DeskChangeKind($input: ChangeQuoteKindInput!) {
    changeQuoteKind(input: $input) {
      quote {
        id
        kind
      }
    }
  }
`);

const Retract = graphql(`
  mutation DeskRetract($input: QuoteRefInput!) {
    retractQuote(input: $input) {
      quote {
        id
        retracted
      }
    }
  }
`);

const Restore = graphql(`
  mutation DeskRestore($input: QuoteRefInput!) {
    restoreQuote(input: $input) {
      quote {
        id
        retracted
      }
    }
  }
`);

type ArticleData = NonNullable<DeskArticleQuery['article']>;
type ArticleQuote = ArticleData['quotes']['nodes'][number];

export function ArticleView({ slug, quoteId }: { slug: string; quoteId: string | null }) {
  const [article, setArticle] = useState<ArticleData | null | undefined>(undefined);
  const [error, setError] = useState('');
  const [changesVersion, setChangesVersion] = useState(0);
  useRenderTiming('article', 'DeskArticle', article);

  const load = useCallback(async () => {
    try {
      const data = await request(Article, { slug });
      setArticle(data.article);
    } catch (failure) {
      setError(describeError(failure));
    }
  }, [slug]);

  useEffect(() => {
    void load();
  }, [load]);

  // A quote opened from the queue (or a link) is brought into view once the text is there.
  const loaded = article !== undefined;
  useEffect(() => {
    if (loaded && quoteId) document.querySelector('.article-text mark.selected')?.scrollIntoView({ block: 'center' });
  }, [loaded, quoteId]);

  const select = (id: string) => {
    location.hash = hrefOf.article(slug, id);
  };

  if (error) return <p role="alert">{error}</p>;
  if (article === undefined) return <p>Loading the article…</p>;
  if (article === null) return <p role="alert">No article “{slug}”.</p>;
  const text = article.current.nodes[0]?.text ?? null;
  const quote = article.quotes.nodes.find((candidate) => candidate.id === quoteId) ?? null;
  const reload = async () => {
    await load();
    setChangesVersion((version) => version + 1);
  };

  return (
    <div className="article-layout">
      <article aria-labelledby="article-heading">
        <p>
          <a href={hrefOf.queue()}>← Queue</a>
        </p>
        <h1 id="article-heading">{article.title}</h1>
        <p className="muted">
          {article.source?.name ?? 'No source'} · {article.date.slice(0, 10)} · revision {article.revision}
          {article.url ? (
            <>
              {' '}
              · <span className="url">{article.url}</span>
            </>
          ) : null}
        </p>
        {text === null ? (
          <>
            <p className="muted">This article was stored before its raw text was kept: quotes are listed beside it, not highlighted.</p>
            {article.paragraphs.map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </>
        ) : (
          <ArticleText text={text} quotes={article.quotes.nodes} selected={quoteId} onSelect={select} />
        )}
      </article>
      <aside aria-label="Review">
        {quote ? (
          <QuoteEditor key={quote.id} quote={quote} text={text} onChanged={reload} />
        ) : (
          <p className="muted">Choose a highlighted quote to review it.</p>
        )}
        <details open>
          <summary>Revisions ({article.revisions.nodes.length})</summary>
          <ol className="revisions">
            {article.revisions.nodes.map((revision) => (
              <li key={revision.number}>
                {revision.number}. {revision.title} <span className="muted">· {revision.ingestedAt.slice(0, 16).replace('T', ' ')} · {revision.key ?? 'command line'}</span>
              </li>
            ))}
          </ol>
        </details>
        {quote && <ChangeList title="Changes to this quote" object={quote.id} refresh={changesVersion} />}
        <ChangeList title="Changes to this article" object={article.id} refresh={changesVersion} />
      </aside>
    </div>
  );
}

function QuoteEditor({ quote, text, onChanged }: { quote: ArticleQuote; text: string | null; onChanged(): Promise<void> }) {
  const ids = { note: useId(), description: useId(), kind: useId() };
  const [note, setNote] = useState('');
  const [mode, setMode] = useState<'person' | 'unnamed'>('person');
  const [person, setPerson] = useState<PersonChoice | null>(null);
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<QuoteKind>(quote.kind);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (done: string, change: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await change();
      setStatus(done);
      setNote('');
      setPerson(null);
      setDescription('');
      await onChanged();
    } catch (error) {
      setStatus(describeError(error));
      // Someone changed the quote meanwhile: show it as it is now, so the next try passes its version.
      if (error instanceof ApiError && error.code === 'CONFLICT') await onChanged();
    } finally {
      setBusy(false);
    }
  };
  const common = { quote: quote.id, version: quote.version, note: note.trim() || null };

  return (
    <section className="quote-editor" aria-labelledby="quote-editor-heading">
      <h2 id="quote-editor-heading">Quote</h2>
      <blockquote>“{quote.text}”</blockquote>
      <p>
        Speaker:{' '}
        {quote.speaker ? <a href={hrefOf.person(quote.speaker.slug)}>{quote.speaker.name}</a> : <span>{quote.speakerDescription ? `unnamed: ${quote.speakerDescription}` : 'none'}</span>}
        <br />
        <span className="muted">
          {quote.attribution ? `${quote.attribution.method}, confidence ${Math.round(quote.attribution.confidence * 100)}%` : 'no attribution kept'} · {quote.kind.toLowerCase()}
          {quote.retracted ? ' · retracted' : ''}
          {quote.corrected ? ' · corrected' : ''}
        </span>
      </p>
      <p role="status" className="status">
        {status}
      </p>
      <div>
        <label htmlFor={ids.note}>Note (optional, printed with a correction)</label>
        <textarea id={ids.note} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <button type="button" disabled={busy} onClick={() => run('Speaker accepted', () => request(ConfirmSpeaker, { quote: quote.id, version: quote.version }))}>
        Accept speaker
      </button>
      <fieldset>
        <legend>Re-attribute</legend>
        <div className="choices">
          <label>
            <input type="radio" name="speaker-mode" checked={mode === 'person'} onChange={() => setMode('person')} /> A person
          </label>
          <label>
            <input type="radio" name="speaker-mode" checked={mode === 'unnamed'} onChange={() => setMode('unnamed')} /> Unnamed
          </label>
        </div>
        {mode === 'person' ? (
          <PersonSearch label="Person who said it" chosen={person} onChoose={setPerson} exclude={quote.speaker?.slug} />
        ) : (
          <div>
            <label htmlFor={ids.description}>Description of the unnamed speaker</label>
            <input id={ids.description} value={description} placeholder="a Kremlin spokesman" onChange={(event) => setDescription(event.target.value)} />
          </div>
        )}
        <button
          type="button"
          disabled={busy || (mode === 'person' ? !person : !description.trim())}
          onClick={() =>
            run('Re-attributed', () =>
              request(ChangeSpeaker, { input: { ...common, speaker: mode === 'person' ? { person: person!.id } : { description: description.trim() } } }),
            )
          }
        >
          Re-attribute
        </button>
      </fieldset>
      <fieldset>
        <legend>Span and kind</legend>
        <button
          type="button"
          disabled={busy || text === null}
          onClick={() => {
            const span = text === null ? null : selectedSpan(text);
            if (!span) {
              setStatus('Select the quote’s words in the article text first.');
              return;
            }
            void run(`Span fixed: “${span.words}”`, () => request(FixSpan, { input: { ...common, startOffset: span.startOffset, endOffset: span.endOffset } }));
          }}
        >
          Fix span to the selected text
        </button>
        <div className="inline">
          <label htmlFor={ids.kind}>Kind</label>
          <select id={ids.kind} value={kind} onChange={(event) => setKind(event.target.value as QuoteKind)}>
            <option value="DIRECT">Direct</option>
            <option value="PARTIAL">Partial</option>
          </select>
          <button type="button" disabled={busy || kind === quote.kind} onClick={() => run('Kind changed', () => request(ChangeKind, { input: { ...common, kind } }))}>
            Change kind
          </button>
        </div>
      </fieldset>
      {quote.retracted ? (
        <button type="button" disabled={busy} onClick={() => run('Restored', () => request(Restore, { input: common }))}>
          Restore quote
        </button>
      ) : (
        <button type="button" className="danger" disabled={busy} onClick={() => run('Retracted', () => request(Retract, { input: common }))}>
          Retract quote
        </button>
      )}
    </section>
  );
}
