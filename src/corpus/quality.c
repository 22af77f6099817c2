/* Quality signals of one article (include/sahifa/corpus.h).  Everything is measured on
 * the match key of each paragraph (src/text/icu_fold.c), so that case, Arabic spelling
 * variants and diacritics do not split a repeated line or n-gram in two, as Gopher
 * normalizes words before counting repetitions. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/embed.h"
#include "core/utf8_block.h"
#include "corpus/corpus_internal.h"
#include "sahifa/corpus.h"
#include "sahifa/limits.h"
#include "sahifa/utf8.h"
#include "text/icu_fold.h"
#include "text/icu_script.h"

#define SHORT_LINE_CHARS 30   /* FineWeb's short line */
#define MAX_NGRAM 10

/* Eight bytes read with memcpy as a little-endian number: first byte lowest. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define QUALITY_LE64(x) __builtin_bswap64(x)
#else
#define QUALITY_LE64(x) (x)
#endif

/* The hash of a text of 1 to 16 bytes, its first eight (or fewer) x1 and the rest x2
 * (0 for none), first byte lowest: each half is multiplied by its own constant, the two
 * products independent of each other, the second's high bits folded into its low ones
 * and the sum's into its own, so that the well-mixed high bits of both products reach
 * the low bits the tables index by.  Two texts of one length that differ in one half
 * never collide (each step is a bijection of that half). */
static inline uint64_t short_hash(uint64_t x1, uint64_t x2, size_t n, uint64_t seed)
{
	uint64_t h = seed ^ (uint64_t)n * 0x9E3779B97F4A7C15ULL;
	uint64_t a = (h ^ x1) * 0xBF58476D1CE4E5B9ULL;
	uint64_t b = (h ^ x2) * 0x94D049BB133111EBULL;
	uint64_t r = a ^ b ^ b >> 32;

	return r ^ r >> 29;
}

/* The hash of a word or a line: only ever compared with hashes made here, so it need
 * not be corpus_hash64.  Past 16 bytes it takes eight bytes a step, every step a
 * bijection of the state, so two texts of one length that differ in one block never
 * collide.  padded: the eight bytes before p may be read (text_hash_padded). */
static inline __attribute__((always_inline)) uint64_t text_hash_at(const char *p, size_t n,
								   uint64_t seed, int padded)
{
	uint64_t h = seed ^ (uint64_t)n * 0x9E3779B97F4A7C15ULL, x;
	int whole = n >= 8;

	if (n - 1 < 16) {
		/* A word of 1 to 16 bytes, the common case, without a branch on its length
		 * (which was as good as random).  Padded, the loads end at or before the
		 * word's end and start no earlier than eight bytes before it. */
		uint64_t x1 = 0, x2 = 0;
		size_t k;

		if (padded) {
			size_t m = n < 8 ? n : 8;

			memcpy(&x1, p + m - 8, 8);
			memcpy(&x2, p + n - 8, 8);
			x1 = QUALITY_LE64(x1) >> (8 * (8 - m));
			/* (a mask, not ?:, which the compiler makes a branch of) */
			x2 = QUALITY_LE64(x2) >> (8 * ((16 - n) & 7)) & (0 - (uint64_t)(n > 8));
		} else {
			for (k = 0; k < n; k++)
				if (k < 8)
					x1 |= (uint64_t)(unsigned char)p[k] << (8 * k);
				else
					x2 |= (uint64_t)(unsigned char)p[k] << (8 * (k - 8));
		}
		return short_hash(x1, x2, n, seed);
	}
	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&x, p, 8);
		h = (h ^ x) * 0xBF58476D1CE4E5B9ULL;
		h ^= h >> 29;
	}
	if (n) {
		/* the last bytes, first byte lowest, built in a register: a short copy
		 * to the stack read back whole stalls the load (perf showed it).  After
		 * a whole block, or with bytes readable before them, they are the top
		 * bytes of the eight that end with them, read at once. */
		size_t k;

		if (whole || padded) {
			memcpy(&x, p + n - 8, 8);
			x = QUALITY_LE64(x) >> (8 * (8 - n));
		} else {
			for (x = 0, k = 0; k < n; k++)
				x |= (uint64_t)(unsigned char)p[k] << (8 * k);
		}
		h = (h ^ x) * 0x94D049BB133111EBULL;
		h ^= h >> 32;
	}
	/* no finishing mix: each step ends in one already, and a hash is only looked
	 * up by its bits mixed once more (stoplist_has, the n-gram tables) */
	return h;
}

static inline uint64_t text_hash(const char *p, size_t n, uint64_t seed)
{
	return text_hash_at(p, n, seed, 0);
}

/* The same where the eight bytes before p are readable: the keys' buffer starts with
 * KEY_PAD bytes of its own. */
