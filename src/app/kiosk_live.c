/* kiosk_live: the live slides' data (content/live.h) gathered on a worker thread, so the loop
 * never waits on a disk: reading a fleet's folder after a Syncthing pass can take seconds on a
 * Pi's SD card. The worker sleeps until asked; it is asked at the start, once per pass of the
 * loop (when it wraps) and when staff decide on a quote (kiosk_live_poke). What it gathers waits
 * in `ready` until the loop moves on to another slide; only then does the kiosk take it, so a
 * slide never changes under a reader's eyes. A config with no you_said or results slide starts
 * no worker and costs nothing.
 *
 * Ownership: the kiosk owns the worker (k->live_worker) and the snapshot the slides read
 * (k->live); the worker owns its source and its ready copy, behind its mutex. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/kiosk_internal.h"
#include "content/live_source.h"

typedef struct live_worker {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool asked, quit, fresh;
    live_source *src;
    const config *cfg; /* the config the source was made for (k->root then) */
    slide_live ready;  /* the last gathered, waiting for a slide boundary */
} live_worker;

static void *worker(void *arg) {
    live_worker *w = arg;
    slide_live *made = calloc(1, sizeof *made);
    pthread_mutex_lock(&w->mu);
    while (made) {
        while (!w->asked && !w->quit) pthread_cond_wait(&w->cv, &w->mu);
        if (w->quit) break;
        w->asked = false;
        pthread_mutex_unlock(&w->mu);
        diag_list *problems = calloc(1, sizeof *problems);
        live_source_update(w->src, problems);
        if (problems && problems->count) diag_print(problems, stderr);
        free(problems);
        live_source_snapshot(w->src, made);
        pthread_mutex_lock(&w->mu);
        made->quote_turn = 0; /* the kiosk keeps its own turn */
        w->ready = *made;
        w->fresh = true;
    }
    pthread_mutex_unlock(&w->mu);
    free(made);
    return NULL;
}

void kiosk_live_stop(kiosk *k) {
    live_worker *w = k->live_worker;
    if (!w) return;
    pthread_mutex_lock(&w->mu);
    w->quit = true;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
    pthread_join(w->thread, NULL);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->cv);
    live_source_free(w->src);
    free(w);
    k->live_worker = NULL;
}

void kiosk_live_start(kiosk *k) {
    kiosk_live_stop(k);
    if (!k->live) k->live = calloc(1, sizeof *k->live);
    if (!k->live) return;
    int turn = k->live->quote_turn;
    memset(k->live, 0, sizeof *k->live); /* nothing from another config's slides */
    k->live->quote_turn = turn;
    if (!live_source_needed(k->root)) return;
    char own[sizeof k->feedback_dir + 80];
    snprintf(own, sizeof own, "%s/%s", k->feedback_dir, k->root->kiosk.id);
    const char *dirs[2] = {k->feedback_dir[0] ? own : NULL, k->root->feedback.fleet_dir};
    live_worker *w = calloc(1, sizeof *w);
    if (!w) return;
    w->cfg = k->root;
    w->src = live_source_new(k->root, dirs, 2);
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, NULL);
    w->asked = true;
    if (!w->src || pthread_create(&w->thread, NULL, worker, w) != 0) {
        fprintf(stderr, "plankiosk: the You said and results slides cannot be gathered (out of memory); "
                        "they are left out of the loop\n");
        live_source_free(w->src);
        pthread_mutex_destroy(&w->mu);
        pthread_cond_destroy(&w->cv);
        free(w);
        return;
    }
    k->live_worker = w;
}

void kiosk_live_poke(kiosk *k) {
    live_worker *w = k->live_worker;
    if (!w) return;
    pthread_mutex_lock(&w->mu);
    w->asked = true;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

bool kiosk_live_take(kiosk *k) {
    live_worker *w = k->live_worker;
    if (!w || !k->live) return false;
    bool took = false;
    pthread_mutex_lock(&w->mu);
    if (w->fresh) {
        int turn = k->live->quote_turn;
        *k->live = w->ready;
        k->live->quote_turn = turn;
        w->fresh = false;
        took = true;
    }
    pthread_mutex_unlock(&w->mu);
    if (!took) return false;
    /* Layouts made with the old data go, except the slide on screen (it is on its way out). */
    int shown = attract_slide(&k->loop);
    for (int i = 0; i < 2; i++)
        if (k->list_slide[i] >= 0 && k->list_slide[i] != shown) {
            slide_type t = k->cfg->slides[k->list_slide[i]].type;
            if (t == SLIDE_YOU_SAID || t == SLIDE_RESULTS) k->list_slide[i] = -1;
        }
    attract_set_live(&k->loop, k->live);
    return true;
}

void kiosk_live_boundary(kiosk *k, int before_pos) {
    /* A new pass of the loop: the next page of quotes, and a fresh look at the folders. */
    if (k->loop.pos < before_pos && k->live) {
        int page = 3; /* the slide's default */
        for (int i = 0; i < k->cfg->n_slides; i++)
            if (k->cfg->slides[i].type == SLIDE_YOU_SAID && k->cfg->slides[i].per_page >= 1)
                page = k->cfg->slides[i].per_page;
        k->live->quote_turn += page;
        for (int i = 0; i < 2; i++)
            if (k->list_slide[i] >= 0 && k->list_slide[i] != attract_prev_slide(&k->loop) &&
                k->cfg->slides[k->list_slide[i]].type == SLIDE_YOU_SAID)
                k->list_slide[i] = -1;
        kiosk_live_poke(k);
    }
}
