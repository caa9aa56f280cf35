-- CreateTable
CREATE TABLE "ListTotal" (
    "list" TEXT NOT NULL,
    "slot" SMALLINT NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ListTotal_pkey" PRIMARY KEY ("list","slot")
);

-- The totals, kept in the transaction of every write: a statement adds what it changed to its session's slot.
CREATE FUNCTION "quotegraph_add_to_list_total"(list_name TEXT, delta BIGINT) RETURNS void LANGUAGE sql AS $$
  UPDATE "ListTotal" SET "count" = "count" + delta WHERE "list" = list_name AND "slot" = pg_backend_pid() % 16 AND delta <> 0;
$$;

CREATE FUNCTION "quotegraph_article_total"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "quotegraph_add_to_list_total"('articles', (SELECT count(*) FROM new_rows WHERE "published"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "quotegraph_add_to_list_total"('articles', -(SELECT count(*) FROM old_rows WHERE "published"));
  ELSE
    PERFORM "quotegraph_add_to_list_total"('articles',
      (SELECT count(*) FROM new_rows WHERE "published") - (SELECT count(*) FROM old_rows WHERE "published"));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "quotegraph_quote_total"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "quotegraph_add_to_list_total"('quotes', (SELECT count(*) FROM new_rows WHERE NOT "retracted" AND "articlePublished"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "quotegraph_add_to_list_total"('quotes', -(SELECT count(*) FROM old_rows WHERE NOT "retracted" AND "articlePublished"));
  ELSE
    PERFORM "quotegraph_add_to_list_total"('quotes',
      (SELECT count(*) FROM new_rows WHERE NOT "retracted" AND "articlePublished")
      - (SELECT count(*) FROM old_rows WHERE NOT "retracted" AND "articlePublished"));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "article_total_insert" AFTER INSERT ON "Article" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_article_total"();
CREATE TRIGGER "article_total_update" AFTER UPDATE ON "Article" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_article_total"();
CREATE TRIGGER "article_total_delete" AFTER DELETE ON "Article" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_article_total"();
CREATE TRIGGER "quote_total_insert" AFTER INSERT ON "Quote" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_quote_total"();
CREATE TRIGGER "quote_total_update" AFTER UPDATE ON "Quote" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_quote_total"();
CREATE TRIGGER "quote_total_delete" AFTER DELETE ON "Quote" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "quotegraph_quote_total"();

-- The totals counted from scratch (here, and after bulk loads that skip triggers: bench:data).
CREATE FUNCTION "quotegraph_recount_list_totals"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "ListTotal";
  INSERT INTO "ListTotal" ("list", "slot", "count")
  SELECT list."name", slot, CASE WHEN slot = 0 THEN list.n ELSE 0 END
  FROM (SELECT 'articles' AS "name", (SELECT count(*) FROM "Article" WHERE "published") AS n
        UNION ALL
        SELECT 'quotes', (SELECT count(*) FROM "Quote" WHERE NOT "retracted" AND "articlePublished")) list,
    generate_series(0, 15) AS slot;
$$;

SELECT "quotegraph_recount_list_totals"();
