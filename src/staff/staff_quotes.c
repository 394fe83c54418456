/* placeholder: filled in by issue 15's work */
typedef int pk_placeholder_staff_quotes;
