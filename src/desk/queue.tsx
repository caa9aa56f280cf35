// The review queue: listed quotes, least confident attribution first, filtered by source, person and
// date. j/k move, Enter opens the quote in its article, a accepts the speaker the pipeline found.
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, request } from './api';
import { graphql } from './generated';
import type { DeskQueueQuery } from './generated/graphql';
import { PersonSearch, type PersonChoice } from './person-search';
import { useRenderTiming } from './render-timing';
import { hrefOf } from './routes';

const QUEUE_PAGE = 50;

const Queue = graphql(`
  query DeskQueue($first: Int!, $after: String, $source: String, $person: String, $from: DateTimeISO, $to: DateTimeISO) {
    quotes(first: $first, after: $after, orderBy: LEAST_CONFIDENT_FIRST, source: $source, person: $person, from: $from, to: $to) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        text
        kind
        version
        speakerDescription
        attribution {
          method
          confidence
        }
        speaker {
          slug
          name
        }
        article {
          slug
          title
          date
          source {
            name
          }
        }
      }
    }
  }
`);

const Sources = graphql(`
  query DeskSources {
    sources(first: 100) {
      nodes {
        slug
        name
      }
    }
  }
`);

export const ConfirmSpeaker = graphql(`
  mutation DeskConfirmSpeaker($quote: ID!, $version: Int) {
    confirmQuoteSpeaker(input: { quote: $quote, version: $version }) {
      quote {
        id
        version
        attribution {
          method
          confidence
        }
      }
    }
  }
`);

type QueueQuote = DeskQueueQuery['quotes']['nodes'][number];

interface Filters {
  source: string;
  person: PersonChoice | null;
  from: string;
  to: string;
}

/** A date input's value (YYYY-MM-DD) as the start of that day in UTC, for from/to. */
const dayStart = (value: string) => (value ? `${value}T00:00:00Z` : null);
const dayAfter = (value: string) => (value ? new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000).toISOString() : null);