#define KEY_PAD 8
static inline uint64_t text_hash_padded(const char *p, size_t n, uint64_t seed)
{
	return text_hash_at(p, n, seed, 1);
}

/* The hash of a line (padded as text_hash_padded): four blocks a step in four lanes,
 * whose multiplications do not wait on one another as one lane's do (a line is hashed
 * whole, and one lane's chain of them was a tenth of the quality samples), the lanes
 * then mixed into the seed of text_hash_padded over the rest.  Only ever compared with
 * other lines' hashes. */
static uint64_t line_hash(const char *p, size_t n, uint64_t seed)
{
	uint64_t h[4] = { seed ^ (uint64_t)n * 0x9E3779B97F4A7C15ULL, 0x6A09E667F3BCC908ULL,
			  0xBB67AE8584CAA73BULL, 0x3C6EF372FE94F82BULL }, x, r;
	size_t k;

	if (n < 32)
		return text_hash_padded(p, n, seed);
	for (; n >= 32; p += 32, n -= 32)
		for (k = 0; k < 4; k++) {
			memcpy(&x, p + 8 * k, 8);
			h[k] = (h[k] ^ x) * 0xBF58476D1CE4E5B9ULL;
			h[k] ^= h[k] >> 29;
		}
	for (r = h[0], k = 1; k < 4; k++) {
		r = (r ^ h[k]) * 0xBF58476D1CE4E5B9ULL;
		r ^= r >> 29;
	}
	return text_hash_padded(p, n, r);
}

/* ---- stop-word lists, folded once per language and shared by the threads ---------- */

#define STOP_FILTER_BITS 13  /* of a stop-word hash that index its list's filter */

/* The bit of stop-word hash h in its list's filter. */
static inline unsigned stop_bit(uint64_t h)
{
	return (unsigned)(h >> (64 - STOP_FILTER_BITS));
}
struct stoplist {
	char lang[SAHIFA_LANG_MAX];
	uint64_t *hashes;
	size_t n;
	uint64_t *set;             /* the hashes by open addressing, 0 for empty */
	size_t mask;               /* set's size - 1 */
	int has_zero;              /* a word hashes to 0 */
	/* a bit per hash's top STOP_FILTER_BITS bits, set for the list's words: most words
	 * of a text are no stop word and are told so without reaching into set, whose
	 * lines language ID evicts between articles */
	uint8_t filter[(1u << STOP_FILTER_BITS) / 8];
	int loaded;                /* 1 tried (hashes may be NULL: no list) */
};

#define STOPLISTS_MAX 32
static struct stoplist stoplists[STOPLISTS_MAX];
static pthread_mutex_t stop_lock = PTHREAD_MUTEX_INITIALIZER;

/* Fold every line of rules/stopwords/LANG.txt and keep the hashes, in a set. */
static enum sahifa_status stoplist_load(struct stoplist *l, struct sahifa_error *err)
{
	char path[64];
	const struct sahifa_embed *e;
	struct sahifa_buf key = SAHIFA_BUF_INIT;
	const char *p, *end;
	size_t cap = 0;
	enum sahifa_status st = SAHIFA_OK;

	l->loaded = 1;
	snprintf(path, sizeof(path), "rules/stopwords/%.15s.txt", l->lang);
	if (!(e = shf_embed_find(path)))
		return SAHIFA_OK;
	for (p = e->data; p < e->data + e->len; p++)
		cap += *p == '\n';
	if (!(l->hashes = calloc(cap + 1, sizeof(*l->hashes))))
		return sahifa_error_nomem(err, NULL);
	sahifa_buf_init(&key, 0);
	for (p = e->data, end = e->data + e->len; p < end && !st; ) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);

		sahifa_buf_reset(&key);
		if (len && p[0] != '#' && !(st = shf_fold_key(p, len, &key, err)) && key.len &&
		    l->n <= cap)
			l->hashes[l->n++] = text_hash(key.data, key.len, 0);
		p += len + 1;
	}
	sahifa_buf_release(&key);
	if (!st) {
		size_t size = 16, i;

		while (size < 4 * l->n)
			size *= 2;
		if (!(l->set = calloc(size, sizeof(*l->set)))) {
			l->n = 0;
			return sahifa_error_nomem(err, NULL);
		}
		l->mask = size - 1;
		for (i = 0; i < l->n; i++) {
			uint64_t h = l->hashes[i];
			size_t k = (size_t)(h ^ h >> 31) & l->mask;

			if (!h) {
				l->has_zero = 1;
				continue;
			}
			while (l->set[k] && l->set[k] != h)
				k = (k + 1) & l->mask;
			l->set[k] = h;
			l->filter[stop_bit(h) >> 3] |= (uint8_t)(1u << (stop_bit(h) & 7));
		}
	}
	return st;
}

