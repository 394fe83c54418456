/* focus: someone with a keyboard or a switch reaches every button in the order they read, the
 * arrows go where they point, and a redrawn screen keeps the focus where it was. */
#include "check.h"
#include "loop/focus.h"

static widget_list wl;

static int add(int x, int y, int w, int h, widget_kind kind, int index) {
    wl.items[wl.count] = (widget){{x, y, w, h}, kind, index, NULL};
    return wl.count++;
}

/* A journey-like screen at 800x480: language and Close at the top right, a 3x2 grid of
 * themes, Back / Skip / Next along the bottom. Widgets are listed in the order screens add
 * them (chrome first), not in reading order. */
static void journey_screen(void) {
    wl.count = 0;
    add(540, 20, 110, 50, W_LANG_OPEN, 0); /* 0 */
    add(660, 20, 120, 50, W_CLOSE, 0);     /* 1 */
    add(20, 400, 170, 60, W_BACK, 0);      /* 2 */
    add(610, 400, 170, 60, W_NEXT, 0);     /* 3 */
    add(430, 400, 170, 60, W_SKIP, 0);     /* 4 */
    for (int i = 0; i < 6; i++) add(20 + (i % 3) * 255, 100 + (i / 3) * 145, 245, 135, W_OPTION, i); /* 5-10 */
}

static void reading_order(void) {
    journey_screen();
    int order[WIDGETS_MAX];
    int n = focus_order(&wl, false, order);
    CHECK_INT(n, 11);
    int want[] = {0, 1, 5, 6, 7, 8, 9, 10, 2, 4, 3};
    for (int i = 0; i < 11; i++) CHECK_INT(order[i], want[i]);
}

static void reading_order_rtl(void) {
    /* Right to left: each row from its right end; rows still top to bottom. */
    journey_screen();
    int order[WIDGETS_MAX];
    int n = focus_order(&wl, true, order);
    CHECK_INT(n, 11);
    int want[] = {1, 0, 7, 6, 5, 10, 9, 8, 3, 4, 2};
    for (int i = 0; i < 11; i++) CHECK_INT(order[i], want[i]);
}

static void rows_with_ragged_tops(void) {
    /* Buttons a few pixels apart in height still make one row; a key row below is the next. */
    wl.count = 0;
    add(300, 12, 80, 60, W_CLOSE, 0);
    add(10, 10, 80, 64, W_LANG_OPEN, 0);
    add(150, 14, 80, 56, W_SKIP, 0);
    add(10, 100, 80, 60, W_KEY, 0);
    int order[WIDGETS_MAX];
    CHECK_INT(focus_order(&wl, false, order), 4);
    CHECK_INT(order[0], 1);
    CHECK_INT(order[1], 2);
    CHECK_INT(order[2], 0);
    CHECK_INT(order[3], 3);
}

static void tab_wraps_around(void) {
    journey_screen();
    focus f;
    focus_clear(&f);
    CHECK(focus_move(&f, &wl, false, FOCUS_NEXT)); /* nothing focused: Tab starts at the first */
    CHECK_INT(f.at, 0);
    int seen[WIDGETS_MAX] = {0};
    for (int i = 0; i < 11; i++) {
        seen[f.at]++;
        CHECK(focus_move(&f, &wl, false, FOCUS_NEXT));
    }
    CHECK_INT(f.at, 0); /* round again after Next, the last */
    for (int i = 0; i < 11; i++) CHECK_INT(seen[i], 1);
    CHECK(focus_move(&f, &wl, false, FOCUS_PREV));
    CHECK_INT(f.at, 3); /* Shift+Tab from the first: the last, Next */
    CHECK_INT(f.kind, W_NEXT);
    focus_clear(&f);
    CHECK(focus_move(&f, &wl, false, FOCUS_PREV));
    CHECK_INT(f.at, 3);
}

/* The on-screen keyboard: rows of 10, 9 (offset half a key) and a wide space bar. */
static void keyboard_grid(void) {
    wl.count = 0;
    for (int i = 0; i < 10; i++) add(10 + i * 78, 200, 70, 60, W_KEY, i);     /* 0-9 */
    for (int i = 0; i < 9; i++) add(45 + i * 78, 270, 70, 60, W_KEY, 10 + i); /* 10-18 */
    add(205, 340, 390, 60, W_KEY, 19);                                       /* space */
}

