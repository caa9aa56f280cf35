-- Written by hand (issue 17): the search function plans with PostgreSQL's default random_page_cost.
-- The API's sessions plan with 1.1 where the server has the default 4 (src/db/client.ts: the front page's
-- statement no longer hashes every topic for each article), and the statements of the threshold
-- algorithm inside "quotegraph_search" were planned under it too. For two common words at 10k articles
-- that cost about a fifth more PostgreSQL CPU than the same function called by a session at 4 (one client,
-- alternating: median 74 against 58 ms; bench at scale 1: 78 against 60-62 ms a request), and nothing at
-- 100k articles. The setting holds while the function runs, and the plans PL/pgSQL keeps are made under it.
ALTER FUNCTION "quotegraph_search"("SearchKind", TEXT, REAL, INTEGER, INTEGER) SET random_page_cost = 4;
