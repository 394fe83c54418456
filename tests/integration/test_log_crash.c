/* log_crash: the feedback log is killed mid-write, hundreds of times, and nothing it
 * acknowledged is ever lost, changed, duplicated or merged with another record.
 *
 * Each round forks a writer that opens the log and appends records (some of them hundreds of KB,
 * so a SIGKILL can land inside the kernel's copy and tear a line) in a loop; in half the rounds
 * the disk is "slow" and takes each line in pieces, so kills often tear one. After every append
 * that returned true it sends the exact line it wrote through a pipe: that is the visitor being
 * thanked. The parent kills it with SIGKILL after a random 0-20 ms, reopens the log (which
 * repairs a torn last line) and checks the files: everything from earlier rounds is byte-for-byte
 * unchanged, every acknowledged record is there exactly once, whole, on its own line, and a kill
 * leaves at most one torn line. The folder is kept between rounds, so the files grow and the
 * repair runs on ever longer files. Rounds and seed can be set with PK_CRASH_ROUNDS and
 * PK_CRASH_SEED; a failure prints the seed so it can be replayed. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "rm_rf.h"
#include "store/feedback_log.h"

#define KIOSK "kiosk-crash"
#define BASE_TIME ((time_t)1795528987) /* 2026-11-24 14:03:07 UTC */
#define MAX_RECORDS_PER_WRITER 60
#define MAX_FILES 8

static diag_list diags;

/* ---- small helpers --------------------------------------------------------------------- */


static char *slurp(const char *path, size_t *len) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        close(fd);
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap);
    while (buf && n < cap - 1) {
        ssize_t r = read(fd, buf + n, cap - 1 - n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        n += (size_t)r;
    }
    close(fd);
    if (!buf) return NULL;
    buf[n] = '\0';
    *len = n;
    return buf;
}

