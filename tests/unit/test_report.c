/* report: the page a partnership board opens is well-formed, self-contained (no scripts, no
 * links out), shows one chart per dimension with the right counts, lists every comment under
 * each of its themes, escapes whatever a visitor typed, and names only visitors who agreed.
 * The page is read back with Python's XML parser, so "well-formed" means what it says. */
#include <jansson.h>
#include <stdlib.h>
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
    "out = {'charts': {}, 'totals': [], 'comments': {}, 'h1': text(root.find('body/header/h1')),\n"
    "       'range': text(root.find('body/header/p'))}\n"
    "for svg in root.iter('svg'):\n"
    "    bars = []\n"
    "    for g in svg.findall('g'):\n"
    "        bars.append([text(g.find('rect/title')), text(g.find(\"text[@class='count']\")),\n"
    "                     text(g.find(\"text[@class='label']\"))])\n"
    "    out['charts'][svg.get('id')] = {'role': svg.get('role'), 'aria': svg.get('aria-label'),\n"
    "        'title': text(svg.find('title')), 'bars': bars, 'rects': "
    "len(list(svg.iter('rect')))}\n"
    "for tr in root.iter('tr'):\n"
    "    out['totals'].append([text(tr.find('th')), text(tr.find('td'))])\n"
    "for sec in root.iter('section'):\n"
    "    if sec.get('class') == 'theme':\n"
    "        out['comments'][text(sec.find('h3'))] = [[text(q.find(\"p[@class='text']\")),\n"
    "            text(q.find(\"p[@class='who']\"))] for q in sec.iter('blockquote')]\n"
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

/* ---- tests ----------------------------------------------------------------------------- */

static json_t *page;
static char *raw;

/* The page parses as XML, and carries nothing that runs or fetches. */
static void page_is_well_formed_and_self_contained(void) {
    CHECK(page != NULL);
    CHECK(raw != NULL);
    if (!raw) return;
    CHECK(strncmp(raw, "<!DOCTYPE html>\n<html lang=\"en\">", 32) == 0);
    CHECK(strstr(raw, "<script") == NULL);
    CHECK(strstr(raw, "http://") == NULL);
    CHECK(strstr(raw, "https://") == NULL);
    CHECK(strstr(raw, "<link") == NULL);
    CHECK(strstr(raw, "url(") == NULL);
    CHECK(strstr(raw, "@import") == NULL);
    CHECK(strstr(raw, " src=") == NULL);
    CHECK_CONTAINS(raw, "@media print");
    CHECK_CONTAINS(raw, "size: A4");
    CHECK_CONTAINS(raw, "page-break-inside: avoid");
    CHECK_STR(json_string_value(json_object_get(page, "h1")), "The Rotherham Plan");
    CHECK_STR(json_string_value(json_object_get(page, "range")),
              "What visitors said from 1 Jul 2026 to 3 Jul 2026");
}

/* Totals a board member reads first. */
static void totals_are_right(void) {
    json_t *t = json_object_get(page, "totals");
    static const char *const want[][2] = {
        {"Responses", "9"},
        {"Kiosks", "2"},
        {"With a comment", "8"},
        {"Comments that may be quoted", "4"},
        {"Average rating", "3.4 out of 5"},
    };
    CHECK_INT(json_array_size(t), 5);
    for (size_t i = 0; i < 5; i++) {
        CHECK_STR(str_at(t, i, 0), want[i][0]);
        CHECK_STR(str_at(t, i, 1), want[i][1]);
    }
    CHECK_CONTAINS(raw, "4 lines in the feedback files could not be read");
}

/* One chart per dimension, each an accessible SVG whose bars carry the right counts. */
static void charts_count_right(void) {
    static const char *const ids[] = {"chart-theme", "chart-age", "chart-day", "chart-kiosk",
                                      "chart-rating"};
    json_t *charts = json_object_get(page, "charts");
    CHECK_INT(json_object_size(charts), 5);
    for (int i = 0; i < 5; i++) {
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
    CHECK_STR(str_at(health, 0, 1), "Zofia · may be quoted · 1 Jul 2026 · Central Library, Rotherham");
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
    CHECK_INT(json_object_size(json_object_get(p, "charts")), 5);
    CHECK_CONTAINS(text, "No comments were written.");
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
            CHECK_STR(bars_of(p, "q-park-want"),
                      "Sports pitches: 2=2|A café: 1=1|Trees and wildflowers: 1=1|Something else: 1=1");
            CHECK_STR(bars_of(p, "q-fair-visit"), "1 Very worried: 0=0|2 Worried: 0=0|3 Not sure: 0=0|4 Hopeful: 0=0|5 Very hopeful: 1=1");
            CHECK_CONTAINS(html, "<tr><td>Benches</td><td>1.0</td>"); /* best mean rank first */
            CHECK_CONTAINS(html, "<th>Median</th><td>40</td>");
        } else {
            CHECK_STR(bars_of(p, "q-park-want"), "Sports pitches: fewer than 5=fewer than 5|A café: fewer than 5=fewer than 5|"
                                                 "Trees and wildflowers: fewer than 5=fewer than 5|Something else: fewer than 5=fewer than 5");
            CHECK(!strstr(html, "<th>Median</th>")); /* four numbers: not shown */
        }
        /* The pins on the question's own picture, which is inside the page. */
        int pins = 0;
        for (const char *at = html; (at = strstr(at, "<circle class=\"pin\"")); at++) pins++;
        CHECK_INT(pins, 3);
        CHECK_CONTAINS(html, "href=\"data:image/svg+xml;base64,");
        /* Free text under the options of the question before it; a name only with consent. */
        CHECK_CONTAINS(html, "<h4>Sports pitches");
        CHECK_CONTAINS(html, "dir=\"auto\">Cricket, please</p><p class=\"who\">Ama</p>");
        CHECK_CONTAINS(html, "dir=\"auto\">Football</p><p class=\"who\">Anonymous</p>");
        CHECK(!strstr(html, ">Bo<"));
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

int main(void) {
    if (system("rm -rf '" WORK "' && mkdir -p '" WORK "'") != 0) return 1;
    raw = make_report(both_trees, 2, NULL, WORK "/report.html");
    page = read_page(WORK "/report.html");
    RUN(page_is_well_formed_and_self_contained);
    RUN(totals_are_right);
    RUN(charts_count_right);
    RUN(comments_grouped_escaped_and_consented);
    RUN(hostile_records_stay_text);
    RUN(ranges_and_empty_reports);
    RUN(a_section_per_question);
    RUN(themes_by_their_names);
    json_decref(page);
    free(raw);
    return check_report();
}
