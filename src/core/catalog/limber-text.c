/* limber-text.c — text that comes in several languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-text"

#include "config.h"

#include <string.h>

#include "limber-text.h"

/* One allocation for all languages: "en\0text\0es\0texto\0", as a
 * catalog holds tens of thousands of these. */
struct _LimberText
{
  guint  n;
  gsize  size;   /* bytes used in data */
  char  *data;
};

LimberText *
limber_text_new (void)
{
  return g_new0 (LimberText, 1);
}

/* Its entries as one block, as limber_text_peek_data() gave them: to
 * unpack a packed exercise (limber-exercise-pack.c). */
LimberText *
limber_text_new_from_data (guint       n,
                           const char *data,
                           gsize       size)
{
  LimberText *self = g_new0 (LimberText, 1);

  self->n = n;
  self->size = size;
  self->data = size > 0 ? g_memdup2 (data, size) : NULL;
  return self;
}

/* Returns: (transfer none): all entries, "en\0text\0es\0texto\0" */
const char *
limber_text_peek_data (const LimberText *self,
                       guint            *n,
                       gsize            *size)
{
  *n = self->n;
  *size = self->size;
  return self->data;
}

void
limber_text_free (LimberText *self)
{
  if (self == NULL)
    return;
  g_free (self->data);
  g_free (self);
}

/* The n-th entry's language; its text follows it. */
static const char *
nth_entry (const LimberText *self,
           guint             n)
{
  const char *p = self->data;

  for (guint i = 0; i < n; i++)
    {
      p += strlen (p) + 1;
      p += strlen (p) + 1;
    }
  return p;
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

static void
remove_entry (LimberText *self,
              guint       n)
{
  char *start = (char *) nth_entry (self, n);
  char *end = start + strlen (start) + 1;

  end += strlen (end) + 1;
  memmove (start, end, self->size - (end - self->data));
  self->size -= end - start;
  self->n--;
}

void
limber_text_set (LimberText *self,
                 const char *lang,
                 const char *text)
{
  gsize lang_len, text_len;

  g_return_if_fail (self != NULL);
  g_return_if_fail (lang != NULL);
  g_return_if_fail (text != NULL);

  for (guint i = 0; i < self->n; i++)
    if (g_ascii_strcasecmp (nth_entry (self, i), lang) == 0)
      {
        remove_entry (self, i);
        break;
      }

  lang_len = strlen (lang) + 1;
  text_len = strlen (text) + 1;
  self->data = g_realloc (self->data, self->size + lang_len + text_len);
  memcpy (self->data + self->size, lang, lang_len);
  memcpy (self->data + self->size + lang_len, text, text_len);
  self->size += lang_len + text_len;
  self->n++;
}

const char *
limber_text_get_exact (const LimberText *self,
                       const char       *lang)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->n; i++)
    {
      const char *entry = nth_entry (self, i);

      if (lang_matches (entry, lang))
        return entry + strlen (entry) + 1;
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

  if (self == NULL || self->n == 0)
    return NULL;
  if (lang != NULL)
    text = limber_text_get_exact (self, lang);
  if (text == NULL)
    text = limber_text_get_exact (self, "en");
  if (text == NULL)
    text = limber_text_nth_text (self, 0);
  return text;
}

guint
limber_text_get_n (const LimberText *self)
{
  return self != NULL ? self->n : 0;
}

const char *
limber_text_nth_lang (const LimberText *self,
                      guint             n)
{
  g_return_val_if_fail (n < limber_text_get_n (self), NULL);
  return nth_entry (self, n);
}

const char *
limber_text_nth_text (const LimberText *self,
                      guint             n)
{
  const char *entry;

  g_return_val_if_fail (n < limber_text_get_n (self), NULL);
  entry = nth_entry (self, n);
  return entry + strlen (entry) + 1;
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