static uint64_t fnv1a(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool write_all(int fd, const void *buf, size_t n) {
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* Pipe messages: 'R' (opened, ready), 'A' + u32 length + the line (acknowledged),
 * 'F' + u32 length + message (the writer failed: a bug, reported by the parent). */
static void send_msg(int fd, char type, const char *data, uint32_t len) {
    char head[5];
    head[0] = type;
    memcpy(head + 1, &len, 4);
    if (!write_all(fd, head, 5) || (len && !write_all(fd, data, len))) _exit(4);
}

/* ---- the writer (child) ---------------------------------------------------------------- */

static uint64_t rng_state;
static uint64_t rng(void) { /* xorshift64*, so the writer's records replay from the seed */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ull;
}

static char *random_text(size_t target) {
    static const char *pieces[] = {"a", "b", "e", " ", " ",    ",",      "\"",    "\n",   "\t",
                                   "ż", "ó", "£", "€", "🙂", "Zażółć", "gęślą", "jaźń", "Leeds"};
    char *t = malloc(target + 16);
    if (!t) _exit(5);
    size_t n = 0;
    while (n < target) {
        const char *p = pieces[rng() % (sizeof pieces / sizeof *pieces)];
        size_t l = strlen(p);
        memcpy(t + n, p, l);
        n += l;
    }
    t[n] = '\0';
    return t;
}

/* A slow disk: the kernel takes the line in pieces with pauses between, as a USB stick under
 * load might, so a kill (like a power cut) often lands mid-record and leaves a torn line. To
 * the log it is still one write call that either returns the whole length or never returns. */
static ssize_t slow_disk_write(int fd, const void *data, size_t n) {
    const char *p = data;
    size_t done = 0;
    int pieces = 2 + (int)(rng() % 3);
    for (int i = 0; i < pieces && done < n; i++) {
        size_t chunk = i == pieces - 1 ? n - done : (size_t)(rng() % (n - done + 1));
        ssize_t w = write(fd, p + done, chunk);
        if (w < 0) return done ? (ssize_t)done : -1;
        done += (size_t)w;
        struct timespec nap = {0, (long)(rng() % 1000) * 1000};
        nanosleep(&nap, NULL);
    }
    return (ssize_t)done;
}

/* One visitor's answers to the shipped questions (journey_test.h), drawn from the seed: some
 * themes (with "Something else" words when "other" is among them), a rating or none, the long
 * text, and personal answers given or skipped (null). */
static json_t *crash_answers(const char *text) {
    static const char *themes[] = {"homes", "transport", "green-spaces", "jobs", "other"};
    int n_themes = (int)(rng() % 4);
    json_t *chosen = n_themes ? json_array() : json_null();
    bool other = false;
    for (int k = 0; k < n_themes; k++) {
        const char *t = themes[rng() % 5];
        other |= !strcmp(t, "other");
        json_array_append_new(chosen, json_string(t));
    }
    int rating = (int)(rng() % 6), consent = (int)(rng() % 3) - 1;
    const char *name = rng() % 2 ? "Ann" : NULL, *age = rng() % 2 ? "65+" : NULL;
    const char *postcode = rng() % 2 ? "LS1" : NULL;
    return json_pack("{s:o,s:s?,s:o,s:s,s:s?,s:s?,s:s?,s:o}", "themes", chosen, "themes_other",
                     other ? "a lido, \"please\"\n€" : NULL, "rating", rating ? json_integer(rating) : json_null(),
                     "text", text, "name", name, "age_band", age, "postcode_district", postcode,
                     "consent_quote", consent < 0 ? json_null() : json_boolean(consent));
}

static void run_writer(const char *root, int out, uint64_t seed) {
    rng_state = seed | 1;
    static diag_list d;
    feedback_log log;
    pk_error err = {{0}};
    if (!feedback_log_open(&log, root, KIOSK, &d, &err)) {
        send_msg(out, 'F', err.msg, (uint32_t)strlen(err.msg));
        _exit(2);
    }
    if (rng() % 2) log.write_fn = slow_disk_write; /* half the rounds */
    send_msg(out, 'R', NULL, 0);
    for (int i = 0; i < MAX_RECORDS_PER_WRITER; i++) {
        /* One record in four is long (16-512 KB): a write that spans many pages is where a
         * SIGKILL can stop the kernel part-way and leave a torn line. */
        size_t size = rng() % 4 == 0 ? 16384 + rng() % (512 * 1024) : rng() % 300;
        char *text = random_text(size);
        feedback_record rec;
        memset(&rec, 0, sizeof rec);
        rec.kiosk = KIOSK;
        rec.location = "Library, ground floor";
        rec.at = BASE_TIME + (time_t)(rng() % 3) * 86400; /* three day files */
        rec.config_title = "Our Town Plan 2040";
        rec.config_hash = "sha256:crash";
        rec.consultation = "plan-2040";
        rec.questions_hash = "0123456789abcdef";
        rec.answers = crash_answers(text);
        rec.personal = json_pack("[sssss]", "themes_other", "text", "name", "age_band", "postcode_district");
        if (!rec.answers || !rec.personal) _exit(5);
        rec.language = "en";
        rec.seconds_taken = (int)(rng() % 600);
        if (!feedback_log_append(&log, &rec, &err)) {
            send_msg(out, 'F', err.msg, (uint32_t)strlen(err.msg));
            _exit(3);
        }
        /* Thanked: report exactly the line that is now on disk. */
        char *line = feedback_record_to_json(&rec);
        if (!line) _exit(5);
        send_msg(out, 'A', line, (uint32_t)strlen(line));
        free(line);
        feedback_record_release(&rec);
        free(text);
    }
    _exit(0);
}

/* ---- the parent: kill, repair, verify -------------------------------------------------- */

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

/* Reads what is in the pipe now (non-blocking) or, with wait, until the writer's end closes. */
static bool drain(int fd, buf *b) {
    for (;;) {
        if (b->cap - b->len < 65536) {
            size_t ncap = b->cap ? b->cap * 2 : 1 << 20;
            char *grown = realloc(b->p, ncap);
            if (!grown) return false;
            b->p = grown;
            b->cap = ncap;
        }
        ssize_t r = read(fd, b->p + b->len, b->cap - b->len);
        if (r > 0) {
            b->len += (size_t)r;
            continue;
        }
        if (r < 0 && errno == EINTR) continue;
        return r == 0; /* true at end of file; false when nothing more for now */
    }
}

typedef struct ack {
    char id[37];
    uint64_t hash;
    size_t len;
} ack;

typedef struct file_state {
    char name[256];
    char *content;
    size_t len;
} file_state;

static struct {
    ack *acks;
    size_t n_acks, cap_acks;
    char (*ids)[37]; /* every id seen in any line, torn ones included */
    size_t n_ids, cap_ids;
    file_state files[MAX_FILES];
    int n_files;
    int torn_reported, torn_seen, unacked_whole;
} st;

static void add_id(const char *id) {
    if (st.n_ids == st.cap_ids) {
        st.cap_ids = st.cap_ids ? st.cap_ids * 2 : 1024;
        st.ids = realloc(st.ids, st.cap_ids * sizeof *st.ids);
        if (!st.ids) abort();
    }
    snprintf(st.ids[st.n_ids++], 37, "%s", id);
}

static void add_ack(const char *line, size_t len, const char *id) {
    if (st.n_acks == st.cap_acks) {
        st.cap_acks = st.cap_acks ? st.cap_acks * 2 : 1024;
        st.acks = realloc(st.acks, st.cap_acks * sizeof *st.acks);
        if (!st.acks) abort();
    }
    ack *a = &st.acks[st.n_acks++];
    snprintf(a->id, sizeof a->id, "%s", id);
    a->hash = fnv1a(line, len);
    a->len = len;
}

/* The id at the start of a (possibly torn) line, if that much of it was written. */
static bool leading_id(const char *line, size_t n, char id[37]) {
    static const char prefix[] = "{\"id\":\"";
    size_t p = sizeof prefix - 1;
    if (n < p + 36 || memcmp(line, prefix, p) != 0) return false;
    memcpy(id, line + p, 36);
    id[36] = '\0';
    return true;
}

/* Record starts in a line: {"id": begins a record, unless it opens the record's own
 * "consultation":{"id":...} (a visitor's words cannot hold either: their quotes are escaped). */
static int count_record_starts(const char *s, size_t n) {
    static const char start[] = "{\"id\":", inner[] = "\"consultation\":";
    size_t m = sizeof start - 1, k_len = sizeof inner - 1;
    int k = 0;
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, start, m) == 0 && !(i >= k_len && memcmp(s + i - k_len, inner, k_len) == 0)) k++;
    return k;
}

