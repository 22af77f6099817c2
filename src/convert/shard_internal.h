/* What convert.c calls around the walk of a sharded run (src/convert/shard.c). */
#ifndef SAHIFA_CONVERT_SHARD_INTERNAL_H
#define SAHIFA_CONVERT_SHARD_INTERNAL_H

#include "sahifa/convert.h"
#include "sahifa/input.h"

/* Check opts->shard, remove the output's sidecar (a run stopped midway leaves no share
 * that looks finished) and start share->fingerprint (freed by the caller with
 * sahifa_sha256_free) with what, besides the inputs, decides the records. */
enum sahifa_status shf_shard_begin(const struct sahifa_convert_options *opts,
				      struct sahifa_input_shard *share, struct sahifa_error *err);
/* After the output is committed: write its sidecar from the run's summary. */
enum sahifa_status shf_shard_end(const struct sahifa_convert_options *opts,
				    struct sahifa_input_shard *share,
				    const struct sahifa_convert_summary *sum, struct sahifa_error *err);

#endif
