/* python_json: runs a Python script over our output and reads what it prints as JSON, so a
 * test checks a file with a reader that is not ours (Python's csv module, openpyxl). */
#ifndef PK_PYTHON_JSON_H
#define PK_PYTHON_JSON_H
#include <jansson.h>
#include <stdio.h>

/* Writes script to dir/reader.py and runs `python dir/reader.py ARGS` (args quoted by the
 * caller); returns what it printed, parsed (a new reference), or NULL (said on stderr). */
static inline json_t *python_json_run(const char *python, const char *dir, const char *script, const char *args) {
    char path[4096], cmd[12000];
    snprintf(path, sizeof path, "%s/reader.py", dir);
    FILE *s = fopen(path, "w");
    if (!s) return NULL;
    fputs(script, s);
    fclose(s);
    snprintf(cmd, sizeof cmd, "%s '%s' %s", python, path, args);
    FILE *p = popen(cmd, "r");
    if (!p) return NULL;
    json_error_t e;
    json_t *j = json_loadf(p, 0, &e);
    if (!j) fprintf(stderr, "python output is not JSON: %s\n", e.text);
    pclose(p);
    return j;
}

#endif
