// The desk's views live in the URL's hash (#/queue, #/article/SLUG?quote=ID, #/person/SLUG,
// #/ingest): links and the back button work, and the server serves one page.
import { useEffect, useState } from 'react';

export type Route =
  | { view: 'queue' }
  | { view: 'article'; slug: string; quote: string | null }
  | { view: 'person'; slug: string }
  | { view: 'ingest' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'article' && parts[1]) return { view: 'article', slug: parts[1], quote: new URLSearchParams(query).get('quote') };
  if (parts[0] === 'person' && parts[1]) return { view: 'person', slug: parts[1] };
  if (parts[0] === 'ingest') return { view: 'ingest' };
  return { view: 'queue' };
}

export const hrefOf = {
  queue: () => '#/queue',
  article: (slug: string, quote?: string | null) => `#/article/${encodeURIComponent(slug)}${quote ? `?quote=${encodeURIComponent(quote)}` : ''}`,
  person: (slug: string) => `#/person/${encodeURIComponent(slug)}`,
  ingest: () => '#/ingest',
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
