/*
 * The one thread pool (src/core/pool.c), in two shapes:
 *
 * - a persistent pool: worker threads started once for a run, taking tasks from a
 *   queue oldest first, the calling thread helping with queued tasks while it waits
 *   for one (a stage that streams its inputs through a bounded ring of slots);
 * - shf_pool_run: call a function for every index of a batch on a few threads, each
 *   thread taking the next index when it is done with one (items differ a lot in
 *   size), and return when all are done; the calling thread is one of the workers.
 *
 * Which thread did which task or index must not change the result: callers keep
 * per-task results and merge them in order.
 */
#ifndef SAHIFA_POOL_H
#define SAHIFA_POOL_H

#include <stddef.h>

/* Threads a pool runs at most. */
#define SHF_POOL_MAX_THREADS 64

/* The number of threads to run: requested, or the online processors when it is 0;
 * at least 1, at most SHF_POOL_MAX_THREADS. */
unsigned shf_pool_threads(unsigned requested);

/* fn(ctx, thread, i) for every i in [0, n), on at most threads threads (capped at n and
 * at SHF_POOL_MAX_THREADS).  thread is in [0, threads actually started]; 0 is the
 * calling thread.  A thread that cannot be started leaves its share to the others. */
void shf_pool_run(unsigned threads, size_t n, void (*fn)(void *ctx, unsigned thread, size_t i),
		     void *ctx);

/* ---- the persistent pool -------------------------------------------------------- */

struct shf_pool;

/* One task: the caller owns it (typically inside the slot it works on) and keeps it
 * alive from shf_pool_add until shf_pool_done says it is done, or until
 * shf_pool_free.  fn runs once, on a worker (thread 1 and up) or on a caller that
 * helps (thread 0); what it writes is visible to the thread that then sees the task
 * done through shf_pool_done or shf_pool_wait. */
struct shf_pool_task {
	void (*fn)(void *arg, unsigned thread);
	void *arg;
	/* the pool's own: set by shf_pool_add, read under the pool's lock */
	struct shf_pool_task *next;
	int state;
};

/* Start workers threads (at most SHF_POOL_MAX_THREADS - 1) that take queued tasks
 * until shf_pool_free.  NULL when workers is 0, memory is short or no thread can be
 * started: every call below takes a NULL pool and then runs each task on the caller,
 * at once, so that a single-threaded run starts no thread and queues nothing. */
struct shf_pool *shf_pool_new(unsigned workers);

/* Queue t (fn and arg set by the caller) behind the tasks queued before it; with a
 * NULL pool, run it now on the caller. */
void shf_pool_add(struct shf_pool *p, struct shf_pool_task *t);

/* 1 when t has run to its end, else 0. */
int shf_pool_done(struct shf_pool *p, struct shf_pool_task *t);

/* Return when t is done.  Until then the caller runs the oldest queued task itself
 * (t or one queued before it) whenever there is one, and sleeps only while every
 * task it could take is already running. */
void shf_pool_wait(struct shf_pool *p, struct shf_pool_task *t);

/* Stop the workers: tasks still queued are not run (the caller frees what they would
 * have worked on), running ones are waited for, the threads joined.  NULL is a no-op. */
void shf_pool_free(struct shf_pool *p);

#endif
