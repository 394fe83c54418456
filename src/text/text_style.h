/* text_style: which face (regular or bold) and which alignment a block of text is set in. The
 * text module's own words; the draw list and every layout use them to ask for text. */
#ifndef PK_TEXT_STYLE_H
#define PK_TEXT_STYLE_H

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } draw_align;
typedef enum { FONT_REGULAR, FONT_BOLD, FONT_ROLE_COUNT } font_role;

#endif