/** Keys typed into a field are the field's, not the queue's. */
function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function QueueView() {
  const [filters, setFilters] = useState<Filters>({ source: '', person: null, from: '', to: '' });
  const [quotes, setQuotes] = useState<QueueQuote[] | null>(null);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [status, setStatus] = useState('');
  const [sources, setSources] = useState<{ slug: string; name: string }[]>([]);
  const rows = useRef<(HTMLLIElement | null)[]>([]);
  useRenderTiming('queue', 'DeskQueue', quotes);

  const load = useCallback(
    async (after: string | null) => {
      const data = await request(Queue, {
        first: QUEUE_PAGE,
        after,
        source: filters.source || null,
        person: filters.person?.slug ?? null,
        from: dayStart(filters.from),
        to: dayAfter(filters.to),
      });
      setQuotes((shown) => (after && shown ? [...shown, ...data.quotes.nodes] : data.quotes.nodes));
      setTotal(data.quotes.totalCount);
      setNext(data.quotes.pageInfo.hasNextPage ? (data.quotes.pageInfo.endCursor ?? null) : null);
    },
    [filters],
  );

  useEffect(() => {
    setSelected(0);
    load(null).catch((error) => setStatus(describeError(error)));
  }, [load]);

  useEffect(() => {
    request(Sources)
      .then((data) => setSources(data.sources.nodes))
      .catch(() => setSources([]));
  }, []);

  const accept = useCallback(async (quote: QueueQuote) => {
    try {
      await request(ConfirmSpeaker, { quote: quote.id, version: quote.version });
      setQuotes((shown) => shown?.filter((other) => other.id !== quote.id) ?? null);
      setTotal((count) => count - 1);
      setStatus(`Accepted ${quote.speaker?.name ?? quote.speakerDescription ?? 'the unnamed speaker'} for “${quote.text.slice(0, 60)}”`);
    } catch (error) {
      setStatus(describeError(error));
    }
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingIn(event.target) || event.altKey || event.ctrlKey || event.metaKey || !quotes?.length) return;
      const quote = quotes[Math.min(selected, quotes.length - 1)];
      if (event.key === 'j') setSelected((index) => Math.min(index + 1, quotes.length - 1));
      else if (event.key === 'k') setSelected((index) => Math.max(index - 1, 0));
      else if (event.key === 'Enter' && quote && !(event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement)) {
        location.hash = hrefOf.article(quote.article.slug, quote.id);
      } else if (event.key === 'a' && quote) void accept(quote);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [quotes, selected, accept]);

  useEffect(() => {
    rows.current[selected]?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <section aria-labelledby="queue-heading">
      <h1 id="queue-heading">Review queue</h1>
      <p className="muted">
        Least confident attributions first. Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> opens, <kbd>a</kbd> accepts the speaker.
      </p>
      <form className="filters" aria-label="Filter the queue" onSubmit={(event) => event.preventDefault()}>
        <div>
          <label htmlFor="filter-source">Source</label>
          <select id="filter-source" value={filters.source} onChange={(event) => setFilters({ ...filters, source: event.target.value })}>
            <option value="">Any source</option>
            {sources.map((source) => (
              <option key={source.slug} value={source.slug}>
                {source.name}
              </option>
            ))}
          </select>
        </div>
        <PersonSearch label="Person" chosen={filters.person} onChoose={(person) => setFilters({ ...filters, person })} />
        <div>
          <label htmlFor="filter-from">From</label>
          <input id="filter-from" type="date" value={filters.from} onChange={(event) => setFilters({ ...filters, from: event.target.value })} />
        </div>
        <div>
          <label htmlFor="filter-to">To</label>
          <input id="filter-to" type="date" value={filters.to} onChange={(event) => setFilters({ ...filters, to: event.target.value })} />
        </div>
      </form>
      <p role="status" className="status">
        {status}
      </p>
      {quotes === null ? (
        <p>Loading the queue…</p>
      ) : (
        <>
          <p className="muted">
            {quotes.length} of {total} quotes
          </p>
          <ol className="queue" aria-label="Quotes to review">
            {quotes.map((quote, index) => (
              <li
                key={quote.id}
                ref={(row) => {
                  rows.current[index] = row;
                }}
                className={index === selected ? 'selected' : undefined}
                aria-current={index === selected ? 'true' : undefined}
                onClick={() => setSelected(index)}
              >
                <div className="confidence" title={`attribution rule ${quote.attribution?.method}`}>
                  <strong>{quote.attribution ? Math.round(quote.attribution.confidence * 100) : '–'}%</strong>
                  <span className="muted">{quote.attribution?.method}</span>
                </div>
                <blockquote>“{quote.text}”</blockquote>
                <div className="meta">
                  <span className="speaker">
                    {quote.speaker ? (
                      <a href={hrefOf.person(quote.speaker.slug)}>{quote.speaker.name}</a>
                    ) : quote.speakerDescription ? (
                      `unnamed: ${quote.speakerDescription}`
                    ) : (
                      'no speaker'
                    )}
                  </span>
                  <span className="muted">
                    {' '}
                    · {quote.article.title} · {quote.article.source?.name ?? 'no source'} · {quote.article.date.slice(0, 10)}
                  </span>
                </div>
                <div className="actions">
                  <a href={hrefOf.article(quote.article.slug, quote.id)} aria-label={`Open “${quote.text.slice(0, 40)}” in its article`}>
                    Open
                  </a>
                  <button type="button" onClick={() => void accept(quote)} aria-label={`Accept the speaker of “${quote.text.slice(0, 40)}”`}>
                    Accept speaker
                  </button>
                </div>
              </li>
            ))}
          </ol>
          {next && (
            <button type="button" onClick={() => load(next).catch((error) => setStatus(describeError(error)))}>
              Load {QUEUE_PAGE} more
            </button>
          )}
        </>
      )}
    </section>
  );
}
