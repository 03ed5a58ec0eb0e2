/* main.c — start Limber
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "limber-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberApplication) app = NULL;

#ifdef __GLIBC__
  /* Reading a catalog frees a parsed exercise between two kept ones,
   * thousands of times; glibc's fast bins keep those small chunks from
   * ever being merged and returned, and a 12,000-exercise catalog left
   * 180 MB resident for 40 MB of data.  Without fast bins it leaves
   * 60 MB (tests/bench/bench-catalog.c does the same). */
  mallopt (M_MXFAST, 0);
#endif

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = limber_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
