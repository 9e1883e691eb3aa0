/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-recent"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "dossier-recent.h"

/* The recently opened clippings as a menu, shared by every window's primary
 * menu and rebuilt when GtkRecentManager changes. Items activate
 * app.open-uri with the file's URI. */

#define RECENT_APP_NAME "dossier"
#define MAX_RECENT      10

static GMenu *recent_menu;

static int
compare_by_visited (gconstpointer a,
                    gconstpointer b)
{
  GDateTime *va = gtk_recent_info_get_visited (*(GtkRecentInfo **)a);
  GDateTime *vb = gtk_recent_info_get_visited (*(GtkRecentInfo **)b);

  return -g_date_time_compare (va, vb);
}

static void
rebuild (GtkRecentManager *manager)
{
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();
  GList *items = gtk_recent_manager_get_items (manager);

  for (const GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_application (info, RECENT_APP_NAME) &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (ours, info);
    }

  g_ptr_array_sort (ours, compare_by_visited);

  g_menu_remove_all (recent_menu);

  for (guint i = 0; i < ours->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (ours, i);
      g_autoptr(GMenuItem) item = NULL;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "app.open-uri", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (recent_menu, item);
    }

  if (ours->len == 0)
    {
      /* An item without an action is shown insensitive: it explains the
       * empty submenu. */
      g_menu_append (recent_menu, _("No Recent Clippings"), "app.no-recent");
    }

  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
}

static gboolean
load_recent (gpointer user_data)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();

  g_signal_connect (manager, "changed", G_CALLBACK (rebuild), NULL);
  rebuild (manager);

  return G_SOURCE_REMOVE;
}

static gboolean
add_recent (gpointer user_data)
{
  g_autofree char *uri = user_data;
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *)"text/plain",
    .app_name = (char *)RECENT_APP_NAME,
    .app_exec = (char *)"dossier %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);

  return G_SOURCE_REMOVE;
}

/**
 * _dossier_recent_get_menu:
 *
 * Returns: (transfer none): the recent clippings menu
 */
GMenuModel *
_dossier_recent_get_menu (void)
{
  if (recent_menu == NULL)
    {
      recent_menu = g_menu_new ();
      g_menu_append (recent_menu, _("No Recent Clippings"), "app.no-recent");
      /* Reading the recent files list takes a while when it is long: do it
       * after the first window has been drawn. */
      g_idle_add_full (G_PRIORITY_LOW, load_recent, NULL, NULL);
    }

  return G_MENU_MODEL (recent_menu);
}

/**
 * _dossier_recent_add:
 * @file: a clipping that was opened
 *
 * Remembers @file in the user's recent files, as opened by Dossier.
 */
void
_dossier_recent_add (GFile *file)
{
  g_return_if_fail (G_IS_FILE (file));

  g_idle_add_full (G_PRIORITY_LOW, add_recent, g_file_get_uri (file), NULL);
}
