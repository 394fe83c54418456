#include "render/slides/slides.h"

#include "content/content.h"
#include "journey/languages.h"

void slide_ctx_init(slide_ctx *sc, const config *cfg, text_ctx *text, int w, int h, pk_date today) {
    *sc = (slide_ctx){0}; /* every field has a value, whoever adds one */
    sc->cfg = cfg;
    sc->text = text;
    layout_metrics(w, h, cfg->kiosk.physical_width_mm, &sc->m);
    sc->as_of = content_as_of(cfg, today);
    sc->rtl = cfg->languages.n > 0 && language_is_rtl(cfg->languages.code[cfg->lang]);
    slide_view v = {1.0, false, false};
    slide_ctx_set_view(sc, &v);
}

void slide_ctx_set_view(slide_ctx *sc, const slide_view *v) {
    sc->text_scale = v->text_scale >= 1 ? v->text_scale : 1;
    sc->reduce_motion = v->reduce_motion;
    sc->can_listen = v->can_listen;
    frame_opts o = {sc->can_listen};
    sc->fr = layout_frame_opts(&sc->m, &o);
    sc->shown = sc->rtl ? frame_mirror(&sc->fr, sc->m.w) : sc->fr;
}

int slides_px(const slide_ctx *sc, double units, int min_px) {
    return layout_px(&sc->m, units * sc->text_scale, min_px);
}

void slides_mirror(draw_list *l, int from, int x0, int w, bool align) {
    for (int i = from; i < l->count; i++) {
        draw_item *it = &l->items[i];
        if (it->kind == DRAW_LINE) {
            it->box.x = 2 * x0 + w - it->box.x;
            it->box.w = -it->box.w;
        } else {
            it->box.x = 2 * x0 + w - it->box.x - it->box.w;
        }
        if (!align || it->align == ALIGN_CENTER) continue;
        /* A number is placed physically; a text at ALIGN_LEFT already starts at the right
         * when it is itself right to left. */
        if (it->kind == DRAW_NUMBER || (it->kind == DRAW_TEXT && !text_is_rtl(draw_list_get(l, it->str))))
            it->align = it->align == ALIGN_LEFT ? ALIGN_RIGHT : ALIGN_LEFT;
    }
}

void slides_layout(const slide_ctx *sc, const slide *s, draw_list *l) {
    typedef void (*layout_fn)(const slide_ctx *, const slide *, draw_list *);
    static const layout_fn fns[SLIDE_TYPE_COUNT] = {
        [SLIDE_TITLE] = slide_title_layout,           [SLIDE_TEXT] = slide_text_layout,
        [SLIDE_HIGHLIGHTS] = slide_highlights_layout, [SLIDE_THEMES] = slide_themes_layout,
        [SLIDE_MILESTONES] = slide_milestones_layout, [SLIDE_INDICATORS] = slide_indicators_layout,
        [SLIDE_QUOTE] = slide_quote_layout,           [SLIDE_IMAGE] = slide_image_layout,
        [SLIDE_CALL_TO_ACTION] = slide_call_to_action_layout,
        [SLIDE_YOU_SAID] = slide_you_said_layout,     [SLIDE_RESULTS] = slide_results_layout,
        [SLIDE_WE_DID] = slide_we_did_layout,
    };
    draw_list_clear(l);
    if (s->type < SLIDE_TYPE_COUNT && fns[s->type]) fns[s->type](sc, s, l);
    if (sc->rtl) slides_mirror(l, 0, 0, sc->m.w, true);
}

/* Fitting ranges: up to the visitor's scale, down to the designed minimum. */
static int px_of(const slide_ctx *sc, double u) { return layout_px(&sc->m, u, 12); }
static int px_max(const slide_ctx *sc, double u) { return slides_px(sc, u, 12); }

int slides_text_at(const slide_ctx *sc, draw_list *l, const char *s, pk_rect box, font_role role,
                   int px, pk_color color, draw_align align, bool middle) {
    if (!s || !*s || box.w <= 0 || box.h <= 0) return 0;
    draw_item *it = draw_list_add(l, DRAW_TEXT, box, color);
    if (!it) return 0;
    it->font = role;
    it->px = px;
    it->align = align;
    it->middle = middle;
    it->str = draw_list_str(l, s);
    it->text_h = text_block_height(sc->text, role, px, s, box.w);
    return it->text_h;
}

int slides_text(const slide_ctx *sc, draw_list *l, const char *s, pk_rect box, font_role role,
                double max_u, double min_u, pk_color color, draw_align align, bool middle) {
    if (!s || !*s) return 0;
    int px = text_fit(sc->text, role, s, box.w, box.h, px_of(sc, min_u), px_max(sc, max_u), NULL);
    return slides_text_at(sc, l, s, box, role, px, color, align, middle);
}

