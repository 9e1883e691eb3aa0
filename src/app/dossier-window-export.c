/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-window-export"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-entity-sidebar.h"
#include "dossier-export.h"
#include "dossier-export-dialog.h"
#include "dossier-print-operation.h"
#include "dossier-timeline-view.h"
#include "dossier-window-analysis.h"
#include "dossier-window-export.h"
#include "dossier-window-notes.h"
#include "dossier-window-private.h"

/*
 * The window's side of getting a clipping out: win.export (a format from
 * DossierExportDialog, then a file from a save chooser), win.print and
 * win.export-pdf (DossierPrintOperation).
 *
 * An export is made of what the window shows at that moment: the article,
 * the document with its annotations and notes, and the entities and the
 * timeline once the analysis has finished. The exporters read those
 * main-thread objects, so the bytes are made here (the core exports
 * 100,000 annotations in well under the time a file chooser takes to
 * close); writing them, the part that can hang on a slow or remote disk,
 * runs in GIO's worker threads: g_file_replace_contents_bytes_async()
 * writes a temporary file and renames it over the destination, so a file
 * is complete or untouched. The user hears of the end in a toast, or of a
 * failure in a dialog with the file name and the reason.
 */

struct _DossierWindowExport
{
  GCancellable     *cancellable;
  GtkPrintSettings *print_settings;
  GFile            *folder;
  char             *format;
  guint             pending;
};

static DossierWindowExport *
get_export (DossierWindow *self)
{
  return self->export;
}

/* The bytes */

static GPtrArray *
dup_items (GListModel *model)
{
  GPtrArray *items;
  guint n;

  if (model == NULL)
    return NULL;

  n = g_list_model_get_n_items (model);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

static DossierDocument *
get_ready_document (DossierWindow  *self,
                    GError        **error)
{
  DossierDocument *document = _dossier_window_get_document (self);

  if (self->article == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("No clipping is open"));
      return NULL;
    }

  if (document == NULL || !_dossier_window_get_notes_ready (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("The notes of the clipping are still loading"));
      return NULL;
    }

  return document;
}

/**
 * _dossier_window_export_bytes:
 * @self: a #DossierWindow
 * @format: a format, as the command line names it ("markdown", "json"…)
 * @error: where to say why not
 *
 * Exports what @self shows: the article, its annotations and notes, and
 * the entities and the timeline when the analysis has finished.
 *
 * Returns: (transfer full): the file's contents, or %NULL
 */
GBytes *
_dossier_window_export_bytes (DossierWindow  *self,
                              const char     *format,
                              GError        **error)
{
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) timexes = NULL;
  DossierExportFormat core_format;
  DossierDocument *document;
  gboolean ready;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  g_return_val_if_fail (format != NULL, NULL);

  if (!(document = get_ready_document (self, error)))
    return NULL;

  /* The notes file as Dossier would store it now */
  if (g_str_equal (format, "json"))
    return dossier_document_serialize (document);

  if (!dossier_export_format_from_string (format, &core_format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Unknown format “%s”"), format);
      return NULL;
    }

  ready = _dossier_window_get_analysis_ready (self);
  if (!ready && dossier_export_dialog_format_needs_analysis (format))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("The analysis of the article has not finished yet"));
      return NULL;
    }

  if (ready && dossier_export_format_needs_entities (core_format))
    entities = dup_items (dossier_entity_sidebar_get_entities (_dossier_window_get_entity_sidebar (self)));
  if (ready && dossier_export_format_needs_timeline (core_format))
    timexes = dup_items (dossier_timeline_view_get_timexes (_dossier_window_get_timeline_view (self)));

  return dossier_export (core_format, self->article, document, entities, timexes, error);
}

/* Writing */

static void
replace_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
write_bytes_async (DossierWindow       *self,
                   GFile               *file,
                   GBytes              *bytes,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, write_bytes_async);

  /* No backup: the user chose to replace the file. */
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       cancellable, replace_cb, task);
}

