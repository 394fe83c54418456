/* report: the page a partnership board opens is well-formed, self-contained (no scripts, no
 * links out, its fonts inside), has a page one with the right counts by kiosk, language and age
 * and each question's headline, a table of contents whose every link lands, the charts with
 * the right counts, every comment once under its first theme with the words used most a click
 * from them, the comments past a theme's first page out of the way, whatever a visitor typed
 * escaped, and only the names of visitors who agreed. The page is read back with Python's XML
 * parser, so "well-formed" means what it says. */
#include <jansson.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/stat.h>

#include "check.h"
#include "config/config.h"
#include "export/report.h"

#define FIXTURE TEST_SOURCE_DIR "/tests/fixtures/export"
#define WORK TEST_BINARY_DIR "/test_report.d"

static const char *const both_trees[] = {FIXTURE "/feedback", FIXTURE "/usb-copy"};

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf) buf[fread(buf, 1, (size_t)n, f)] = '\0';
    fclose(f);
    return buf;
}

/* Reads the page with xml.etree and prints what a reader would see, as JSON. */
static const char reader_py[] =
    "import json, sys\n"
    "import xml.etree.ElementTree as ET\n"
    "raw = open(sys.argv[1], encoding='utf-8').read()\n"
    "doctype = '<!DOCTYPE html>'\n"
    "assert raw.startswith(doctype), 'no doctype'\n"
    "root = ET.fromstring(raw[len(doctype):])\n"
    "text = lambda e: ''.join(e.itertext()) if e is not None else None\n"
    "out = {'charts': {}, 'tables': {}, 'comments': {}, 'h1': text(root.find('body/header/h1')),\n"
    "       'range': text(root.find('body/header/p')), 'ids': [], 'hrefs': [], 'toc': [],\n"
    "       'sections': [], 'words': {}, 'inline': {}, 'collapsed': {}}\n"
    "for svg in root.iter('svg'):\n"
    "    bars = []\n"
    "    for g in svg.findall('g'):\n"
    "        bars.append([text(g.find('rect/title')), text(g.find(\"text[@class='count']\")),\n"
    "                     text(g.find(\"text[@class='label']\"))])\n"
    "    out['charts'][svg.get('id')] = {'role': svg.get('role'), 'aria': svg.get('aria-label'),\n"
    "        'title': text(svg.find('title')), 'bars': bars, 'rects': "
    "len(list(svg.iter('rect')))}\n"
    "for t in root.iter('table'):\n"
    "    out['tables'][t.get('class')] = [[text(c) for c in tr] for tr in t.iter('tr')]\n"
    "for e in root.iter():\n"
    "    if e.get('id'): out['ids'].append(e.get('id'))\n"
    "    if e.tag == 'a': out['hrefs'].append(e.get('href'))\n"
    "    if e.tag == 'section' or e.tag == 'nav': out['sections'].append(e.get('id'))\n"
    "for a in root.iter('nav'):\n"
    "    out['toc'] += [x.get('href') for x in a.iter('a')]\n"
    "for sec in root.iter('section'):\n"
    "    if sec.get('class') == 'theme':\n"
    "        h = text(sec.find('h3'))\n"
    "        out['comments'][h] = [[text(q.find(\"p[@class='text']\")),\n"
    "            text(q.find(\"p[@class='who']\"))] for q in sec.iter('blockquote')]\n"
    "        out['inline'][h] = [q.get('id') for q in sec.findall('blockquote')]\n"
    "        out['collapsed'][h] = [q.get('id') for d in sec.findall('details') for q in "
    "d.iter('blockquote')]\n"
    "        out['words'][h] = [[text(e.find('a')), e.find('a').get('href'), [r.get('href') for r "
    "in e.iter('a')][1:]]\n"
    "            for w in sec.findall(\"div[@class='words']\") for e in w.iter('span') if "
    "e.get('class') == 'entry']\n"
    "print(json.dumps(out))\n";

static json_t *read_page(const char *path) {
    const char *script = WORK "/reader.py";
    FILE *s = fopen(script, "w");
    if (!s) return NULL;
    fputs(reader_py, s);
    fclose(s);
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "python3 '%s' '%s'", script, path);
    FILE *p = popen(cmd, "r");
    if (!p) return NULL;
    json_error_t e;
    json_t *j = json_loadf(p, 0, &e);
    pclose(p);
    return j;
}

/* Writes the report of dirs (with filter) to path; returns the page's text (caller frees). */
static char *make_report(const char *const *dirs, int n, const export_filter *filter,
                         const char *path) {
    export_set set;
    pk_error err = {{0}};
    bool ok = export_collect(&set, dirs, n, filter, &err);
    CHECK(ok);
    if (!ok) fprintf(stderr, "%s\n", err.msg);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        CHECK(report_write(f, &set, filter, &err));
        fclose(f);
    }
    export_set_free(&set);
    return slurp(path);
}

/* The file at path, in a buffer of its own (valid until the next call). */
static const char *slurp_static(const char *path) {
    static char *last;
    free(last);
    last = slurp(path);
    return last ? last : "";
}

static const char *str_at(json_t *arr, size_t i, size_t k) {
    return json_string_value(json_array_get(json_array_get(arr, i), k));
}

