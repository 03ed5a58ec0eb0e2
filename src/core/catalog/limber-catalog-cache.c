/* limber-catalog-cache.c — validated catalog files, kept ready to map
 *
 * Reading and validating a 25,000-exercise catalog takes seconds; the
 * exercises it yields are written here, one cache file per catalog file,
 * under $XDG_CACHE_HOME/limber/, and mapped on the next start instead.
 *
 * The key.  A cache file is used only if its key is byte for byte the
 * one the source has now: the source's URI, size, modification and
 * change times (nanoseconds), inode and device, Limber's version, this
 * format's number, a hash of the catalog schema and of the controlled
 * words.  No content hash: hashing 89 MB on every start would cost what
 * the cache saves.  Every way of changing a file changes its size, its
 * mtime or (saved by renaming a new file over it) its inode, and the
 * change time cannot be set back by `touch -d`.  What a timestamp cannot
 * catch is a second edit within the clock's tick (ext4 steps by a few
 * ms): so a source modified in the last two seconds is not cached at
 * all (git's "racy clean" rule; by its mtime, as a copied file's ctime
 * is always new).
 *
 * The file.  A header (magic, format, key length, payload length, a
 * 64-bit checksum of key and payload), the key, then the exercises as
 * length-prefixed records.  An exercise's texts but its names, its
 * steps, cautions and figure XML come last in its record, as one block
 * of known length: an exercise loaded from the cache keeps only where
 * that block is and its checksum, and reads it from the file (pread(),
 * not the mapping, which a file cut short under it would turn into a
 * SIGBUS) when first asked for, checking it all again.  The file stays
 * open meanwhile (a cache written again is a new file, renamed over).  It is hostile input like any other: the
 * reader checks the sizes add up to the file's, the checksum, and then
 * every length against what is left, every string as UTF-8 with no NUL,
 * every id, word, number and side as the XML reader would; anything
 * wrong and the whole file is ignored (the catalog is read from its XML
 * and the cache written again).  The checksum catches damage, not
 * malice: a crafted file with a right checksum still meets every check.
 *
 * Search keys are not stored: they are folded again from the exercises
 * after loading (limber-search.c's format is changing; a later version
 * can keep them here through a function of its own).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-catalog-cache"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "limber-atomic.h"
#include "limber-catalog-cache.h"
#include "limber-exercise-private.h"

#define MAGIC          "LMBRCAT\n"
#define HEADER_SIZE    32
#define MAX_CACHE_SIZE (G_GUINT64_CONSTANT (1) << 30)
#define SETTLE_SECONDS 2

static guint hits;   /* good caches loaded: for tests and benchmarks */

/* ---- The key ---------------------------------------------------------- */

/* What else decides how a catalog reads: the schema and the words. */
static const char *
rules_digest (void)
{
  static char *digest;

  if (g_once_init_enter (&digest))
    {
      g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
      g_autoptr(GBytes) schema = g_resources_lookup_data ("/io/github/limber/Limber/schemas/catalog.rng",
                                                          0, NULL);

      if (schema != NULL)
        g_checksum_update (sum, g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
      for (LimberVocabulary kind = 0; kind < LIMBER_VOCABULARY_N_KINDS; kind++)
        for (guint i = 0; i < limber_vocabulary_count (kind); i++)
          g_checksum_update (sum, (const guchar *) limber_vocabulary_word (kind, i), -1);
      g_once_init_leave (&digest, g_strdup (g_checksum_get_string (sum)));
    }
  return digest;
}

/**
 * limber_catalog_cache_key:
 * @settled: (out): %FALSE if the source changed so lately that another
 *   change might leave the same times (then it is not to be cached)
 *
 * Returns: (transfer full) (nullable): the key, or %NULL when the
 *   source cannot be looked at
 */
char *
limber_catalog_cache_key (GFile    *source,
                          gboolean *settled)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *uri = g_file_get_uri (source);
  guint64 mtime, ctime;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  info = g_file_query_info (source, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC "," G_FILE_ATTRIBUTE_TIME_CHANGED ","
                            G_FILE_ATTRIBUTE_TIME_CHANGED_NSEC "," G_FILE_ATTRIBUTE_UNIX_INODE ","
                            G_FILE_ATTRIBUTE_UNIX_DEVICE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
    return NULL;
  mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  ctime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_CHANGED);
  *settled = (gint64) mtime + SETTLE_SECONDS < now;
  return g_strdup_printf ("limber %s cache %d rules %s\n%s\nsize %" G_GINT64_FORMAT
                          " mtime %" G_GUINT64_FORMAT ".%09u ctime %" G_GUINT64_FORMAT ".%09u"
                          " inode %" G_GUINT64_FORMAT " device %u\n",
                          PACKAGE_VERSION, LIMBER_CATALOG_CACHE_FORMAT, rules_digest (), uri,
                          g_file_info_get_size (info),
                          mtime, g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC),
                          ctime, g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_CHANGED_NSEC),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE),
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE));
}