/* The stop-word list of lang, or NULL when there is none. */
static const struct stoplist *stoplist_get(const char *lang, struct sahifa_error *err,
					   enum sahifa_status *st)
{
	struct stoplist *l = NULL;
	size_t i;

	*st = SAHIFA_OK;
	pthread_mutex_lock(&stop_lock);
	for (i = 0; i < STOPLISTS_MAX; i++)
		if (!stoplists[i].lang[0] || !strcmp(stoplists[i].lang, lang)) {
			l = &stoplists[i];
			break;
		}
	if (l && !l->loaded) {
		snprintf(l->lang, sizeof(l->lang), "%s", lang);
		*st = stoplist_load(l, err);
	}
	pthread_mutex_unlock(&stop_lock);
	return l && l->n ? l : NULL;
}

static inline int stoplist_has(const struct stoplist *l, uint64_t h)
{
	/* The filter's answer without a branch (a stop word or not is as good as
	 * random): a word the filter rules out probes slot 0, whose line stays cached,
	 * and the answer is the filter's and the probe's. */
	size_t in = l->filter[stop_bit(h) >> 3] >> (stop_bit(h) & 7) & 1;
	size_t k = (size_t)(h ^ h >> 31) & l->mask & (0 - in);
	uint64_t x;

	if (!h)
		return l->has_zero;
	/* The first slot probed is h or empty but for a collision (a quarter of the
	 * slots at most are taken): one branch that seldom goes on, where a branch on
	 * the answer, a stop word or not, was as good as random. */
	for (x = l->set[k]; (x != h) & (x != 0) & (in != 0); x = l->set[k])
		k = (k + 1) & l->mask;
	return (int)in & (x == h);
}

/* ---- words --------------------------------------------------------------------- */

/* Word characters as the rules matcher sees them (letters, digits, marks), and among
 * them digits, so that a letter is "a word character that is not a digit". */
static int is_digit(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) ||
	       (c >= 0x06F0 && c <= 0x06F9);
}

static int is_word_cp(uint32_t c)
{
	if (c < 0x80)
		return is_digit(c) || ((c | 32) >= 'a' && (c | 32) <= 'z');
	if (c <= 0xBF || c == 0xD7 || c == 0xF7)
		return 0;
	if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
	    (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFE30 && c <= 0xFE4F))
		return 0;
	switch (c) {
	case 0x060C: case 0x061B: case 0x061F: case 0x066A: case 0x066B: case 0x066C:
	case 0x066D: case 0x06D4: case 0xFD3E: case 0xFD3F: case 0xFEFF:
		return 0;
	}
	return 1;
}

/* The article's words in order: each one's hash, and the characters of the words
 * before each (before[n] those of all n), which the n-gram measures take as they are.
 * Four bytes hold those, and a word's or a slot's index: an article's match key is a
 * sahifa_buf, under SAHIFA_BUF_DEFAULT_MAX bytes.  (12 bytes a word, where a struct of
 * 16 and a prefix sum of 8 more built from it took 24.) */
struct words {
	uint64_t *hash;
	uint32_t *before;         /* cap + 1 of them */
	size_t n, cap;
};
_Static_assert(SAHIFA_BUF_DEFAULT_MAX < UINT32_MAX, "an article's characters fit 32 bits");

/* Room for every word a line of len bytes may hold (a word and the space after it
 * take two bytes at least), so that scan_line's pushes need no test. */
static int words_reserve(struct words *ws, size_t len)
{
	size_t need = ws->n + len / 2 + 1, ncap = ws->cap ? ws->cap : 256;
	void *p;

	if (need <= ws->cap)
		return 0;
	while (ncap < need)
		ncap *= 2;
	if (!(p = realloc(ws->hash, ncap * sizeof(*ws->hash))))
		return -1;
	ws->hash = p;
	if (!(p = realloc(ws->before, (ncap + 1) * sizeof(*ws->before))))
		return -1;
	if (!ws->before)
		((uint32_t *)p)[0] = 0;
	ws->before = p;
	ws->cap = ncap;
	return 0;
}

/* A word of hash h, after which the article's words hold total characters. */
static inline void words_push(struct words *ws, uint64_t h, uint64_t total)
{
	ws->hash[ws->n] = h;
	ws->before[++ws->n] = (uint32_t)total;
}

/* ---- n-gram counting: an open-addressing table of 64-bit keys ------------------- */

struct slot64 {
	uint64_t key;
	uint32_t count;
	uint32_t used;            /* the pass that filled it: an older pass's slot is empty */
};

/* ---- the arrays of one computation, kept by each thread for its next article ------ */

