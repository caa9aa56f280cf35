-- Written by hand (issue 17, hardening): a document too long for its word pairs is stored.
--
-- A document's word pairs (migration search_word_pairs) are a tsvector, which holds at most 1 MB of words:
-- an article under the ingest's 1 MB limit whose words are long (a ledger of 20,000 hashes: 660 KB of
-- text, 1.3 MB of pairs) failed to store, with PostgreSQL's "string is too long for tsvector". Its pairs
-- are now the one lexeme "*", which no pair of words can be, and a phrase's pairs say "or *", so a search
-- through the pairs reads such documents whatever its phrase (they are then checked on their words, as
-- every document is).
--
-- The function's answer is unchanged for every document that could be stored before (its pairs fitted),
-- so the indexes built on it hold the same entries and need no rebuilding (checked on the bench database
-- of 10,000 articles and 80,000 quotes: every document's pairs the same). The pairs' sizes are added up for
-- every document (with repeats, and only if those pass the limit without them): the pairs of those 10,000
-- articles took 1.42-1.47 s instead of 1.31-1.42 (about 10 µs an article, 5%).

CREATE OR REPLACE FUNCTION "quotegraph_word_pairs"(vector tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH word AS MATERIALIZED (SELECT word.lexeme, unnest(word.positions) AS "position" FROM unnest(vector) AS word),
  pair AS MATERIALIZED (
    SELECT first.lexeme || ' ' || second.lexeme AS lexeme
    FROM word first JOIN word second ON second."position" = first."position" + 1
    WHERE octet_length(first.lexeme) + octet_length(second.lexeme) < 2000)
  SELECT CASE WHEN sum(octet_length(pair.lexeme)) > 1048575
                   AND (SELECT sum(octet_length(kept.lexeme)) FROM (SELECT DISTINCT pair.lexeme FROM pair) kept) > 1048575
              THEN array_to_tsvector('{*}')
              ELSE coalesce(array_to_tsvector(array_agg(pair.lexeme)), ''::tsvector) END
  FROM pair
$$;

-- The word pairs every document matching `query` holds, ANDed (each two words the query joins by <->), or
-- "*": a document too long to keep its pairs may hold any of them. NULL if there are none, or if the query
-- has OR, or a NOT of more than one word (a pair under either is not required). As migration
-- search_word_pairs wrote it, but for the "*"; so every reading through the pairs' index (a search's first
-- reading and final ranking, a search's totalCount) reads such documents too.
CREATE OR REPLACE FUNCTION "quotegraph_phrase_pairs"(query tsquery) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH token AS (
    SELECT found[1] AS "text", lead(found[1]) OVER (ORDER BY place) AS "next", lead(found[1], 2) OVER (ORDER BY place) AS "after"
    FROM regexp_matches(query::TEXT, $pattern$'(?:[^'\\]|''|\\.)*'(?::[*A-D]+)?|<\d*-?>|[&|!()]$pattern$, 'g') WITH ORDINALITY AS token(found, place)),
  pair AS (
    SELECT replace(replace(substr(token."text", 2, length(token."text") - 2), '''''', ''''), '\\', '\')
           || ' ' || replace(replace(substr(token."after", 2, length(token."after") - 2), '''''', ''''), '\\', '\') AS "text"
    FROM token
    WHERE token."text" ~ '^''.*''$' AND token."next" = '<->' AND token."after" ~ '^''.*''$')
  SELECT CASE WHEN NOT EXISTS (SELECT FROM token WHERE token."text" = '|'
                               OR (token."text" = '!' AND NOT (token."next" ~ '^''.*''$' AND coalesce(token."after", '&') IN ('&', ')'))))
    THEN (SELECT ('(' || string_agg('''' || replace(replace(pair."text", '\', '\\'), '''', '''''') || '''', ' & ') || ') | ''*''')::tsquery
          FROM pair WHERE octet_length(pair."text") <= 2000) END
$$;