/* One cache file per source, named by a hash of its URI. */
GFile *
limber_catalog_cache_file (GFile *cache_dir,
                           GFile *source)
{
  g_autofree char *uri = g_file_get_uri (source);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  g_autofree char *name = g_strdup_printf ("catalog-%.32s.cache", hash);

  return g_file_get_child (cache_dir, name);
}

/* ---- Checksum --------------------------------------------------------- */

/* 64-bit, eight bytes a step (30 MB in a few ms), and fed piece by piece
 * as the cache is written: it finds damage, it is not meant to stop a
 * forger (the reader's checks do that). */
typedef struct
{
  guint64 h;
  guint64 total;
  guint8  tail[8];
  guint   n_tail;
} Hasher;

#define MIX(h, w) ((h) = (((h) ^ (w)) * G_GUINT64_CONSTANT (0x100000001b3)), (h) ^= (h) >> 29)

static void
hasher_init (Hasher *hs)
{
  *hs = (Hasher) { G_GUINT64_CONSTANT (0x9e3779b97f4a7c15), 0, { 0 }, 0 };
}

static void
hasher_update (Hasher       *hs,
               const guint8 *data,
               gsize         len)
{
  gsize i = 0;

  hs->total += len;
  while (hs->n_tail > 0 && hs->n_tail < 8 && i < len)
    hs->tail[hs->n_tail++] = data[i++];
  if (hs->n_tail == 8)
    {
      guint64 w;

      memcpy (&w, hs->tail, 8);
      MIX (hs->h, w);
      hs->n_tail = 0;
    }
  for (; i + 8 <= len; i += 8)
    {
      guint64 w;

      memcpy (&w, data + i, 8);
      MIX (hs->h, w);
    }
  while (i < len)
    hs->tail[hs->n_tail++] = data[i++];
}

static guint64
hasher_finish (Hasher *hs)
{
  for (guint i = 0; i < hs->n_tail; i++)
    MIX (hs->h, hs->tail[i]);
  MIX (hs->h, hs->total);
  return hs->h;
}

guint64
limber_catalog_cache_checksum (const guint8 *data,
                               gsize         len)
{
  Hasher hs;

  hasher_init (&hs);
  hasher_update (&hs, data, len);
  return hasher_finish (&hs);
}

/* ---- Writing ---------------------------------------------------------- */

static void
put_u32 (GByteArray *out,
         guint32     v)
{
  g_byte_array_append (out, (const guint8 *) &v, 4);
}

static void
put_u64 (GByteArray *out,
         guint64     v)
{
  g_byte_array_append (out, (const guint8 *) &v, 8);
}

static void
put_str (GByteArray *out,
         const char *s)
{
  gsize len = strlen (s);

  put_u32 (out, (guint32) len);
  g_byte_array_append (out, (const guint8 *) s, len);
}

static void
put_opt_str (GByteArray *out,
             const char *s)
{
  guint8 present = s != NULL;

  g_byte_array_append (out, &present, 1);
  if (s != NULL)
    put_str (out, s);
}

static void
put_text (GByteArray       *out,
          const LimberText *text)
{
  put_u32 (out, limber_text_get_n (text));
  for (guint i = 0; i < limber_text_get_n (text); i++)
    {
      put_str (out, limber_text_nth_lang (text, i));
      put_str (out, limber_text_nth_text (text, i));
    }
}

/* Where an exercise's block of other texts is in the file written. */
typedef struct
{
  guint64 at;
  guint32 len;
  guint64 sum;
  gboolean reads;   /* it reads back (it would not if, say, a language
                     * tag were one the cache reader refuses) */
} BodyPlace;

static gboolean block_reads (const guint8 *block,
                             guint32       len);

/* The block an exercise loaded from the cache reads again.  Returns
 * where it starts in @out. */
static guint
put_body (GByteArray     *out,
          LimberExercise *ex)
{
  LimberExerciseBody body;
  gboolean owned;
  guint start, len;

  put_u32 (out, 0);
  start = out->len;
  /* Read from the packed texts, not unpacked for good (limber-exercise-pack.c). */
  owned = _limber_exercise_borrow_body (ex, &body);
  for (guint i = LIMBER_EXERCISE_NAME + 1; i < LIMBER_EXERCISE_N_TEXTS; i++)
    put_text (out, body.texts[i]);
  put_u32 (out, body.steps->len);
  for (guint i = 0; i < body.steps->len; i++)
    put_text (out, g_ptr_array_index (body.steps, i));
  put_u32 (out, body.cautions->len);
  for (guint i = 0; i < body.cautions->len; i++)
    put_text (out, g_ptr_array_index (body.cautions, i));
  put_opt_str (out, body.figure_xml);
  if (owned)
    _limber_exercise_body_clear (&body);
  len = out->len - start;
  memcpy (out->data + start - 4, &len, 4);
  return start;
}