/* The n-gram table's slots an article uses are cleared when it starts; its passes (one
 * per n-gram length) take pass numbers 1, 2, ... so that an earlier pass's slots read
 * as empty.  A thread's arrays are freed when it ends. */
struct scratch {
	struct slot64 *t;
	size_t t_size;
	uint64_t *g;
	uint32_t *slot, *cand;    /* (4 bytes: see struct words) */
	size_t g_cap, slot_cap, cand_cap;
	struct words ws;
	struct sahifa_buf key;    /* a paragraph's match key */
	struct line_key *lines;   /* the paragraphs' hashes */
	size_t lines_cap;
};

static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;
static int scratch_keyed;
/* the thread's scratch, also held here so that a leak checker sees it is reachable */
static _Thread_local struct scratch *thread_scratch;

static void scratch_free(void *p)
{
	struct scratch *s = p;

	if (!s)
		return;
	free(s->t);
	free(s->g);
	free(s->slot);
	free(s->cand);
	free(s->ws.hash);
	free(s->ws.before);
	sahifa_buf_release(&s->key);
	free(s->lines);
	free(s);
}

static void scratch_key_create(void)
{
	scratch_keyed = !pthread_key_create(&scratch_key, scratch_free);
}

/* The calling thread's scratch, NULL when memory runs out. */
static struct scratch *scratch_get(void)
{
	struct scratch *s = thread_scratch;

	if (s)
		return s;
	pthread_once(&scratch_once, scratch_key_create);
	if (!scratch_keyed || !(s = calloc(1, sizeof(*s))))
		return NULL;
	sahifa_buf_init(&s->key, 0);
	if (pthread_setspecific(scratch_key, s)) {
		free(s);
		return NULL;
	}
	thread_scratch = s;
	return s;
}

/* Slots for a pass of n words: a power of two over n + n/4, so that a pass's keys (n at
 * most, and as a rule far fewer: words repeat) leave a fifth of it free.  Twice n, as
 * it was, made a table and its clearing twice the size for most articles, and the
 * table's lines took their room in the cache from language ID's between articles. */
static size_t table_size(size_t n)
{
	size_t s = 64;

	while (s < n + n / 4)
		s *= 2;
	return s;
}

/* Count key in the table of pass gen (1, 2, ...): slots of earlier passes read as empty,
 * so a new pass of the same article needs no clearing.  The slot's place is returned. */
static inline size_t table_add(struct slot64 *t, size_t size, uint64_t key, uint32_t gen)
{
	size_t i = (size_t)(key ^ key >> 29) & (size - 1), j;
	int here, next;

	/* Linear probing two slots a step, with one branch: whether the slot is taken
	 * (a word seen before) is as good as random, and so was whether its neighbour
	 * must be probed too (half of the words' first slots are some other word's at
	 * most); both of a pair taken by others is rare. */
	for (;;) {
		j = (i + 1) & (size - 1);
		here = (t[i].used != gen) | (t[i].key == key);
		next = (t[j].used != gen) | (t[j].key == key);
		if (here | next)
			break;
		i = (j + 1) & (size - 1);
	}
	i = here ? i : j;
	/* (a count of an earlier pass is 0: by a mask, as ?: became a branch) */
	t[i].count = (t[i].count & (0u - (uint32_t)(t[i].used == gen))) + 1;
	t[i].used = gen;
	t[i].key = key;
	return i;
}

/* Gopher's repetition measures over the document's word sequence: the characters of
 * the most common n-gram (n = 2..4) and the characters of words covered by any
 * repeated n-gram (n = 5..10), each over all word characters.  An n-gram repeats only
 * where the (n-1)-gram at the same word does (and so does its other occurrence), so
 * each length counts only the n-grams at the words whose shorter one repeated; once
 * none repeats, the measures of the longer ones stay 0.  The hash of the n-gram at a
 * word is grown from the (n-1)-gram's: h = mix(h ^ word) + k over its words. */
static int ngram_shares(struct scratch *s, const struct words *ws, uint64_t chars,
			struct sahifa_quality *q)
{
	size_t nw = ws->n, size = table_size(nw), n, i, k, m = 0;
	struct slot64 *t;
	uint64_t *g;
	const uint32_t *before = ws->before;  /* characters of the words before word i */
	uint32_t *slot;           /* slot[i]: where the n-gram at word i is counted */
	uint32_t *cand;           /* cand[0..m): the words whose n-gram may repeat, in order */

