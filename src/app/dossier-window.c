/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-application.h"
#include "dossier-article.h"
#include "dossier-article-picker.h"
#include "dossier-importer.h"
#include "dossier-profile.h"
#include "dossier-reader-view.h"
#include "dossier-recent.h"
#include "dossier-window-analysis.h"
#include "dossier-window-export.h"
#include "dossier-window-notes.h"
#include "dossier-window-private.h"

/* A load that takes longer than this shows a spinner; quicker ones go
 * straight from the empty state to the article without a flash. */
#define LOADING_DELAY_MSEC 300

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

/**
 * _dossier_window_dup_display_name:
 * @file: a file
 *
 * Returns: (transfer full): the name of @file as shown to the user
 */
char *
_dossier_window_dup_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);
  g_autofree char *basename = NULL;

  if (path != NULL)
    return g_filename_display_basename (path);

  basename = g_file_get_basename (file);
  if (basename != NULL)
    return g_uri_unescape_string (basename, NULL);

  return g_file_get_uri (file);
}

/**
 * _dossier_window_show_error:
 * @self: a #DossierWindow
 * @heading: what failed, naming the file
 * @error: why
 *
 * Tells the user about a failure in a dialog over the window.
 */
void
_dossier_window_show_error (DossierWindow *self,
                            const char    *heading,
                            const GError  *error)
{
  GtkWidget *dialog;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_title (DossierWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *numbered = NULL;
  const char *title = NULL;
  const char *subtitle = NULL;

  if (self->file != NULL)
    name = _dossier_window_dup_display_name (self->file);

  /* The list of the articles in a file: the file's name, how many. */
  if (self->articles != NULL && name != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "picker") == 0)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u Article in This File",
                                                             "%u Articles in This File",
                                                             n),
                                                n);

      adw_window_title_set_title (self->window_title, name);
      adw_window_title_set_subtitle (self->window_title, count);
      gtk_window_set_title (GTK_WINDOW (self), name);
      return;
    }

  if (self->article != NULL)
    title = dossier_article_get_title (self->article);

  if (title != NULL && *title != '\0')
    subtitle = name;
  else if (name != NULL)
    title = name;
  else
    title = _("Dossier");

  /* One article of several: which. */
  if (subtitle != NULL && self->articles != NULL && self->article != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));

      /* Translators: the window's subtitle for one article of a file that
       * holds several: the file name, the article's number, how many */
      numbered = g_strdup_printf (_("%s (%u of %u)"), name, self->article_index + 1, n);
      subtitle = numbered;
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
present_if_waiting (DossierWindow *self)
{
  if (self->present_when_ready)
    {
      self->present_when_ready = FALSE;
      gtk_window_present (GTK_WINDOW (self));
    }
}

static void
stop_loading (DossierWindow *self)
{
  g_clear_handle_id (&self->loading_timeout, g_source_remove);
  g_clear_object (&self->loading_file);

  if (self->article != NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "reader");
  else if (self->articles != NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "picker");
  else
    gtk_stack_set_visible_child_name (self->main_stack, "empty");

  present_if_waiting (self);
}

/**
 * _dossier_window_get_clipping:
 * @self: a #DossierWindow
 *
 * The name the notes of the article shown go by: its file, or for the
 * second and later articles of a file that holds several, "FILE#N". The
 * notes store finds notes by path before it looks at the text, so the
 * articles of a database export would otherwise share one notes file.
 *
 * Returns: (transfer none) (nullable): the clipping, for its notes
 */
GFile *
_dossier_window_get_clipping (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->clipping ? self->clipping : self->file;
}

static GFile *
dup_article_clipping (GFile *file,
                      guint  index)
{
  g_autofree char *path = NULL;
  g_autofree char *numbered = NULL;

  /* The first article keeps the file's own name: notes written before
   * the file was known to hold several articles stay with it. */
  if (index == 0 || (path = g_file_get_path (file)) == NULL)
    return g_object_ref (file);

  numbered = g_strdup_printf ("%s#%u", path, index + 1);
  return g_file_new_for_path (numbered);
}

