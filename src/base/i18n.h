/*
 * i18n.h: translated messages through gettext (glibc's libintl).
 *
 * _("text") is looked up in the "axial" catalogue at run time; N_("text")
 * only marks a string for xgettext (tables initialised at compile time,
 * such as the key table's descriptions and the commands' help) and the
 * code calls _() where it shows it. What machines read (--json, CSV,
 * REFI-QDA, `axial keys --man`) is never passed through _(); a report's
 * CSV is for people in spreadsheets, so its heads follow the report's
 * language, but its figures stay Latin and exact. Plurals go
 * through ngettext. README.md ("The interface in Persian") tells
 * maintainers and translators the rest.
 */
#ifndef AXIAL_I18N_H
#define AXIAL_I18N_H

#include <libintl.h>
#include <stdbool.h>

#define _(s) gettext(s)
#define N_(s) s

/*
 * The locale from the environment and the "axial" catalogue. When the
 * locale the environment names is not installed (a fresh system often has
 * only C.UTF-8), characters are handled as C.UTF-8 and the messages are
 * still in that locale's language, through LANGUAGE.
 */
void i18n_init(void);
/* Is that language written right to left (Persian, Arabic, Hebrew, Urdu)? */
bool i18n_rtl(void);
/*
 * Switches the messages to lang ("fa", "en") for the rest of the run, as
 * --lang asks: a report in the study's language whatever the locale.
 * Returns -1 (nothing changed) for a language axial has no catalogue for.
 */
int i18n_set_language(const char *lang);
/*
 * NULL when characters are UTF-8 (the locale's codeset); else one line
 * saying which variable set what and what to do, for the workbench's
 * status line and `axial doctor`: under LC_ALL=C curses draws every
 * Persian letter as a blank cell.
 */
const char *i18n_locale_warning(void);
/* The two-letter code of the messages' language ("fa", "en"): HTML lang. */
const char *i18n_lang_code(void);

#endif