	if (!chars || nw < 2)
		return 0;
	if (s->t_size < size) {
		free(s->t);
		s->t_size = 0;
		if (!(s->t = calloc(size, sizeof(*s->t))))
			return -1;
		s->t_size = size;
	}
	/* The slots this article uses are cleared at once: a sequential write the
	 * prefetcher streams in, where the counting's first touch of each slot missed the
	 * cache (language ID in between evicts the table), as perf showed. */
	memset(s->t, 0, size * sizeof(*s->t));
	if (shf_array_reserve(&s->g, &s->g_cap, nw, sizeof(*s->g), 256) ||
	    shf_array_reserve(&s->slot, &s->slot_cap, nw, sizeof(*s->slot), 256) ||
	    shf_array_reserve(&s->cand, &s->cand_cap, nw, sizeof(*s->cand), 256))
		return -1;
	t = s->t;
	g = s->g;
	slot = s->slot;
	cand = s->cand;
	/* the words that occur more than once */
	for (i = 0; i < nw; i++) {
		/* (the word's hash is mixed already: an odd multiple tells a word from
		 * the same word inside an n-gram's hash, and "a b" from "b a") */
		g[i] = ws->hash[i] * 0x9E3779B97F4A7C15ULL;
		slot[i] = (uint32_t)table_add(t, size, g[i], 1);
	}
	/* without a branch: whether a word repeats is as good as random, and a branch on
	 * it mispredicted every other word (perf) */
	for (i = 0; i < nw; i++) {
		cand[m] = (uint32_t)i;
		m += t[slot[i]].count >= 2;
	}
	for (n = 2; n <= MAX_NGRAM && m; n++) {
		uint64_t best = 0, cov = 0;
		size_t keep = 0;

		for (k = 0; k < m && cand[k] + n <= nw; k++) {
			i = cand[k];
			g[i] = corpus_mix64(g[i] ^ ws->hash[i + n - 1]) + (n - 1);
			slot[i] = (uint32_t)table_add(t, size, g[i], (uint32_t)n);
		}
		m = k;                  /* the words after cannot start an n-gram */
		if (n <= 4) {
			/* the most common n-gram: its count times its length in characters */
			/* (without a branch on whether the n-gram repeats, as good as
			 * random: one that does not weighs 0) */
			for (k = 0; k < m; k++) {
				uint64_t count, c;

				i = cand[k];
				count = t[slot[i]].count;
				cand[keep] = (uint32_t)i;
				keep += count >= 2;
				c = (uint64_t)(before[i + n] - before[i]) * count &
				    (0 - (uint64_t)(count >= 2));
				best = c > best ? c : best;
			}
			q->top_ngram_chars[n - 2] = (double)best / (double)chars;
		} else {
			/* the words covered: the union of the repeated n-grams' spans, which
			 * start in order, so that each span adds the characters past the
			 * covered end before it */
			size_t end = 0;

			for (k = 0; k < m; k++) {
				i = cand[k];
				if (t[slot[i]].count >= 2) {
					cand[keep++] = (uint32_t)i;
					cov += before[i + n] - before[i > end ? i : end];
					end = i + n;
				}
			}
			q->dup_ngram_chars[n - 5] = (double)cov / (double)chars;
		}
		m = keep;
	}
	for (i = 0; i < SAHIFA_QUALITY_TOP_NGRAMS; i++)
		if (q->top_ngram_chars[i] > 1)
			q->top_ngram_chars[i] = 1;
	return 0;
}

/* ---- per line ------------------------------------------------------------------ */

static int is_closer(uint32_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0xBB || c == 0xAB ||
	       c == 0x201D || c == 0x2019 || c == 0x201C;
}

/* The marks that end a sentence (and the Arabic comma, which ends a line as one): the
 * Latin ones, Arabic's question mark and Urdu's full stop, the danda and double danda
 * of the Indic scripts, Armenian's, Ethiopic's, Myanmar's and Khmer's full stops,
 * Ethiopic's question mark, and the ideographic and full-width ones of CJK text. */
static int is_terminal(uint32_t c)
{
	switch (c) {
	case '.': case '!': case '?':
	case 0x060C: case 0x061F: case 0x06D4:    /* ، ؟ ۔ */
	case 0x2026:
	case 0x3002: case 0xFF01: case 0xFF0E: case 0xFF1F: case 0xFF61:    /* 。！．？｡ */
		return 1;
	}
	return sahifa_script_full_stop(c);    /* ։ । ॥ ။ ። ፧ ។ ៕ */
}

struct tally {
	uint64_t sentences;
	uint64_t lines, terminal, ellipsis, short_lines, list_items;
	uint64_t words, word_chars, alpha_words, symbols, letters, nonspace, stop;
	uint64_t line_chars, dup_lines, dup_line_chars;
};

/* What the walk over a line asks of each code point, in one look-up for the one- and
 * two-byte ones (Latin, Greek, Cyrillic, Hebrew, Arabic). */