/* The chart's bars as "title=count" pairs joined by "|", for one comparison per chart. */
static char *bars_of(json_t *page, const char *id) {
    json_t *chart = json_object_get(json_object_get(page, "charts"), id);
    json_t *bars = json_object_get(chart, "bars");
    static char buf[2048];
    buf[0] = '\0';
    if (!chart) return strcat(buf, "(no chart)");
    for (size_t i = 0; i < json_array_size(bars); i++) {
        const char *title = str_at(bars, i, 0), *count = str_at(bars, i, 1);
        size_t len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, "%s%s=%s", i ? "|" : "", title ? title : "?",
                 count ? count : "?");
    }
    return buf;
}

/* Table `cls`'s rows, each as its cells joined by "|", rows by "/". */
static char *rows_of(json_t *page, const char *cls) {
    json_t *rows = json_object_get(json_object_get(page, "tables"), cls);
    static char buf[4096];
    buf[0] = '\0';
    if (!rows) return strcat(buf, "(no table)");
    for (size_t i = 0; i < json_array_size(rows); i++) {
        json_t *row = json_array_get(rows, i);
        for (size_t k = 0; k < json_array_size(row); k++) {
            const char *cell = json_string_value(json_array_get(row, k));
            size_t len = strlen(buf);
            snprintf(buf + len, sizeof buf - len, "%s%s", k ? "|" : i ? "/" : "", cell ? cell : "");
        }
    }
    return buf;
}

static bool has_string(json_t *arr, const char *s) {
    for (size_t i = 0; i < json_array_size(arr); i++)
        if (s && json_string_value(json_array_get(arr, i)) &&
            !strcmp(json_string_value(json_array_get(arr, i)), s))
            return true;
    return false;
}

static config *load_shipped(void) {
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *cfg = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, d);
    free(d);
    return cfg;
}

/* Nine answers to the shipped consultation at two kiosks, in four languages (an Urdu comment
 * among them), over two weeks and the hours of the day: the fixture of page one and the new
 * charts. Health's comments say "benches" three times and "bus station" twice. */
static const char *const multi_records[] = {
    "\"k-north\",\"North "
    "Library\",\"2026-07-03T09:15:00+01:00\",\"en\",{\"themes\":[\"health\",\"skills\"],"
    "\"rating\":4,\"text\":\"Benches in the park, "
    "please\",\"name\":\"Ama\",\"age_band\":\"25-44\",\"consent_quote\":true}",
    "\"k-north\",\"North "
    "Library\",\"2026-07-03T09:40:00+01:00\",\"en\",{\"themes\":[\"health\"],\"rating\":2,"
    "\"text\":\"Benches near the bus station\",\"age_band\":\"25-44\",\"consent_quote\":false}",
    "\"k-north\",\"North "
    "Library\",\"2026-07-03T14:05:00+01:00\",\"ur\",{\"themes\":[\"health\"],\"rating\":5,"
    "\"text\":\"\xd9\xbe\xd8\xa7\xd8\xb1\xda\xa9 \xd9\x85\xdb\x8c\xda\xba "
    "\xd8\xa8\xdb\x8c\xd9\x86\xda\x86\","
    "\"name\":\"Noor\",\"age_band\":\"65+\",\"consent_quote\":true}",
    "\"k-north\",\"North "
    "Library\",\"2026-07-06T14:30:00+01:00\",\"ur\",{\"themes\":[\"town-centre\"],\"rating\":3,"
    "\"age_band\":\"45-64\"}",
    "\"k-south\",\"South "
    "Hall\",\"2026-07-06T10:00:00+01:00\",\"pl\",{\"themes\":[\"town-centre\",\"health\"],"
    "\"rating\":1,\"text\":\"Wi\xc4\x99\x63\x65j \xc5\x82\x61wek w centrum\",\"name\":\"Zofia "
    "Kowalska\","
    "\"age_band\":\"18-24\",\"consent_quote\":true}",
    "\"k-south\",\"South "
    "Hall\",\"2026-07-06T10:20:00+01:00\",\"en\",{\"themes\":[\"skills\"],\"rating\":5,"
    "\"text\":\"Jobs for young people\"}",
    "\"k-south\",\"South Hall\",\"2026-07-07T16:45:00+01:00\",\"ro\",{\"themes\":[\"communities\"],"
    "\"text\":\"Mai multe b\xc4\x83nci\",\"age_band\":\"65+\"}",
    "\"k-south\",\"South "
    "Hall\",\"2026-07-07T16:50:00+01:00\",\"en\",{\"themes\":[\"health\"],\"rating\":4,"
    "\"text\":\"Benches and trees near the bus station\",\"age_band\":\"25-44\"}",
    "\"k-south\",\"South "
    "Hall\",\"2026-07-07T17:05:00+01:00\",\"ur\",{\"themes\":[\"communities\"],\"rating\":4,"
    "\"age_band\":\"12-17\"}",
};

