/* color: an RGBA colour as the config writes it ("#RRGGBB"). Core, so the text module and the
 * config model share it without either reaching into the other. */
#ifndef PK_COLOR_H
#define PK_COLOR_H

typedef struct pk_color {
    unsigned char r, g, b, a;
} pk_color;

#endif