static guint
put_exercise (GByteArray     *out,
              LimberExercise *ex)
{
  const LimberDosage *dosage = limber_exercise_get_dosage (ex);
  const char * const *tissues = limber_exercise_get_tissues (ex);
  guint8 side = dosage->side, written_for = limber_exercise_get_written_for (ex);

  put_str (out, limber_exercise_get_id (ex));
  put_u64 (out, (guint64) MAX (limber_exercise_get_line (ex), 0));
  g_byte_array_append (out, &written_for, 1);
  put_text (out, limber_exercise_peek_text (ex, LIMBER_EXERCISE_NAME));
  for (LimberVocabulary kind = 0; kind < LIMBER_VOCABULARY_N_KINDS; kind++)
    put_u64 (out, limber_exercise_get_words (ex, kind));
  put_u32 (out, g_strv_length ((GStrv) tissues));
  for (guint i = 0; tissues[i] != NULL; i++)
    put_str (out, tissues[i]);
  put_u32 (out, dosage->set);
  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    put_u32 (out, (guint32) dosage->value[i]);
  g_byte_array_append (out, &side, 1);
  put_opt_str (out, limber_exercise_get_image_src (ex));
  put_opt_str (out, limber_exercise_get_image_alt (ex));
  return put_body (out, ex);
}

/* The payload goes out a megabyte at a time (a whole 25,000-exercise
 * cache in memory would be 76 MB more at the window's peak). */
typedef gboolean (*Sink) (const guint8 *data,
                          gsize         len,
                          gpointer      user_data,
                          GError      **error);

/* With @places (the payload starting at @base in the file): where each
 * exercise's block of other texts went. */
static gboolean
put_payload (GPtrArray  *exercises,
             Sink        sink,
             gpointer    user_data,
             GArray     *places,
             guint64     base,
             GError    **error)
{
  g_autoptr(GByteArray) buf = g_byte_array_sized_new (1024 * 1024 + 64 * 1024);
  guint64 sunk = 0;

  put_u32 (buf, exercises->len);
  for (guint i = 0; i < exercises->len; i++)
    {
      guint start = put_exercise (buf, g_ptr_array_index (exercises, i));

      if (places != NULL)
        {
          const guint8 *block = buf->data + start;
          guint32 len = buf->len - start;
          BodyPlace place = { base + sunk + start, len, limber_catalog_cache_checksum (block, len),
                              block_reads (block, len) };

          g_array_append_val (places, place);
        }
      if (buf->len >= 1024 * 1024 || i + 1 == exercises->len)
        {
          if (!sink (buf->data, buf->len, user_data, error))
            return FALSE;
          sunk += buf->len;
          g_byte_array_set_size (buf, 0);
        }
    }
  return buf->len == 0 || sink (buf->data, buf->len, user_data, error);
}

static gboolean
sink_hash (const guint8 *data,
           gsize         len,
           gpointer      user_data,
           GError      **error)
{
  hasher_update (user_data, data, len);
  return TRUE;
}

static gboolean
sink_bytes (const guint8 *data,
            gsize         len,
            gpointer      user_data,
            GError      **error)
{
  g_byte_array_append (user_data, data, len);
  return TRUE;
}

static gboolean
sink_file (const guint8 *data,
           gsize         len,
           gpointer      user_data,
           GError      **error)
{
  return limber_atomic_file_write (user_data, data, len, error);
}

/* The header, once a first pass over the payload gave its size and sum. */
static void
make_header (guint8      header[HEADER_SIZE],
             const char *key,
             GPtrArray  *exercises)
{
  guint32 format = LIMBER_CATALOG_CACHE_FORMAT, key_len = strlen (key);
  guint64 payload_len, sum;
  Hasher hs;

  hasher_init (&hs);
  hasher_update (&hs, (const guint8 *) key, key_len);
  put_payload (exercises, sink_hash, &hs, NULL, 0, NULL);
  payload_len = hs.total - key_len;
  sum = hasher_finish (&hs);
  memcpy (header, MAGIC, 8);
  memcpy (header + 8, &format, 4);
  memcpy (header + 12, &key_len, 4);
  memcpy (header + 16, &payload_len, 8);
  memcpy (header + 24, &sum, 8);
}

