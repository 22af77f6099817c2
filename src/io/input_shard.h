/* The walker's share filter (src/io/input_shard.c; see sahifa_input_shard in input.h). */
#ifndef SAHIFA_IO_INPUT_SHARD_H
#define SAHIFA_IO_INPUT_SHARD_H

#include "sahifa/input.h"

/* 1 when item belongs to share s: "name!member", or "name" alone for a WARC record
 * (its file is the unit) or an item without a member. */
int shf_input_shard_keep(const struct sahifa_input_shard *s,
			    const struct sahifa_input_item *item);
/* 1 when a file that is not an archive, name, belongs to share s. */
int shf_input_shard_keep_file(const struct sahifa_input_shard *s, const char *name);
/* Hash a path met by the walk into s->fingerprint (s or its fingerprint may be NULL):
 * size >= 0 for a file, -1 unreadable, -2 a directory, -3 stdin. */
void shf_input_shard_note(const struct sahifa_input_shard *s, const char *path,
			     long long size);

#endif
