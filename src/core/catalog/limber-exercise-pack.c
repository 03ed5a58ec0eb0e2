/* limber-exercise-pack.c — the texts of a catalog exercise, packed
 *
 * A catalog of 25,000 exercises in four languages holds about 100 MB of
 * texts (summary, steps, pressure, cautions) and 20 MB of figure XML,
 * and the list shows only the names.  Each catalog exercise keeps those
 * texts deflated in one block, and unpacks them when first asked for
 * (the info dialog, a program, a handout, a drawn figure).  The block is
 * made here, in memory, from what was read and checked: it never comes
 * from a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-exercise"

#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <zlib.h>

#include "limber-exercise-private.h"

/* An 8 kB window: an exercise's texts are about that size in four
 * languages, and a small window makes the stream cheap to reset. */
#define WINDOW_BITS 13
#define MEM_LEVEL   8

static void
put_u32 (GByteArray *out,
         guint32     v)
{
  g_byte_array_append (out, (const guint8 *) &v, 4);
}

static void
put_text (GByteArray       *out,
          const LimberText *text)
{
  guint n = 0;
  gsize size = 0;
  const char *data = limber_text_peek_data (text, &n, &size);

  put_u32 (out, n);
  put_u32 (out, (guint32) size);
  g_byte_array_append (out, (const guint8 *) data, size);
}

static void
put_list (GByteArray *out,
          GPtrArray  *list)
{
  put_u32 (out, list->len);
  for (guint i = 0; i < list->len; i++)
    put_text (out, g_ptr_array_index (list, i));
}

static void
free_deflater (gpointer data)
{
  deflateEnd (data);
  g_free (data);
}

/* One deflate stream per thread, reset for each exercise: setting one
 * up costs more than packing an exercise. */
static z_stream *
get_deflater (void)
{
  static GPrivate deflater = G_PRIVATE_INIT (free_deflater);
  z_stream *z = g_private_get (&deflater);

  if (z == NULL)
    {
      z = g_new0 (z_stream, 1);
      if (deflateInit2 (z, Z_BEST_SPEED, Z_DEFLATED, -WINDOW_BITS, MEM_LEVEL, Z_DEFAULT_STRATEGY) != Z_OK)
        g_error ("Cannot set up zlib");
      g_private_set (&deflater, z);
    }
  else
    deflateReset (z);
  return z;
}

/* ---- Where packed blocks live ------------------------------------------
 *
 * Blocks of a megabyte, mapped on their own, each holding the packed
 * texts of a few hundred exercises made one after another, and given
 * back whole when none of them is held any more.  From malloc's heap,
 * a catalog's blocks would sit between its exercises' other small
 * allocations: freed (their texts moved to the cache file just written,
 * limber-catalog-cache.c) they would leave holes malloc cannot give
 * back, 55 MB of them at 25,000 exercises in four languages. */

#define CHUNK_SIZE    (1024 * 1024)
#define CHUNK_MAX_BLOCK (64 * 1024)   /* bigger ones: malloc */

typedef struct
{
  gatomicrefcount rc;
  gsize           used;
} Chunk;

/* Before each block: its chunk, or NULL for a block of its own. */
#define BLOCK_HEAD 16

static void
chunk_unref (Chunk *chunk)
{
  if (chunk != NULL && g_atomic_ref_count_dec (&chunk->rc))
    munmap (chunk, CHUNK_SIZE);
}

