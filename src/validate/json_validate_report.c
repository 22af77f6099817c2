/* validate's machine-readable report (include/sahifa/validate.h), written with cJSON. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "sahifa/validate.h"

void sahifa_validate_report_init(struct sahifa_validate_report *r)
{
	sahifa_buf_init(&r->files, 0);
	sahifa_buf_init(&r->errors, 0);
	r->failed = 0;
}

void sahifa_validate_report_release(struct sahifa_validate_report *r)
{
	sahifa_buf_release(&r->files);
	sahifa_buf_release(&r->errors);
}

/* Append one object, unformatted, to a comma-separated list. */
static void append_item(struct sahifa_validate_report *r, struct sahifa_buf *list, cJSON *o)
{
	char *text = o ? cJSON_PrintUnformatted(o) : NULL;

	if (!text || (list->len && sahifa_buf_append_char(list, ',')) ||
	    sahifa_buf_append_str(list, text))
		r->failed = 1;
	free(text);
	cJSON_Delete(o);
}

void sahifa_validate_report_diag(void *report, const struct sahifa_error *err)
{
	struct sahifa_validate_report *r = report;
	cJSON *o = cJSON_CreateObject();

	if (!o || !cJSON_AddStringToObject(o, "path", err->path) ||
	    !cJSON_AddNumberToObject(o, "line", (double)err->line) ||
	    !cJSON_AddNumberToObject(o, "col", (double)err->col) ||
	    !cJSON_AddStringToObject(o, "where", err->where) ||
	    !cJSON_AddStringToObject(o, "message", err->msg)) {
		cJSON_Delete(o);
		r->failed = 1;
		return;
	}
	append_item(r, &r->errors, o);
}

void sahifa_validate_report_file(void *report, const struct sahifa_validate_file *f)
{
	struct sahifa_validate_report *r = report;
	cJSON *o = cJSON_CreateObject();

	if (!o || !cJSON_AddStringToObject(o, "path", f->path) ||
	    !cJSON_AddStringToObject(o, "kind", f->kind) ||
	    !cJSON_AddNumberToObject(o, "rows", (double)f->rows) ||
	    !cJSON_AddNumberToObject(o, "errors", (double)f->errors)) {
		cJSON_Delete(o);
		r->failed = 1;
		return;
	}
	append_item(r, &r->files, o);
}

enum sahifa_status sahifa_validate_report_to_json(const struct sahifa_validate_report *r,
						  const struct sahifa_validate_summary *summary,
						  struct sahifa_buf *out)
{
	if (r->failed)
		return SAHIFA_ERR_NOMEM;
	return sahifa_buf_appendf(out, "{\"files\":[%s],\"rows\":%llu,\"errors\":[%s],"
				  "\"valid\":%s}\n", r->files.data ? r->files.data : "",
				  summary->rows, r->errors.data ? r->errors.data : "",
				  summary->errors ? "false" : "true");
}
