/* Tests server/validate.c against WordPress 6.9.4: the captured error
 * responses (goldens and samples, replayed through the posts routes' args as
 * WordPress publishes them), and vectors produced by running WordPress's own
 * rest-api.php functions under PHP 8.2 (validate_vectors below). */
#include <pthread.h>
#include <stdlib.h>
#include "test.h"
#include "pressd/json.h"
#include "pressd/query.h"
#include "pressd/validate.h"

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b = BUF_INIT;
	char tmp[8192];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_append(&b, tmp, n);
	fclose(f);
	return buf_take(&b);
}

static char *emit(const json_t *j)
{
	struct buf b = BUF_INIT;
	if (j)
		json_emit(j, &b);
	else
		buf_puts(&b, "(none)");
	return buf_take(&b);
}

/* The JSON body of a captured response: after the first blank line. */
static const char *body_of(const char *resp)
{
	const char *p = strstr(resp, "\n\n");
	return p ? p + 2 : "";
}

static int status_of(const char *resp)
{
	const char *sp = strchr(resp, ' ');
	return sp ? atoi(sp + 1) : 0;
}

/* endpoints[i].args of an OPTIONS capture, for the endpoint serving method. */
static json_t *route_args(const char *shared, const char *file, const char *method)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/golden/6.9.4/posts-read/%s", shared, file);
	char *resp = read_all(path);
	if (!resp)
		return NULL;
	json_t *doc = json_loads(body_of(resp), JSON_DECODE_ANY, NULL);
	free(resp);
	json_t *args = NULL, *ep;
	size_t i;
	json_array_foreach(json_object_get(doc, "endpoints"), i, ep) {
		size_t j;
		json_t *m;
		json_array_foreach(json_object_get(ep, "methods"), j, m)
			if (!strcmp(json_string_value(m), method) && !args)
				args = json_deep_copy(json_object_get(ep, "args"));
	}
	json_decref(doc);
	return args;
}

/* The callbacks the posts controller registers (not visible in OPTIONS). */
static json_t *posts_args(const char *shared, int single, const char *method)
{
	json_t *args = route_args(shared, single ? "OPTIONS_wp_json_wp_v2_posts_1241-0455d88e.txt"
					   : "OPTIONS_wp_json_wp_v2_posts-b899510f.txt", method);
	if (!args)
		return NULL;
	validate_args_mark_controller(args);
	if (!strcmp(method, "GET")) {
		json_t *st = json_object_get(args, "status");
		if (st)
			json_object_set_new(st, "sanitize_callback", jstr("caller"));
		return args;
	}
	/* get_item_schema() arg_options */
	static const char *const unchecked[] = { "title", "content", "excerpt" };
	for (size_t i = 0; i < 3; i++) {
		json_t *a = json_object_get(args, unchecked[i]);
		if (a) {
			json_object_set_new(a, "validate_callback", json_null());
			json_object_set_new(a, "sanitize_callback", json_null());
		}
	}
	json_t *a;
	if ((a = json_object_get(args, "slug")))
		json_object_set_new(a, "sanitize_callback", jstr("caller")); /* sanitize_slug */
	if ((a = json_object_get(args, "template")))
		json_object_set_new(a, "validate_callback", jstr("caller")); /* check_template */
	validate_args_mark_item_schema(args);
	return args;
}

/* sanitize_post_statuses() as the posts handler does it: logged_in/can_edit
 * stand for the request's user. */
struct status_ctx {
	int logged_in, can_edit;
};

static int sanitize_statuses(void *ctx, const char *name, const json_t *arg, const json_t *value, json_t **out)
{
	const struct status_ctx *c = ctx;
	(void)name;
	return validate_post_statuses(arg, value, c->can_edit, c->can_edit, c->logged_in, out);
}

