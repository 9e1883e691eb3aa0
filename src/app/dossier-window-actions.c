/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-window-actions"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-application.h"
#include "dossier-reader-view-private.h"
#include "dossier-window-export.h"
#include "dossier-window-private.h"

/* The zoom steps, as in most GNOME readers: finer near 100%. */
static const double zoom_steps[] = {
  0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.35, 1.5, 1.7, 2.0, 2.4, 3.0,
};

static void
set_zoom (DossierWindow *self,
          double         zoom)
{
  g_settings_set_double (self->settings, "zoom",
                         CLAMP (zoom, DOSSIER_ZOOM_MIN, DOSSIER_ZOOM_MAX));
}

static void
dossier_window_zoom_in (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  double zoom = g_settings_get_double (self->settings, "zoom");

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    {
      if (zoom_steps[i] > zoom + 0.01)
        {
          set_zoom (self, zoom_steps[i]);
          return;
        }
    }
}

static void
dossier_window_zoom_out (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  double zoom = g_settings_get_double (self->settings, "zoom");

  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    {
      if (zoom_steps[i - 1] < zoom - 0.01)
        {
          set_zoom (self, zoom_steps[i - 1]);
          return;
        }
    }
}

static void
dossier_window_zoom_reset (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  set_zoom (DOSSIER_WINDOW (widget), 1.0);
}

static void
dossier_window_pick_article (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  _dossier_window_show_picker (DOSSIER_WINDOW (widget));
}

static void
dossier_window_find (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  dossier_reader_view_begin_find (DOSSIER_WINDOW (widget)->reader_view);
}

static void
dossier_window_find_next (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  dossier_reader_view_find_next (DOSSIER_WINDOW (widget)->reader_view);
}

static void
dossier_window_find_previous (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  dossier_reader_view_find_previous (DOSSIER_WINDOW (widget)->reader_view);
}

static void
on_open_response (DossierWindow        *self,
                  int                   response,
                  GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));

      if (array->len > 0)
        _dossier_window_open_files (self, (GFile **)array->pdata, array->len);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
}

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *mime_types,
            gboolean            select)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_types != NULL)
    {
      for (guint i = 0; mime_types[i]; i++)
        gtk_file_filter_add_mime_type (filter, mime_types[i]);
    }
  else
    gtk_file_filter_add_pattern (filter, "*");

  gtk_file_chooser_add_filter (chooser, filter);
  if (select)
    gtk_file_chooser_set_filter (chooser, filter);
}