static void write_multi(void) {
    CHECK(system("rm -rf '" WORK "/multi' && mkdir -p '" WORK "/multi/k'") == 0);
    FILE *f = fopen(WORK "/multi/k/2026-07.jsonl", "wb");
    CHECK(f != NULL);
    if (!f) return;
    for (size_t i = 0; i < sizeof multi_records / sizeof multi_records[0]; i++) {
        /* "kiosk","location","at","language",{answers} into a record of the shipped consultation */
        char kiosk[32], where[32], at[40], lang[8];
        const char *r = multi_records[i];
        CHECK(sscanf(r, "\"%31[^\"]\",\"%31[^\"]\",\"%39[^\"]\",\"%7[^\"]\",", kiosk, where, at,
                     lang) == 4);
        fprintf(f,
                "{\"id\":\"m%zu\",\"kiosk\":\"%s\",\"location\":\"%s\",\"at\":\"%s\",\"language\":"
                "\"%s\","
                "\"config\":{\"title\":\"The Rotherham Plan\",\"hash\":\"x\"},"
                "\"consultation\":{\"id\":\"plan-2025\",\"questions\":\"x\"},\"answers\":%s}\n",
                i + 1, kiosk, where, at, lang, strchr(r, '{'));
    }
    fclose(f);
}

/* The report of the multilingual fixture with the shipped config, as opt asks (min_count 1
 * unless opt says otherwise); abandoned visits as the reader will count them when given. */
static json_t *multi_report(const char *path, report_options opt, long abandoned,
                            const char *steps) {
    config *cfg = load_shipped();
    CHECK(cfg != NULL);
    if (!cfg) return NULL;
    const char *const dirs[] = {WORK "/multi"};
    export_set set;
    pk_error err = {{0}};
    CHECK(export_collect(&set, dirs, 1, NULL, &err));
    set.cfg = cfg;
    /* until the reader reads the kiosks' abandoned/ folders, the test says what it would find */
    long kept_abandoned = set.abandoned;
    json_t *kept_steps = set.abandoned_steps, *mine = steps ? json_loads(steps, 0, NULL) : NULL;
    if (steps) set.abandoned = abandoned, set.abandoned_steps = mine;
    if (!opt.min_count) opt.min_count = 1;
    FILE *f = fopen(path, "wb");
    CHECK(f && report_write_with(f, &set, &opt, &err));
    if (f) fclose(f);
    if (err.msg[0]) fprintf(stderr, "%s\n", err.msg);
    set.abandoned = kept_abandoned, set.abandoned_steps = kept_steps;
    json_decref(mine);
    export_set_free(&set);
    config_free(cfg);
    return read_page(path);
}

/* ---- tests ----------------------------------------------------------------------------- */

static json_t *page;
static char *raw;

/* The page parses as XML, and carries nothing that runs or fetches: its only url() are the
 * fonts inside it. */
static void page_is_well_formed_and_self_contained(void) {
    CHECK(page != NULL);
    CHECK(raw != NULL);
    if (!raw) return;
    CHECK(strncmp(raw, "<!DOCTYPE html>\n<html lang=\"en\">", 32) == 0);
    CHECK(strstr(raw, "<script") == NULL);
    CHECK(strstr(raw, "http://") == NULL);
    CHECK(strstr(raw, "https://") == NULL);
    CHECK(strstr(raw, "<link") == NULL);
    CHECK(strstr(raw, "@import") == NULL);
    CHECK(strstr(raw, " src=") == NULL);
    int urls = 0, fonts = 0;
    for (const char *at = raw; (at = strstr(at, "url(")); at++) urls++;
    for (const char *at = raw; (at = strstr(at, "url(data:font/ttf;base64,")); at++) fonts++;
    CHECK(fonts > 0);
    CHECK_INT(urls, fonts);
    CHECK_CONTAINS(raw, "@media print");
    CHECK_CONTAINS(raw, "size: A4");
    CHECK_CONTAINS(raw, "page-break-inside: avoid");
    CHECK_STR(json_string_value(json_object_get(page, "h1")), "The Rotherham Plan");
    CHECK_STR(json_string_value(json_object_get(page, "range")),
              "What visitors said from 1 Jul 2026 to 3 Jul 2026");
}

/* Printed, page one stands on a page of its own, and every page says "Page N of M". */
static void prints_with_page_numbers(void) {
    CHECK_CONTAINS(raw,
                   "@bottom-center { content: \"Page \" counter(page) \" of \" counter(pages)");
    CHECK_CONTAINS(raw, "section.page-one { page-break-after: always; break-after: page;");
}

/* The fonts travel inside the page, cut to what it uses: the Latin one always, the Arabic-script
 * one only where there is Urdu (or Arabic) to print. */
static void fonts_embedded_as_needed(void) {
    CHECK_CONTAINS(raw, "font-family: \"PK Sans\"; font-weight: 400;");
    CHECK_CONTAINS(raw, "font-family: \"PK Sans\"; font-weight: 700;");
    CHECK(strstr(raw, "font-family: \"PK Naskh\"") == NULL); /* no Arabic script in this one */
    /* cut to the characters used: a whole Noto Sans would be some 680 KB of base64 */
    const char *data = strstr(raw, "base64,");
    size_t len = data ? strcspn(data, ")") : 0;
    CHECK(len > 1000 && len < 120000);
}

/* Page one's totals a board member reads first. */
static void page_one_totals(void) {
    CHECK_STR(rows_of(page, "totals"), "Responses|9/With a comment|8/Comments that may be quoted|4/"
                                       "Average rating|3.4 out of 5");
    CHECK_STR(rows_of(page, "kiosks"), "Kiosk|Where|Responses|First|Last/"
                                       "kiosk-a|Central Library, Rotherham|5|1 Jul 2026|2 Jul 2026/"
                                       "kiosk-b|Riverside House|4|2 Jul 2026|3 Jul 2026");
    CHECK_STR(rows_of(page, "by-language"), "English|9|100%");
    CHECK_CONTAINS(raw, "4 lines in the feedback files could not be read");
    CHECK_CONTAINS(raw, "<p class=\"made\">Filters: none (every response found).</p>");
}