/* check_template() on create, with twentytwentythree's one page template. */
static json_t *check_template(void *ctx, const char *name, const json_t *arg, const json_t *value)
{
	(void)ctx, (void)name, (void)arg;
	if (!json_is_string(value) || !*json_string_value(value) || !strcmp(json_string_value(value), "blank"))
		return NULL;
	json_t *e = jobj();
	jset(e, "code", jstr("rest_invalid_param"));
	jset(e, "message", jstr("template is not one of blank."));
	jset(e, "data", json_null());
	return e;
}

/* Validates params against args; the error body, or "" on success. */
static char *run(const json_t *args, const json_t *params, int user)
{
	struct status_ctx c = { user != 0, user >= 1 && user <= 4 };
	struct validate_hooks hooks = { check_template, sanitize_statuses, &c };
	json_t *out = NULL, *err = NULL;
	int rc = validate_params_ex(args, params, &hooks, &out, &err);
	char *r = rc ? emit(err) : strdup("");
	json_decref(out);
	json_decref(err);
	return r;
}

/* A captured response this module must reproduce: the validation error
 * bodies; any other response means the params were valid. */
static const char *expected_of(const char *resp)
{
	const char *body = body_of(resp);
	if (status_of(resp) == 400 && (strstr(body, "{\"code\":\"rest_invalid_param\"") == body ||
				       strstr(body, "{\"code\":\"rest_missing_callback_param\"") == body))
		return body;
	return "";
}

static int check_case(const char *label, const json_t *args, const json_t *params, int user, const char *resp)
{
	char *got = run(args, params, user);
	char *want = strdup(expected_of(resp));
	size_t wl = strlen(want);
	while (wl && (want[wl - 1] == '\n' || want[wl - 1] == '\r'))
		want[--wl] = 0;
	int ok = strcmp(got, want) == 0;
	if (!ok)
		test_fail_str(__FILE__, __LINE__, label, got, want);
	free(got);
	free(want);
	return ok;
}