/**
 * _dossier_window_export_async:
 * @self: a #DossierWindow
 * @format: a format, as the command line names it
 * @file: where to write it; replaced atomically if it exists
 * @cancellable: (nullable): to stop the write
 * @callback: called when the file is written, or could not be
 * @user_data: for @callback
 *
 * Exports what @self shows (see _dossier_window_export_bytes()) to @file.
 */
void
_dossier_window_export_async (DossierWindow       *self,
                              const char          *format,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (format != NULL);
  g_return_if_fail (G_IS_FILE (file));

  if (!(bytes = _dossier_window_export_bytes (self, format, &error)))
    {
      g_task_report_error (self, callback, user_data, _dossier_window_export_async,
                           g_steal_pointer (&error));
      return;
    }

  write_bytes_async (self, file, bytes, cancellable, callback, user_data);
}

gboolean
_dossier_window_export_finish (DossierWindow  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
report (DossierWindow *self,
        GFile         *file,
        const GError  *error)
{
  g_autofree char *name = _dossier_window_dup_display_name (file);

  if (error == NULL)
    {
      /* Translators: a toast, the file name in quotes */
      AdwToast *toast = adw_toast_new_format (_("Exported to “%s”"), name);

      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: a dialog heading, the file name in quotes */
      g_autofree char *heading = g_strdup_printf (_("Could Not Export to “%s”"), name);

      _dossier_window_show_error (self, heading, error);
    }
}

static void
export_to_file_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DossierWindow *self = DOSSIER_WINDOW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  DossierWindowExport *export = get_export (self);

  g_task_propagate_boolean (G_TASK (result), &error);

  /* The window is going away: nobody to tell. */
  if (export == NULL)
    return;

  export->pending--;
  report (self, file, error);
}

/**
 * _dossier_window_export_to_file:
 * @self: a #DossierWindow
 * @format: a format, as the command line names it
 * @file: where to write it
 *
 * Exports to @file and tells the user how it went: what the file chooser
 * of win.export leads to.
 */
void
_dossier_window_export_to_file (DossierWindow *self,
                                const char    *format,
                                GFile         *file)
{
  DossierWindowExport *export;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  export = get_export (self);
  export->pending++;
  _dossier_window_export_async (self, format, file, export->cancellable,
                                export_to_file_cb, g_object_ref (file));
}

/* Choosing the file */

/**
 * _dossier_window_export_suggest_name:
 * @self: a #DossierWindow
 * @suffix: what ends the name, ".md"
 *
 * Returns: (transfer full): a file name made of the article's title, else
 *   of the clipping's, and @suffix
 */
char *
_dossier_window_export_suggest_name (DossierWindow *self,
                                     const char    *suffix)
{
  g_autofree char *stem = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  const char *title = NULL;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  if (self->article != NULL)
    title = dossier_article_get_title (self->article);

  if (title != NULL && *title != '\0')
    stem = g_strdup (title);
  else if (self->file != NULL)
    {
      g_autofree char *basename = _dossier_window_dup_display_name (self->file);
      char *dot = strrchr (basename, '.');

      if (dot != NULL && dot != basename)
        *dot = '\0';
      stem = g_strdup (basename);
    }

  /* Characters that file systems or other desktops refuse become spaces;
   * runs of spaces one; the name is kept short. */
  for (const char *p = stem; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_isspace (c) || strchr ("/\\:*?\"<>|", c))
        c = ' ';
      if (c == ' ' && (name->len == 0 || name->str[name->len - 1] == ' '))
        continue;
      if (g_utf8_strlen (name->str, name->len) >= 80)
        break;
      g_string_append_unichar (name, c);
    }
  while (name->len > 0 && strchr (" .", name->str[name->len - 1]))
    g_string_truncate (name, name->len - 1);
  while (name->len > 0 && strchr (" .", name->str[0]))
    g_string_erase (name, 0, 1);

  if (name->len == 0)
    g_string_assign (name, _("Clipping"));

  g_string_append (name, suffix);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

typedef void (*ChosenFunc) (DossierWindow *self,
                            GFile         *file,
                            const char    *format);