/**
 * limber_catalog_cache_serialize:
 *
 * Returns: (transfer full): the whole cache file for @exercises (one
 *   source's, in its order) under @key
 */
GBytes *
limber_catalog_cache_serialize (const char *key,
                                GPtrArray  *exercises)
{
  GByteArray *out = g_byte_array_new ();
  guint8 header[HEADER_SIZE];

  make_header (header, key, exercises);
  g_byte_array_append (out, header, HEADER_SIZE);
  g_byte_array_append (out, (const guint8 *) key, strlen (key));
  put_payload (exercises, sink_bytes, out, NULL, 0, NULL);
  return g_byte_array_free_to_bytes (out);
}

static int open_cache (GFile *file);
static LimberCacheFile *cache_file_new (int fd);

/* The cache just written is the file the exercises' packed texts are
 * in too: they give those up and read them from it (if it is still
 * the file written: its header and key are checked, each block's
 * checksum when read). */
static void
move_bodies (GFile       *file,
             const guint8 header[HEADER_SIZE],
             const char  *key,
             GPtrArray   *exercises,
             GArray      *places)
{
  gsize key_len = strlen (key);
  g_autofree guint8 *head = g_malloc (HEADER_SIZE + key_len);
  int fd = open_cache (file);
  LimberCacheFile *cache;

  if (fd < 0)
    return;
  if (pread (fd, head, HEADER_SIZE + key_len, 0) != (gssize) (HEADER_SIZE + key_len)
      || memcmp (head, header, HEADER_SIZE) != 0 || memcmp (head + HEADER_SIZE, key, key_len) != 0)
    {
      close (fd);
      return;
    }
  if ((cache = cache_file_new (fd)) == NULL)
    {
      close (fd);
      return;
    }
  for (guint i = 0; i < exercises->len; i++)
    {
      BodyPlace *place = &g_array_index (places, BodyPlace, i);

      if (place->reads)
        _limber_exercise_move_body (g_ptr_array_index (exercises, i), cache, place->at, place->len, place->sum);
    }
  _limber_cache_file_unref (cache);
}

/**
 * limber_catalog_cache_store:
 *
 * Writes the cache of @source atomically (limber-atomic.c), a megabyte
 * at a time, creating @cache_dir if need be.  Then @exercises read
 * their texts from it, as if loaded from it, and no longer hold them
 * packed (those unpacked already keep them).
 */
