/* The one thread pool (src/core/pool.h). */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/pool.h"

enum { TASK_QUEUED = 1, TASK_RUNNING, TASK_DONE };

struct pool_thread {
	struct shf_pool *p;
	unsigned thread;
};

struct shf_pool {
	pthread_mutex_t lock;        /* guards everything below and every task's state */
	pthread_cond_t work;         /* a task was queued, or the pool stops */
	pthread_cond_t done;         /* a task is done */
	struct shf_pool_task *head, *tail;   /* queued, oldest first */
	unsigned idle;               /* workers asleep on work */
	unsigned waiting;            /* callers asleep on done */
	int stop;
	unsigned n_threads;
	pthread_t tids[SHF_POOL_MAX_THREADS];
	struct pool_thread threads[SHF_POOL_MAX_THREADS];
};

unsigned shf_pool_threads(unsigned requested)
{
	long n;

	if (requested)
		return requested > SHF_POOL_MAX_THREADS ? SHF_POOL_MAX_THREADS : requested;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > SHF_POOL_MAX_THREADS ? SHF_POOL_MAX_THREADS : (unsigned)n;
}

/* Take the oldest queued task and run it on this thread; called and returning with
 * the lock held, which is dropped while the task runs. */
static void pool_run_head(struct shf_pool *p, unsigned thread)
{
	struct shf_pool_task *t = p->head;

	p->head = t->next;
	if (!p->head)
		p->tail = NULL;
	t->next = NULL;
	t->state = TASK_RUNNING;
	pthread_mutex_unlock(&p->lock);
	t->fn(t->arg, thread);
	pthread_mutex_lock(&p->lock);
	t->state = TASK_DONE;
	if (p->waiting)
		pthread_cond_broadcast(&p->done);
}

static void *pool_worker(void *arg)
{
	struct pool_thread *w = arg;
	struct shf_pool *p = w->p;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->head && !p->stop) {
			p->idle++;
			pthread_cond_wait(&p->work, &p->lock);
			p->idle--;
		}
		if (p->stop)
			break;
		pool_run_head(p, w->thread);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct shf_pool *shf_pool_new(unsigned workers)
{
	struct shf_pool *p;
	unsigned t;

	if (!workers)
		return NULL;
	if (workers > SHF_POOL_MAX_THREADS - 1)
		workers = SHF_POOL_MAX_THREADS - 1;
	if (!(p = calloc(1, sizeof(*p))))
		return NULL;
	if (pthread_mutex_init(&p->lock, NULL)) {
		free(p);
		return NULL;
	}
	if (pthread_cond_init(&p->work, NULL)) {
		pthread_mutex_destroy(&p->lock);
		free(p);
		return NULL;
	}
	if (pthread_cond_init(&p->done, NULL)) {
		pthread_cond_destroy(&p->work);
		pthread_mutex_destroy(&p->lock);
		free(p);
		return NULL;
	}
	for (t = 0; t < workers; t++) {
		struct pool_thread *w = &p->threads[p->n_threads];

		w->p = p;
		w->thread = p->n_threads + 1;
		if (pthread_create(&p->tids[p->n_threads], NULL, pool_worker, w) == 0)
			p->n_threads++;
	}
	if (!p->n_threads) {
		shf_pool_free(p);
		return NULL;
	}
	return p;
}

void shf_pool_add(struct shf_pool *p, struct shf_pool_task *t)
{
	t->next = NULL;
	if (!p) {
		t->state = TASK_RUNNING;
		t->fn(t->arg, 0);
		t->state = TASK_DONE;
		return;
	}
	pthread_mutex_lock(&p->lock);
	t->state = TASK_QUEUED;
	if (p->tail)
		p->tail->next = t;
	else
		p->head = t;
	p->tail = t;
	if (p->idle)
		pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->lock);
}

int shf_pool_done(struct shf_pool *p, struct shf_pool_task *t)
{
	int done;

	if (!p)
		return t->state == TASK_DONE;
	pthread_mutex_lock(&p->lock);
	done = t->state == TASK_DONE;
	pthread_mutex_unlock(&p->lock);
	return done;
}

void shf_pool_wait(struct shf_pool *p, struct shf_pool_task *t)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	while (t->state != TASK_DONE) {
		if (p->head) {
			pool_run_head(p, 0);
		} else {
			p->waiting++;
			pthread_cond_wait(&p->done, &p->lock);
			p->waiting--;
		}
	}
	pthread_mutex_unlock(&p->lock);
}

void shf_pool_free(struct shf_pool *p)
{
	unsigned t;

	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = 1;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->lock);
	for (t = 0; t < p->n_threads; t++)
		pthread_join(p->tids[t], NULL);
	pthread_cond_destroy(&p->done);
	pthread_cond_destroy(&p->work);
	pthread_mutex_destroy(&p->lock);
	free(p);
}

/* ---- shf_pool_run: a batch of indices over a pool started for it ---------------- */

struct pool_batch {
	pthread_mutex_t lock;        /* guards next */
	size_t next, n;
	void (*fn)(void *ctx, unsigned thread, size_t i);
	void *ctx;
};

/* One thread's part of a batch: the next index until none is left. */
static void batch_take(void *arg, unsigned thread)
{
	struct pool_batch *b = arg;
	size_t i;

	for (;;) {
		pthread_mutex_lock(&b->lock);
		i = b->next++;
		pthread_mutex_unlock(&b->lock);
		if (i >= b->n)
			return;
		b->fn(b->ctx, thread, i);
	}
}

void shf_pool_run(unsigned threads, size_t n, void (*fn)(void *ctx, unsigned thread, size_t i),
		     void *ctx)
{
	struct shf_pool_task tasks[SHF_POOL_MAX_THREADS];
	struct shf_pool *p;
	struct pool_batch b;
	unsigned t;
	size_t i;

	if (threads > SHF_POOL_MAX_THREADS)
		threads = SHF_POOL_MAX_THREADS;
	if (threads > n)
		threads = (unsigned)n;
	if (threads <= 1 || pthread_mutex_init(&b.lock, NULL) != 0) {
		for (i = 0; i < n; i++)
			fn(ctx, 0, i);
		return;
	}
	b.next = 0;
	b.n = n;
	b.fn = fn;
	b.ctx = ctx;
	/* one task per worker, each looping over the indices left: with no worker
	 * started, the first task runs them all on the caller */
	p = shf_pool_new(threads - 1);
	for (t = 1; t < threads; t++) {
		tasks[t].fn = batch_take;
		tasks[t].arg = &b;
		shf_pool_add(p, &tasks[t]);
	}
	batch_take(&b, 0);
	for (t = 1; t < threads; t++)
		shf_pool_wait(p, &tasks[t]);
	shf_pool_free(p);
	pthread_mutex_destroy(&b.lock);
}
