/* JSON-LD in HTML pages (the cJSON seam of src/html/): schema.org Article fields. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "html/html_internal.h"

/* Objects nest shallowly in real JSON-LD; deeper ones are not read. */
#define LD_MAX_DEPTH 8

void html_ld_release(struct html_ld *ld)
{
	size_t i;

	free(ld->headline);
	free(ld->published);
	free(ld->modified);
	free(ld->body);
	free(ld->url);
	free(ld->publisher);
	free(ld->description);
	for (i = 0; i < ld->n_authors; i++)
		free(ld->authors[i]);
	memset(ld, 0, sizeof(*ld));
}

static void take(char **field, const cJSON *v)
{
	if (*field || !cJSON_IsString(v) || !v->valuestring || !v->valuestring[0])
		return;
	*field = strdup(v->valuestring);
}

static int type_is_article(const cJSON *t)
{
	static const char *const kinds[] = { "Article", "NewsArticle", "BlogPosting",
		"ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
		"BackgroundNewsArticle", "ReviewNewsArticle", "TechArticle", "ScholarlyArticle",
		"LiveBlogPosting", "Report", "SocialMediaPosting", "DiscussionForumPosting",
		"SatiricalArticle", "AskPublicNewsArticle", "WebPage", "Blog" };
	const cJSON *e;
	size_t i;

	if (cJSON_IsArray(t)) {
		cJSON_ArrayForEach(e, t)
			if (type_is_article(e))
				return 1;
		return 0;
	}
	if (!cJSON_IsString(t) || !t->valuestring)
		return 0;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(t->valuestring, kinds[i]))
			return 1;
	return 0;
}

static void add_author(struct html_ld *ld, const cJSON *a, int depth)
{
	const cJSON *e;

	if (depth > 2 || ld->n_authors >= HTML_LD_AUTHORS)
		return;
	if (cJSON_IsArray(a)) {
		cJSON_ArrayForEach(e, a)
			add_author(ld, e, depth + 1);
		return;
	}
	if (cJSON_IsObject(a))
		a = cJSON_GetObjectItemCaseSensitive(a, "name");
	if (cJSON_IsString(a) && a->valuestring && a->valuestring[0] &&
	    strlen(a->valuestring) < 200) {
		char *s = strdup(a->valuestring);

		if (s)
			ld->authors[ld->n_authors++] = s;
	}
}

static void visit(const cJSON *v, struct html_ld *ld, int depth)
{
	const cJSON *e;

	if (depth > LD_MAX_DEPTH)
		return;
	if (cJSON_IsArray(v)) {
		cJSON_ArrayForEach(e, v)
			visit(e, ld, depth + 1);
		return;
	}
	if (!cJSON_IsObject(v))
		return;
	e = cJSON_GetObjectItemCaseSensitive(v, "@graph");
	if (e)
		visit(e, ld, depth + 1);
	if (!type_is_article(cJSON_GetObjectItemCaseSensitive(v, "@type")))
		return;
	{
		int page = 0;
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(v, "@type");

		page = cJSON_IsString(t) && t->valuestring &&
		       (!strcmp(t->valuestring, "WebPage") || !strcmp(t->valuestring, "Blog"));
		if (!page) {
			take(&ld->headline, cJSON_GetObjectItemCaseSensitive(v, "headline"));
			take(&ld->body, cJSON_GetObjectItemCaseSensitive(v, "articleBody"));
			if (!ld->n_authors)
				add_author(ld, cJSON_GetObjectItemCaseSensitive(v, "author"), 0);
			e = cJSON_GetObjectItemCaseSensitive(v, "publisher");
			if (cJSON_IsObject(e))
				take(&ld->publisher, cJSON_GetObjectItemCaseSensitive(e, "name"));
			take(&ld->description, cJSON_GetObjectItemCaseSensitive(v, "description"));
		}
		take(&ld->published, cJSON_GetObjectItemCaseSensitive(v, "datePublished"));
		take(&ld->modified, cJSON_GetObjectItemCaseSensitive(v, "dateModified"));
		if (!page) {
			e = cJSON_GetObjectItemCaseSensitive(v, "mainEntityOfPage");
			if (cJSON_IsObject(e))
				take(&ld->url, cJSON_GetObjectItemCaseSensitive(e, "@id"));
			take(&ld->url, cJSON_GetObjectItemCaseSensitive(v, "url"));
		}
	}
}

int html_ld_read(const char *json, size_t len, struct html_ld *ld)
{
	cJSON *root = cJSON_ParseWithLength(json, len);

	if (!root)
		return -1;
	visit(root, ld, 0);
	cJSON_Delete(root);
	return 0;
}
