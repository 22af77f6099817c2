/*
 * The one thread pool (src/core/pool.c), in the shape both batch stages need: call a
 * function for every index of a batch on a few threads, each thread taking the next
 * index when it is done with one (items differ a lot in size), and return when all
 * are done.  The calling thread is one of the workers.  Which thread did which index
 * must not change the result: callers keep per-index results and merge them in order.
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

#endif
