/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-application"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-application.h"
#include "dossier-profile.h"
#include "dossier-window.h"

struct _DossierApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (DossierApplication, dossier_application, ADW_TYPE_APPLICATION)

/**
 * dossier_application_dup_settings:
 *
 * Creates the application's #GSettings. When Dossier runs from its build
 * tree and the schema is not installed, the schema compiled next to the
 * build is used, so a fresh checkout runs without installing.
 *
 * Returns: (transfer full): a new #GSettings
 */
GSettings *
dossier_application_dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

#ifdef DOSSIER_BUILD_SCHEMA_DIR
  if (schema == NULL)
    {
      static GSettingsSchemaSource *build_source;

      if (build_source == NULL)
        build_source = g_settings_schema_source_new_from_directory (DOSSIER_BUILD_SCHEMA_DIR,
                                                                    source, FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, APP_ID, TRUE);
    }
#endif

  if (schema == NULL)
    g_error ("The GSettings schema %s is not installed", APP_ID);

  return g_settings_new_full (schema, NULL, NULL);
}

static DossierWindow *
get_reusable_window (DossierApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (DOSSIER_IS_WINDOW (window) && dossier_window_is_empty (DOSSIER_WINDOW (window)))
    return DOSSIER_WINDOW (window);

  return NULL;
}

/**
 * dossier_application_open_in_window:
 * @self: a #DossierApplication
 * @file: a clipping
 *
 * Opens @file in the active window when that window shows nothing yet,
 * otherwise in a new window.
 */
void
dossier_application_open_in_window (DossierApplication *self,
                                    GFile              *file)
{
  DossierWindow *window;

  g_return_if_fail (DOSSIER_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((window = get_reusable_window (self)))
    {
      dossier_window_open_file (window, file);
      gtk_window_present (GTK_WINDOW (window));
    }
  else
    {
      window = dossier_window_new (GTK_APPLICATION (self));
      dossier_window_open_file (window, file);
      dossier_window_present_when_ready (window);
    }
}

static void
dossier_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (dossier_window_new (GTK_APPLICATION (app)));

  gtk_window_present (window);
}

static void
dossier_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);

  /* One window per file: each clipping is read on its own. */
  for (int i = 0; i < n_files; i++)
    dossier_application_open_in_window (self, files[i]);
}

static void
apply_style_variant (DossierApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *variant = g_settings_get_string (self->settings, "style-variant");
  GAction *action;

  if (g_strcmp0 (variant, "dark") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else if (g_strcmp0 (variant, "light") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  if ((action = g_action_map_lookup_action (G_ACTION_MAP (self), "style")))
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (variant));
}

static void
on_style_variant_changed (DossierApplication *self,
                          const char         *key,
                          GSettings          *settings)
{
  apply_style_variant (self);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Close rather than quit so every window saves its state. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Dossier developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-icon", APP_ID,
                        "application-name", _("Dossier"),
                        "developer-name", _("The Dossier developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Read news clippings, see who is in them and when things happened"),
                        "developers", developers,
                        "copyright", "© 2026 The Dossier developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (user_data);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  DossierWindow *window = dossier_window_new (user_data);

  gtk_window_present (GTK_WINDOW (window));
}

static void
open_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (user_data);

  if (window == NULL)
    {
      window = GTK_WINDOW (dossier_window_new (user_data));
      gtk_window_present (window);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
}

static void
open_uri_activated (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  dossier_application_open_in_window (user_data, file);
}

static void
style_change_state (GSimpleAction *action,
                    GVariant      *value,
                    gpointer       user_data)
{
  DossierApplication *self = user_data;
  const char *variant = g_variant_get_string (value, NULL);

  if (g_strv_contains ((const char * const[]) { "default", "light", "dark", NULL }, variant))
    g_settings_set_string (self->settings, "style-variant", variant);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "shortcuts", shortcuts_activated },
  { "new-window", new_window_activated },
  { "open", open_activated },
  { "open-uri", open_uri_activated, "s" },
  { "style", NULL, "s", "'default'", style_change_state },
};

static void
dossier_application_startup (GApplication *app)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Control>n", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  _dossier_profile_mark ("startup");
  G_APPLICATION_CLASS (dossier_application_parent_class)->startup (app);
  _dossier_profile_mark ("GTK started");

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  self->settings = dossier_application_dup_settings ();
  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (on_style_variant_changed), self,
                           G_CONNECT_SWAPPED);
  apply_style_variant (self);
}

static void
dossier_application_shutdown (GApplication *app)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);

  g_clear_object (&self->settings);

  G_APPLICATION_CLASS (dossier_application_parent_class)->shutdown (app);
}

static void
dossier_application_class_init (DossierApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = dossier_application_activate;
  app_class->open = dossier_application_open;
  app_class->startup = dossier_application_startup;
  app_class->shutdown = dossier_application_shutdown;
}

static void
dossier_application_init (DossierApplication *self)
{
  g_set_application_name (_("Dossier"));
  gtk_window_set_default_icon_name (APP_ID);
}

DossierApplication *
dossier_application_new (void)
{
  return g_object_new (DOSSIER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
