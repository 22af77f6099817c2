/* A drop of the corpus stage as one JSON line: the JSON module's half of
 * struct corpus_drop (src/corpus/corpus_internal.h); the key order is fixed here. */
#include <math.h>

#include <cjson/cJSON.h>

#include "corpus/corpus_internal.h"

static double round3(double v)
{
	return round(v * 1000.0) / 1000.0;
}

static int add_str(cJSON *o, const char *key, const char *v)
{
	cJSON *item;

	if (!v)
		return 0;
	if (!(item = cJSON_CreateStringReference(v)))
		return -1;
	cJSON_AddItemToObjectCS(o, key, item);
	return 0;
}

static int add_num(cJSON *o, const char *key, double v)
{
	cJSON *item = cJSON_CreateNumber(v);

	if (!item)
		return -1;
	cJSON_AddItemToObjectCS(o, key, item);
	return 0;
}

enum sahifa_status corpus_drop_json(const struct corpus_drop *d, struct sahifa_buf *out)
{
	cJSON *o = cJSON_CreateObject();
	char *text = NULL;
	enum sahifa_status st = SAHIFA_ERR_NOMEM;

	if (!o || add_str(o, "id", d->id) || add_str(o, "reason", d->reason))
		goto done;
	if (d->duplicate_of && (add_str(o, "duplicate_of", d->duplicate_of) ||
				add_num(o, "similarity", round3(d->similarity))))
		goto done;
	if (d->signal && (add_str(o, "signal", d->signal) || add_num(o, "value", round3(d->value)) ||
			  add_str(o, "op", d->op) || add_num(o, "threshold", d->threshold) ||
			  add_str(o, "preset", d->preset) || add_str(o, "script", d->script)))
		goto done;
	if (add_str(o, "input", d->input) || add_num(o, "line", (double)d->line))
		goto done;
	if (!(text = cJSON_PrintUnformatted(o)))
		goto done;
	if (!(st = sahifa_buf_append_str(out, text)))
		st = sahifa_buf_append_char(out, '\n');
done:
	cJSON_free(text);
	cJSON_Delete(o);
	return st;
}