#define CP_WORD 1u        /* is_word_cp */
#define CP_DIGIT 2u       /* is_digit */
#define CP_SENTENCE 4u    /* ends a sentence before a space (is_terminal, not the comma) */
#define CP_LETTER 8u      /* a letter as shf_script_count counts them */
#define CP_SYMBOL 16u     /* '#', '.' or U+2026, which may count as symbols */
#define CP_TABLE_END 0x800
static uint8_t cp_table[CP_TABLE_END];
/* The two-byte sequences that are letters and nothing else (CP_WORD | CP_LETTER), by
 * their two bytes, first byte high: the run of them in a word is most of an Arabic,
 * Cyrillic or Greek line, and one look-up a letter walks it. */
static uint8_t two_byte_letter[0x10000];
static pthread_once_t cp_table_once = PTHREAD_ONCE_INIT;
static int block_fast;    /* letters16 agrees with two_byte_letter (cp_table_build) */

#ifdef __SSE2__
/* The sixteen bytes at s as Arabic letters of U+0621..U+063A, U+0641..U+064A and
 * U+0671..U+06D3 (all of them letters and nothing else) and spaces: returns the mask
 * of the bytes that are one of those letters (lead and continuation byte) or a space,
 * with the spaces' mask in *sp. */
static unsigned letters16(const unsigned char *s, unsigned *sp)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i prev = _mm_slli_si128(v, 1);   /* the byte before each: its lead */
	/* the low byte of the code point U+06xx of a lead 0xD8..0xDB and its continuation,
	 * at the continuation's place */
	__m128i low = _mm_or_si128(_mm_slli_epi16(_mm_and_si128(prev, SHF_B16(3)), 6),
				   _mm_and_si128(v, SHF_B16(0x3F)));
	__m128i cont = _mm_and_si128(SHF_IN16(prev, 0xD8, 0xDB),
				     _mm_cmpeq_epi8(_mm_and_si128(v, SHF_B16(0xC0)), SHF_B16(0x80)));
	unsigned letter = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		cont, _mm_or_si128(_mm_or_si128(SHF_IN16(low, 0x21, 0x3A), SHF_IN16(low, 0x41, 0x4A)),
				   SHF_IN16(low, 0x71, 0xD3))));

	*sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, SHF_B16(' ')));
	return letter | letter >> 1 | *sp;
}
#endif

static unsigned cp_flags_of(uint32_t c)
{
	return (is_word_cp(c) ? CP_WORD : 0) | (is_digit(c) ? CP_DIGIT : 0) |
	       (is_terminal(c) && c != 0x060C ? CP_SENTENCE : 0) |
	       (shf_script_is_letter(c) ? CP_LETTER : 0) |
	       (c == '#' || c == '.' || c == 0x2026 ? CP_SYMBOL : 0);
}

static void cp_table_build(void)
{
	uint32_t c;

	for (c = 0; c < CP_TABLE_END; c++)
		cp_table[c] = (uint8_t)cp_flags_of(c);
	for (c = 0x80; c < CP_TABLE_END; c++)
		two_byte_letter[(0xC0 | c >> 6) << 8 | (0x80 | (c & 0x3F))] =
			cp_table[c] == (CP_WORD | CP_LETTER);
#ifdef __SSE2__
	/* every pair letters16 takes is a letter of two_byte_letter's */
	block_fast = 1;
	for (c = 0x600; c < 0x700; c++) {
		unsigned char in[16];
		unsigned sp, k;

		for (k = 0; k < 16; k += 2) {
			in[k] = (unsigned char)(0xC0 | c >> 6);
			in[k + 1] = (unsigned char)(0x80 | (c & 0x3F));
		}
		if (letters16(in, &sp) == 0xFFFF && !two_byte_letter[in[0] << 8 | in[1]])
			block_fast = 0;
	}
#endif
}

static inline unsigned cp_flags(uint32_t c)
{
	return c < CP_TABLE_END ? cp_table[c] : cp_flags_of(c);
}

/* A word of a line, the bytes from its first word character to its last: to ws, and
 * its counts to t.  (Whether it is a stop word is asked of all the article's words at
 * once, after the walk: stop_words.) */
static inline int add_word(const char *w, size_t len, uint32_t chars, int alpha,
			   struct words *ws, struct tally *t)
{
	uint64_t h = text_hash_padded(w, len, 0);

	t->words++;
	t->word_chars += chars;
	t->alpha_words += alpha;
	words_push(ws, h, t->word_chars);
	return 0;
}

/* The stop words among the words of ws.  Asked in one loop over the hashes rather than
 * word by word in the walk: the list's set is out of the cache after language ID, and
 * its look-ups, none waiting on another, miss in parallel here, where each stalled the
 * walk (perf). */