/* Every link of the contents lands on something in the page, and every section is in it. */
static void contents_links_resolve(json_t *p) {
    json_t *ids = json_object_get(p, "ids"), *toc = json_object_get(p, "toc");
    CHECK(json_array_size(toc) > 10);
    for (size_t i = 0; i < json_array_size(toc); i++) {
        const char *href = json_string_value(json_array_get(toc, i));
        CHECK(href && href[0] == '#' && has_string(ids, href + 1));
    }
    json_t *hrefs = json_object_get(p, "hrefs");
    for (size_t i = 0; i < json_array_size(hrefs); i++) {
        const char *href = json_string_value(json_array_get(hrefs, i));
        if (href && href[0] == '#' && !has_string(ids, href + 1))
            fprintf(stderr, "unresolved %s\n", href);
        CHECK(!href || href[0] != '#' || has_string(ids, href + 1));
    }
    json_t *sections = json_object_get(p, "sections");
    for (size_t i = 0; i < json_array_size(sections); i++) {
        const char *id = json_string_value(json_array_get(sections, i));
        char want[200];
        snprintf(want, sizeof want, "#%s", id ? id : "(no id)");
        if (id && strcmp(id, "contents") && !has_string(toc, want))
            fprintf(stderr, "not in the contents: %s\n", id);
        CHECK(id && (!strcmp(id, "contents") || has_string(toc, want)));
    }
}

static void table_of_contents(void) { contents_links_resolve(page); }

/* One chart per dimension, each an accessible SVG whose bars carry the right counts. */
static void charts_count_right(void) {
    static const char *const ids[] = {
        "chart-theme",    "chart-age",  "chart-day",  "chart-kiosk",        "chart-rating",
        "chart-language", "chart-week", "chart-hour", "chart-rating-theme", "chart-rating-kiosk"};
    json_t *charts = json_object_get(page, "charts");
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        json_t *c = json_object_get(charts, ids[i]);
        CHECK(c != NULL);
        CHECK_STR(json_string_value(json_object_get(c, "role")), "img");
        CHECK(json_string_length(json_object_get(c, "aria")) > 10);
        CHECK(json_string_length(json_object_get(c, "title")) > 5);
        /* every bar has its count printed beside it, the same as its title says */
        json_t *bars = json_object_get(c, "bars");
        CHECK_INT(json_integer_value(json_object_get(c, "rects")), json_array_size(bars));
        for (size_t b = 0; b < json_array_size(bars); b++) {
            const char *title = str_at(bars, b, 0), *count = str_at(bars, b, 1);
            const char *colon = title ? strrchr(title, ':') : NULL;
            CHECK(colon && count && strcmp(colon + 2, count) == 0);
        }
    }
    CHECK_STR(bars_of(page, "chart-theme"),
              "Health: 3=3|Communities: 2=2|Town centre: 2=2|Proud: 1=1|Skills: 1=1|"
              "Something else: 1=1|No theme chosen: 1=1");
    CHECK_STR(bars_of(page, "chart-age"),
              "Under 12: 0=0|12 to 17: 1=1|18 to 24: 1=1|25 to 44: 2=2|45 to 64: 1=1|"
              "65 or over: 2=2|Not given: 2=2");
    CHECK_STR(bars_of(page, "chart-day"), "1 Jul 2026: 3=3|2 Jul 2026: 4=4|3 Jul 2026: 2=2");
    CHECK_STR(bars_of(page, "chart-kiosk"), "Central Library, Rotherham: 5=5|Riverside House: 4=4");
    CHECK_STR(bars_of(page, "chart-rating"),
              "1 Very worried: 1=1|2 Worried: 1=1|3 Not sure: 1=1|4 Hopeful: 2=2|"
              "5 Very hopeful: 2=2");
    CHECK_CONTAINS(raw, "2 responses gave no rating.");
}