static void arrows_on_a_keyboard(void) {
    keyboard_grid();
    focus f;
    focus_clear(&f);
    focus_place(&f, &wl, false, W_KEY, 0);
    CHECK_INT(f.at, 0);
    CHECK(focus_move(&f, &wl, false, FOCUS_RIGHT));
    CHECK_INT(f.at, 1);
    CHECK(focus_move(&f, &wl, false, FOCUS_DOWN)); /* the key below whose middle is nearest */
    CHECK_INT(f.at, 11);
    CHECK(focus_move(&f, &wl, false, FOCUS_DOWN));
    CHECK_INT(f.at, 19); /* the space bar spans under it */
    CHECK(focus_move(&f, &wl, false, FOCUS_UP));
    CHECK_INT(f.at, 14); /* the key above the space bar's middle */
    /* The row's last key: Right has nowhere to go and stays, it does not jump rows. */
    focus_place(&f, &wl, false, W_KEY, 9);
    CHECK(!focus_move(&f, &wl, false, FOCUS_RIGHT));
    CHECK_INT(f.at, 9);
    CHECK(!focus_move(&f, &wl, false, FOCUS_UP));
    CHECK(focus_move(&f, &wl, false, FOCUS_LEFT));
    CHECK_INT(f.at, 8);
    CHECK(focus_move(&f, &wl, false, FOCUS_DOWN));
    CHECK_INT(f.at, 18);
}

static void arrows_on_the_option_grid(void) {
    journey_screen();
    focus f;
    focus_clear(&f);
    CHECK(focus_place(&f, &wl, false, W_OPTION, -1));
    CHECK_INT(f.index, 0);
    CHECK(focus_move(&f, &wl, false, FOCUS_RIGHT));
    CHECK_INT(f.index, 1);
    CHECK(focus_move(&f, &wl, false, FOCUS_DOWN));
    CHECK_INT(f.index, 4);
    CHECK(focus_move(&f, &wl, false, FOCUS_DOWN)); /* below the grid: the footer */
    CHECK_INT(f.kind, W_SKIP);
    CHECK(focus_move(&f, &wl, false, FOCUS_RIGHT));
    CHECK_INT(f.kind, W_NEXT);
    CHECK(focus_move(&f, &wl, false, FOCUS_UP));
    CHECK_INT(f.kind, W_OPTION);
    CHECK_INT(f.index, 5);
    CHECK(focus_move(&f, &wl, false, FOCUS_UP));
    CHECK_INT(f.index, 2);
    CHECK(focus_move(&f, &wl, false, FOCUS_UP));
    CHECK_INT(f.kind, W_LANG_OPEN); /* of the two above, the one nearer the middle */
    /* Arrows are spatial whatever the language: Right goes right in Urdu too. */
    CHECK(focus_move(&f, &wl, true, FOCUS_RIGHT));
    CHECK_INT(f.kind, W_CLOSE);
    CHECK(!focus_move(&f, &wl, true, FOCUS_UP));
}

static void backgrounds_are_not_stops(void) {
    /* "Are you still there?": the whole screen answers a tap, the button is what takes focus. */
    wl.count = 0;
    add(0, 0, 800, 480, W_CONTINUE, 0);
    add(240, 300, 320, 70, W_CONTINUE, 0);
    CHECK(!focus_can_take(&wl, 0));
    CHECK(focus_can_take(&wl, 1));
    focus f;
    focus_clear(&f);
    CHECK(focus_place(&f, &wl, false, W_CONTINUE, -1));
    CHECK_INT(f.at, 1);
    CHECK(!focus_move(&f, &wl, false, FOCUS_NEXT)); /* the only stop: Tab stays */
    CHECK_INT(f.at, 1);
}

/* A place question: the picture is a stop (arrows move its cursor pin, Enter drops a pin), and
 * so is each pin dropped on it (Enter takes it away). A pin lies inside the picture: that does
 * not make the picture a "tap anywhere" background. */
static void picture_with_pins(void) {
    wl.count = 0;
    add(20, 400, 170, 60, W_BACK, 0);                /* 0 */
    add(610, 400, 170, 60, W_NEXT, 0);               /* 1 */
    int pic = add(200, 100, 400, 280, W_PICTURE, 0); /* 2 */
    focus f;
    focus_clear(&f);
    CHECK(focus_place(&f, &wl, false, W_PICTURE, -1));
    CHECK_INT(f.at, pic);
    add(300, 200, 48, 48, W_PIN, 0); /* 3: a pin dropped in the middle */
    add(500, 150, 48, 48, W_PIN, 1); /* 4 */
    CHECK(focus_can_take(&wl, pic));
    CHECK(focus_can_take(&wl, 3) && focus_can_take(&wl, 4));
    /* Redrawn with its pins, the focus stays on the picture, for the next pin. */
    focus_sync(&f, &wl, false);
    CHECK_INT(f.at, pic);
    CHECK_INT(f.kind, W_PICTURE);
    int order[WIDGETS_MAX];
    CHECK_INT(focus_order(&wl, false, order), 5);
}

