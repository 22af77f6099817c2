/*
 * What pack's files share (src/release/pack.c, src/release/pack_card.c): the dataset card, the chart
 * and CHANGES.md are built from the release description of src/release/json_manifest.h.
 */
#ifndef SAHIFA_PACK_INTERNAL_H
#define SAHIFA_PACK_INTERNAL_H

#include <stddef.h>
#include "release/json_manifest.h"
#include "sahifa/buf.h"
#include "sahifa/error.h"

/* Histogram of paragraph lengths in characters: bin i holds lengths in
 * [pack_hist_edges[i], pack_hist_edges[i + 1]); the last bin is open. */
#define PACK_HIST_BINS 8
extern const unsigned long pack_hist_edges[PACK_HIST_BINS];
size_t pack_hist_bin(unsigned long long chars);

/* README.md: Hugging Face YAML header, then the counts as Markdown tables. */
enum sahifa_status pack_card(const struct sahifa_release *r, struct sahifa_buf *out);
/* chart.svg: language mix and paragraph lengths; integer coordinates, no clock. */
enum sahifa_status pack_chart(const struct sahifa_release *r,
			      const unsigned long long hist[PACK_HIST_BINS],
			      struct sahifa_buf *out);

struct pack_changes {
	const char *name, *old_version, *old_schema, *new_version, *new_schema, *bump;
	const char (*added)[33], (*removed)[33], (*modified)[33];  /* sorted ids */
	size_t n_added, n_removed, n_modified;
};
/* CHANGES.md. */
enum sahifa_status pack_changes_md(const struct pack_changes *c, struct sahifa_buf *out);

#endif
