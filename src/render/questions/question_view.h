/* question_view: the screens of the questions, one file per type in render/questions/ (the
 * choice screen is choice.c), behind one table, and the parts they share (question_view.c).
 * Like the slides, a screen is described in a draw list with its widgets (the very rectangles
 * drawn), laid out left to right and mirrored by journey_view for a right-to-left language.
 * Screens read the journey, never change it. */
#ifndef PK_QUESTION_VIEW_H
#define PK_QUESTION_VIEW_H
#include "journey/journey.h"
#include "render/slides/slides.h"
#include "render/widget.h"

/* Lays out the journey's current question (its "Something else" box, its privacy notice page). */
void question_view_layout(const slide_ctx *sc, const journey *j, draw_list *l, widget_list *w);

/* One screen per type: the question q and its answer a, the journey for the rest. */
typedef void (*question_screen_fn)(const slide_ctx *sc, const journey *j, const question *q, const answer *a,
                                   draw_list *l, widget_list *w);
void question_screen_choice(const slide_ctx *, const journey *, const question *, const answer *, draw_list *, widget_list *);
void question_screen_choices(const slide_ctx *, const journey *, const question *, const answer *, draw_list *, widget_list *);
void question_screen_faces(const slide_ctx *, const journey *, const question *, const answer *, draw_list *, widget_list *);
void question_screen_scale(const slide_ctx *, const journey *, const question *, const answer *, draw_list *, widget_list *);
void question_screen_rank(const slide_ctx *, const journey *, const question *, const answer *, draw_list *, widget_list *);
void question_screen_text(const slide_ctx *, const journey *, const question *, const answer *, draw_list *, widget_list *);
void question_screen_number(const slide_ctx *, const journey *, const question *, const answer *, draw_list *, widget_list *);
void question_screen_place(const slide_ctx *, const journey *, const question *, const answer *, draw_list *, widget_list *);
void question_screen_first_name(const slide_ctx *, const journey *, const question *, const answer *, draw_list *, widget_list *);
void question_screen_age_band(const slide_ctx *, const journey *, const question *, const answer *, draw_list *, widget_list *);
void question_screen_postcode_district(const slide_ctx *, const journey *, const question *, const answer *, draw_list *, widget_list *);
void question_screen_consent(const slide_ctx *, const journey *, const question *, const answer *, draw_list *, widget_list *);

/* ---- the parts the screens share ---- */
typedef enum { BTN_PRIMARY, BTN_PLAIN, BTN_SELECTED } button_style;

static inline const char *qview_ui(const slide_ctx *sc, ui_text_id id) { return sc->cfg->feedback.ui[id]; }
/* A tick drawn with two strokes (colour alone never says "chosen"). */
void qview_tick(const slide_ctx *sc, draw_list *l, pk_rect b, pk_color c, int thick);
/* A button with its words (and its sign for Back, Next, Skip, Send), and its widget. */
void qview_button(const slide_ctx *sc, draw_list *l, widget_list *w, pk_rect r, const char *label,
                  button_style style, widget_kind kind, int index);
/* The frame of every step: the title on top with Close, the language and the visitor's
 * settings; Back, the step dots, Skip and Next (or Send) along the bottom. Returns the box
 * left for the content. */
pk_rect qview_chrome(const slide_ctx *sc, const journey *j, const char *title, draw_list *l, widget_list *w,
                     bool skippable, bool next);
/* The same, saying the size the title got (for a hint under it: qview_hint_line). */
pk_rect qview_chrome_px(const slide_ctx *sc, const journey *j, const char *title, draw_list *l, widget_list *w,
                        bool skippable, bool next, int *title_px);
/* Where Next (or Send) is, at the bottom right, before the screen is mirrored. */
pk_rect qview_next_rect(const slide_ctx *sc);
/* Whether Skip shows: the question showing may be left without an answer. */
bool qview_skippable(const journey *j);
/* One face, from a frown (1) to a smile (5). */
void qview_face(const slide_ctx *sc, draw_list *l, pk_rect b, int rating, bool on);
/* A text box over the keyboard, with the hint while empty, the count near the limit and
 * message (a refusal) when not NULL. */
void qview_typing(const slide_ctx *sc, const journey *j, draw_list *l, widget_list *w, const char *title,
                  const char *hint, const char *text, int max_chars, bool multiline, const char *message);
/* n buttons in a grid, labels[i] on each, `selected` ticked, widget `kind` with index i. */
void qview_button_grid(const slide_ctx *sc, draw_list *l, widget_list *w, pk_rect box, int n,
                       const char *const *labels, int selected, widget_kind kind);
/* The question's options as cards with their icons (tinted), each marked by mark[i]: 0 not
 * chosen, -1 chosen (a tick), k > 0 ranked k-th (the number). W_OPTION widgets. */
void qview_option_cards(const slide_ctx *sc, const question *q, const int *mark, draw_list *l, widget_list *w,
                        pk_rect box);
/* The line over the content: the hint, or instead what was just refused (in the warning
 * colour), never larger than the title (title_px, 0: no limit). Returns the box under it. */
pk_rect qview_hint_line(const slide_ctx *sc, const journey *j, const question *q, const char *hint, draw_list *l,
                        pk_rect box, int title_px);
/* What the journey refused just now, in words (NULL: nothing): a sign that cannot be shown,
 * an answer the type does not take, a required answer, a choice too many. */
const char *qview_message(const slide_ctx *sc, const journey *j, const question *q, char *buf, size_t size);

#endif
