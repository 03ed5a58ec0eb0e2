/* limber-text.c — text that comes in several languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-text"

#include "config.h"

#include <string.h>

#include "limber-text.h"

typedef struct
{
  char *lang;   /* never NULL: "en", "es"… */
  char *text;
} Entry;

struct _LimberText
{
  GArray *entries;  /* Entry, in the order first set */
};

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  g_clear_pointer (&e->lang, g_free);
  g_clear_pointer (&e->text, g_free);
}

LimberText *
limber_text_new (void)
{
  LimberText *self = g_new0 (LimberText, 1);

  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  return self;
}

void
limber_text_free (LimberText *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->entries);
  g_free (self);
}

/* Compares language tags on their primary subtag, so "es-MX" text is
 * found for "es" and the other way round. */
static gboolean
lang_matches (const char *a,
              const char *b)
{
  gsize la = strcspn (a, "-_");
  gsize lb = strcspn (b, "-_");

  return la == lb && g_ascii_strncasecmp (a, b, la) == 0;
}

void
limber_text_set (LimberText *self,
                 const char *lang,
                 const char *text)
{
  Entry e;

  g_return_if_fail (self != NULL);
  g_return_if_fail (lang != NULL);
  g_return_if_fail (text != NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *old = &g_array_index (self->entries, Entry, i);

      if (g_ascii_strcasecmp (old->lang, lang) == 0)
        {
          g_free (old->text);
          old->text = g_strdup (text);
          return;
        }
    }

  e.lang = g_strdup (lang);
  e.text = g_strdup (text);
  g_array_append_val (self->entries, e);
}

const char *
limber_text_get_exact (const LimberText *self,
                       const char       *lang)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *e = &g_array_index (self->entries, Entry, i);

      if (lang_matches (e->lang, lang))
        return e->text;
    }
  return NULL;
}

/**
 * limber_text_get:
 * @lang: (nullable): the wanted language, or %NULL for the first
 *
 * Returns the text in @lang, else in English, else the first one set:
 * a handout always shows something, in the best language there is.
 */
const char *
limber_text_get (const LimberText *self,
                 const char       *lang)
{
  const char *text = NULL;

  if (self == NULL || self->entries->len == 0)
    return NULL;
  if (lang != NULL)
    text = limber_text_get_exact (self, lang);
  if (text == NULL)
    text = limber_text_get_exact (self, "en");
  if (text == NULL)
    text = g_array_index (self->entries, Entry, 0).text;
  return text;
}

guint
limber_text_get_n (const LimberText *self)
{
  return self != NULL ? self->entries->len : 0;
}

const char *
limber_text_nth_lang (const LimberText *self,
                      guint             n)
{
  g_return_val_if_fail (n < limber_text_get_n (self), NULL);
  return g_array_index (self->entries, Entry, n).lang;
}

const char *
limber_text_nth_text (const LimberText *self,
                      guint             n)
{
  g_return_val_if_fail (n < limber_text_get_n (self), NULL);
  return g_array_index (self->entries, Entry, n).text;
}

gboolean
limber_text_equal (const LimberText *a,
                   const LimberText *b)
{
  if (limber_text_get_n (a) != limber_text_get_n (b))
    return FALSE;
  for (guint i = 0; i < limber_text_get_n (a); i++)
    {
      const char *other = limber_text_get_exact (b, limber_text_nth_lang (a, i));

      if (g_strcmp0 (other, limber_text_nth_text (a, i)) != 0)
        return FALSE;
    }
  return TRUE;
}

LimberText *
limber_text_copy (const LimberText *self)
{
  LimberText *copy = limber_text_new ();

  for (guint i = 0; i < limber_text_get_n (self); i++)
    limber_text_set (copy, limber_text_nth_lang (self, i), limber_text_nth_text (self, i));
  return copy;
}