static void
dossier_window_open (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;

  native = gtk_file_chooser_native_new (_("Open Clipping"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (native);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (chooser, TRUE);

  add_filter (chooser, _("Clippings"),
              (const char * const[]) { "text/plain", "text/html", "text/markdown", NULL },
              TRUE);
  add_filter (chooser, _("Plain Text"), (const char * const[]) { "text/plain", NULL }, FALSE);
  add_filter (chooser, _("Web Pages"), (const char * const[]) { "text/html", NULL }, FALSE);
  add_filter (chooser, _("Markdown"), (const char * const[]) { "text/markdown", NULL }, FALSE);
  add_filter (chooser, _("All Files"), NULL, FALSE);

  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }

  g_signal_connect_object (native, "response", G_CALLBACK (on_open_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static GFile *
new_clipping_file (GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "dossier", "clippings", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  /* Two pastes in the same second get different names. */
  for (guint i = 1; i < 1000; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (i == 1)
        name = g_strdup_printf ("clipping-%s.txt", stamp);
      else
        name = g_strdup_printf ("clipping-%s-%u.txt", stamp, i);

      path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_file_new_for_path (path);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("Too many clippings were pasted at once"));
  return NULL;
}

static void
open_saved_clipping (DossierWindow *self,
                     GFile         *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  /* Like any other file: here when the window is empty, else in a new one. */
  if (DOSSIER_IS_APPLICATION (app) && !dossier_window_is_empty (self))
    {
      DossierWindow *window = dossier_window_new (app);

      dossier_window_open_file (window, file);
      dossier_window_present_when_ready (window);
    }
  else
    dossier_window_open_file (self, file);
}

static void
save_clipping_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  GFile *file = G_FILE (object);
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (file, result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dossier_window_show_error (self, _("Could Not Save the Pasted Text"), error);
      return;
    }

  open_saved_clipping (self, file);
}

static void
read_clipboard_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean blank = TRUE;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);

  /* The window was closed, or another file opened meanwhile. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  for (const char *p = text; p && *p && blank; p = g_utf8_next_char (p))
    blank = g_unichar_isspace (g_utf8_get_char (p));

  if (blank)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("The clipboard holds no text to open")));
      return;
    }

  _dossier_window_save_clipping (self, text);
}

/**
 * _dossier_window_save_clipping:
 * @self: a #DossierWindow
 * @text: the text of an article, pasted or dropped
 *
 * Saves @text as a new clipping file in the user's data folder, then opens
 * it like any other file, so that notes have a file to belong to.
 */
void
_dossier_window_save_clipping (DossierWindow *self,
                               const char    *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  if (!(file = new_clipping_file (&error)))
    {
      _dossier_window_show_error (self, _("Could Not Save the Pasted Text"), error);
      return;
    }

  bytes = g_bytes_new (text, strlen (text));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                       self->cancellable, save_clipping_cb,
                                       g_object_ref (self));
}

static void
dossier_window_paste (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  gdk_clipboard_read_text_async (clipboard, self->cancellable, read_clipboard_cb,
                                 g_object_ref (self));
}

/* Ctrl+V pastes a new clipping, unless the focus is where text is typed
 * (the find entry): there it pastes as usual. */
static gboolean
paste_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (focus != NULL && GTK_IS_EDITABLE (focus))
    return FALSE;

  return gtk_widget_activate_action (widget, "win.paste", NULL);
}

static void
on_zoom_changed (DossierWindow *self,
                 const char    *key,
                 GSettings     *settings)
{
  _dossier_window_actions_update (self);
}

void
_dossier_window_actions_init (DossierWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut;

  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_v, GDK_CONTROL_MASK),
                               gtk_callback_action_new (paste_shortcut_cb, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);

  /* Before the focused widget: the text view would take Ctrl+V and, being
   * read-only, do nothing with it. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (self->settings, "changed::zoom",
                           G_CALLBACK (on_zoom_changed), self,
                           G_CONNECT_SWAPPED);
}

/**
 * _dossier_window_actions_update:
 * @self: a #DossierWindow
 *
 * Enables the actions that make sense in the window's state.
 */
void
_dossier_window_actions_update (DossierWindow *self)
{
  gboolean has_article = self->article != NULL;
  gboolean has_articles = self->articles != NULL &&
                          g_list_model_get_n_items (G_LIST_MODEL (self->articles)) > 1;
  double zoom = g_settings_get_double (self->settings, "zoom");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-next", has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-previous", has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in",
                                 has_article && zoom < DOSSIER_ZOOM_MAX - 0.01);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out",
                                 has_article && zoom > DOSSIER_ZOOM_MIN + 0.01);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset",
                                 has_article && !G_APPROX_VALUE (zoom, 1.0, 0.01));

  /* A file that holds several articles: back to their list. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pick-article", has_articles);
  gtk_widget_set_visible (self->articles_button, has_articles);

  /* Before the window's init has reached it, there is nothing to update. */
  if (self->export != NULL)
    _dossier_window_export_update (self);
}

void
_dossier_window_class_actions_init (DossierWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, dossier_window_open);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);

  gtk_widget_class_install_action (widget_class, "win.paste", NULL, dossier_window_paste);

  gtk_widget_class_install_action (widget_class, "win.pick-article", NULL, dossier_window_pick_article);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.pick-article", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.pick-article", NULL);

  gtk_widget_class_install_action (widget_class, "win.find", NULL, dossier_window_find);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);

  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, dossier_window_find_next);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, 0, "win.find-next", NULL);

  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, dossier_window_find_previous);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);

  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, dossier_window_zoom_in);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);

  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, dossier_window_zoom_out);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "win.zoom-out", NULL);

  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, dossier_window_zoom_reset);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}
