// A statement each new database connection runs once (src/db/client.ts; the benchmark's servers too).

/**
 * Run once by each new connection so that its backend keeps the memory its statements free. glibc's
 * malloc in a PostgreSQL backend gives memory back to the kernel whenever more than 128 KiB lie free at
 * the top of its heap, until the process has once freed a block larger than that: from then on it keeps
 * up to twice that block. A backend that never did paid, on every statement whose memory crossed that
 * line, a heap shrink, a TLB flush on the other CPU and page faults to grow again. Measured on a 2-core
 * VM (perf: __brk, flush_tlb_mm_range; the benchmark's hand-written server under load at scale 10): the
 * front page's statement cost PostgreSQL 2.45 ms of CPU against 0.77, a person's quotes 0.48 against
 * 0.21; and whether a backend was in that state depended on the statements it had run before (after
 * the person's quotes, the README's Lavrov query cost 0.58-0.61 ms; run first, 0.23). Allocating and
 * freeing 1 MiB at connection puts every backend in the same state, for up to 2 MiB more of its freed
 * memory kept.
 */
export const KEEP_FREED_MEMORY = "SELECT length(repeat('x', 1048576))";