gboolean
limber_catalog_cache_store (GFile      *cache_dir,
                            GFile      *source,
                            const char *key,
                            GPtrArray  *exercises,
                            GError    **error)
{
  g_autoptr(GFile) file = limber_catalog_cache_file (cache_dir, source);
  g_autoptr(LimberAtomicFile) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) places = NULL;
  guint8 header[HEADER_SIZE];

  if (g_file_peek_path (file) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "the cache folder is not local");
      return FALSE;
    }
  if (!g_file_make_directory_with_parents (cache_dir, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  make_header (header, key, exercises);
  out = limber_atomic_file_new (g_file_peek_path (file), error);
  places = g_array_sized_new (FALSE, FALSE, sizeof (BodyPlace), exercises->len);
  if (out == NULL
      || !limber_atomic_file_write (out, header, HEADER_SIZE, error)
      || !limber_atomic_file_write (out, key, strlen (key), error)
      || !put_payload (exercises, sink_file, out, places, HEADER_SIZE + strlen (key), error)
      || !limber_atomic_file_commit (out, error))
    return FALSE;
  move_bodies (file, header, key, exercises, places);
  return TRUE;
}

/* ---- Reading: nothing is believed until checked ----------------------- */

typedef struct
{
  const guint8 *p;
  const guint8 *end;
  gboolean      ok;
  const guint8 *mapped;    /* the mapping's start, or NULL if not mapped */
  const guint8 *dropped;   /* pages before this are given back */
  LimberCacheFile *file;   /* the file mapped: texts are read from it later */
} Reader;

#define DROP_STEP (4u * 1024 * 1024)

/* A mapped cache's pages count in the process's memory once read: give
 * back those already read (they are the file's, read again if need be),
 * or a warm start would hold the whole 76 MB file at its peak. */
static void
drop_behind (const guint8  *mapped,
             const guint8 **dropped,
             const guint8  *upto)
{
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  const guint8 *end;

  if (mapped == NULL || upto - *dropped < (gssize) DROP_STEP)
    return;
  end = mapped + ((gsize) (upto - mapped) / page) * page;
  if (end > *dropped)
    {
      madvise ((void *) *dropped, end - *dropped, MADV_DONTNEED);
      *dropped = end;
    }
}

static gboolean
take (Reader        *r,
      gsize          n,
      const guint8 **out)
{
  if (!r->ok || (gsize) (r->end - r->p) < n)
    {
      r->ok = FALSE;
      return FALSE;
    }
  *out = r->p;
  r->p += n;
  return TRUE;
}

static guint32
get_u32 (Reader *r)
{
  const guint8 *p;
  guint32 v = 0;

  if (take (r, 4, &p))
    memcpy (&v, p, 4);
  return v;
}

static guint64
get_u64 (Reader *r)
{
  const guint8 *p;
  guint64 v = 0;

  if (take (r, 8, &p))
    memcpy (&v, p, 8);
  return v;
}

static guint8
get_u8 (Reader *r)
{
  const guint8 *p;

  return take (r, 1, &p) ? *p : 0;
}

/* A count of things each at least @min_size bytes: never more than the
 * bytes left could hold, so a huge count fails here, not in malloc. */
static guint32
get_count (Reader *r,
           gsize   min_size)
{
  guint32 n = get_u32 (r);

  if (r->ok && n > (gsize) (r->end - r->p) / min_size)
    r->ok = FALSE;
  return r->ok ? n : 0;
}

/* A string: its length in bounds, UTF-8, no NUL inside. */
static char *
get_str (Reader *r)
{
  guint32 len = get_u32 (r);
  const guint8 *p;

  if (!take (r, len, &p))
    return NULL;
  if (!g_utf8_validate_len ((const char *) p, len, NULL))
    {
      r->ok = FALSE;
      return NULL;
    }
  return g_strndup ((const char *) p, len);
}

static char *
get_opt_str (Reader *r)
{
  guint8 present = get_u8 (r);

  if (present > 1)
    r->ok = FALSE;
  return present == 1 ? get_str (r) : NULL;
}

static gboolean
is_lang (const char *lang)
{
  if (lang == NULL || *lang == '\0' || strlen (lang) > 35)
    return FALSE;
  for (const char *p = lang; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
has_lang (const LimberText *text,
          const char       *lang)
{
  for (guint i = 0; i < limber_text_get_n (text); i++)
    if (g_ascii_strcasecmp (limber_text_nth_lang (text, i), lang) == 0)
      return TRUE;
  return FALSE;
}

/* A text in one or more languages, each once. */
static LimberText *
get_text (Reader   *r,
          gboolean  need_one)
{
  g_autoptr(LimberText) text = limber_text_new ();
  guint32 n = get_count (r, 8);

  if (need_one && n == 0)
    r->ok = FALSE;
  for (guint32 i = 0; i < n && r->ok; i++)
    {
      g_autofree char *lang = get_str (r);
      g_autofree char *value = get_str (r);

      if (!r->ok || !is_lang (lang) || has_lang (text, lang))
        {
          r->ok = FALSE;
          break;
        }
      limber_text_set (text, lang, value);
    }
  return r->ok ? g_steal_pointer (&text) : NULL;
}

static GPtrArray *
get_text_list (Reader *r)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_text_free);
  guint32 n = get_count (r, 4);

  for (guint32 i = 0; i < n && r->ok; i++)
    {
      LimberText *text = get_text (r, TRUE);

      if (text != NULL)
        g_ptr_array_add (list, text);
    }
  return r->ok ? g_steal_pointer (&list) : NULL;
}

/* Lower-case letters joined by single dashes, as the XML reader wants. */
static gboolean
is_tissue (const char *tissue)
{
  return tissue != NULL && limber_is_valid_id (tissue) && strpbrk (tissue, "0123456789") == NULL;
}

static gboolean
get_words (Reader              *r,
           LimberExerciseParts *parts)
{
  for (LimberVocabulary kind = 0; kind < LIMBER_VOCABULARY_N_KINDS; kind++)
    {
      guint count = limber_vocabulary_count (kind);

      parts->words[kind] = get_u64 (r);
      if (count < 64 && (parts->words[kind] >> count) != 0)
        r->ok = FALSE;
    }
  return r->ok && parts->words[LIMBER_VOCABULARY_REGION] != 0;
}

static gboolean
get_tissues (Reader              *r,
             LimberExerciseParts *parts)
{
  guint32 n = get_count (r, 5);

  parts->tissues = g_ptr_array_new_with_free_func (g_free);
  for (guint32 i = 0; i < n && r->ok; i++)
    {
      char *tissue = get_str (r);

      if (!is_tissue (tissue))
        {
          g_free (tissue);
          r->ok = FALSE;
          break;
        }
      g_ptr_array_add (parts->tissues, tissue);
    }
  return r->ok && parts->tissues->len > 0;
}

static gboolean
get_dosage (Reader       *r,
            LimberDosage *dosage)
{
  dosage->set = get_u32 (r);
  if (dosage->set >> LIMBER_DOSAGE_N_FIELDS)
    r->ok = FALSE;
  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    {
      int min, max;

      dosage->value[i] = (int) get_u32 (r);
      limber_dosage_field_bounds (i, &min, &max);
      if (!(dosage->set & (1u << i)))
        dosage->value[i] = 0;
      else if (dosage->value[i] < min || dosage->value[i] > max)
        r->ok = FALSE;
    }
  dosage->side = get_u8 (r);
  if (dosage->side > LIMBER_SIDE_BOTH)
    r->ok = FALSE;
  return r->ok;
}

/* The texts but the name, steps, cautions and figure XML. */
static gboolean
get_body (Reader             *r,
          LimberExerciseBody *body)
{
  *body = (LimberExerciseBody) { { NULL } };
  for (guint i = LIMBER_EXERCISE_NAME + 1; i < LIMBER_EXERCISE_N_TEXTS && r->ok; i++)
    body->texts[i] = get_text (r, FALSE);
  if (r->ok)
    body->steps = get_text_list (r);
  if (r->ok)
    body->cautions = get_text_list (r);
  if (r->ok)
    body->figure_xml = get_opt_str (r);
  if (r->ok && body->figure_xml != NULL && !g_str_has_prefix (body->figure_xml, "<figure"))
    r->ok = FALSE;
  if (!r->ok || r->p != r->end)
    {
      r->ok = FALSE;
      _limber_exercise_body_clear (body);
    }
  return r->ok;
}

/* Whether a block the writer made reads back. */
static gboolean
block_reads (const guint8 *block,
             guint32       len)
{
  Reader r = { block, block + len, TRUE, NULL, NULL, NULL };
  LimberExerciseBody body;

  if (!get_body (&r, &body))
    return FALSE;
  _limber_exercise_body_clear (&body);
  return TRUE;
}

/* The block of an exercise's other texts: checked now, then kept, or
 * only where it is when the file is there to read it again. */
static gboolean
get_body_block (Reader              *r,
                LimberExerciseParts *parts)
{
  guint32 len = get_u32 (r);
  const guint8 *p;
  LimberExerciseBody body;
  Reader sub;

  if (!take (r, len, &p))
    return FALSE;
  sub = (Reader) { p, p + len, TRUE, NULL, NULL, NULL };
  if (r->file != NULL)
    {
      parts->body_file = _limber_cache_file_ref (r->file);
      parts->body_at = p - r->mapped;
      parts->body_len = len;
      /* Summed before it is checked: what is read again later is
       * checked again, and the sum finds a file changed meanwhile. */
      parts->body_sum = limber_catalog_cache_checksum (p, len);
    }
  if (!get_body (&sub, &body))
    {
      r->ok = FALSE;
      return FALSE;
    }
  if (r->file != NULL)
    {
      _limber_exercise_body_clear (&body);
      return TRUE;
    }
  for (guint i = LIMBER_EXERCISE_NAME + 1; i < LIMBER_EXERCISE_N_TEXTS; i++)
    parts->texts[i] = g_steal_pointer (&body.texts[i]);
  parts->steps = g_steal_pointer (&body.steps);
  parts->cautions = g_steal_pointer (&body.cautions);
  parts->figure_xml = g_steal_pointer (&body.figure_xml);
  return TRUE;
}

static LimberExercise *
get_exercise (Reader     *r,
              const char *display_name)
{
  LimberExerciseParts parts = { 0 };
  guint64 line;
  guint8 written_for;

  drop_behind (r->mapped, &r->dropped, r->p);

  parts.id = get_str (r);
  line = get_u64 (r);
  written_for = get_u8 (r);
  if (!r->ok || !limber_is_valid_id (parts.id) || line > G_MAXINT || written_for > LIMBER_SIDE_BOTH)
    goto bad;
  parts.line = (long) line;
  parts.written_for = written_for;
  if ((parts.texts[LIMBER_EXERCISE_NAME] = get_text (r, TRUE)) == NULL)
    goto bad;
  if (!get_words (r, &parts) || !get_tissues (r, &parts) || !get_dosage (r, &parts.dosage))
    goto bad;
  parts.image_src = get_opt_str (r);
  parts.image_alt = get_opt_str (r);
  if (!r->ok || (parts.image_src != NULL && !limber_image_src_is_safe (parts.image_src))
      || !get_body_block (r, &parts))
    goto bad;
  return _limber_exercise_new_from_parts (&parts, display_name);

bad:
  r->ok = FALSE;
  _limber_exercise_parts_clear (&parts);
  return NULL;
}

/* The checksum of a mapped file, giving back each piece once summed. */
static guint64
checksum_dropping (const guint8 *data,
                   gsize         size,
                   const guint8 *mapped)
{
  const guint8 *dropped = mapped;
  Hasher hs;

  hasher_init (&hs);
  for (gsize at = HEADER_SIZE; at < size; at += DROP_STEP)
    {
      hasher_update (&hs, data + at, MIN (DROP_STEP, size - at));
      drop_behind (mapped, &dropped, data + MIN (at + DROP_STEP, size));
    }
  return hasher_finish (&hs);
}

static GPtrArray *
parse_cache (GBytes          *bytes,
             const char      *key,
             const char      *display_name,
             gboolean         mapped,
             LimberCacheFile *file)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(GHashTable) ids = NULL;
  guint32 format, key_len, n;
  guint64 payload_len, sum;
  Reader r;

  if (data == NULL || size < HEADER_SIZE || memcmp (data, MAGIC, 8) != 0)
    return NULL;
  memcpy (&format, data + 8, 4);
  memcpy (&key_len, data + 12, 4);
  memcpy (&payload_len, data + 16, 8);
  memcpy (&sum, data + 24, 8);
  if (format != LIMBER_CATALOG_CACHE_FORMAT || key_len != strlen (key)
      || key_len > size - HEADER_SIZE || payload_len != size - HEADER_SIZE - key_len
      || memcmp (data + HEADER_SIZE, key, key_len) != 0
      || checksum_dropping (data, size, mapped ? data : NULL) != sum)
    return NULL;

  r = (Reader) { data + HEADER_SIZE + key_len, data + size, TRUE, mapped ? data : NULL, data, file };
  n = get_count (&r, 64);
  exercises = g_ptr_array_new_full (n, g_object_unref);
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint32 i = 0; i < n && r.ok; i++)
    {
      LimberExercise *ex = get_exercise (&r, display_name);

      if (ex == NULL)
        break;
      g_ptr_array_add (exercises, ex);
      /* Ids are unique within a file, as the XML reader makes sure. */
      if (!g_hash_table_add (ids, (gpointer) limber_exercise_get_id (ex)))
        r.ok = FALSE;
    }
  if (!r.ok || r.p != r.end)
    return NULL;
  return g_steal_pointer (&exercises);
}

