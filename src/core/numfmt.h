/* numfmt: numbers as people read them on a slide: "260,800", "8.1", "£99m", "22 days". */
#ifndef PK_NUMFMT_H
#define PK_NUMFMT_H

/* Writes prefix + value with thousands separators and `decimals` places + suffix into buf
 * (always NUL-terminated, truncated to size). prefix/suffix may be NULL. Returns buf. */
const char *numfmt_format(double value, int decimals, const char *prefix, const char *suffix,
                          char *buf, int size);
/* Writes value (as numfmt_format) with a unit as the usual rule places it: a word after a space
 * ("22 days", "3.5 million", "22 دن"), "%" and other signs straight after ("45%", "20°"), and
 * a leading currency symbol in front ("£12", "-£5"), with a short multiplier after it kept
 * close ("£12m", "£1.2bn", "£300 million"). A unit that starts with a space is written after
 * the number as it is (" €" gives "12 €"), so a language with other habits can have them.
 * unit may be NULL or empty. The number stays in logical order before a word, so in an Urdu
 * paragraph it reads first, from the right, its digits left to right. Returns buf. */
const char *numfmt_with_unit(double value, int decimals, const char *unit, char *buf, int size);
/* Eased count-up: the value shown at `elapsed_ms` of a `total_ms` animation towards `target`.
 * Ease-out, so the number settles gently; exact target at and after the end. */
double numfmt_count_up(double target, int decimals, int elapsed_ms, int total_ms);

#endif