/* GET /wp-json/wp/v2/posts?... from the golden captures (anonymous). */
TEST(validate_golden_posts_collection)
{
	const char *shared = test_shared_dir();
	if (!shared)
		SKIP("needs ../shared");
	char path[1024];
	snprintf(path, sizeof path, "%s/golden/6.9.4/posts-read/index.txt", shared);
	char *index = read_all(path);
	json_t *args = posts_args(shared, 0, "GET");
	ASSERT(index && args);
	int cases = 0, bad = 0, errors = 0;
	char *save = NULL;
	for (char *line = strtok_r(index, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *tab = strchr(line, '\t');
		if (!tab || strncmp(tab + 1, "GET /wp-json/wp/v2/posts", 24) != 0)
			continue;
		const char *rest = tab + 1 + 24;
		if (*rest != '?' && *rest != 0)
			continue;
		*tab = 0;
		/* "GET /path?qs @admin": the user after the space */
		int user = 0;
		char *at = strstr(tab + 1, " @");
		if (at) {
			user = !strcmp(at + 2, "admin") ? 1 : 5;
			*at = 0;
		}
		snprintf(path, sizeof path, "%s/golden/6.9.4/posts-read/%s", shared, line);
		char *resp = read_all(path);
		if (!resp)
			continue;
		const char *qs = *rest == '?' ? rest + 1 : "";
		json_t *params = query_parse(qs, strlen(qs), 1000);
		cases++;
		errors += *expected_of(resp) != 0;
		bad += !check_case(tab + 1, args, params, user, resp);
		json_decref(params);
		free(resp);
	}
	json_decref(args);
	free(index);
	ASSERT_INT_EQ(bad, 0);
	ASSERT(cases >= 30 && errors >= 5);
}

/* Requests of spec/samples/{reqs,writes,writes2}.txt on the posts routes. */
TEST(validate_samples_posts)
{
	const char *shared = test_shared_dir();
	if (!shared)
		SKIP("needs ../shared");
	static const char *const lists[] = { "reqs.txt", "writes.txt", "writes2.txt" };
	json_t *args[2][2] = {
		{ posts_args(shared, 0, "GET"), posts_args(shared, 0, "POST") },
		{ posts_args(shared, 1, "GET"), posts_args(shared, 1, "POST") },
	};
	ASSERT(args[0][0] && args[0][1] && args[1][0] && args[1][1]);
	int cases = 0, bad = 0, errors = 0;
	char path[1024];
	for (size_t l = 0; l < 3; l++) {
		snprintf(path, sizeof path, "%s/spec/samples/%s", shared, lists[l]);
		char *list = read_all(path);
		ASSERT(list);
		char *save = NULL;
		for (char *line = strtok_r(list, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			/* name|user|method|path|curl args */
			char *f[5] = { 0 };
			char *p = line;
			for (int i = 0; i < 5 && p; i++) {
				f[i] = p;
				p = strchr(p, '|');
				if (p && i < 4)
					*p++ = 0;
			}
			if (!f[4])
				continue;
			int post = !strcmp(f[2], "POST"), single = 0;
			if (!post && strcmp(f[2], "GET") != 0)
				continue;
			const char *rp = f[3];
			if (strncmp(rp, "/wp-json/wp/v2/posts", 20) != 0)
				continue;
			rp += 20;
			if (*rp == '/') {
				const char *q = rp + 1;
				while (*q >= '0' && *q <= '9')
					q++;
				if (q == rp + 1)
					continue;
				single = 1;
				rp = q;
			}
			if (*rp != '?' && *rp != 0)
				continue;
			snprintf(path, sizeof path, "%s/spec/samples/6.9.4/%s.txt", shared, f[0]);
			char *resp = read_all(path);
			if (!resp)
				continue;
			json_t *params;
			if (post) {
				/* -d '<json>' */
				char *d = strstr(f[4], "-d '");
				char *end = d ? strrchr(d + 4, '\'') : NULL;
				if (!d || !end || !strstr(f[4], "application/json")) {
					free(resp);
					continue;
				}
				params = json_loadb(d + 4, (size_t)(end - d - 4), JSON_DECODE_ANY, NULL);
				if (!json_is_object(params)) {
					json_decref(params);
					free(resp);
					continue;
				}
			} else {
				const char *qs = *rp == '?' ? rp + 1 : "";
				params = query_parse(qs, strlen(qs), 1000);
			}
			cases++;
			errors += *expected_of(resp) != 0;
			bad += !check_case(f[0], args[single][post], params, atoi(f[1]), resp);
			json_decref(params);
			free(resp);
		}
		free(list);
	}
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++)
			json_decref(args[i][j]);
	ASSERT_INT_EQ(bad, 0);
	ASSERT(cases >= 60 && errors >= 10);
}

/* schema, value (JSON), param -> rest_validate_value_from_schema() ("true" or
 * the error as {"code","message","data"}) and, when valid,
 * rest_sanitize_value_from_schema() (JSON, or "error:<code>"). Generated by
 * running WordPress 6.9.4's rest-api.php under PHP 8.2.36. */
static const char *const validate_vectors[][5] = {
#include "validate_vectors.inc"
};

/* Equality of decoded JSON as PHP prints it: json_encode(2.0) is "2", so
 * numbers compare by value whatever their jansson type. */
static int php_json_equal(const json_t *a, const json_t *b)
{
	if (json_is_number(a) && json_is_number(b))
		return json_number_value(a) == json_number_value(b);
	/* wp_parse_id_list()'s array_unique() leaves holes in the keys
	 * ({"0":5,"2":6}); pressd keeps such lists as plain arrays. */
	if (json_is_array(a) && json_is_object(b) && json_object_size(b) == json_array_size(a)) {
		const char *k;
		json_t *v;
		size_t i = 0;
		json_object_foreach((json_t *)b, k, v)
			if (!php_json_equal(json_array_get(a, i++), v))
				return 0;
		return 1;
	}
	if (json_typeof(a) != json_typeof(b))
		return 0;
	if (json_is_array(a)) {
		if (json_array_size(a) != json_array_size(b))
			return 0;
		for (size_t i = 0; i < json_array_size(a); i++)
			if (!php_json_equal(json_array_get(a, i), json_array_get(b, i)))
				return 0;
		return 1;
	}
	if (json_is_object(a)) {
		const char *k;
		json_t *v;
		if (json_object_size(a) != json_object_size(b))
			return 0;
		json_object_foreach((json_t *)a, k, v)
			if (!json_object_get(b, k) || !php_json_equal(v, json_object_get(b, k)))
				return 0;
		return 1;
	}
	return json_equal((json_t *)a, (json_t *)b);
}

TEST(validate_wordpress_vectors)
{
	int bad = 0;
	for (size_t i = 0; i < sizeof validate_vectors / sizeof *validate_vectors; i++) {
		const char *const *v = validate_vectors[i];
		json_t *schema = json_loads(v[0], JSON_DECODE_ANY, NULL);
		json_t *value = json_loads(v[1], JSON_DECODE_ANY, NULL);
		ASSERT(schema && value);
		json_t *err = validate_value(schema, value, v[2]);
		char *got = err ? emit(err) : strdup("true");
		char label[512];
		snprintf(label, sizeof label, "validate %s %s", v[0], v[1]);
		if (strcmp(got, v[3]) != 0) {
			test_fail_str(__FILE__, __LINE__, label, got, v[3]);
			bad++;
		}
		free(got);
		if (!err) {
			json_t *s = validate_sanitize(schema, value, v[2]);
			got = s ? emit(s) : strdup("error:");
			snprintf(label, sizeof label, "sanitize %s %s", v[0], v[1]);
			json_t *want = json_loads(v[4], JSON_DECODE_ANY, NULL);
			int same = strncmp(v[4], "error:", 6) == 0 ? !s : s && want && php_json_equal(s, want);
			json_decref(want);
			if (!same) {
				test_fail_str(__FILE__, __LINE__, label, got, v[4]);
				bad++;
			}
			free(got);
			json_decref(s);
		}
		json_decref(err);
		json_decref(schema);
		json_decref(value);
	}
	ASSERT_INT_EQ(bad, 0);
}

/* rest_parse_date() (regex, then PHP 8.2's strtotime() with UTC as default zone). */
static const struct {
	const char *in;
	int ok;
	long long ts;
} date_vectors[] = {
#include "validate_dates.inc"
};

TEST(validate_parse_date_wordpress)
{
	int bad = 0;
	for (size_t i = 0; i < sizeof date_vectors / sizeof *date_vectors; i++) {
		long long ts = 0;
		int ok = validate_parse_date(date_vectors[i].in, &ts) == 0;
		if (ok != date_vectors[i].ok || (ok && ts != date_vectors[i].ts)) {
			test_fail_int(__FILE__, __LINE__, date_vectors[i].in, ok ? ts : -999, date_vectors[i].ok ? date_vectors[i].ts : -999);
			bad++;
		}
	}
	ASSERT_INT_EQ(bad, 0);
}

/* args (with pressd's callback markers), query params -> the error body
 * has_valid_params()/sanitize_params() give, or "ok:" and get_param() of
 * every param and default. Generated by running WordPress 6.9.4's
 * WP_REST_Request methods and rest-api.php under PHP 8.2.36. */
static const char *const request_vectors[][3] = {
#include "validate_requests.inc"
};

TEST(validate_wordpress_requests)
{
	int bad = 0;
	for (size_t i = 0; i < sizeof request_vectors / sizeof *request_vectors; i++) {
		json_t *args = json_loads(request_vectors[i][0], 0, NULL);
		json_t *params = json_loads(request_vectors[i][1], 0, NULL);
		const char *want = request_vectors[i][2];
		ASSERT(args && params);
		json_t *out = NULL, *err = NULL;
		int rc = validate_params(args, params, &out, &err);
		char *got = rc ? emit(err) : NULL;
		int same;
		if (strncmp(want, "ok:", 3) == 0) {
			json_t *w = json_loads(want + 3, 0, NULL);
			same = !rc && php_json_equal(out, w);
			json_decref(w);
			if (!rc)
				got = emit(out);
		} else {
			same = rc == 400 && strcmp(got, want) == 0;
		}
		if (!same) {
			test_fail_str(__FILE__, __LINE__, request_vectors[i][1], got, want);
			bad++;
		}
		free(got);
		json_decref(out);
		json_decref(err);
		json_decref(args);
		json_decref(params);
	}
	ASSERT_INT_EQ(bad, 0);
}

/* sanitize_post_statuses() for an editor, an anonymous and a logged-in reader;
 * the enum error is WordPress's rest_validate_value_from_schema() output. */
TEST(validate_post_statuses_caps)
{
	json_t *arg = json_loads("{\"default\":\"publish\",\"type\":\"array\",\"items\":{\"enum\":[\"publish\",\"future\","
				 "\"draft\",\"pending\",\"private\",\"trash\",\"auto-draft\",\"inherit\",\"request-pending\","
				 "\"request-confirmed\",\"request-failed\",\"request-completed\",\"any\"],\"type\":\"string\"}}",
				 0, NULL);
	json_t *v = jstr("bogus"), *out = NULL;
	ASSERT_INT_EQ(validate_post_statuses(arg, v, 1, 1, 1, &out), 1);
	char *got = emit(out);
	ASSERT_STR_EQ(got, "{\"code\":\"rest_not_in_enum\",\"message\":\"status[0] is not one of publish, future, draft, "
		      "pending, private, trash, auto-draft, inherit, request-pending, request-confirmed, request-failed, "
		      "request-completed, and any.\",\"data\":null}");
	free(got);
	json_decref(out);
	json_decref(v);
	v = jstr("publish,private");
	ASSERT_INT_EQ(validate_post_statuses(arg, v, 0, 1, 1, &out), 0);
	got = emit(out);
	ASSERT_STR_EQ(got, "[\"publish\",\"private\"]");
	free(got);
	json_decref(out);
	ASSERT_INT_EQ(validate_post_statuses(arg, v, 0, 0, 1, &out), 1);
	got = emit(out);
	ASSERT_STR_EQ(got, "{\"code\":\"rest_forbidden_status\",\"message\":\"Status is forbidden.\",\"data\":{\"status\":403}}");
	free(got);
	json_decref(out);
	json_decref(v);
	json_decref(arg);
}

/* The compiled-pattern cache is shared by worker threads. */
static void *pattern_worker(void *arg)
{
	long id = (long)arg, bad = 0;
	char schema[128];
	for (int i = 0; i < 200; i++) {
		snprintf(schema, sizeof schema, "{\"type\":\"string\",\"pattern\":\"^[a-z]{%d}$\"}", (int)((i + id) % 7) + 1);
		json_t *s = json_loads(schema, 0, NULL), *v = jstr("abc");
		json_t *e = validate_value(s, v, "p");
		bad += (e == NULL) != ((i + id) % 7 + 1 == 3);
		json_decref(e);
		json_decref(v);
		json_decref(s);
	}
	return (void *)bad;
}

TEST(validate_patterns_threads)
{
	pthread_t t[8];
	for (long i = 0; i < 8; i++)
		ASSERT_INT_EQ(pthread_create(&t[i], NULL, pattern_worker, (void *)i), 0);
	long bad = 0;
	for (int i = 0; i < 8; i++) {
		void *r;
		pthread_join(t[i], &r);
		bad += (long)r;
	}
	ASSERT_INT_EQ(bad, 0);
}