/**
 * limber_catalog_cache_parse:
 * @bytes: a whole cache file
 * @key: the key the source has now
 *
 * Returns: (transfer full) (nullable): the exercises, or %NULL if the
 *   file is not a good cache for @key (damaged, foreign, stale)
 */
GPtrArray *
limber_catalog_cache_parse (GBytes     *bytes,
                            const char *key,
                            const char *display_name)
{
  return parse_cache (bytes, key, display_name, FALSE, NULL);
}

/* ---- The open file exercises read their texts from ------------------ */

struct _LimberCacheFile
{
  gatomicrefcount rc;
  int             fd;
  gint            said;   /* that it changed: once */
  /* Once it changed: its source's exercises, read again from the XML
   * (limber-cache-fallback.c), or NULL if that failed.  Under the
   * exercises' body lock. */
  GHashTable     *source;
  gboolean        source_read;
};

/* Each catalog file loaded from (or just written to) its cache keeps
 * the cache open.  Past this many (a clinic with that many catalog
 * files), the others hold their texts packed, as if read from XML: a
 * process has 1,024 file descriptors, and the window needs some. */
#define MAX_OPEN_CACHES 64

static gint n_open;

/* Returns: (nullable): NULL if too many are open (then @fd is the
 * caller's to close) */
static LimberCacheFile *
cache_file_new (int fd)
{
  LimberCacheFile *file;

  if (g_atomic_int_add (&n_open, 1) >= MAX_OPEN_CACHES)
    {
      g_atomic_int_add (&n_open, -1);
      return NULL;
    }
  file = g_new0 (LimberCacheFile, 1);
  g_atomic_ref_count_init (&file->rc);
  file->fd = fd;
  return file;
}

