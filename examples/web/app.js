// A page on its own origin: reads Lavrov's newest quotes from Quotegraph over HTTP (CORS lets any
// origin read), then shows new ones as they are stored, through the quoteAdded subscription.
// The API's address comes from ?api= (default: a local `npm start`).
const api = new URL(new URLSearchParams(location.search).get('api') ?? 'http://127.0.0.1:4000/graphql');
const list = document.querySelector('#quotes');
const status = document.querySelector('#status');

const QUOTES = `query LavrovQuotes {
  person(slug: "sergey-lavrov") { quotes(first: 20) { nodes { id text article { title } } } }
}`;
const NEW_QUOTES = `subscription NewLavrovQuotes {
  quoteAdded(speaker: "sergey-lavrov") { cursor quote { id text article { title } } }
}`;

function show(quote, { fresh = false } = {}) {
  if (document.getElementById(quote.id)) return;
  const item = document.createElement('li');
  item.id = quote.id;
  if (fresh) item.className = 'new';
  item.append(`“${quote.text}” `, Object.assign(document.createElement('small'), { textContent: quote.article.title }));
  fresh ? list.prepend(item) : list.append(item);
}

async function load() {
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollographql-client-name': 'examples-web' },
    body: JSON.stringify({ query: QUOTES }),
  });
  const { data, errors } = await response.json();
  if (errors) throw new Error(errors[0].message);
  for (const quote of data.person?.quotes.nodes ?? []) show(quote);
}

function follow() {
  const socket = new URL(api);
  socket.protocol = api.protocol === 'https:' ? 'wss:' : 'ws:';
  const client = window.graphqlWs.createClient({
    url: socket.href,
    on: { connected: () => (document.body.dataset.live = 'yes'), closed: () => (document.body.dataset.live = 'no') },
  });
  client.subscribe({ query: NEW_QUOTES }, {
    next: ({ data, errors }) => {
      if (errors) return void (status.textContent = errors[0].message);
      if (data.quoteAdded.quote) show(data.quoteAdded.quote, { fresh: true });
    },
    error: (error) => (status.textContent = `Live updates stopped: ${error.message ?? error}`),
    complete: () => undefined,
  });
}

load()
  .then(() => {
    status.textContent = 'New quotes appear at the top as they are stored.';
    follow();
  })
  .catch((error) => (status.textContent = `Could not read the API at ${api}: ${error.message}`));
