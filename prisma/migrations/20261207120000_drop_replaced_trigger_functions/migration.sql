-- Written by hand (issue 17): the trigger functions no trigger runs any more, and the helpers only they called.
--
-- Migration trigger_per_table_event replaced Article's and Quote's triggers with one function a table and
-- event (quotegraph_article_written, quotegraph_quote_written) and kept the functions the old triggers ran.
-- Nothing calls them: no trigger, no function, and not bench:data (which calls quotegraph_recount_all,
-- quotegraph_recount_list_totals and quotegraph_reindex_search_terms). Since migration
-- topic_counts_from_links they are also wrong: a topic's counts are sums of its links' copies, which
-- quotegraph_quote_counts and quotegraph_article_counts do not keep. Their text stays in the migrations
-- that wrote them (counters, outbox, search_terms, list_totals, ingest_trigger_costs), which the comments of
-- the functions that replaced them point to.
DROP FUNCTION "quotegraph_quote_counts"();
DROP FUNCTION "quotegraph_article_counts"();
DROP FUNCTION "quotegraph_recount_topics"(INTEGER[]);
DROP FUNCTION "quotegraph_quote_total"();
DROP FUNCTION "quotegraph_article_total"();
DROP FUNCTION "quotegraph_add_to_list_total"(TEXT, BIGINT);
DROP FUNCTION "outbox_quotes"();
DROP FUNCTION "quotegraph_search_terms_added"();
DROP FUNCTION "quotegraph_search_terms_removed"();