static Chunk *
chunk_new (void)
{
  Chunk *chunk = mmap (NULL, CHUNK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

  if (chunk == MAP_FAILED)
    return NULL;
  g_atomic_ref_count_init (&chunk->rc);   /* the thread filling it */
  chunk->used = (sizeof (Chunk) + 15) & ~(gsize) 15;   /* blocks 16-byte aligned */
  return chunk;
}

/* The chunk this thread fills: one per thread, as packing runs in the
 * catalog loader (a new one when full; the last one is given up when
 * the thread ends, or with its last block). */
static guint8 *
block_alloc (gsize len)
{
  static GPrivate filling = G_PRIVATE_INIT ((GDestroyNotify) chunk_unref);
  Chunk *chunk = g_private_get (&filling);
  gsize need = BLOCK_HEAD + ((len + 15) & ~(gsize) 15);
  guint8 *block;

  if (len <= CHUNK_MAX_BLOCK && (chunk == NULL || chunk->used + need > CHUNK_SIZE))
    {
      chunk = chunk_new ();
      g_private_replace (&filling, chunk);
    }
  if (len > CHUNK_MAX_BLOCK || chunk == NULL)
    {
      block = g_malloc (BLOCK_HEAD + len);
      memset (block, 0, BLOCK_HEAD);
      return block + BLOCK_HEAD;
    }
  block = (guint8 *) chunk + chunk->used;
  chunk->used += need;
  g_atomic_ref_count_inc (&chunk->rc);
  memcpy (block, &chunk, sizeof chunk);
  return block + BLOCK_HEAD;
}

/* Frees what _limber_exercise_body_pack() returned. */
void
_limber_exercise_packed_free (guint8 *packed)
{
  Chunk *chunk;

  if (packed == NULL)
    return;
  memcpy (&chunk, packed - BLOCK_HEAD, sizeof chunk);
  if (chunk != NULL)
    chunk_unref (chunk);
  else
    g_free (packed - BLOCK_HEAD);
}

/**
 * _limber_exercise_body_pack:
 * @len: (out): the block's size
 *
 * Returns: (transfer full): @body in one block: its unpacked size, then
 *   the deflated texts, steps, cautions and figure XML; free it with
 *   _limber_exercise_packed_free()
 */
guint8 *
_limber_exercise_body_pack (const LimberExerciseBody *body,
                            gsize                    *len)
{
  g_autoptr(GByteArray) raw = g_byte_array_sized_new (8192);
  g_autofree guint8 *out = NULL;
  guint8 *block;
  z_stream *z = get_deflater ();
  guint32 raw_len;
  gsize fig_len = body->figure_xml ? strlen (body->figure_xml) : 0;

  for (guint i = LIMBER_EXERCISE_NAME + 1; i < LIMBER_EXERCISE_N_TEXTS; i++)
    put_text (raw, body->texts[i]);
  put_list (raw, body->steps);
  put_list (raw, body->cautions);
  put_u32 (raw, body->figure_xml != NULL);
  put_u32 (raw, (guint32) fig_len);
  g_byte_array_append (raw, (const guint8 *) (body->figure_xml ? body->figure_xml : ""), fig_len);

  raw_len = raw->len;
  out = g_malloc (4 + deflateBound (z, raw->len));
  memcpy (out, &raw_len, 4);
  z->next_in = raw->data;
  z->avail_in = raw->len;
  z->next_out = out + 4;
  z->avail_out = deflateBound (z, raw->len);
  if (deflate (z, Z_FINISH) != Z_STREAM_END)
    g_error ("Cannot pack an exercise's texts");
  *len = 4 + z->total_out;
  block = block_alloc (*len);
  memcpy (block, out, *len);
  return block;
}

typedef struct
{
  const guint8 *p;
  const guint8 *end;
} Cursor;

static guint32
get_u32 (Cursor *c)
{
  guint32 v = 0;

  if (c->end - c->p >= 4)
    memcpy (&v, c->p, 4);
  c->p += 4;
  return v;
}

static LimberText *
get_text (Cursor *c)
{
  guint32 n = get_u32 (c);
  guint32 size = get_u32 (c);
  LimberText *text = limber_text_new_from_data (n, (const char *) c->p, size);

  c->p += size;
  return text;
}

static GPtrArray *
get_list (Cursor *c)
{
  guint32 n = get_u32 (c);
  GPtrArray *list = g_ptr_array_new_full (n, (GDestroyNotify) limber_text_free);

  for (guint32 i = 0; i < n; i++)
    g_ptr_array_add (list, get_text (c));
  return list;
}

/**
 * _limber_exercise_body_unpack:
 * @body: (out caller-allocates): filled with new texts; free them with
 *   _limber_exercise_body_clear()
 *
 * Unpacks what _limber_exercise_body_pack() made.
 */
void
_limber_exercise_body_unpack (const guint8       *packed,
                              gsize               len,
                              LimberExerciseBody *body)
{
  static GMutex lock;
  static z_stream z;
  static gboolean ready;
  guint32 raw_len;
  g_autofree guint8 *raw = NULL;
  Cursor c;
  int status;

  memcpy (&raw_len, packed, 4);
  raw = g_malloc (MAX (raw_len, 1));
  g_mutex_lock (&lock);
  if (!ready && inflateInit2 (&z, -WINDOW_BITS) != Z_OK)
    g_error ("Cannot set up zlib");
  if (ready)
    inflateReset (&z);
  ready = TRUE;
  z.next_in = (guint8 *) packed + 4;
  z.avail_in = len - 4;
  z.next_out = raw;
  z.avail_out = raw_len;
  status = inflate (&z, Z_FINISH);
  g_mutex_unlock (&lock);
  /* Made by this process from memory: anything else is a bug. */
  if (status != Z_STREAM_END)
    g_error ("An exercise's packed texts do not unpack (zlib: %d)", status);

  c = (Cursor) { raw, raw + raw_len };
  for (guint i = LIMBER_EXERCISE_NAME + 1; i < LIMBER_EXERCISE_N_TEXTS; i++)
    body->texts[i] = get_text (&c);
  body->steps = get_list (&c);
  body->cautions = get_list (&c);
  if (get_u32 (&c) == 1)
    {
      guint32 fig_len = get_u32 (&c);

      body->figure_xml = g_strndup ((const char *) c.p, fig_len);
      c.p += fig_len;
    }
  else
    {
      get_u32 (&c);
      body->figure_xml = NULL;
    }
  g_assert (c.p == c.end);
}

void
_limber_exercise_body_clear (LimberExerciseBody *body)
{
  for (guint i = 0; i < LIMBER_EXERCISE_N_TEXTS; i++)
    g_clear_pointer (&body->texts[i], limber_text_free);
  g_clear_pointer (&body->steps, g_ptr_array_unref);
  g_clear_pointer (&body->cautions, g_ptr_array_unref);
  g_clear_pointer (&body->figure_xml, g_free);
}

/* A body with no texts, steps, cautions or figure: what an exercise
 * keeps if its texts cannot be read again (limber-exercise.c). */
void
_limber_exercise_body_init_empty (LimberExerciseBody *body)
{
  *body = (LimberExerciseBody) { { NULL } };
  for (guint i = LIMBER_EXERCISE_NAME + 1; i < LIMBER_EXERCISE_N_TEXTS; i++)
    body->texts[i] = limber_text_new ();
  body->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_text_free);
  body->cautions = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_text_free);
}