static void
on_save_response (GtkNativeDialog *native,
                  int              response,
                  DossierWindow   *self)
{
  DossierWindowExport *export = get_export (self);
  ChosenFunc func = g_object_get_data (G_OBJECT (native), "chosen-func");
  const char *format = g_object_get_data (G_OBJECT (native), "format");

  if (response == GTK_RESPONSE_ACCEPT && export != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        {
          g_autoptr(GFile) folder = g_file_get_parent (file);

          g_set_object (&export->folder, folder);
          func (self, file, format);
        }
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
choose_file (DossierWindow *self,
             const char    *title,
             const char    *format,
             const char    *mime_type,
             const char    *suffix,
             ChosenFunc     func)
{
  DossierWindowExport *export = get_export (self);
  g_autofree char *name = _dossier_window_export_suggest_name (self, suffix);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (native);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (filter, dossier_export_dialog_get_format_label (format)
                                    ? dossier_export_dialog_get_format_label (format)
                                    : _("PDF Document"));
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, strrchr (suffix, '.') + 1);
  gtk_file_chooser_add_filter (chooser, filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, filter);

  if (export->folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, export->folder, NULL);
  else if (self->file != NULL && g_file_is_native (self->file))
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
  /* GTK 4's save chooser asks before replacing a file: nothing to set. */
  gtk_file_chooser_set_current_name (chooser, name);

  g_object_set_data (G_OBJECT (native), "chosen-func", func);
  g_object_set_data_full (G_OBJECT (native), "format", g_strdup (format), g_free);
  g_signal_connect_object (native, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* win.export */

static void
export_chosen (DossierWindow *self,
               GFile         *file,
               const char    *format)
{
  _dossier_window_export_to_file (self, format, file);
}

static void
on_dialog_export (DossierWindow       *self,
                  const char          *format,
                  DossierExportDialog *dialog)
{
  DossierWindowExport *export = get_export (self);
  DossierExportFormat core_format;
  const char *mime_type = "application/json";

  g_free (export->format);
  export->format = g_strdup (format);

  if (dossier_export_format_from_string (format, &core_format))
    mime_type = dossier_export_format_get_mime_type (core_format);

  choose_file (self, _("Export Clipping"), format, mime_type,
               dossier_export_dialog_get_format_suffix (format), export_chosen);
}

/* The analysis ends (the timeline is the last view it fills) while the
 * dialog is open: its formats can be chosen now. */
static void
on_timeline_loading (DossierExportDialog *dialog,
                     GParamSpec          *pspec,
                     DossierTimelineView *timeline)
{
  if (!dossier_timeline_view_get_loading (timeline))
    dossier_export_dialog_set_analysis_ready (dialog, TRUE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierWindowExport *export = get_export (self);
  GtkWidget *dialog;

  if (self->article == NULL)
    return;

  dialog = dossier_export_dialog_new (GTK_WINDOW (self));
  dossier_export_dialog_set_analysis_ready (DOSSIER_EXPORT_DIALOG (dialog),
                                            _dossier_window_get_analysis_ready (self));
  if (export->format != NULL)
    dossier_export_dialog_set_format (DOSSIER_EXPORT_DIALOG (dialog), export->format);
  g_signal_connect_object (dialog, "export", G_CALLBACK (on_dialog_export), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (_dossier_window_get_timeline_view (self), "notify::loading",
                           G_CALLBACK (on_timeline_loading), dialog, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.print and win.export-pdf */

static DossierPrintOperation *
create_print_operation (DossierWindow *self)
{
  DossierWindowExport *export = get_export (self);
  DossierPrintOperation *operation;

  operation = dossier_print_operation_new (self->article, _dossier_window_get_document (self));
  if (export->print_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation),
                                            export->print_settings);

  return operation;
}

static void
on_print_done (DossierWindow           *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  DossierWindowExport *export = get_export (self);
  g_autoptr(GError) error = NULL;

  if (export == NULL)
    return;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      /* The printer, the paper and the copies, for the next time */
      g_set_object (&export->print_settings, gtk_print_operation_get_print_settings (operation));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      const char *title = dossier_article_get_title (self->article);
      g_autofree char *heading = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (title != NULL && *title != '\0')
        /* Translators: a dialog heading, the clipping's title in quotes */
        heading = g_strdup_printf (_("Could Not Print “%s”"), title);
      else
        heading = g_strdup (_("Could Not Print the Clipping"));
      _dossier_window_show_error (self, heading, error);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(DossierPrintOperation) operation = NULL;

  if (self->article == NULL)
    return;

  operation = create_print_operation (self);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self,
                           G_CONNECT_SWAPPED);

  /* Errors come through ::done. */
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                           GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (self), NULL);
}

static void
pdf_written_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DossierWindow *self = DOSSIER_WINDOW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  DossierWindowExport *export = get_export (self);

  g_task_propagate_boolean (G_TASK (result), &error);

  if (export == NULL)
    return;

  export->pending--;
  report (self, file, error);
}

/* The PDF is rendered into a temporary file (GtkPrintOperation writes
 * only to a path), then written over @file like any other export. */
static GBytes *
render_pdf (DossierWindow  *self,
            GError        **error)
{
  g_autoptr(DossierPrintOperation) operation = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  GtkPrintOperationResult result;
  gsize length = 0;
  int fd;

  if (get_ready_document (self, error) == NULL)
    return NULL;

  fd = g_file_open_tmp ("dossier-print-XXXXXX.pdf", &path, error);
  if (fd < 0)
    return NULL;
  close (fd);

  operation = create_print_operation (self);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (self), error);

  /* The PDF is complete once its surface is gone, with the operation. */
  g_clear_object (&operation);
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    g_file_get_contents (path, &contents, &length, error);
  g_unlink (path);

  if (contents == NULL)
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/**
 * _dossier_window_export_pdf_to_file:
 * @self: a #DossierWindow
 * @file: where to write the PDF
 *
 * Prints the clipping to a PDF in @file and tells the user how it went:
 * what the file chooser of win.export-pdf leads to.
 */
void
_dossier_window_export_pdf_to_file (DossierWindow *self,
                                    GFile         *file)
{
  DossierWindowExport *export;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  export = get_export (self);
  if (!(bytes = render_pdf (self, &error)))
    {
      report (self, file, error);
      return;
    }

  export->pending++;
  write_bytes_async (self, file, bytes, export->cancellable, pdf_written_cb,
                     g_object_ref (file));
}

static void
pdf_chosen (DossierWindow *self,
            GFile         *file,
            const char    *format)
{
  _dossier_window_export_pdf_to_file (self, file);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->article == NULL)
    return;

  choose_file (self, _("Export as PDF"), "pdf", "application/pdf", ".pdf", pdf_chosen);
}

/* Set-up */

/**
 * _dossier_window_export_update:
 * @self: a #DossierWindow
 *
 * There is something to export, print or save as PDF once an article is
 * shown.
 */
void
_dossier_window_export_update (DossierWindow *self)
{
  gboolean has_article = self->article != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_article);
}

void
_dossier_window_export_class_init (DossierWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export", NULL);

  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);

  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}

void
_dossier_window_export_init (DossierWindow *self)
{
  DossierWindowExport *export = g_new0 (DossierWindowExport, 1);

  export->cancellable = g_cancellable_new ();
  self->export = export;

  _dossier_window_export_update (self);
}

void
_dossier_window_export_dispose (DossierWindow *self)
{
  DossierWindowExport *export = get_export (self);

  if (export == NULL)
    return;

  self->export = NULL;

  /* A write under way finishes or leaves the old file: never half a file. */
  g_cancellable_cancel (export->cancellable);
  g_clear_object (&export->cancellable);
  g_clear_object (&export->print_settings);
  g_clear_object (&export->folder);
  g_clear_pointer (&export->format, g_free);
  g_free (export);
}

guint
_dossier_window_export_get_pending (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), 0);

  return get_export (self) ? get_export (self)->pending : 0;
}