typedef struct new_line {
    const char *p; /* into the file's content, including the '\n' */
    size_t len;
    char id[37];
} new_line;

/* Checks this round's lines against the acknowledgements. Returns false on a failure. */
static bool verify_round(const char *kdir, const char *msgs, size_t msgs_len, int round,
                         int torn_now) {
    int failures_before = check_failures;
    new_line *lines = NULL;
    size_t n_lines = 0, cap_lines = 0;
    int torn_seen = 0;
    char *contents[MAX_FILES] = {0};
    size_t lens[MAX_FILES] = {0};

    DIR *d = opendir(kdir);
    CHECK(d != NULL);
    struct dirent *de;
    while (d && (de = readdir(d)) != NULL) {
        size_t nl = strlen(de->d_name);
        if (nl < 6 || strcmp(de->d_name + nl - 6, ".jsonl") != 0) continue;
        int fi = 0;
        while (fi < st.n_files && strcmp(st.files[fi].name, de->d_name) != 0) fi++;
        if (fi == st.n_files) {
            CHECK(st.n_files < MAX_FILES);
            if (st.n_files >= MAX_FILES) continue;
            snprintf(st.files[fi].name, sizeof st.files[fi].name, "%s", de->d_name);
            st.n_files++;
        }
        file_state *f = &st.files[fi];
        char path[4200];
        if (snprintf(path, sizeof path, "%s/%s", kdir, de->d_name) >= (int)sizeof path) continue;
        size_t len = 0;
        char *c = slurp(path, &len);
        CHECK(c != NULL);
        if (!c) continue;
        contents[fi] = c;
        lens[fi] = len;
        /* Nothing written before is ever changed or lost... */
        CHECK(len >= f->len && (f->len == 0 || memcmp(c, f->content, f->len) == 0));
        /* ...and after the repair every line has its end. */
        CHECK(len == 0 || c[len - 1] == '\n');
        if (len < f->len) continue;
        for (size_t s = f->len; s < len;) {
            const char *nlp = memchr(c + s, '\n', len - s);
            size_t e = nlp ? (size_t)(nlp - c) : len;
            json_error_t je;
            json_t *j = json_loadb(c + s, e - s, 0, &je);
            new_line L = {c + s, e - s + 1, ""};
            if (j && json_is_object(j) && json_is_string(json_object_get(j, "id"))) {
                snprintf(L.id, sizeof L.id, "%s", json_string_value(json_object_get(j, "id")));
                /* A whole line is a whole record: its answers and the typed text in them. */
                CHECK(json_is_object(json_object_get(j, "answers")));
                CHECK(json_is_string(json_object_get(json_object_get(j, "answers"), "text")));
                CHECK(json_is_array(json_object_get(j, "personal")));
            } else {
                /* A torn line: the last line written this round, holding at most one record's
                 * start (never two records run together). */
                torn_seen++;
                CHECK(e + 1 == len);
                CHECK(count_record_starts(c + s, e - s) <= 1);
                char id[37];
                if (leading_id(c + s, e - s, id)) add_id(id);
            }
            json_decref(j);
            if (L.id[0]) {
                add_id(L.id);
                if (n_lines == cap_lines) {
                    cap_lines = cap_lines ? cap_lines * 2 : 64;
                    lines = realloc(lines, cap_lines * sizeof *lines);
                    if (!lines) abort();
                }
                lines[n_lines++] = L;
            }
            s = e + 1;
        }
    }
    if (d) closedir(d);

    /* A kill tears at most one line, and open reports every torn line (it may report one that
     * still parses: a record cut just before its newline). */
    CHECK(torn_seen <= 1);
    CHECK(torn_seen <= torn_now);
    st.torn_seen += torn_seen;

    /* Every acknowledgement: present once among this round's lines, byte for byte. */
    size_t acked_here = 0;
    for (size_t off = 0; off + 5 <= msgs_len;) {
        char type = msgs[off];
        uint32_t len;
        memcpy(&len, msgs + off + 1, 4);
        if (off + 5 + len > msgs_len) break; /* cut off by the kill: not acknowledged */
        const char *data = msgs + off + 5;
        off += 5 + len;
        if (type == 'F') {
            fprintf(stderr, "round %d: the writer failed: %.*s\n", round, (int)len, data);
            CHECK(type != 'F');
            continue;
        }
        if (type != 'A') continue;
        char id[37];
        CHECK(leading_id(data, len, id));
        int found = 0;
        for (size_t i = 0; i < n_lines; i++) {
            if (strcmp(lines[i].id, id) != 0) continue;
            found++;
            CHECK_INT(lines[i].len, len);
            CHECK(lines[i].len == len && memcmp(lines[i].p, data, len) == 0);
        }
        if (found != 1)
            fprintf(stderr, "round %d: acknowledged %s found %d times\n", round, id, found);
        CHECK_INT(found, 1);
        add_ack(data, len, id);
        acked_here++;
    }
    /* Whole records nobody was thanked for: only the one the kill interrupted. */
    CHECK(n_lines >= acked_here && n_lines - acked_here <= 1);
    if (n_lines > acked_here) st.unacked_whole += (int)(n_lines - acked_here);

    for (int fi = 0; fi < st.n_files; fi++) {
        if (!contents[fi]) continue;
        free(st.files[fi].content);
        st.files[fi].content = contents[fi];
        st.files[fi].len = lens[fi];
    }
    free(lines);
    return check_failures == failures_before;
}

