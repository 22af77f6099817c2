/* Lookup of files built into the binary (src/core/embed.h). */
#include <string.h>

#include "core/embed.h"

const struct sahifa_embed *shf_embed_find(const char *path)
{
	const struct sahifa_embed *e;

	for (e = shf_embeds; e->path; e++)
		if (!strcmp(e->path, path))
			return e;
	return NULL;
}