static void
show_article (DossierWindow  *self,
              GFile          *file,
              DossierArticle *article,
              guint           index)
{
  g_set_object (&self->file, file);
  g_set_object (&self->article, article);
  self->article_index = index;
  g_clear_object (&self->clipping);
  self->clipping = dup_article_clipping (file, index);

  dossier_reader_view_set_article (self->reader_view, article);
  _dossier_window_notes_article_shown (self);
  _dossier_window_analysis_article_shown (self);
  stop_loading (self);
  update_title (self);
  _dossier_window_actions_update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));

  _dossier_profile_article_shown (GTK_WIDGET (self->reader_view));
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  GFile *file = G_FILE (object);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  GFile *page;
  gboolean reloaded;

  articles = dossier_importer_load_file_finish (result, &error);
  _dossier_profile_mark ("file loaded");

  /* A newer load replaced this one, or the window went away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->loading_file != file)
    return;

  if (articles == NULL || articles->len == 0)
    {
      g_autofree char *name = _dossier_window_dup_display_name (file);
      /* Translators: a dialog heading, the file name in quotes */
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("No article was found in the file"));

      g_debug ("Could not open %s: %s", name, error->message);

      stop_loading (self);
      _dossier_window_actions_update (self);
      _dossier_window_show_error (self, heading, error);
      _dossier_profile_load_failed (error->message);
      return;
    }

  /* The folder of a page saved "complete": the page it belongs to. */
  if ((page = g_object_get_data (g_ptr_array_index (articles, 0), DOSSIER_IMPORT_FILE_KEY)))
    file = page;

  _dossier_recent_add (file);

  if (articles->len == 1)
    {
      g_clear_object (&self->articles);
      dossier_article_picker_set_articles (self->article_picker, NULL);
      show_article (self, file, g_ptr_array_index (articles, 0), 0);
      return;
    }

  /* Several articles (a database export): the same one again when the
   * file was reloaded, else the list to choose from. */
  reloaded = self->article != NULL && self->articles != NULL && self->file != NULL &&
             g_file_equal (self->file, file) && self->article_index < articles->len;

  g_clear_object (&self->articles);
  self->articles = g_list_store_new (DOSSIER_TYPE_ARTICLE);
  g_list_store_splice (self->articles, 0, 0, articles->pdata, articles->len);
  dossier_article_picker_set_articles (self->article_picker, G_LIST_MODEL (self->articles));

  if (reloaded)
    {
      show_article (self, file, g_ptr_array_index (articles, self->article_index),
                    self->article_index);
      return;
    }

  g_set_object (&self->file, file);
  g_clear_object (&self->article);
  g_clear_object (&self->clipping);
  self->article_index = 0;
  dossier_reader_view_set_article (self->reader_view, NULL);
  _dossier_window_notes_article_shown (self);
  _dossier_window_analysis_article_shown (self);
  stop_loading (self);
  _dossier_window_show_picker (self);
}

/**
 * _dossier_window_show_picker:
 * @self: a #DossierWindow
 *
 * Shows the list of the articles in the file, the one read last selected.
 */
void
_dossier_window_show_picker (DossierWindow *self)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  if (self->articles == NULL)
    return;

  dossier_article_picker_select (self->article_picker, self->article_index);
  gtk_stack_set_visible_child_name (self->main_stack, "picker");
  update_title (self);
  _dossier_window_actions_update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_picker));
}

static void
on_article_activated (DossierWindow        *self,
                      guint                 position,
                      DossierArticlePicker *picker)
{
  g_autoptr(DossierArticle) article = NULL;

  if (self->articles == NULL || self->file == NULL ||
      !(article = g_list_model_get_item (G_LIST_MODEL (self->articles), position)))
    return;

  if (article == self->article)
    {
      /* The one read before: back to it as it was. */
      gtk_stack_set_visible_child_name (self->main_stack, "reader");
      update_title (self);
      _dossier_window_actions_update (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
      return;
    }

  show_article (self, self->file, article, position);
}

static void
on_picker_cancelled (DossierWindow        *self,
                     DossierArticlePicker *picker)
{
  if (self->article != NULL)
    on_article_activated (self, self->article_index, picker);
}

static gboolean
show_loading_cb (gpointer user_data)
{
  DossierWindow *self = user_data;

  self->loading_timeout = 0;

  if (self->article == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "loading");

  present_if_waiting (self);

  return G_SOURCE_REMOVE;
}

/**
 * dossier_window_open_file:
 * @self: a #DossierWindow
 * @file: a clipping
 *
 * Loads @file in the background and shows its first article. Until it is
 * loaded the window keeps what it showed; if it cannot be loaded the user
 * is told why and the window stays as it was.
 */
void
dossier_window_open_file (DossierWindow *self,
                          GFile         *file)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->loading_file, file);

  if (self->loading_timeout == 0)
    self->loading_timeout = g_timeout_add (LOADING_DELAY_MSEC, show_loading_cb, self);

  _dossier_window_actions_update (self);

  dossier_importer_load_file_async (file, DOSSIER_IMPORT_NONE, self->cancellable,
                                    load_cb, g_object_ref (self));
}

/**
 * _dossier_window_open_files:
 * @self: a #DossierWindow
 * @files: (array length=n_files): clippings
 * @n_files: how many
 *
 * Opens the first file in @self and the others each in a window of its own.
 */
void
_dossier_window_open_files (DossierWindow  *self,
                            GFile         **files,
                            guint           n_files)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    {
      if (i == 0 || app == NULL)
        {
          dossier_window_open_file (self, files[i]);
        }
      else
        {
          DossierWindow *window = dossier_window_new (app);

          dossier_window_open_file (window, files[i]);
          dossier_window_present_when_ready (window);
        }
    }
}

GFile *
dossier_window_get_file (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->file;
}

DossierArticle *
dossier_window_get_article (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->article;
}

/**
 * dossier_window_is_empty:
 * @self: a #DossierWindow
 *
 * Returns: %TRUE when the window neither shows nor loads an article
 */
