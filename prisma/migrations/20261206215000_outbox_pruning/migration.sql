-- CreateTable
CREATE TABLE "OutboxPruning" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "throughTransactionId" BIGINT NOT NULL,
    "throughRank" SMALLINT NOT NULL,
    "throughEventId" BIGINT NOT NULL,
    "prunedAt" TIMESTAMP(3),

    CONSTRAINT "OutboxPruning_pkey" PRIMARY KEY ("id")
);

-- Written by hand: one row, from the start of the outbox (nothing pruned yet). src/outbox/outbox-pruning.ts
-- moves it forward with each batch of events it deletes, in the batch's transaction; readers resuming
-- from a cursor compare it with theirs after reading (src/outbox/outbox-events.ts, checkResumable).
-- (No CHECK ("id" = 1): Prisma's schema engine in WebAssembly panics reading one back, and the code
-- only ever updates this row.)
INSERT INTO "OutboxPruning" ("id", "throughTransactionId", "throughRank", "throughEventId") VALUES (1, 0, 0, 0);
