/* limber-paths.c — where Limber's files live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-paths"

#include "config.h"

#include "limber-paths.h"

/* $LIMBER_DATA_DIR wins so that a run from the build tree (meson devenv)
 * and the tests use the source tree's data without installing. */
const char *
limber_paths_data_dir (void)
{
  const char *dir = g_getenv ("LIMBER_DATA_DIR");

  return dir != NULL && *dir ? dir : PKGDATADIR;
}

GFile *
limber_paths_bundled_catalog (void)
{
  return g_file_new_build_filename (limber_paths_data_dir (), "catalog", NULL);
}

GFile *
limber_paths_user_catalog (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "limber", "catalog", NULL);
}

GFile *
limber_paths_drafts (void)
{
  const char *state = g_getenv ("XDG_STATE_HOME");

  if (state != NULL && g_path_is_absolute (state))
    return g_file_new_build_filename (state, "limber", "drafts", NULL);
  return g_file_new_build_filename (g_get_home_dir (), ".local", "state", "limber", "drafts", NULL);
}

GFile *
limber_paths_example (const char *name)
{
  return g_file_new_build_filename (limber_paths_data_dir (), "examples", name, NULL);
}

GFile *
limber_paths_templates (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "limber", "templates", NULL);
}

/* The catalog cache (limber-catalog-cache.c).  Read from the environment
 * each time, as for the drafts: GLib keeps its first answer. */
GFile *
limber_paths_catalog_cache (void)
{
  const char *cache = g_getenv ("XDG_CACHE_HOME");

  if (cache != NULL && g_path_is_absolute (cache))
    return g_file_new_build_filename (cache, "limber", NULL);
  return g_file_new_build_filename (g_get_home_dir (), ".cache", "limber", NULL);
}