void slides_heading(const slide_ctx *sc, draw_list *l, const char *title) {
    pk_rect b = sc->fr.title;
    /* An accent rule under the heading ties every slide to the same look. */
    int rule = (int)(sc->m.unit * 0.8) + 1;
    pk_rect text_box = {b.x, b.y, b.w, b.h - 2 * rule};
    slides_text(sc, l, title, text_box, FONT_BOLD, 7.5, 4.2, sc->cfg->theme.text, ALIGN_LEFT, true);
    draw_item *r = draw_list_add(l, DRAW_RECT, (pk_rect){b.x, b.y + b.h - rule, (int)(sc->m.unit * 14), rule},
                                 sc->cfg->theme.accent);
    if (r) r->radius = rule / 2;
}

void slides_live_heading(const slide_ctx *sc, draw_list *l, const slide *s) {
    char buf[256];
    slides_heading(sc, l, live_slide_title(sc->cfg, s, sc->as_of, buf, sizeof buf));
}

static bool all_fit(const slide_ctx *sc, font_role role, const char *const *texts,
                    const int *widths, const int *heights, int n, int px) {
    for (int i = 0; i < n; i++)
        if (texts[i] && *texts[i] &&
            (text_block_height(sc->text, role, px, texts[i], widths[i]) > heights[i] ||
             text_fit(sc->text, role, texts[i], widths[i], 1 << 20, px, px, NULL) < px))
            return false;
    return true;
}

int slides_fit_common(const slide_ctx *sc, font_role role, const char *const *texts,
                      const int *widths, const int *heights, int n, double max_u, double min_u) {
    int lo = px_of(sc, min_u), hi = px_max(sc, max_u);
    if (all_fit(sc, role, texts, widths, heights, n, hi)) return hi;
    while (lo > 10 && !all_fit(sc, role, texts, widths, heights, n, lo)) lo--;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (all_fit(sc, role, texts, widths, heights, n, mid))
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

static bool stack_fits(const slide_ctx *sc, font_role role, const char *const *texts, int n,
                       int width, int height, int gap, int px) {
    int total = 0;
    for (int i = 0; i < n; i++) {
        if (i) total += gap;
        total += text_block_height(sc->text, role, px, texts[i], width);
        if (text_fit(sc->text, role, texts[i], width, 1 << 20, px, px, NULL) < px) return false;
    }
    return total <= height;
}

int slides_fit_stack(const slide_ctx *sc, font_role role, const char *const *texts, int n,
                     int width, int height, int gap, double max_u, double min_u) {
    int lo = px_of(sc, min_u), hi = px_max(sc, max_u);
    if (stack_fits(sc, role, texts, n, width, height, gap, hi)) return hi;
    while (lo > 10 && !stack_fits(sc, role, texts, n, width, height, gap, lo)) lo--;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (stack_fits(sc, role, texts, n, width, height, gap, mid))
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

void slides_card(const slide_ctx *sc, draw_list *l, pk_rect box) {
    draw_item *it = draw_list_add(l, DRAW_RECT, box, sc->cfg->theme.surface);
    if (it) it->radius = (int)(sc->m.unit * 1.5);
}

void slides_arrow(draw_list *l, pk_rect b, bool up, pk_color color, int thick) {
    int cx = b.x + b.w / 2, top = b.y + thick, bottom = b.y + b.h - thick;
    int tip = up ? top : bottom, tail = up ? bottom : top, head = b.w / 2 - thick / 2;
    int dir = up ? 1 : -1;
    draw_item *it;
    if ((it = draw_list_add(l, DRAW_LINE, (pk_rect){cx, tail, 0, tip - tail}, color))) it->radius = thick;
    if ((it = draw_list_add(l, DRAW_LINE, (pk_rect){cx, tip, -head, dir * head}, color))) it->radius = thick;
    if ((it = draw_list_add(l, DRAW_LINE, (pk_rect){cx, tip, head, dir * head}, color))) it->radius = thick;
}

void slides_arrow_on(draw_list *l, pk_rect b, pk_color color, int thick) {
    int cy = b.y + b.h / 2, left = b.x + thick, right = b.x + b.w - thick;
    int head = b.h / 2 - thick / 2;
    if (head > (right - left) / 2) head = (right - left) / 2;
    draw_item *it;
    if ((it = draw_list_add(l, DRAW_LINE, (pk_rect){left, cy, right - left, 0}, color))) it->radius = thick;
    if ((it = draw_list_add(l, DRAW_LINE, (pk_rect){right, cy, -head, -head}, color))) it->radius = thick;
    if ((it = draw_list_add(l, DRAW_LINE, (pk_rect){right, cy, -head, head}, color))) it->radius = thick;
}