/* Every comment under each of its themes, escaped, with a first name only given consent. */
static void comments_grouped_escaped_and_consented(void) {
    json_t *c = json_object_get(page, "comments");
    CHECK_INT(json_object_size(c), 6); /* no comment was left without a theme */
    /* Each comment once, under its first theme, with its other themes named. */
    json_t *health = json_object_get(c, "Health (2 comments)");
    CHECK_INT(json_array_size(health), 2);
    CHECK_STR(str_at(health, 0, 0),
              "Więcej ławek w centrum, proszę — \"zielone\" miejsca!\nAnd a café for £2.50, "
              "please.");
    CHECK_STR(str_at(health, 0, 1),
              "Zofia · may be quoted · 1 Jul 2026 · Central Library, Rotherham");
    CHECK_CONTAINS(raw, "<p class=\"also\">Also: Town centre</p>");
    /* No consent: no name, and said so. */
    CHECK_STR(str_at(health, 1, 1), "not to be quoted · 2 Jul 2026 · Riverside House");
    json_t *communities = json_object_get(c, "Communities (2 comments)");
    CHECK_STR(str_at(communities, 0, 1), "José · may be quoted · 2 Jul 2026 · Riverside House");
    CHECK_CONTAINS(raw, "<p class=\"also\">Also: Health</p>");
    json_t *town = json_object_get(c, "Town centre (1 comment)");
    CHECK_STR(str_at(town, 0, 1), "not to be quoted · 2 Jul 2026 · Central Library, Rotherham");

    json_t *other = json_object_get(c, "Something else (1 comment)");
    CHECK_STR(str_at(other, 0, 0), "<script>alert(1)</script> & 'single' quotes");
    CHECK_STR(str_at(other, 0, 1), "Tom · may be quoted · 2 Jul 2026 · Central Library, Rotherham");
    CHECK_CONTAINS(raw, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;single&#39;");

    json_t *proud = json_object_get(c, "Proud (1 comment)"); /* consented, gave no name */
    CHECK_STR(str_at(proud, 0, 0), "Line one\nline two\n\nline four");
    CHECK_STR(str_at(proud, 0, 1), "Anonymous · may be quoted · 3 Jul 2026 · Riverside House");
    /* Every comment once: 8 written, 8 shown. */
    size_t shown = 0;
    const char *key;
    json_t *list;
    json_object_foreach(c, key, list) shown += json_array_size(list);
    CHECK_INT(shown, 8);
    CHECK_CONTAINS(raw, "<p class=\"text\" dir=\"auto\">");
    /* names without consent, and surnames, never appear */
    CHECK(strstr(raw, "Łukasiewicz") == NULL);
    CHECK(strstr(raw, "Kasia") == NULL);
    CHECK(strstr(raw, "@cmd") == NULL);
    CHECK(strstr(raw, ">Ann ") == NULL);
}

/* Markup, XML-breaking characters and odd ids from a hand-edited file cannot break the page. */
static void hostile_records_stay_text(void) {
    CHECK(system("rm -rf '" WORK "/hostile' && mkdir -p '" WORK "/hostile/k'") == 0);
    FILE *f = fopen(WORK "/hostile/k/2026-07-09.jsonl", "wb");
    CHECK(f != NULL);
    if (!f) return;
    fputs("{\"id\":\"h1\",\"kiosk\":\"k<b>\",\"location\":\"A & B <i>\",\"at\":"
          "\"2026-07-09T10:00:00+01:00\",\"config\":{\"title\":\"Plan <em>&amp;</em>\"},"
          "\"themes\":[\"<img src=x onerror=alert(1)>\",\"a]]>b\"],\"rating\":9,"
          "\"text\":\"bell\\u0007 <!-- ]]> x\\ufffe end\",\"name\":\"Eve<script>\","
          "\"age_band\":\"<svg onload=alert(1)>\",\"consent_quote\":true}\n",
          f);
    fclose(f);
    const char *const dirs[] = {WORK "/hostile"};
    char *text = make_report(dirs, 1, NULL, WORK "/hostile.html");
    json_t *p = read_page(WORK "/hostile.html");
    CHECK(p != NULL); /* still well-formed */
    CHECK(text && strstr(text, "<img") == NULL && strstr(text, "<script") == NULL &&
          strstr(text, "<svg onload") == NULL && strstr(text, "<em>") == NULL);
    CHECK_STR(json_string_value(json_object_get(p, "h1")), "Plan <em>&amp;</em>");
    CHECK_STR(bars_of(p, "chart-kiosk"), "A & B <i>: 1=1");
    json_decref(p);
    free(text);
}

/* A report for one day says so; an empty one still has its charts and says there is nothing. */
static void ranges_and_empty_reports(void) {
    export_filter f;
    memset(&f, 0, sizeof f);
    f.has_since = f.has_until = date_parse("2026-07-02", &f.since, NULL);
    f.until = f.since;
    char *text = make_report(both_trees, 2, &f, WORK "/one-day.html");
    json_t *p = read_page(WORK "/one-day.html");
    CHECK_STR(json_string_value(json_object_get(p, "range")), "What visitors said on 2 Jul 2026");
    CHECK_STR(bars_of(p, "chart-day"), "2 Jul 2026: 4=4");
    json_decref(p);
    free(text);

    CHECK(system("mkdir -p '" WORK "/empty'") == 0);
    const char *const empty[] = {WORK "/empty"};
    text = make_report(empty, 1, NULL, WORK "/empty.html");
    p = read_page(WORK "/empty.html");
    CHECK(p != NULL);
    CHECK_STR(bars_of(p, "chart-day"), "");
    CHECK_STR(bars_of(p, "chart-hour"), "");
    CHECK_STR(bars_of(p, "chart-rating-kiosk"), "");
    CHECK_CONTAINS(text, "No comments were written.");
    contents_links_resolve(p);
    CHECK_CONTAINS(text, "<td>no ratings given</td>");
    json_decref(p);
    free(text);
}

/* With the consultations' config, a section per question, as its type asks; a small count
 * (that could point at one person) reads "fewer than 5" unless asked otherwise. */
static void a_section_per_question(void) {
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *cfg = config_load(FIXTURE "/consultations/config.yaml", &opt, d);
    free(d);
    CHECK(cfg != NULL);
    if (!cfg) return;
    const char *const dirs[] = {FIXTURE "/consultations/feedback"};
    for (int min = 1; min <= 5; min += 4) {
        export_set set;
        pk_error err = {{0}};
        CHECK(export_collect(&set, dirs, 1, NULL, &err));
        set.cfg = cfg;
        const char *path = min == 1 ? WORK "/park-1.html" : WORK "/park-5.html";
        FILE *f = fopen(path, "wb");
        CHECK(f && report_write_min(f, &set, NULL, min, &err));
        if (f) fclose(f);
        export_set_free(&set);
        json_t *p = read_page(path);
        CHECK(p != NULL);
        char *html = slurp(path);
        if (min == 1) {
            CHECK_STR(
                bars_of(p, "q-park-want"),
                "Sports pitches: 2=2|A café: 1=1|Trees and wildflowers: 1=1|Something else: 1=1");
            CHECK_STR(bars_of(p, "q-fair-visit"), "1 Very worried: 0=0|2 Worried: 0=0|3 Not sure: "
                                                  "0=0|4 Hopeful: 0=0|5 Very hopeful: 1=1");
            CHECK_CONTAINS(html, "<tr><td>Benches</td><td>1.0</td>"); /* best mean rank first */
            CHECK_CONTAINS(html, "<th>Median</th><td>40</td>");
        } else {
            CHECK_STR(bars_of(p, "q-park-want"),
                      "Sports pitches: fewer than 5=fewer than 5|A café: fewer than 5=fewer than 5|"
                      "Trees and wildflowers: fewer than 5=fewer than 5|Something else: fewer than "
                      "5=fewer than 5");
            CHECK(!strstr(html, "<th>Median</th>")); /* four numbers: not shown */
        }
        /* The pins on the question's own picture, which is inside the page. */
        int pins = 0;
        for (const char *at = html; (at = strstr(at, "<circle class=\"pin\"")); at++) pins++;
        CHECK_INT(pins, 3);
        CHECK_CONTAINS(html, "href=\"data:image/svg+xml;base64,");
        /* Free text once, under the options of the question before it (the first chosen, the
         * others named), linked from its question; a name only with consent. */
        json_t *pitches =
            json_object_get(json_object_get(p, "comments"), "Sports pitches (2 comments)");
        CHECK_INT(json_array_size(pitches), 2);
        CHECK_STR(str_at(pitches, 0, 0), "Cricket, please");
        CHECK_STR(str_at(pitches, 0, 1), "Ama · may be quoted · 1 Dec 2026 · Millbrook Library");
        CHECK_CONTAINS(html, "Cricket, please</p><p class=\"also\">Also: A café</p>");
        CHECK_STR(str_at(pitches, 1, 0), "Football");
        CHECK_STR(str_at(pitches, 1, 1), "not to be quoted · 1 Dec 2026 · Millbrook Library");
        CHECK_CONTAINS(html, "written: see <a href=\"#said-park-sport\">what people said</a>");
        CHECK(!strstr(html, ">Bo<") && !strstr(html, "Bo ·"));
        contents_links_resolve(p);
        free(html);
        json_decref(p);
    }
    config_free(cfg);
}

/* With the config, themes and options go by their names in it, not their ids. */
static void themes_by_their_names(void) {
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *cfg = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, d);
    free(d);
    CHECK(cfg != NULL);
    if (!cfg) return;
    export_set set;
    pk_error err = {{0}};
    CHECK(export_collect(&set, both_trees, 2, NULL, &err));
    set.cfg = cfg;
    FILE *f = fopen(WORK "/named.html", "wb");
    CHECK(f && report_write(f, &set, NULL, &err));
    if (f) fclose(f);
    export_set_free(&set);
    json_t *p = read_page(WORK "/named.html");
    json_t *c = json_object_get(p, "comments");
    CHECK(json_object_get(c, "A place to be proud of (1 comment)") != NULL);
    CHECK(json_object_get(c, "Integrated health and social care (2 comments)") != NULL);
    CHECK(json_object_get(c, "Proud (1 comment)") == NULL);
    json_decref(p);
    config_free(cfg);
}