static uint64_t stop_words(const struct stoplist *sl, const struct words *ws)
{
	uint64_t n = 0;
	size_t i;

	for (i = 0; i < ws->n; i++)
		n += (uint64_t)stoplist_has(sl, ws->hash[i]);
	return n;
}

/* Walk one folded line: its words go to ws, its counts to t. */
static int scan_line(const char *s, size_t len, struct words *ws,
		     struct tally *t)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, chars = 0;
	uint32_t c = 0, last_cp = 0;

	while (i < len) {
		size_t wstart = 0, wend = 0, n;
		/* at counts the characters a word spans, the dots of "..." too */
		uint32_t tchars = 0, at = 0, wfirst = 0, wlast = 0;
		int alpha = 0, in_word = 0;

		while (i < len && p[i] == ' ')
			i++;
		if (i >= len)
			break;
#ifdef __SSE2__
		/* the words of sixteen bytes of Arabic letters and spaces that end in them,
		 * each all letters and two bytes a letter */
		if (block_fast && len - i >= 16) {
			unsigned sp, good = letters16(p + i, &sp), from = 0;

			/* (good has sixteen bits: ~good is never 0) */
			sp &= (1u << __builtin_ctz(~good)) - 1;
			if (sp) {
				for (; sp; sp &= sp - 1) {
					unsigned j = (unsigned)__builtin_ctz(sp);
					uint32_t wchars = (j - from) / 2;

					if (j > from) {
						chars += wchars;
						t->nonspace += wchars;
						t->letters += wchars;
						if (add_word(s + i + from, j - from, wchars, 1, ws, t))
							return -1;
					}
					from = j + 1;
				}
				i += from;
				continue;
			}
		}
#endif
		while (i < len && p[i] != ' ') {
			unsigned f;

			if (p[i] >= 0xC2 && i + 1 < len && two_byte_letter[(unsigned)p[i] << 8 | p[i + 1]]) {
				/* a run of two-byte letters that are nothing else, most of an
				 * Arabic, Cyrillic or Greek word: counted without decoding or the
				 * other tests */
				size_t k = i + 2;
				uint32_t run;

				/* two letters a step while they last, then the last one */
				while (k + 3 < len && two_byte_letter[(unsigned)p[k] << 8 | p[k + 1]] &&
				       two_byte_letter[(unsigned)p[k + 2] << 8 | p[k + 3]])
					k += 4;
				if (k + 1 < len && two_byte_letter[(unsigned)p[k] << 8 | p[k + 1]])
					k += 2;
				run = (uint32_t)((k - i) / 2);
				if (!in_word)
					wstart = i, wfirst = at, in_word = 1;
				tchars += run;
				at += run;
				wend = k;
				wlast = at;
				alpha = 1;
				t->letters += run;
				i = k;
				continue;
			}
			if (p[i] < 0x80)
				c = p[i], n = 1;
			else if (p[i] >= 0xC2 && p[i] <= 0xDF && i + 1 < len && (p[i + 1] & 0xC0) == 0x80)
				c = (uint32_t)(p[i] & 0x1F) << 6 | (p[i + 1] & 0x3F), n = 2;
			else if (!(n = sahifa_utf8_decode(p + i, len - i, &c)))
				n = 1, c = 0xFFFD;
			f = cp_flags(c);
			tchars++;
			at++;
			if (f & CP_WORD) {
				if (!in_word)
					wstart = i, wfirst = at - 1, in_word = 1;
				wend = i + n;
				wlast = at;
				alpha |= !(f & CP_DIGIT);
			}
			t->letters += (f & CP_LETTER) != 0;
			if (f & CP_SYMBOL) {
				if (c == '#')
					t->symbols++;
				if (c == 0x2026 ||
				    (c == '.' && i + 2 < len && p[i + 1] == '.' && p[i + 2] == '.'))
					t->symbols++, i += c == '.' ? 2 : 0, at += c == '.' ? 2 : 0;
			}
			i += n;
			/* a sentence ends at a terminal mark before a space or the end (a run
			 * of marks, "?!" or "...", ends one) */
			if ((f & CP_SENTENCE) && (i >= len || p[i] == ' '))
				t->sentences++;
		}
		chars += tchars;
		t->nonspace += tchars;
		if (in_word && add_word(s + wstart, wend - wstart, wlast - wfirst, alpha, ws, t))
			return -1;
	}
	/* the last character that is not a closing quote or bracket */
	{
		size_t j = len;

		last_cp = 0;
		while (j > 0) {
			size_t k = j - 1;
			uint32_t cp;

			while (k > 0 && (p[k] & 0xC0) == 0x80)
				k--;
			if (!sahifa_utf8_decode(p + k, j - k, &cp))
				break;
			if (!is_closer(cp) && cp != ' ') {
				last_cp = cp;
				break;
			}
			j = k;
		}
		t->terminal += is_terminal(last_cp);
		t->ellipsis += last_cp == 0x2026 || (len >= 3 && !memcmp(s + len - 3, "...", 3));
	}
	t->short_lines += chars < SHORT_LINE_CHARS;
	t->line_chars += chars;
	return 0;
}

