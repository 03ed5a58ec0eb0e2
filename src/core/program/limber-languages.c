/* limber-languages.c — the languages a handout can be written in
 *
 * One list for every place that offers or names a handout language: the
 * program editor's row, the handout preview, the warning about words
 * not in the handout's language, the custom-stretch translations.  The
 * handout's fixed words (limber-phrases), the mail texts and the title's
 * word for "week" each have a row per language here; adding a language
 * is adding a line below and those rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-languages"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "limber-languages.h"

/* English first: the language of a tag Limber has no handout words for. */
static const LimberLanguage languages[] = {
  /* Translators: a language's name as it reads inside a sentence ("The
   * handout is in English"): lower-case where your language writes it so. */
  { "en", "English", N_("English") },
  { "es", "Español", N_("Spanish") },
  { "de", "Deutsch", N_("German") },
  { "fr", "Français", N_("French") },
};

guint
limber_languages_get_n (void)
{
  return G_N_ELEMENTS (languages);
}

/**
 * limber_languages_get:
 * @index: below limber_languages_get_n()
 *
 * Returns: (transfer none): the @index-th language; English is the first
 */
const LimberLanguage *
limber_languages_get (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (languages), &languages[0]);
  return &languages[index];
}

/* The index of @tag's language, or -1: "de", "de-AT", "de_DE.UTF-8"
 * and "DE" are German. */
static int
lookup (const char *tag)
{
  gsize len;

  if (tag == NULL)
    return -1;
  len = strcspn (tag, "-_.@");
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (len == strlen (languages[i].code) && g_ascii_strncasecmp (tag, languages[i].code, len) == 0)
      return (int) i;
  return -1;
}

/**
 * limber_languages_find:
 * @tag: (nullable): a language tag or locale name: "fr", "fr-CA", "fr_FR.UTF-8"
 *
 * Returns: the index of @tag's language; 0 (English) for one that is
 *   not a handout language, or %NULL
 */
guint
limber_languages_find (const char *tag)
{
  int index = lookup (tag);

  return index < 0 ? 0 : (guint) index;
}

/**
 * limber_languages_pick:
 * @tags: (array zero-terminated=1): languages in order of preference,
 *   such as g_get_language_names()
 *
 * Returns: the code of the first of @tags that is a handout language,
 *   or "en"
 */
const char *
limber_languages_pick (const char * const *tags)
{
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      int index = lookup (tags[i]);

      if (index >= 0)
        return languages[index].code;
      /* "C" or "POSIX" ends what the user asked for: the rest of
       * g_get_language_names() is GLib's fallback. */
      if (strcmp (tags[i], "C") == 0 || strcmp (tags[i], "POSIX") == 0)
        break;
    }
  return languages[0].code;
}

/**
 * limber_languages_name:
 * @tag: (nullable): a language tag
 *
 * Returns: @tag's language named in the interface's language ("Spanish",
 *   "Spanisch"), or @tag itself when it is no handout language
 */
const char *
limber_languages_name (const char *tag)
{
  int index = lookup (tag != NULL && *tag != '\0' ? tag : "en");

  return index < 0 ? tag : _(languages[index].name);
}