/* Page one of a fleet's report: how many answered by kiosk (with where and when), language
 * (by name) and age band, each question's headline, the filters used and when it was made. */
static void page_one_by_kiosk_language_and_age(void) {
    export_filter f = {.has_since = true, .n_consultations = 1};
    date_parse("2026-07-01", &f.since, NULL);
    f.consultations[0] = "plan-2025";
    report_options opt = {.filter = &f, .made = 1783500000};
    json_t *p = multi_report(WORK "/multi.html", opt, 0, NULL);
    char *html = slurp(WORK "/multi.html");
    CHECK(p != NULL);
    CHECK_STR(json_string_value(json_object_get(p, "range")),
              "What visitors said from 1 Jul 2026 to 7 Jul 2026");
    CHECK_STR(rows_of(p, "totals"), "Responses|9/With a comment|7/Comments that may be quoted|3/"
                                    "Average rating|3.5 out of 5");
    CHECK_STR(rows_of(p, "kiosks"),
              "Kiosk|Where|Responses|First|Last/k-south|South Hall|5|6 Jul 2026|7 Jul 2026/"
              "k-north|North Library|4|3 Jul 2026|6 Jul 2026");
    CHECK_STR(rows_of(p, "by-language"), "English|4|44%/Urdu|3|33%/Polish|1|11%/Romanian|1|11%");
    CHECK_STR(rows_of(p, "by-age"),
              "Under 12|0|0%/12 to 17|1|11%/18 to 24|1|11%/25 to 44|3|33%/45 to 64|1|11%/"
              "65 or over|2|22%/Not given|1|11%");
    /* The headline of each question, from the numbers its section draws. */
    CHECK_CONTAINS(rows_of(p, "headlines"),
                   "Question|Answered|What most said/Matters most|9|"
                   "Integrated health and social care 56% · Building stronger "
                   "communities 22% · Skills and employment 22%/"
                   "Feeling|8|Mean 3.5 from 1 to 5 — 1: 12% · 2: 12% · 3: 12% · ");
    CHECK_CONTAINS(rows_of(p, "headlines"), "/Your idea|7|7 answers written/Age|8|25 to 44 38%/"
                                            "Postcode|0|No answers/");
    CHECK_CONTAINS(rows_of(p, "headlines"), "|4|Yes 75%");
    CHECK(!strstr(rows_of(p, "headlines"), "Name|")); /* personal: no headline */
    CHECK_CONTAINS(html,
                   "<p class=\"made\">Filters: since 1 Jul 2026; consultation plan-2025. Made on ");
    /* The Urdu comment prints in Urdu: the Arabic-script font is inside the page. */
    CHECK_CONTAINS(html, "font-family: \"PK Naskh\"; font-weight: 400;");
    CHECK_CONTAINS(html, "dir=\"auto\">\xd9\xbe\xd8\xa7\xd8\xb1\xda\xa9 ");
    contents_links_resolve(p);
    json_decref(p);
    free(html);
}

