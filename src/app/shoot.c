#include "app/shoot.h"

#include <SDL_image.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "app/screen.h"
#include "render/chrome.h"

static int make_dir(const char *path) {
    if (mkdir(path, 0755) == 0 || errno == EEXIST) return 0;
    fprintf(stderr, "plankiosk shoot: cannot create %s: %s\n", path, strerror(errno));
    return 1;
}

static int save(screen *s, const char *dir, const char *name) {
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s.png", dir, name);
    if (IMG_SavePNG(s->surface, path) != 0) {
        fprintf(stderr, "plankiosk shoot: cannot write %s: %s\n", path, IMG_GetError());
        return 1;
    }
    printf("%s\n", path);
    return 0;
}

static int shoot_size_run(const config *cfg, shoot_size sz, const char *dir, draw_list *list,
                          draw_list *chrome) {
    screen s;
    pk_error err = {{0}};
    pk_date today = date_from_time(time(NULL));
    if (!screen_open_surface(&s, cfg, sz.w, sz.h, today, &err)) {
        fprintf(stderr, "plankiosk shoot: %s\n", err.msg);
        screen_close(&s);
        return 1;
    }
    int status = 0;
    for (int i = 0; i < cfg->n_slides && !status; i++) {
        slides_layout(&s.sc, &cfg->slides[i], list);
        chrome_state cs = {cfg->n_slides, i, false};
        chrome_layout(&s.sc, &cs, chrome);
        screen_draw_frame(&s, list, NULL, 1, 1, 1 << 20, chrome);
        char name[128];
        snprintf(name, sizeof name, "%02d-%s", i + 1, cfg->slides[i].id);
        status = save(&s, dir, name);
    }
    if (!status) {
        /* The paused state shows its own hint in the footer. */
        slides_layout(&s.sc, &cfg->slides[0], list);
        chrome_state cs = {cfg->n_slides, 0, true};
        chrome_layout(&s.sc, &cs, chrome);
        screen_draw_frame(&s, list, NULL, 1, 1, 1 << 20, chrome);
        status = save(&s, dir, "loop-paused");
    }
    screen_close(&s);
    return status;
}

int shoot_run(const config *cfg, const shoot_size *sizes, int n_sizes, const char *out_dir) {
    if (make_dir(out_dir)) return 1;
    draw_list *list = malloc(sizeof *list), *chrome = malloc(sizeof *chrome);
    int status = !list || !chrome;
    for (int i = 0; i < n_sizes && !status; i++) {
        char dir[PATH_MAX];
        if (n_sizes > 1) {
            snprintf(dir, sizeof dir, "%s/%dx%d", out_dir, sizes[i].w, sizes[i].h);
            if (make_dir(dir)) {
                status = 1;
                break;
            }
        } else {
            snprintf(dir, sizeof dir, "%s", out_dir);
        }
        status = shoot_size_run(cfg, sizes[i], dir, list, chrome);
    }
    free(list);
    free(chrome);
    return status;
}
