/* quote_review: the desk's side of checking quotes. Writes a review sheet of a quote_set (an
 * .xlsx for staff who double-click, or a .csv), and reads staff's decisions back from it, as
 * saved by Excel, LibreOffice or a script, so `plankiosk quotes --apply` can record them.
 *
 * The sheet ("Quotes") has a row per quote, the undecided first (held back ones with the
 * check's reason), then those already decided, each group newest first; its columns:
 *   Decision | Held back because | Words | First name | Age band | Language | Kiosk | When |
 *   Consultation | Question | Key
 * Decision is blank for a quote nobody has decided, else the latest decision; in the .xlsx it
 * is the first, wide, highlighted column with a drop-down of approve and hide. Key names the
 * quote and must be kept (its header note says so). Words are always text cells, never a
 * formula; When is a real date-time cell on the kiosk's own clock.
 *
 * Reading back finds the columns by their header names (any row, any order, any case), so a
 * sheet that staff sorted, filtered or added columns to still reads. A decision is
 * approve/approved/yes/show or hide/hidden/no (any case, spaces trimmed); blank is no
 * decision. Anything else is a problem naming its cell ("review.xlsx: Quotes!A7: \"aprove\"
 * is not approve or hide", "review.csv:7:1: ..."), and a sheet with any problem gives no
 * decisions at all: half a sheet applied is worse than none.
 *
 * An .xlsx is read with libzip (the container) and libxml2 (workbook.xml and its _rels, the
 * shared strings, the first worksheet): shared strings, inline strings and plain values, as
 * libxlsxwriter writes them and as LibreOffice and Excel save them again.
 *
 * Pure: no SDL, no clock. Ownership: a quote_review owns its rows (quote_review_free); the
 * writer keeps nothing. */
#ifndef PK_QUOTE_REVIEW_H
#define PK_QUOTE_REVIEW_H
#include <stdbool.h>
#include <stddef.h>

#include "config/config.h"
#include "core/diag.h"
#include "export/export.h"
#include "quotes/quotes.h"

#define QUOTE_REVIEW_SHEET "Quotes"

/* Writes qs's review sheet to path: an .xlsx, or a .csv (RFC 4180, UTF-8 with a byte-order
 * mark, CRLF, formula-like cells neutralised with a leading quote) when path ends in .csv.
 * Written safely (path.tmp, then renamed); a path that is one of set's input files is refused
 * (set may be NULL). cfg (may be NULL) gives age bands', questions' and consultations' words.
 * False with err filled on failure; nothing is left under path then. */
bool quote_review_write(const char *path, const quote_set *qs, const config *cfg,
                        const export_set *set, pk_error *err);

typedef enum quote_review_choice {
    QUOTE_REVIEW_BLANK = -1, /* no decision in the sheet */
    QUOTE_REVIEW_APPROVE = QUOTE_APPROVE,
    QUOTE_REVIEW_HIDE = QUOTE_HIDE,
} quote_review_choice;

typedef struct quote_review_row {
    char key[QUOTE_KEY_LEN];
    quote_review_choice choice;
    char cell[48]; /* where the decision is, for messages: "Quotes!A7", or "line 7" in a CSV */
    int line, col; /* a CSV's: the decision's line and column (0: an .xlsx) */
} quote_review_row;

typedef struct quote_review {
    quote_review_row *rows; /* every row with a key, in the sheet's order */
    size_t n, cap;
    long approve, hide, blank;
} quote_review;

/* Reads the decisions in path (.xlsx, or .csv by its extension) into rv (zeroed first). Each
 * problem goes to problems as "FILE: Quotes!A7: ..." (xlsx) or "FILE:LINE:COL: ..." (csv): a
 * decision that is neither approve nor hide, a row with a decision but no key, a key given
 * twice with different decisions, a missing Decision or Key column. Returns false when there
 * was any problem (then rv holds no rows) or the file cannot be read at all (err says why; it
 * also names the first problem). */
bool quote_review_read(const char *path, quote_review *rv, diag_list *problems, pk_error *err);
void quote_review_free(quote_review *rv);

#define QUOTE_FLAG_KINDS 7 /* quote_flag's bits */
/* How many quotes the check holds back (QUOTE_HELD: no person has decided yet) found each kind
 * of thing: by_kind[k] for the flag 1u << k (a quote may count under several). */
void quote_review_held_kinds(const quote_set *qs, long by_kind[QUOTE_FLAG_KINDS]);

/* A decision's words ("approve", " Hidden ") as a choice: QUOTE_REVIEW_BLANK for blank, false
 * for anything else. */
bool quote_review_parse_choice(const char *s, quote_review_choice *out);

#endif