/* The charts staff asked for: language, time of day, week, average rating by theme and by
 * kiosk (none from fewer ratings than the threshold), and where visits were left. */
static void charts_staff_asked_for(void) {
    report_options opt = {0};
    json_t *p = multi_report(WORK "/multi-charts.html", opt, 3, "{\"rating\": 2, \"intro\": 1}");
    CHECK_STR(bars_of(p, "chart-language"), "English: 4=4|Urdu: 3=3|Polish: 1=1|Romanian: 1=1");
    CHECK_STR(bars_of(p, "chart-hour"),
              "09:00 to 10:00: 2=2|10:00 to 11:00: 2=2|11:00 to 12:00: 0=0|"
              "12:00 to 13:00: 0=0|13:00 to 14:00: 0=0|14:00 to 15:00: 2=2|"
              "15:00 to 16:00: 0=0|16:00 to 17:00: 2=2|17:00 to 18:00: 1=1");
    CHECK_STR(bars_of(p, "chart-week"), "Week of 29 Jun 2026: 3=3|Week of 6 Jul 2026: 6=6");
    CHECK_STR(bars_of(p, "chart-rating-theme"),
              "Integrated health and social care: 3.2=3.2|Building stronger communities: 4.0=4.0|"
              "Skills and employment: 4.5=4.5|Town centre: 2.0=2.0");
    CHECK_STR(bars_of(p, "chart-rating-kiosk"), "South Hall: 3.5=3.5|North Library: 3.5=3.5");
    /* the step's words: a question's short name from the config */
    CHECK_STR(bars_of(p, "chart-abandoned"), "Feeling: 2=2|The introduction: 1=1");
    CHECK_CONTAINS(slurp_static(WORK "/multi-charts.html"),
                   "3 visits were left before the end: 25% of 12 visits; 9 responses were sent.");
    json_decref(p);

    opt.min_count = 3;
    p = multi_report(WORK "/multi-min3.html", opt, 0, NULL);
    CHECK_STR(
        bars_of(p, "chart-rating-theme"),
        "Integrated health and social care: 3.2=3.2|Building stronger communities: fewer than 3 "
        "ratings="
        "fewer than 3 ratings|Skills and employment: fewer than 3 ratings=fewer than 3 ratings|"
        "Town centre: fewer than 3 ratings=fewer than 3 ratings");
    CHECK_STR(bars_of(p, "chart-abandoned"), "(no chart)"); /* no abandoned visits read */
    json_decref(p);
}

/* v as compact JSON, in a buffer of its own (valid until the next call). */
static const char *dump(const json_t *v, size_t flags) {
    static char buf[1024];
    char *s = v ? json_dumps(v, flags) : NULL;
    snprintf(buf, sizeof buf, "%s", s ? s : "(null)");
    free(s);
    return buf;
}

static json_t *entry(json_t *p, const char *theme, const char *term) {
    json_t *list = json_object_get(json_object_get(p, "words"), theme);
    for (size_t i = 0; i < json_array_size(list); i++)
        if (str_at(list, i, 0) && !strcasecmp(str_at(list, i, 0), term))
            return json_array_get(list, i);
    return NULL;
}

