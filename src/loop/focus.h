/* focus: driving a screen without touching it. One widget of the screen's widget list has the
 * keyboard's focus; Tab and Shift+Tab walk the widgets in reading order (rows top to bottom,
 * each row from its start: the left, or the right for a right-to-left language), arrow keys
 * move to the nearest widget in that direction (the on-screen keyboard, the faces, the theme
 * grid), Enter or Space presses it. A switch with two buttons (Tab, Enter) reaches everything.
 *
 * The focus remembers which widget it is on (kind, index, key label), not where it sits in the
 * list, so it stays on the same button when the screen is laid out again (a tick drawn, the
 * language changed, Shift turning the letters to capitals).
 *
 * Pure: no SDL; the app maps its key codes to focus_key and carries out the focus_action. The
 * focus holds no pointers into the widget list. */
#ifndef PK_FOCUS_H
#define PK_FOCUS_H
#include <stdbool.h>

#include "render/widget.h"

typedef enum { FOCUS_NEXT, FOCUS_PREV, FOCUS_LEFT, FOCUS_RIGHT, FOCUS_UP, FOCUS_DOWN } focus_dir;

typedef struct focus {
    bool shown; /* a key was used since the last touch: the ring is drawn (touch users never see it) */
    int at;     /* index in the widget list, -1: none */
    /* Which widget that is, to find it again after a relayout. */
    widget_kind kind;
    int index;
    char key[24]; /* a key's label (or text), "" for other widgets */
} focus;

/* Keys as the focus sees them; the app maps its own codes onto these. */
typedef enum {
    FOCUS_KEY_TAB,
    FOCUS_KEY_BACKTAB, /* Shift+Tab */
    FOCUS_KEY_LEFT,
    FOCUS_KEY_RIGHT,
    FOCUS_KEY_UP,
    FOCUS_KEY_DOWN,
    FOCUS_KEY_ENTER,
    FOCUS_KEY_SPACE,
    FOCUS_KEY_ESCAPE,
    FOCUS_KEY_OTHER
} focus_key;

typedef enum {
    FOCUS_DO_NOTHING, /* the key is not the focus's (a character being typed, say) */
    FOCUS_DO_SHOW,    /* the first key after a touch: show where the focus is, move nothing */
    FOCUS_DO_MOVE,    /* move in `dir` */
    FOCUS_DO_PRESS,   /* press the focused widget, as a tap on it would */
    FOCUS_DO_SUBMIT,  /* Enter in a text box: Next */
    FOCUS_DO_BACK     /* Escape: back a step, close what is open */
} focus_do;

typedef struct focus_action {
    focus_do what;
    focus_dir dir;
} focus_action;

/* Nothing focused, ring hidden. */
void focus_clear(focus *f);
/* True if widget i can take the focus: a widget that wholly encloses another is a "tap
 * anywhere" background (the picker's, "Are you still there?"), not a thing to stop on. */
bool focus_can_take(const widget_list *w, int i);
/* The focusable widgets' indices in reading order into order (WIDGETS_MAX), the on-screen
 * keyboard's keys after everything else; returns how many. */
int focus_order(const widget_list *w, bool rtl, int *order);
/* Puts the focus on the first widget of `kind` in reading order (with that index, unless
 * index < 0). Without one, on the first widget; returns false then (or if there is none). */
bool focus_place(focus *f, const widget_list *w, bool rtl, widget_kind kind, int index);
/* After the screen was laid out again: back on the same widget (same kind, index and key; a
 * key by its label; the same kind and index; the same kind), or else on the first. */
void focus_sync(focus *f, const widget_list *w, bool rtl);
/* Moves in a direction: Tab order wraps around at either end; an arrow goes to the nearest
 * widget that way and stays put when there is none. Returns true if the focus moved. */
bool focus_move(focus *f, const widget_list *w, bool rtl, focus_dir d);
/* The focused widget, or NULL. */
const widget *focus_widget(const focus *f, const widget_list *w);
/* What a key does. `typing`: the screen has a text box that a physical keyboard types into;
 * there Space and the arrows that move a caret belong to the text while the focus is on the
 * box, and Enter means Next. */
focus_action focus_on_key(const focus *f, const widget_list *w, focus_key key, bool typing);

#endif