static void relayout_keeps_the_widget(void) {
    journey_screen();
    focus f;
    focus_clear(&f);
    focus_place(&f, &wl, false, W_OPTION, 4);
    int before = f.at;
    /* The same screen laid out again in another order (a tick drawn, another language). */
    widget_list copy = wl;
    wl.count = 0;
    for (int i = copy.count - 1; i >= 0; i--) wl.items[wl.count++] = copy.items[i];
    focus_sync(&f, &wl, false);
    CHECK(f.at != before);
    CHECK_INT(wl.items[f.at].kind, W_OPTION);
    CHECK_INT(wl.items[f.at].index, 4);
    /* A screen without it: the same kind if there is one... */
    journey_screen();
    wl.count = 5 + 2; /* themes 0 and 1 only */
    focus_sync(&f, &wl, false);
    CHECK_INT(wl.items[f.at].kind, W_OPTION);
    /* ...else the first in reading order. */
    focus_place(&f, &wl, false, W_SKIP, -1);
    wl.items[4].kind = W_NONE;
    focus_sync(&f, &wl, false);
    CHECK_INT(f.at, 0);
}

static void relayout_keeps_the_key(void) {
    static const key_def lower[] = {{.text = "a", .action = KEY_CHAR, .width = 1}, {.label = "⇧", .action = KEY_SHIFT, .width = 1},
                                    {.label = "?123", .action = KEY_PAGE, .page = 1, .width = 1}};
    static const key_def upper[] = {{.text = "A", .action = KEY_CHAR, .width = 1}, {.label = "⇧", .action = KEY_SHIFT, .width = 1},
                                    {.label = "?123", .action = KEY_PAGE, .page = 1, .width = 1}};
    static const key_def symbols[] = {{.text = "1", .action = KEY_CHAR, .width = 1}, {.text = "2", .action = KEY_CHAR, .width = 1},
                                      {.label = "ABC", .action = KEY_PAGE, .width = 1}, {.label = "⇧", .action = KEY_SHIFT, .width = 1}};
    wl.count = 0;
    for (int i = 0; i < 3; i++) wl.items[wl.count++] = (widget){{10 + i * 80, 300, 70, 60}, W_KEY, i, &lower[i]};
    focus f;
    focus_clear(&f);
    focus_place(&f, &wl, false, W_KEY, 1);
    CHECK_STR(f.key, "⇧");
    /* Shift pressed: the letters turn to capitals and the focus stays on Shift. */
    for (int i = 0; i < 3; i++) wl.items[i].key = &upper[i];
    focus_sync(&f, &wl, false);
    CHECK_INT(f.at, 1);
    /* On "a", Shift makes it "A": the same place. */
    for (int i = 0; i < 3; i++) wl.items[i].key = &lower[i];
    focus_place(&f, &wl, false, W_KEY, 0);
    CHECK_STR(f.key, "a");
    for (int i = 0; i < 3; i++) wl.items[i].key = &upper[i];
    focus_sync(&f, &wl, false);
    CHECK_INT(f.at, 0);
    CHECK_STR(f.key, "A");
    /* Another page where Shift moved to the end: found by its label, not its place. */
    focus_place(&f, &wl, false, W_KEY, 1);
    wl.count = 0;
    for (int i = 0; i < 4; i++) wl.items[wl.count++] = (widget){{10 + i * 80, 300, 70, 60}, W_KEY, i, &symbols[i]};
    focus_sync(&f, &wl, false);
    CHECK_INT(f.at, 3);
}

static void keys_do_what_they_say(void) {
    journey_screen();
    focus f;
    focus_clear(&f);
    focus_place(&f, &wl, false, W_OPTION, 0);
    /* After a touch the ring is hidden: the first key only shows where the focus is. */
    CHECK_INT(focus_on_key(&f, &wl, FOCUS_KEY_TAB, false).what, FOCUS_DO_SHOW);
    CHECK_INT(focus_on_key(&f, &wl, FOCUS_KEY_ENTER, false).what, FOCUS_DO_SHOW);
    CHECK_INT(focus_on_key(&f, &wl, FOCUS_KEY_ESCAPE, false).what, FOCUS_DO_BACK);
    f.shown = true;
    focus_action a = focus_on_key(&f, &wl, FOCUS_KEY_BACKTAB, false);
    CHECK_INT(a.what, FOCUS_DO_MOVE);
    CHECK_INT(a.dir, FOCUS_PREV);
    a = focus_on_key(&f, &wl, FOCUS_KEY_LEFT, false);
    CHECK_INT(a.what, FOCUS_DO_MOVE);
    CHECK_INT(a.dir, FOCUS_LEFT);
    CHECK_INT(focus_on_key(&f, &wl, FOCUS_KEY_ENTER, false).what, FOCUS_DO_PRESS);
    CHECK_INT(focus_on_key(&f, &wl, FOCUS_KEY_SPACE, false).what, FOCUS_DO_PRESS);
    CHECK_INT(focus_on_key(&f, &wl, FOCUS_KEY_OTHER, false).what, FOCUS_DO_NOTHING);
}