static int cmp_id(const void *a, const void *b) { return strcmp(a, b); }

/* At the end, from scratch: every acknowledged record is in the files exactly once. */
static void verify_all(void) {
    qsort(st.ids, st.n_ids, sizeof *st.ids, cmp_id);
    int dups = 0;
    for (size_t i = 1; i < st.n_ids; i++) dups += strcmp(st.ids[i - 1], st.ids[i]) == 0;
    CHECK_INT(dups, 0);

    /* Rebuild id -> (hash, length) of every whole line in every file. */
    size_t n = 0, cap = 1024;
    ack *lines = malloc(cap * sizeof *lines);
    for (int fi = 0; fi < st.n_files && lines; fi++) {
        const char *c = st.files[fi].content;
        size_t len = st.files[fi].len;
        for (size_t s = 0; s < len;) {
            const char *nlp = memchr(c + s, '\n', len - s);
            size_t e = nlp ? (size_t)(nlp - c) : len;
            json_error_t je;
            json_t *j = json_loadb(c + s, e - s, 0, &je);
            if (j && json_is_string(json_object_get(j, "id"))) {
                if (n == cap) {
                    cap *= 2;
                    ack *grown = realloc(lines, cap * sizeof *lines);
                    if (!grown) abort();
                    lines = grown;
                }
                snprintf(lines[n].id, 37, "%s", json_string_value(json_object_get(j, "id")));
                lines[n].hash = fnv1a(c + s, e - s + 1);
                lines[n].len = e - s + 1;
                n++;
            }
            json_decref(j);
            s = e + 1;
        }
    }
    if (!lines) return;
    qsort(lines, n, sizeof *lines, cmp_id); /* id is the first member */
    size_t missing = 0, changed = 0;
    for (size_t i = 0; i < st.n_acks; i++) {
        ack *hit = bsearch(&st.acks[i], lines, n, sizeof *lines, cmp_id);
        if (!hit)
            missing++;
        else if (hit->hash != st.acks[i].hash || hit->len != st.acks[i].len)
            changed++;
    }
    CHECK_INT(missing, 0);
    CHECK_INT(changed, 0);
    free(lines);
}