LimberCacheFile *
_limber_cache_file_ref (LimberCacheFile *file)
{
  g_atomic_ref_count_inc (&file->rc);
  return file;
}

void
_limber_cache_file_unref (LimberCacheFile *file)
{
  if (file != NULL && g_atomic_ref_count_dec (&file->rc))
    {
      close (file->fd);
      g_clear_pointer (&file->source, g_hash_table_unref);
      g_free (file);
      g_atomic_int_add (&n_open, -1);
    }
}

/* An exercise's block, as loaded: FALSE if it no longer is. */
static gboolean
read_body (LimberCacheFile    *file,
           guint64             at,
           guint32             len,
           guint64             sum,
           LimberExerciseBody *body)
{
  g_autofree guint8 *buf = g_malloc (MAX (len, 1));
  gsize got = 0;
  Reader r;

  *body = (LimberExerciseBody) { { NULL } };
  while (got < len)
    {
      gssize n = pread (file->fd, buf + got, len - got, (off_t) (at + got));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      got += n;
    }
  if (limber_catalog_cache_checksum (buf, len) != sum)
    return FALSE;
  r = (Reader) { buf, buf + len, TRUE, NULL, NULL, NULL };
  return get_body (&r, body);
}

/**
 * _limber_cache_file_read_body:
 * @body: (out caller-allocates): the texts, to free with
 *   _limber_exercise_body_clear()
 *
 * Reads an exercise's other texts again from its cache file, where it
 * was loaded from, and checks them as loading did.
 *
 * Returns: %FALSE if they are not what was loaded (the file was cut
 *   short or changed since; said once a file, naming @display_name,
 *   the catalog file): then @body is empty
 */