static void keys_in_a_text_step(void) {
    /* The text box above a row of keys and the footer. */
    wl.count = 0;
    add(20, 90, 760, 100, W_FIELD, 0);
    add(20, 200, 70, 60, W_KEY, 0);
    add(100, 200, 70, 60, W_KEY, 1);
    add(610, 400, 170, 60, W_NEXT, 0);
    focus f;
    focus_clear(&f);
    /* Typing on a real keyboard without ever moving the focus: Enter is Next, Space is text. */
    focus_place(&f, &wl, false, W_FIELD, -1);
    CHECK_INT(focus_on_key(&f, &wl, FOCUS_KEY_ENTER, true).what, FOCUS_DO_SUBMIT);
    CHECK_INT(focus_on_key(&f, &wl, FOCUS_KEY_SPACE, true).what, FOCUS_DO_NOTHING);
    f.shown = true;
    CHECK_INT(focus_on_key(&f, &wl, FOCUS_KEY_ENTER, true).what, FOCUS_DO_SUBMIT);
    CHECK_INT(focus_on_key(&f, &wl, FOCUS_KEY_SPACE, true).what, FOCUS_DO_NOTHING);
    /* Left and Right belong to the text; Tab and Down leave the box for the keys. */
    CHECK_INT(focus_on_key(&f, &wl, FOCUS_KEY_LEFT, true).what, FOCUS_DO_NOTHING);
    CHECK_INT(focus_on_key(&f, &wl, FOCUS_KEY_RIGHT, true).what, FOCUS_DO_NOTHING);
    CHECK_INT(focus_on_key(&f, &wl, FOCUS_KEY_TAB, true).what, FOCUS_DO_MOVE);
    /* Tab goes from the box to Next, not through every key first; the keys follow. */
    int order[WIDGETS_MAX];
    CHECK_INT(focus_order(&wl, false, order), 4);
    CHECK_INT(order[0], 0);
    CHECK_INT(order[1], 3);
    CHECK_INT(order[2], 1);
    CHECK_INT(order[3], 2);
    focus_action a = focus_on_key(&f, &wl, FOCUS_KEY_DOWN, true);
    CHECK_INT(a.what, FOCUS_DO_MOVE);
    focus_move(&f, &wl, false, a.dir);
    CHECK_INT(f.kind, W_KEY);
    CHECK_INT(f.index, 1); /* the key below nearest the box's middle */
    /* On a key, Enter and Space press it and the arrows move among the keys. */
    CHECK_INT(focus_on_key(&f, &wl, FOCUS_KEY_ENTER, true).what, FOCUS_DO_PRESS);
    CHECK_INT(focus_on_key(&f, &wl, FOCUS_KEY_SPACE, true).what, FOCUS_DO_PRESS);
    a = focus_on_key(&f, &wl, FOCUS_KEY_LEFT, true);
    CHECK_INT(a.what, FOCUS_DO_MOVE);
    focus_move(&f, &wl, false, a.dir);
    CHECK_INT(f.index, 0);
}

static void empty_screen(void) {
    wl.count = 0;
    focus f;
    focus_clear(&f);
    CHECK(!focus_move(&f, &wl, false, FOCUS_NEXT));
    CHECK(!focus_place(&f, &wl, false, W_NEXT, -1));
    focus_sync(&f, &wl, false);
    CHECK(focus_widget(&f, &wl) == NULL);
    f.shown = true;
    CHECK_INT(focus_on_key(&f, &wl, FOCUS_KEY_ENTER, false).what, FOCUS_DO_NOTHING);
}

int main(void) {
    RUN(reading_order);
    RUN(reading_order_rtl);
    RUN(rows_with_ragged_tops);
    RUN(tab_wraps_around);
    RUN(arrows_on_a_keyboard);
    RUN(arrows_on_the_option_grid);
    RUN(backgrounds_are_not_stops);
    RUN(picture_with_pins);
    RUN(relayout_keeps_the_widget);
    RUN(relayout_keeps_the_key);
    RUN(keys_do_what_they_say);
    RUN(keys_in_a_text_step);
    RUN(empty_screen);
    return check_report();
}