gboolean
dossier_window_is_empty (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  return self->article == NULL && self->loading_file == NULL;
}

gboolean
dossier_window_is_loading (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  return self->loading_file != NULL;
}

/**
 * dossier_window_present_when_ready:
 * @self: a #DossierWindow
 *
 * Presents @self once the file it loads is shown (or could not be), or
 * when the loading takes long enough to show a spinner. A window opened
 * for a file then appears with its article, drawn once instead of twice.
 */
void
dossier_window_present_when_ready (DossierWindow *self)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  if (self->loading_file == NULL)
    gtk_window_present (GTK_WINDOW (self));
  else
    self->present_when_ready = TRUE;
}

#define MAX_RECENT_ROWS 5

/* The empty state lists the last clippings read, from the same model as
 * the primary menu's Open Recent. */
static void
on_recent_changed (DossierWindow *self,
                   guint          position,
                   guint          removed,
                   guint          added,
                   GMenuModel    *model)
{
  guint n = g_menu_model_get_n_items (model);
  guint shown = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; i < n && shown < MAX_RECENT_ROWS; i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *location = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFile) parent = NULL;
      GtkWidget *row;

      if (!g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) ||
          !g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_TARGET, "s", &uri))
        continue;

      file = g_file_new_for_uri (uri);
      if ((parent = g_file_get_parent (file)))
        location = g_file_get_parse_name (parent);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (location != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), location);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "uri", g_steal_pointer (&uri), g_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }

  gtk_widget_set_visible (self->recent_box, shown > 0);
}

static void
on_recent_row_activated (DossierWindow *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = NULL;

  if (uri == NULL)
    return;

  file = g_file_new_for_uri (uri);
  dossier_window_open_file (self, file);
}

static gboolean
dossier_window_close_request (GtkWindow *window)
{
  DossierWindow *self = DOSSIER_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);

  /* Remember the size of the last window closed, not its maximized size. */
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  g_cancellable_cancel (self->cancellable);
  _dossier_window_notes_flush (self);

  return GTK_WINDOW_CLASS (dossier_window_parent_class)->close_request (window);
}

static gboolean
on_drop (DossierWindow *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      for (GSList *l = gdk_file_list_get_files (g_value_get_boxed (value)); l; l = l->next)
        g_ptr_array_add (files, l->data);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      g_ptr_array_add (files, g_value_get_object (value));
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_STRING) && g_value_get_string (value) != NULL)
    {
      /* Text dragged from a web page or an editor: a new clipping. */
      _dossier_window_save_clipping (self, g_value_get_string (value));
      return TRUE;
    }

  if (files->len == 0)
    return FALSE;

  _dossier_window_open_files (self, (GFile **)files->pdata, files->len);
  gtk_window_present (GTK_WINDOW (self));

  return TRUE;
}

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->loading_timeout, g_source_remove);
  _dossier_window_notes_dispose (self);
  _dossier_window_analysis_dispose (self);
  _dossier_window_export_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->file);
  g_clear_object (&self->loading_file);
  g_clear_object (&self->article);
  g_clear_object (&self->articles);
  g_clear_object (&self->clipping);

  G_OBJECT_CLASS (dossier_window_parent_class)->dispose (object);
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dossier_window_dispose;

  window_class->close_request = dossier_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, article_picker);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, articles_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, entity_flap);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, entity_sidebar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, notes_flap);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, notes_panel);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, reader_view);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, recent_submenu);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_article_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_cancelled);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, timeline_area);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, timeline_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, window_title);

  _dossier_window_class_actions_init (klass);
  _dossier_window_notes_class_init (klass);
  _dossier_window_analysis_class_init (klass);
  _dossier_window_export_class_init (klass);

  g_type_ensure (DOSSIER_TYPE_ARTICLE_PICKER);
  g_type_ensure (DOSSIER_TYPE_READER_VIEW);
}

static void
dossier_window_init (DossierWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = dossier_application_dup_settings ();
  self->cancellable = g_cancellable_new ();

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "zoom", self->reader_view, "zoom", G_SETTINGS_BIND_DEFAULT);

  g_menu_append_section (self->recent_submenu, NULL, _dossier_recent_get_menu ());
  g_signal_connect_object (_dossier_recent_get_menu (), "items-changed",
                           G_CALLBACK (on_recent_changed), self,
                           G_CONNECT_SWAPPED);
  on_recent_changed (self, 0, 0, 0, _dossier_recent_get_menu ());

  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target,
                              (GType[3]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE, G_TYPE_STRING }, 3);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->main_stack), GTK_EVENT_CONTROLLER (drop_target));

  _dossier_window_actions_init (self);
  _dossier_window_notes_init (self);
  _dossier_window_analysis_init (self);
  _dossier_window_export_init (self);
  update_title (self);
  _dossier_window_actions_update (self);

  _dossier_profile_mark ("window created");
}

DossierWindow *
dossier_window_new (GtkApplication *application)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (DOSSIER_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