gboolean
_limber_cache_file_read_body (LimberCacheFile    *file,
                              guint64             at,
                              guint32             len,
                              guint64             sum,
                              const char         *display_name,
                              LimberExerciseBody *body)
{
  if (read_body (file, at, len, sum, body))
    return TRUE;
  if (g_atomic_int_compare_and_exchange (&file->said, FALSE, TRUE))
    g_warning ("The catalog cache of %s changed since it was read: the texts of its stretches not "
               "shown yet are read again from the catalog file", display_name);
  return FALSE;
}

/**
 * _limber_cache_file_lookup_source:
 * @display_name: the catalog file the cache was made from
 *
 * Once the cache file no longer holds the texts it was loaded with:
 * the exercise @id as the catalog file has it now, read again (checked
 * as loading checks it) the first time any exercise of @file asks.
 * Call with the exercises' body lock held.
 *
 * Returns: (transfer none) (nullable): the exercise, its texts packed;
 *   %NULL if the catalog file no longer reads or has no @id (a file
 *   that does not read is said once)
 */
LimberExercise *
_limber_cache_file_lookup_source (LimberCacheFile *file,
                                  const char      *display_name,
                                  const char      *id)
{
  if (!file->source_read)
    {
      file->source_read = TRUE;
      file->source = _limber_cache_fallback_read (display_name);
      if (file->source == NULL)
        g_warning ("The catalog file %s no longer reads as it did: the texts of its stretches not "
                   "shown yet are left out, with a caution, until the catalog is read again",
                   display_name);
    }
  return file->source != NULL ? g_hash_table_lookup (file->source, id) : NULL;
}

/* Opens the cache file, if it is a plain file of a sane size (not a
 * link, a folder or a device). */
static int
open_cache (GFile *file)
{
  const char *path = g_file_peek_path (file);

  if (path == NULL)
    return -1;
  return open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
}

/**
 * limber_catalog_cache_load_fd:
 * @fd: an open cache file; the exercises read their texts from it later
 *   (through a duplicate: @fd stays the caller's)
 *
 * Returns: (transfer full) (nullable): the exercises, or %NULL if the
 *   file is not a good cache for @key
 */
GPtrArray *
limber_catalog_cache_load_fd (int         fd,
                              const char *key,
                              const char *display_name)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  LimberCacheFile *file;
  GPtrArray *exercises;
  struct stat st;
  int own;

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size < HEADER_SIZE
      || (guint64) st.st_size > MAX_CACHE_SIZE)
    return NULL;
  mapped = g_mapped_file_new_from_fd (fd, FALSE, NULL);
  if (mapped == NULL || (own = fcntl (fd, F_DUPFD_CLOEXEC, 0)) < 0)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  if ((file = cache_file_new (own)) == NULL)
    close (own);
  exercises = parse_cache (bytes, key, display_name, TRUE, file);
  /* The exercises hold it now, if any. */
  _limber_cache_file_unref (file);
  return exercises;
}

/**
 * limber_catalog_cache_load:
 *
 * Returns: (transfer full) (nullable): @source's exercises from its
 *   cache, or %NULL when there is no good cache for @key
 */
GPtrArray *
limber_catalog_cache_load (GFile      *cache_dir,
                           GFile      *source,
                           const char *key,
                           const char *display_name)
{
  g_autoptr(GFile) file = limber_catalog_cache_file (cache_dir, source);
  int fd = open_cache (file);
  GPtrArray *exercises;

  if (fd < 0)
    return NULL;
  exercises = limber_catalog_cache_load_fd (fd, key, display_name);
  close (fd);
  if (exercises != NULL)
    g_atomic_int_inc (&hits);
  return exercises;
}

/* How many cache files were loaded (good ones) in this process. */
guint
limber_catalog_cache_get_hits (void)
{
  return g_atomic_int_get (&hits);
}
