/* The one thread pool (src/core/pool.h). */
#include <pthread.h>
#include <unistd.h>

#include "core/pool.h"

struct pool {
	pthread_mutex_t lock;               /* guards next */
	size_t next, n;
	void (*fn)(void *ctx, unsigned thread, size_t i);
	void *ctx;
};

struct pool_worker {
	struct pool *p;
	unsigned thread;
};

unsigned shf_pool_threads(unsigned requested)
{
	long n;

	if (requested)
		return requested > SHF_POOL_MAX_THREADS ? SHF_POOL_MAX_THREADS : requested;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > SHF_POOL_MAX_THREADS ? SHF_POOL_MAX_THREADS : (unsigned)n;
}

static void *pool_take(void *arg)
{
	struct pool_worker *w = arg;
	struct pool *p = w->p;
	size_t i;

	for (;;) {
		pthread_mutex_lock(&p->lock);
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->n)
			return NULL;
		p->fn(p->ctx, w->thread, i);
	}
}

void shf_pool_run(unsigned threads, size_t n, void (*fn)(void *ctx, unsigned thread, size_t i),
		     void *ctx)
{
	pthread_t tids[SHF_POOL_MAX_THREADS];
	struct pool_worker w[SHF_POOL_MAX_THREADS];
	struct pool p;
	unsigned t, started = 0;
	size_t i;

	if (threads > SHF_POOL_MAX_THREADS)
		threads = SHF_POOL_MAX_THREADS;
	if (threads > n)
		threads = (unsigned)n;
	if (threads <= 1 || pthread_mutex_init(&p.lock, NULL) != 0) {
		for (i = 0; i < n; i++)
			fn(ctx, 0, i);
		return;
	}
	p.next = 0;
	p.n = n;
	p.fn = fn;
	p.ctx = ctx;
	for (t = 0; t < threads; t++) {
		w[t].p = &p;
		w[t].thread = t;
	}
	for (t = 1; t < threads; t++)
		if (pthread_create(&tids[started + 1], NULL, pool_take, &w[started + 1]) == 0)
			started++;
	pool_take(&w[0]);
	for (t = 1; t <= started; t++)
		pthread_join(tids[t], NULL);
	pthread_mutex_destroy(&p.lock);
}