struct line_key {
	uint64_t hash, chars;
	size_t index;
};

/* By hash, then by place: the first of equal lines sorts first. */
static int cmp_line_key(const void *a, const void *b)
{
	const struct line_key *x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static double share(uint64_t a, uint64_t b)
{
	return b ? (double)a / (double)b : 0.0;
}

enum sahifa_status sahifa_quality_compute(struct sahifa_article *a, struct sahifa_error *err)
{
	struct sahifa_quality *q = &a->quality;
	struct sahifa_buf *key;
	struct scratch *sc;
	struct words *ws;
	struct tally t;
	const struct stoplist *sl;
	struct line_key *line_hashes;
	size_t n_lines = 0, i, j, k, m;
	enum sahifa_status st = SAHIFA_OK;

	memset(q, 0, sizeof(*q));
	memset(&t, 0, sizeof(t));
	pthread_once(&cp_table_once, cp_table_build);
	sl = stoplist_get(a->tag.lang, err, &st);
	if (st)
		return st;
	if (!(sc = scratch_get()))
		return sahifa_error_nomem(err, NULL);
	ws = &sc->ws;
	ws->n = 0;
	for (i = 0; i < a->n_sections; i++)
		n_lines += a->sections[i].n_paragraphs;
	if (shf_array_reserve(&sc->lines, &sc->lines_cap, n_lines, sizeof(*sc->lines), 64))
		return sahifa_error_nomem(err, NULL);
	line_hashes = sc->lines;
	key = &sc->key;
	/* each paragraph's key is appended after KEY_PAD bytes and the keys before it,
	 * so that the hashes may read the eight bytes before a word */
	sahifa_buf_reset(key);
	if (sahifa_buf_append(key, "        ", KEY_PAD))
		return sahifa_error_nomem(err, NULL);
	for (i = 0, k = 0; i < a->n_sections && !st; i++)
		for (j = 0; j < a->sections[i].n_paragraphs && !st; j++, k++) {
			const struct sahifa_paragraph *p = &a->sections[i].paragraphs[j];
			uint64_t before = t.line_chars, h;
			size_t from = key->len;
			const char *line;

			if ((st = shf_fold_key(p->text, p->len, key, err)))
				break;
			line = key->data + from;
			if (words_reserve(ws, key->len - from) ||
			    scan_line(line, key->len - from, ws, &t)) {
				st = sahifa_error_nomem(err, NULL);
				break;
			}
			t.lines++;
			t.list_items += p->kind == SAHIFA_KIND_LIST_ITEM;
			h = line_hash(line, key->len - from, 1);
			line_hashes[k].hash = h;
			line_hashes[k].chars = t.line_chars - before;
			line_hashes[k].index = k;
		}
	if (!st && k) {
		/* every line of a run of equal lines but the first counts as repeated */
		qsort(line_hashes, k, sizeof(*line_hashes), cmp_line_key);
		for (m = 1; m < k; m++)
			if (line_hashes[m].hash == line_hashes[m - 1].hash) {
				t.dup_lines++;
				t.dup_line_chars += line_hashes[m].chars;
			}
	}
	if (!st && sl)
		t.stop = stop_words(sl, ws);
	if (!st && ngram_shares(sc, ws, t.word_chars, q))
		st = sahifa_error_nomem(err, NULL);
	if (st)
		return st;
	q->lines = t.lines;
	q->words = t.words;
	q->sentences = t.sentences;
	q->mean_word_length = share(t.word_chars, t.words);
	q->terminal_punct_lines = share(t.terminal, t.lines);
	q->ellipsis_lines = share(t.ellipsis, t.lines);
	q->short_lines = share(t.short_lines, t.lines);
	q->list_items = share(t.list_items, t.lines);
	q->symbol_word_ratio = share(t.symbols, t.words);
	q->letter_share = share(t.letters < t.nonspace ? t.letters : t.nonspace, t.nonspace);
	q->alpha_words = share(t.alpha_words, t.words);
	q->dup_lines = share(t.dup_lines, t.lines);
	q->dup_line_chars = share(t.dup_line_chars, t.line_chars);
	if (sl) {
		snprintf(q->stopword_lang, sizeof(q->stopword_lang), "%s", sl->lang);
		q->stopwords = t.stop;
		q->stopword_share = share(t.stop, t.words);
	}
	q->present = 1;
	return SAHIFA_OK;
}
