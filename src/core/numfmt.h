/* numfmt: numbers as people read them on a slide: "260,800", "8.1", "£99m". */
#ifndef PK_NUMFMT_H
#define PK_NUMFMT_H

/* Writes prefix + value with thousands separators and `decimals` places + suffix into buf
 * (always NUL-terminated, truncated to size). prefix/suffix may be NULL. Returns buf. */
const char *numfmt_format(double value, int decimals, const char *prefix, const char *suffix,
                          char *buf, int size);
/* Eased count-up: the value shown at `elapsed_ms` of a `total_ms` animation towards `target`.
 * Ease-out, so the number settles gently; exact target at and after the end. */
double numfmt_count_up(double target, int decimals, int elapsed_ms, int total_ms);

#endif
