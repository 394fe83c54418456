/* A rotated screen: a touch at a physical place must land where that part of the drawing is
 * shown. Checked against the same turn SDL_RenderCopyEx applies (clockwise about the centre). */
#include "check.h"
#include "render/layout.h"

/* Where a drawing point ends up on the physical screen after a clockwise turn. */
static void turn(int rotation, float lx, float ly, float *px, float *py) {
    switch (rotation) {
    case 90: *px = 1 - ly, *py = lx; break;
    case 180: *px = 1 - lx, *py = 1 - ly; break;
    case 270: *px = ly, *py = 1 - lx; break;
    default: *px = lx, *py = ly; break;
    }
}

static void touches_land_on_the_drawing(void) {
    const int rotations[] = {0, 90, 180, 270};
    for (int r = 0; r < 4; r++)
        for (float x = 0.05f; x < 1; x += 0.1f)
            for (float y = 0.05f; y < 1; y += 0.15f) {
                float px, py, lx, ly;
                turn(rotations[r], x, y, &px, &py);
                layout_unrotate(rotations[r], px, py, &lx, &ly);
                CHECK(lx > x - 1e-5f && lx < x + 1e-5f);
                CHECK(ly > y - 1e-5f && ly < y + 1e-5f);
            }
    /* 90 clockwise: the drawing's top-left corner is at the physical top-right. */
    float lx, ly;
    layout_unrotate(90, 0.99f, 0.01f, &lx, &ly);
    CHECK(lx < 0.05f && ly < 0.05f);
}

int main(void) {
    RUN(touches_land_on_the_drawing);
    return check_report();
}
