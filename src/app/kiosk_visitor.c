/* kiosk_visitor: what a visitor chooses for themselves (language, text size, less motion,
 * Listen) and the reset that gives the next visitor the kiosk as it was set up. */
#include <stdio.h>
#include <stdlib.h>

#include "app/kiosk_internal.h"
#include "content/content.h"
#include "speech/speech_script.h"

/* Whether Listen is reading: its button is lit while it does (only the footer and the journey
 * screen, which are laid out afresh, show it; the slides need no new layout). */
static void set_speaking(kiosk *k, bool on) {
    k->speaking = on;
    k->chrome_valid = false;
    k->dirty = true;
}

void kiosk_stop_speaking(kiosk *k) {
    if (!k->speaking) return;
    speech_player_stop(k->speech);
    set_speaking(k, false);
}
/* Shows everything in language i: the same content, in that language's words. What a visitor
 * has entered, where the loop is, and any pause all stay. */
void kiosk_set_language(kiosk *k, int i) {
    if (i < 0 || i >= k->root->languages.n || !k->root->by_lang[i] || k->root->by_lang[i] == k->cfg) return;
    kiosk_stop_speaking(k); /* words in the old language would now be wrong */
    pk_error err = {{0}};
    const config *c = k->root->by_lang[i];
    if (!screen_set_config(&k->scr, c, kiosk_today(k), &err)) {
        fprintf(stderr, "plankiosk: cannot show %s: %s\n", c->languages.code[i], err.msg);
        return;
    }
    k->cfg = c;
    journey_set_config(&k->jr, c);
    k->loop.cfg = c;
    k->list_slide[0] = k->list_slide[1] = -1;
    k->chrome_valid = false;
    k->dirty = true;
}

int kiosk_default_language(const kiosk *k) { return k->root->languages.default_lang; }

/* The visitor's text size, less motion and Listen button: the screen lays out for them, the
 * loop stops counting up and sliding. Everything laid out before is redone. */
void kiosk_set_view(kiosk *k, slide_view v) {
    screen_set_view(&k->scr, &v);
    k->loop.reduce_motion = v.reduce_motion;
    /* Larger text: the privacy notice gets a page of its own, so it can be larger too. */
    journey_set_notice_apart(&k->jr, v.text_scale > 1);
    k->list_slide[0] = k->list_slide[1] = -1;
    k->chrome_valid = false;
    k->dirty = true;
}

bool kiosk_visitor_changed(const kiosk *k) {
    const slide_view *v = &k->scr.view;
    return k->cfg->lang != kiosk_default_language(k) || v->text_scale > 1 || v->reduce_motion;
}

/* Whoever comes next starts as the kiosk was set up: default language, text size 100 %,
 * motion as the config says. Whether Listen is offered is the kiosk's, not the visitor's. */
void kiosk_reset_visitor(kiosk *k) {
    kiosk_stop_speaking(k);
    kiosk_set_language(k, kiosk_default_language(k));
    kiosk_set_view(k, (slide_view){1.0, false, k->scr.view.can_listen});
}

/* Read aloud: Listen speaks what is on screen (the slide, or the question and its choices) in
 * the language shown; pressed again while speaking, it stops. A slide being read stays up
 * until the reading ends. */
static void on_listen(kiosk *k, uint64_t now) {
    if (!k->speech) return;
    if (k->speaking) {
        kiosk_stop_speaking(k);
        return;
    }
    size_t n;
    if (journey_active(&k->jr)) {
        n = speech_script_step(&k->jr, now, k->speech_buf, SPEECH_SCRIPT_MAX);
    } else {
        int i = attract_slide(&k->loop);
        if (i < 0) return;
        n = speech_script_slide(k->cfg, &k->cfg->slides[i], k->live, content_as_of(k->cfg, kiosk_today(k)),
                                k->speech_buf, SPEECH_SCRIPT_MAX);
        attract_set_paused(&k->loop, true, now);
    }
    if (!n) return;
    speech_player_say(k->speech, k->cfg->languages.code[k->cfg->lang], k->speech_buf);
    set_speaking(k, true);
}

/* Read aloud starts after the first frame, so opening the speech engine and probing the audio
 * device never delay the kiosk's first picture; the Listen button then appears. */
void kiosk_start_speech(kiosk *k) {
    k->speech_tried = true;
    if (!k->cfg->accessibility.read_aloud) return;
    k->speech_buf = malloc(SPEECH_SCRIPT_MAX);
    if (k->speech_buf) k->speech = speech_player_open((float)k->cfg->accessibility.volume);
    if (k->speech) kiosk_set_can_listen(k, true);
}

/* Presses on the buttons every screen has (language, text size, less motion, Listen), loop
 * or journey. Returns false for any other widget. */
bool kiosk_view_press(kiosk *k, const widget *w, uint64_t now) {
    slide_view v = k->scr.view;
    switch (w->kind) {
    case W_LANG_OPEN: k->picker = true; break;
    case W_TEXT_SIZE:
        v.text_scale = v.text_scale < 1.25 ? 1.5 : v.text_scale < 1.75 ? 2.0 : 1.0;
        kiosk_set_view(k, v);
        break;
    case W_MOTION:
        v.reduce_motion = !v.reduce_motion;
        kiosk_set_view(k, v);
        break;
    case W_LISTEN: on_listen(k, now); break;
    default: return false;
    }
    k->dirty = true;
    return true;
}