/* The words and two-word phrases used most in a theme, each linking to the comments it is in. */
static void words_a_click_from_their_comments(void) {
    report_options opt = {0};
    json_t *p = multi_report(WORK "/multi-words.html", opt, 0, NULL);
    const char *health = "Integrated health and social care (4 comments)";
    CHECK_STR(dump(json_object_get(json_object_get(p, "inline"), health), JSON_COMPACT),
              "[\"m1\",\"m2\",\"m3\",\"m4\"]");
    json_t *benches = entry(p, health, "benches"), *station = entry(p, health, "bus station");
    CHECK(benches != NULL);
    CHECK(station != NULL);
    CHECK_STR(json_string_value(json_array_get(benches, 1)), "#m1");
    CHECK_STR(dump(json_array_get(benches, 2), JSON_COMPACT), "[\"#m2\",\"#m4\"]");
    CHECK_STR(json_string_value(json_array_get(station, 1)), "#m2");
    CHECK_STR(dump(json_array_get(station, 2), JSON_COMPACT), "[\"#m4\"]");
    CHECK(entry(p, health, "the") == NULL); /* a stop word */
    contents_links_resolve(p);
    json_decref(p);
}

/* A theme's comments past its first page: collapsed in the page, or on pages in a folder
 * beside it (each quick to open), the words' links following them there; none written when
 * everything fits. */
static void comments_past_the_first_page(void) {
    const char *health = "Integrated health and social care (4 comments)";
    report_options opt = {.comments_inline = 2};
    json_t *p = multi_report(WORK "/multi-collapsed.html", opt, 0, NULL);
    CHECK_STR(dump(json_object_get(json_object_get(p, "inline"), health), JSON_COMPACT),
              "[\"m1\",\"m2\"]");
    CHECK_STR(dump(json_object_get(json_object_get(p, "collapsed"), health), JSON_COMPACT),
              "[\"m3\",\"m4\"]");
    contents_links_resolve(p);
    json_decref(p);

    /* pages of one comment, so that Health's two more make two pages */
    CHECK(system("mkdir -p '" WORK "/multi-comments' && touch '" WORK "/multi-comments/3.html'") ==
          0);
    opt.appendix_path = WORK "/multi-comments", opt.appendix_href = "multi-comments";
    opt.report_href = "../multi-appendix.html", opt.comments_per_page = 1;
    p = multi_report(WORK "/multi-appendix.html", opt, 0, NULL);
    char *html = slurp(WORK "/multi-appendix.html");
    CHECK_STR(dump(json_object_get(json_object_get(p, "inline"), health), JSON_COMPACT),
              "[\"m1\",\"m2\"]");
    CHECK_STR(dump(json_object_get(json_object_get(p, "collapsed"), health), JSON_COMPACT), "[]");
    CHECK_CONTAINS(
        html, "The other 2 comments are on pages beside this report, in the folder multi-comments: "
              "comments <a href=\"multi-comments/1.html#said-plan-2025-text-1\">3 to 3</a>, "
              "<a href=\"multi-comments/2.html#said-plan-2025-text-1\">4 to 4</a>.");
    json_t *station = entry(p, health, "bus station");
    CHECK_STR(dump(json_array_get(station, 2), JSON_COMPACT), "[\"multi-comments/2.html#m4\"]");
    for (int n = 1; n <= 2; n++) {
        char path[200], theme[200], want[64];
        snprintf(path, sizeof path, WORK "/multi-comments/%d.html", n);
        snprintf(theme, sizeof theme, "Integrated health and social care, comments %d to %d", n + 2,
                 n + 2);
        snprintf(want, sizeof want, "[\"m%d\"]", n + 2);
        json_t *pg = read_page(path);
        CHECK(pg != NULL); /* well-formed too */
        CHECK_STR(dump(json_object_get(json_object_get(pg, "inline"), theme), JSON_COMPACT), want);
        CHECK(has_string(json_object_get(pg, "ids"), "said-plan-2025-text-1"));
        CHECK(has_string(json_object_get(pg, "hrefs"),
                         "../multi-appendix.html#said-plan-2025-text-1"));
        CHECK(has_string(json_object_get(pg, "hrefs"), n == 1 ? "2.html" : "1.html"));
        CHECK_CONTAINS(slurp_static(path), "url(data:font/ttf;base64,");
        json_decref(pg);
    }
    struct stat st;
    CHECK(stat(WORK "/multi-comments/3.html", &st) != 0); /* an earlier report's page, gone */
    json_decref(p);
    free(html);

    opt.comments_inline = 0, opt.comments_per_page = 0, opt.appendix_path = WORK "/fits-comments";
    p = multi_report(WORK "/multi-fits.html", opt, 0, NULL);
    CHECK(stat(WORK "/fits-comments", &st) != 0); /* everything fits: no folder */
    json_decref(p);
}

int main(void) {
    if (system("rm -rf '" WORK "' && mkdir -p '" WORK "'") != 0) return 1;
    raw = make_report(both_trees, 2, NULL, WORK "/report.html");
    page = read_page(WORK "/report.html");
    RUN(page_is_well_formed_and_self_contained);
    RUN(prints_with_page_numbers);
    RUN(fonts_embedded_as_needed);
    RUN(page_one_totals);
    RUN(table_of_contents);
    RUN(charts_count_right);
    RUN(comments_grouped_escaped_and_consented);
    RUN(hostile_records_stay_text);
    RUN(ranges_and_empty_reports);
    RUN(a_section_per_question);
    RUN(themes_by_their_names);
    write_multi();
    RUN(page_one_by_kiosk_language_and_age);
    RUN(charts_staff_asked_for);
    RUN(words_a_click_from_their_comments);
    RUN(comments_past_the_first_page);
    json_decref(page);
    free(raw);
    return check_report();
}
