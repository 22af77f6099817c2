/* libFuzzer: the readers of a release's manifest.json and datapackage.json: pack's
 * (src/release/json_manifest.c, used with --previous) and validate's shape checks.
 * Invariant: a manifest pack accepts has a NUL-terminated name and versions. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "release/json_manifest.h"
#include "validate/validate_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct sahifa_manifest_info info;
	struct sahifa_validate_options opts;
	struct sahifa_validate_summary sum;
	struct vrun run;
	struct sahifa_json *doc = NULL;
	struct sahifa_error err;

	memset(&info, 0, sizeof(info));
	if (shf_manifest_read(text, size, &info, &err) == SAHIFA_OK &&
	    (!memchr(info.version, '\0', sizeof(info.version)) ||
	     !memchr(info.schema_version, '\0', sizeof(info.schema_version))))
		abort();
	memset(&opts, 0, sizeof(opts));
	memset(&sum, 0, sizeof(sum));
	memset(&run, 0, sizeof(run));
	run.opts = &opts;
	run.sum = &sum;
	manifest_check(&run, "manifest.json", text, size, &doc);
	shf_json_free(doc);
	doc = NULL;
	datapackage_check(&run, "datapackage.json", text, size, &doc);
	shf_json_free(doc);
	if (run.manifest)
		shf_schema_free(run.manifest);
	return 0;
}
