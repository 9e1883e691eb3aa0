/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "dossier-application.h"
#include "dossier-profile.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(DossierApplication) app = NULL;

  _dossier_profile_init ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = dossier_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