int main(void) {
    const char *env_rounds = getenv("PK_CRASH_ROUNDS"), *env_seed = getenv("PK_CRASH_SEED");
    int rounds = env_rounds ? atoi(env_rounds) : 200;
    unsigned seed = env_seed ? (unsigned)strtoul(env_seed, NULL, 10) : 20261124u;
    srand(seed);
    setenv("TZ", "GMT0BST,M3.5.0/1,M10.5.0", 1);
    tzset();
    signal(SIGPIPE, SIG_IGN);

    /* The merge check sees one record in a record's line and two in two run together. */
    rng_state = 1;
    feedback_record one;
    memset(&one, 0, sizeof one);
    feedback_uuid4(one.id);
    one.consultation = "plan-2040";
    one.answers = crash_answers("{\"id\":\"x\"}, \"consultation\":{\"id\":");
    char *line = feedback_record_to_json(&one);
    size_t n = line ? strlen(line) : 0;
    CHECK_INT(count_record_starts(line, n), 1);
    char *two = malloc(2 * n + 1);
    if (two && line) {
        memcpy(two, line, n - 1); /* the first without its '\n', as a torn line would be */
        memcpy(two + n - 1, line, n + 1);
        CHECK_INT(count_record_starts(two, 2 * n - 1), 2);
    }
    free(two);
    free(line);
    feedback_record_release(&one);

    char root[4096], kdir[4200];
    snprintf(root, sizeof root, "%s/test_log_crash.tmp", TEST_BINARY_DIR);
    snprintf(kdir, sizeof kdir, "%s/%s", root, KIOSK);
    rm_rf(root);
    mkdir(root, 0700);

    feedback_log log;
    pk_error err = {{0}};
    CHECK(feedback_log_open(&log, root, KIOSK, &diags, &err));
    double t0 = now_s();
    buf msgs = {0};
    int round = 0, killed_mid_run = 0;
    for (; round < rounds; round++) {
        long delay_us = rand() % 20001;
        uint64_t child_seed = ((uint64_t)rand() << 31) ^ (uint64_t)rand();
        int p[2];
        if (pipe(p) != 0) {
            perror("pipe");
            return 100;
        }
        fflush(stderr);
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 100;
        }
        if (pid == 0) {
            close(p[0]);
            run_writer(root, p[1], child_seed);
        }
        close(p[1]);
        fcntl(p[0], F_SETFL, O_NONBLOCK);

        /* The random delay counts from the writer being ready, so kills land among appends
         * (open has nothing to repair: this parent repaired it a moment ago). */
        msgs.len = 0;
        bool eof = false;
        while (!eof && (msgs.len == 0 || msgs.p[0] != 'R')) {
            eof = drain(p[0], &msgs);
            struct timespec nap = {0, 100 * 1000};
            if (!eof && (msgs.len == 0 || msgs.p[0] != 'R')) nanosleep(&nap, NULL);
        }
        double deadline = now_s() + (double)delay_us / 1e6;
        while (!eof) {
            eof = drain(p[0], &msgs); /* keep the pipe empty so the writer never blocks */
            double left = deadline - now_s();
            if (left <= 0) break;
            if (left > 250e-6) left = 250e-6;
            struct timespec nap = {0, (long)(left * 1e9)};
            nanosleep(&nap, NULL);
        }
        kill(pid, SIGKILL);
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        fcntl(p[0], F_SETFL, 0);
        drain(p[0], &msgs); /* blocking now: reads to the end of what the writer sent */
        close(p[0]);
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            killed_mid_run++;
        else if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
            fprintf(stderr, "round %d: writer ended with status %d\n", round, status);
            CHECK(false);
        }

        /* Restart: open repairs what the kill left. */
        memset(&diags, 0, sizeof diags);
        CHECK(feedback_log_open(&log, root, KIOSK, &diags, &err));
        CHECK(log.torn_lines_found <= 1);
        CHECK_INT(diags.count, log.torn_lines_found);
        if (diags.count) CHECK_CONTAINS(diags.items[0], "torn record left by an interrupted write");
        st.torn_reported += log.torn_lines_found;

        const char *m = msgs.len && msgs.p[0] == 'R' ? msgs.p + 5 : msgs.p;
        size_t mlen = msgs.len && msgs.p[0] == 'R' ? msgs.len - 5 : msgs.len;
        if (!verify_round(kdir, m, mlen, round, log.torn_lines_found)) {
            fprintf(stderr, "log_crash: failed in round %d (seed %u); files kept in %s\n", round,
                    seed, root);
            round++;
            break;
        }
        if (now_s() - t0 > 60) { /* a very slow disk: stop early rather than time out */
            fprintf(stderr, "log_crash: stopping after %d rounds (over 60 s)\n", round + 1);
            round++;
            break;
        }
    }
    verify_all();
    double took = now_s() - t0;
    size_t total = 0;
    for (int i = 0; i < st.n_files; i++) total += st.files[i].len;
    printf("log_crash: %d rounds (%d killed mid-run), %zu records acknowledged, %d torn lines "
           "repaired (%d unparsable), %d unacknowledged records found whole, %zu KB in %d files, "
           "seed %u, %.1f s\n",
           round, killed_mid_run, st.n_acks, st.torn_reported, st.torn_seen, st.unacked_whole,
           total / 1024, st.n_files, seed, took);
    CHECK(round >= 1 && st.n_acks > 0);

    for (int i = 0; i < st.n_files; i++) free(st.files[i].content);
    free(st.acks);
    free(st.ids);
    free(msgs.p);
    if (check_failures == 0) rm_rf(root);
    return check_report();
}
