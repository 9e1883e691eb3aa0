/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-window-notes"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-annotation.h"
#include "dossier-application.h"
#include "dossier-annotation-list.h"
#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-history.h"
#include "dossier-notes-store.h"
#include "dossier-reader-view-private.h"
#include "dossier-selection-popover.h"
#include "dossier-window-notes.h"
#include "dossier-window-private.h"

/*
 * The window's side of annotations: for the article shown it finds and
 * loads the clipping's DossierDocument (autosaved), draws its highlights
 * in the reader (DossierHighlighter), offers the selection popover and the
 * single-key shortcuts over a selection, fills the notes panel, and runs
 * the win.highlight, win.note, win.tags, win.undo… actions.
 *
 * A notes file that cannot be read leaves the clipping read-only, with a
 * banner that says why and offers to start fresh (the old file is moved
 * aside, never deleted). Closing the window, or showing another article,
 * saves what is pending before the document goes.
 *
 * The clipping file is watched while it is shown: when another program
 * changes it, a toast offers to reload it (win.reload). Reloading keeps
 * the document and re-anchors its annotations on the new text; those not
 * found are listed as orphans. Changes to the notes file are merged by
 * the document itself (see dossier-document.c).
 */

struct _DossierWindowNotes
{
  DossierDocument        *document;
  DossierHighlighter     *highlighter;
  DossierNotesPanel      *panel;
  DossierSelectionPopover *popover;
  GtkTextView            *text_view;
  GCancellable           *cancellable;
  GSignalGroup           *document_signals;
  GSignalGroup           *history_signals;

  GFileMonitor           *clipping_monitor;
  GFile                  *watched;
  guint                   changed_source;
  AdwToast               *reload_toast;

  GtkToggleButton        *notes_button;
  GtkRevealer            *banner;
  GtkLabel               *banner_label;

  DossierAnnotationColor  last_color;
  double                  press_x;
  double                  press_y;
  guint                   popover_source;
  guint                   range_source;
  guint                   ready : 1;
  guint                   pressed : 1;
};

static void update_actions (DossierWindow *self);

static DossierWindowNotes *
get_notes (DossierWindow *self)
{
  return self->notes;
}

/* Saving on the way out */

static void
flush_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GApplication) app = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_document_save_finish (DOSSIER_DOCUMENT (object), result, &error))
    g_warning ("The notes could not be saved: %s", error->message);

  if (app)
    g_application_release (app);
}

static void
flush_document (DossierWindow   *self,
                DossierDocument *document)
{
  GApplication *app;

  if (document == NULL || dossier_document_get_read_only (document) ||
      !dossier_document_get_unsaved (document) ||
      dossier_document_get_notes_file (document) == NULL)
    return;

  /* The save holds the document; the application waits for it. */
  app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (app)
    g_application_hold (app);
  dossier_document_save_async (document, NULL, flush_cb, app ? g_object_ref (app) : NULL);
}

/**
 * _dossier_window_notes_flush:
 *
 * Saves the pending changes of the document now (closing the window).
 */
void
_dossier_window_notes_flush (DossierWindow *self)
{
  flush_document (self, get_notes (self)->document);
}

/* The document */

static void
show_banner (DossierWindow *self,
             const GError  *error)
{
  DossierWindowNotes *notes = get_notes (self);

  if (error)
    {
      /* Translators: over the article when its notes file cannot be read;
       * the reason follows */
      g_autofree char *text = g_strdup_printf (_("Annotations are read-only. %s"), error->message);

      gtk_label_set_text (notes->banner_label, text);
    }

  gtk_revealer_set_reveal_child (notes->banner, error != NULL);
}

static void
on_read_only_changed (DossierWindow   *self,
                      GParamSpec      *pspec,
                      DossierDocument *document)
{
  if (get_notes (self) == NULL)
    return;

  show_banner (self, dossier_document_get_read_only (document)
                     ? dossier_document_get_load_error (document) : NULL);
  update_actions (self);
}

static void
on_save_failed (DossierWindow   *self,
                const GError    *error,
                DossierDocument *document)
{
  AdwToast *toast;

  /* Translators: a toast; the reason follows */
  toast = adw_toast_new_format (_("Notes not saved: %s"), error->message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_merged (DossierWindow   *self,
           DossierDocument *document)
{
  /* Translators: a toast; another program (dossier-cli, another window)
   * wrote annotations for this clipping, and they now show here too */
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Notes changed elsewhere were merged")));
}

static void
on_history_changed (DossierWindow  *self,
                    GParamSpec     *pspec,
                    DossierHistory *history)
{
  update_actions (self);
}

static void
set_document (DossierWindow   *self,
              DossierDocument *document)
{
  DossierWindowNotes *notes = get_notes (self);
  g_autoptr(DossierDocument) old = NULL;

  old = g_steal_pointer (&notes->document);
  if (old)
    flush_document (self, old);

  g_cancellable_cancel (notes->cancellable);
  g_clear_object (&notes->cancellable);
  notes->ready = FALSE;
  notes->document = document ? g_object_ref (document) : NULL;

  g_signal_group_set_target (notes->document_signals, NULL);
  g_signal_group_set_target (notes->history_signals, NULL);
  dossier_highlighter_set_document (notes->highlighter, NULL);
  dossier_notes_panel_set_document (notes->panel, NULL);
  show_banner (self, NULL);
  update_actions (self);
}

static void
on_frame_painted (GdkFrameClock *frame_clock,
                  DossierWindow *self)
{
  DossierWindowNotes *notes = get_notes (self);

  g_signal_handlers_disconnect_by_func (frame_clock, on_frame_painted, self);
  if (notes != NULL)
    gtk_toggle_button_set_active (notes->notes_button, TRUE);
}

static void
on_mapped_reveal (DossierWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_mapped_reveal, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_frame_painted), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Shows the notes panel once the window has drawn the clipping. AdwFlap
 * 1.2 revealed in the same turn of the main loop as the clipping and its
 * notes arrive lays its children out at a width of INT_MIN (warnings, and
 * the panel never shows); a frame later it slides in as it should. */
static void
reveal_after_next_frame (DossierWindow *self)
{
  GdkFrameClock *frame_clock;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      (frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self))) == NULL)
    {
      g_signal_handlers_disconnect_by_func (self, on_mapped_reveal, NULL);
      g_signal_connect (self, "map", G_CALLBACK (on_mapped_reveal), NULL);
      return;
    }

  g_signal_handlers_disconnect_by_func (frame_clock, on_frame_painted, self);
  g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (on_frame_painted), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
document_ready (DossierWindow *self,
                const GError  *error)
{
  DossierWindowNotes *notes = get_notes (self);
  DossierDocument *document = notes->document;

  notes->ready = TRUE;
  g_signal_group_set_target (notes->document_signals, document);
  g_signal_group_set_target (notes->history_signals, dossier_document_get_history (document));
  dossier_document_set_autosave (document, TRUE);
  dossier_highlighter_set_document (notes->highlighter, document);
  dossier_notes_panel_set_document (notes->panel, document);
  show_banner (self, dossier_document_get_read_only (document) ? error : NULL);

  /* Coming back to a clipping: its notes are there to see. */
  if (g_list_model_get_n_items (dossier_document_get_annotations (document)) > 0 ||
      *dossier_document_get_notes (document) != '\0' ||
      g_strcmp0 (g_getenv ("DOSSIER_SHOW_NOTES"), "1") == 0)
    reveal_after_next_frame (self);

  update_actions (self);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  DossierDocument *document = DOSSIER_DOCUMENT (object);
  g_autoptr(GError) error = NULL;

  dossier_document_load_finish (document, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      get_notes (self) == NULL || get_notes (self)->document != document)
    return;

  if (error)
    g_debug ("Notes not loaded: %s", error->message);

  document_ready (self, error);
}

static void
resolve_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  DossierDocument *document = source_object;
  GError *error = NULL;
  GFile *file;

  /* Only what does not change: the clipping and the fingerprint. */
  file = dossier_notes_store_resolve (dossier_document_get_clipping (document),
                                      dossier_document_get_fingerprint (document),
                                      &error);
  if (file)
    g_task_return_pointer (task, file, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
resolve_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  DossierDocument *document = DOSSIER_DOCUMENT (object);
  DossierWindowNotes *notes = get_notes (self);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      notes == NULL || notes->document != document)
    return;

  if (file == NULL)
    {
      /* No place for notes (the data folder cannot be made): annotations
       * still work, they are just not saved; say so. */
      on_save_failed (self, error, document);
      document_ready (self, NULL);
      return;
    }

  dossier_document_load_async (document, file, notes->cancellable, load_cb,
                               g_object_ref (self));
}

/* Watching the clipping */

static void
on_reload_toast_dismissed (DossierWindow *self,
                           AdwToast      *toast)
{
  DossierWindowNotes *notes = get_notes (self);

  if (notes && notes->reload_toast == toast)
    notes->reload_toast = NULL;
}

static gboolean
clipping_changed_cb (gpointer user_data)
{
  DossierWindow *self = user_data;
  DossierWindowNotes *notes = get_notes (self);
  AdwToast *toast;

  notes->changed_source = 0;
  if (notes->reload_toast || self->file == NULL || dossier_window_is_loading (self))
    return G_SOURCE_REMOVE;

  /* Translators: a toast with a Reload button */
  toast = adw_toast_new (_("The clipping was changed by another program"));
  adw_toast_set_button_label (toast, _("_Reload"));
  adw_toast_set_action_name (toast, "win.reload");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_reload_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
  notes->reload_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  return G_SOURCE_REMOVE;
}

static void
on_clipping_changed (DossierWindow     *self,
                     GFile             *file,
                     GFile             *other,
                     GFileMonitorEvent  event,
                     GFileMonitor      *monitor)
{
  DossierWindowNotes *notes = get_notes (self);

  if (notes == NULL)
    return;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
      /* Editors write in bursts: offer once it settles. */
      g_clear_handle_id (&notes->changed_source, g_source_remove);
      notes->changed_source = g_timeout_add (300, clipping_changed_cb, self);
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
}

static void
stop_watching (DossierWindowNotes *notes)
{
  g_clear_handle_id (&notes->changed_source, g_source_remove);
  if (notes->clipping_monitor)
    {
      g_file_monitor_cancel (notes->clipping_monitor);
      g_signal_handlers_disconnect_matched (notes->clipping_monitor, G_SIGNAL_MATCH_FUNC,
                                            0, 0, NULL, on_clipping_changed, NULL);
    }
  g_clear_object (&notes->clipping_monitor);
  g_clear_object (&notes->watched);
}

/* Watches the clipping shown; what it offered about the last version
 * is void once a version is shown. */
static void
watch_clipping (DossierWindow *self)
{
  DossierWindowNotes *notes = get_notes (self);

  g_clear_handle_id (&notes->changed_source, g_source_remove);
  if (notes->reload_toast)
    adw_toast_dismiss (notes->reload_toast);

  if (self->file && notes->watched && g_file_equal (self->file, notes->watched))
    return;

  stop_watching (notes);
  if (self->file == NULL || !g_file_is_native (self->file))
    return;

  notes->watched = g_object_ref (self->file);
  notes->clipping_monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_NONE, NULL, NULL);
  if (notes->clipping_monitor)
    g_signal_connect_object (notes->clipping_monitor, "changed",
                             G_CALLBACK (on_clipping_changed), self, G_CONNECT_SWAPPED);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierWindowNotes *notes = get_notes (self);
  g_autoptr(GFile) file = NULL;

  if (self->file == NULL)
    return;
  if (notes->reload_toast)
    adw_toast_dismiss (notes->reload_toast);

  file = g_object_ref (self->file);
  dossier_window_open_file (self, file);
}

/**
 * _dossier_window_notes_article_shown:
 *
 * Loads the notes of the article the window now shows (or drops them
 * when it shows none).
 */
void
_dossier_window_notes_article_shown (DossierWindow *self)
{
  DossierWindowNotes *notes = get_notes (self);
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GTask) task = NULL;

  if (notes->popover)
    gtk_popover_popdown (GTK_POPOVER (notes->popover));

  if (self->article == NULL || self->file == NULL)
    {
      watch_clipping (self);
      set_document (self, NULL);
      return;
    }
  watch_clipping (self);

  /* The same clipping again, reloaded after it changed on disk: the same
   * document, its annotations found again in the new text. */
  if (notes->document && notes->ready &&
      dossier_document_get_clipping (notes->document) &&
      g_file_equal (dossier_document_get_clipping (notes->document),
                    _dossier_window_get_clipping (self)))
    {
      DossierAnnotationList *list;
      guint orphans;

      dossier_document_set_text (notes->document, dossier_article_get_text (self->article));
      dossier_highlighter_update (notes->highlighter);
      list = DOSSIER_ANNOTATION_LIST (dossier_document_get_annotations (notes->document));
      orphans = dossier_annotation_list_get_n_orphans (list);
      if (orphans > 0)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u annotation was not found in the new text",
                                                  "%u annotations were not found in the new text",
                                                  orphans),
                                     orphans);
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
        }
      update_actions (self);
      return;
    }

  document = dossier_document_new ();
  dossier_document_set_clipping (document, _dossier_window_get_clipping (self));
  dossier_document_set_text (document, dossier_article_get_text (self->article));
  set_document (self, document);

  notes->cancellable = g_cancellable_new ();
  task = g_task_new (document, notes->cancellable, resolve_cb, g_object_ref (self));
  g_task_set_source_tag (task, _dossier_window_notes_article_shown);
  g_task_run_in_thread (task, resolve_thread);
}

/* The selection */

static gboolean
get_selection (DossierWindow *self,
               guint         *start,
               guint         *end)
{
  DossierWindowNotes *notes = get_notes (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (notes->text_view);
  GtkTextIter a, b;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    return FALSE;

  /* A drag often takes a space or a line break along: leave them out. */
  while (gtk_text_iter_compare (&a, &b) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&a)))
    gtk_text_iter_forward_char (&a);
  while (gtk_text_iter_compare (&a, &b) < 0)
    {
      GtkTextIter prev = b;

      gtk_text_iter_backward_char (&prev);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&prev)))
        break;
      b = prev;
    }

  if (gtk_text_iter_equal (&a, &b))
    return FALSE;

  *start = gtk_text_iter_get_offset (&a);
  *end = gtk_text_iter_get_offset (&b);

  return TRUE;
}

static gboolean
can_annotate (DossierWindow *self)
{
  DossierWindowNotes *notes = get_notes (self);

  return notes->ready && notes->document != NULL &&
         !dossier_document_get_read_only (notes->document) &&
         self->article != NULL &&
         g_strcmp0 (dossier_document_get_text (notes->document),
                    dossier_article_get_text (self->article)) == 0;
}

static void
clear_selection (DossierWindow *self,
                 guint          offset)
{
  DossierWindowNotes *notes = get_notes (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (notes->text_view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

/* The annotation on exactly the selected passage, if there is one. */
static DossierAnnotation *
find_exact (DossierWindow *self,
            guint          start,
            guint          end)
{
  GListModel *model = dossier_document_get_annotations (get_notes (self)->document);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (model, i);

      if (dossier_annotation_get_orphan (annotation) || dossier_annotation_get_start (annotation) > start)
        break;
      if (dossier_annotation_get_start (annotation) == start &&
          dossier_annotation_get_end (annotation) == end)
        return annotation;
    }

  return NULL;
}

/* Highlights the selection (or restyles the annotation already there)
 * and returns the annotation. */
static DossierAnnotation *
annotate_selection (DossierWindow          *self,
                    DossierAnnotationColor  color,
                    DossierAnnotationStyle  style,
                    gboolean                keep_existing)
{
  DossierWindowNotes *notes = get_notes (self);
  g_autoptr(GError) error = NULL;
  DossierAnnotation *annotation;
  DossierHistory *history;
  guint start, end;

  if (!can_annotate (self) || !get_selection (self, &start, &end))
    return NULL;

  gtk_popover_popdown (GTK_POPOVER (notes->popover));

  if ((annotation = find_exact (self, start, end)))
    {
      if (!keep_existing)
        {
          history = dossier_document_get_history (notes->document);
          dossier_history_begin_group (history);
          dossier_document_set_annotation_color (notes->document, annotation, color);
          dossier_document_set_annotation_style (notes->document, annotation, style);
          dossier_history_end_group (history);
        }
      g_object_ref (annotation);
    }
  else
    {
      annotation = dossier_document_annotate (notes->document, start, end, color, style, &error);
      if (annotation == NULL)
        {
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
          return NULL;
        }
    }

  clear_selection (self, end);
  dossier_highlighter_set_selected (notes->highlighter, annotation);
  /* The card is the proof it was kept, and where the note goes. */
  gtk_toggle_button_set_active (notes->notes_button, TRUE);
  dossier_notes_panel_select_annotation (notes->panel, annotation);

  return annotation;
}

static void
set_last_color (DossierWindow          *self,
                DossierAnnotationColor  color)
{
  DossierWindowNotes *notes = get_notes (self);

  notes->last_color = color;
  dossier_selection_popover_set_color (notes->popover, color);
}

/* The colour chosen last is the next session's default too. */
static void
remember_color (DossierAnnotationColor color)
{
  g_autoptr(GSettings) settings = dossier_application_dup_settings ();

  g_settings_set_string (settings, "highlight-color", dossier_annotation_color_to_string (color));
}

static DossierAnnotationColor
remembered_color (void)
{
  g_autoptr(GSettings) settings = dossier_application_dup_settings ();
  g_autofree char *name = g_settings_get_string (settings, "highlight-color");
  DossierAnnotationColor color;

  if (!dossier_annotation_color_from_string (name, &color))
    color = DOSSIER_ANNOTATION_COLOR_YELLOW;

  return color;
}

static void
highlight_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(DossierAnnotation) annotation = NULL;

  annotation = annotate_selection (self, get_notes (self)->last_color,
                                   DOSSIER_ANNOTATION_STYLE_HIGHLIGHT, FALSE);
}

static void
highlight_color_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(DossierAnnotation) annotation = NULL;
  DossierAnnotationColor color;

  if (!dossier_annotation_color_from_string (g_variant_get_string (param, NULL), &color))
    return;

  set_last_color (self, color);
  remember_color (color);
  annotation = annotate_selection (self, color, DOSSIER_ANNOTATION_STYLE_HIGHLIGHT, FALSE);
}

static void
underline_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(DossierAnnotation) annotation = NULL;

  annotation = annotate_selection (self, get_notes (self)->last_color,
                                   DOSSIER_ANNOTATION_STYLE_UNDERLINE, FALSE);
}

static void
edit_selection (DossierWindow *self,
                gboolean       tags)
{
  DossierWindowNotes *notes = get_notes (self);
  g_autoptr(DossierAnnotation) annotation = NULL;

  annotation = annotate_selection (self, notes->last_color,
                                   DOSSIER_ANNOTATION_STYLE_HIGHLIGHT, TRUE);
  if (annotation == NULL)
    return;

  gtk_toggle_button_set_active (notes->notes_button, TRUE);
  dossier_notes_panel_edit_annotation (notes->panel, annotation, tags);
}

static void
note_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  edit_selection (DOSSIER_WINDOW (widget), FALSE);
}

static void
tags_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  edit_selection (DOSSIER_WINDOW (widget), TRUE);
}

static void
reattach_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierWindowNotes *notes = get_notes (self);
  g_autoptr(GError) error = NULL;
  DossierAnnotation *annotation;
  guint start, end;

  if (!can_annotate (self))
    return;

  annotation = dossier_document_lookup_annotation (notes->document,
                                                   g_variant_get_string (param, NULL));
  if (annotation == NULL)
    return;

  if (!get_selection (self, &start, &end))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Select the passage in the article first")));
      return;
    }

  if (!dossier_document_reattach (notes->document, annotation, start, end, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  clear_selection (self, end);
  dossier_highlighter_set_selected (notes->highlighter, annotation);
  dossier_notes_panel_select_annotation (notes->panel, annotation);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DossierWindowNotes *notes = get_notes (DOSSIER_WINDOW (widget));

  if (notes->document && !dossier_document_get_read_only (notes->document))
    dossier_document_undo (notes->document);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DossierWindowNotes *notes = get_notes (DOSSIER_WINDOW (widget));

  if (notes->document && !dossier_document_get_read_only (notes->document))
    dossier_document_redo (notes->document);
}

static void
toggle_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DossierWindowNotes *notes = get_notes (DOSSIER_WINDOW (widget));

  gtk_toggle_button_set_active (notes->notes_button,
                                !gtk_toggle_button_get_active (notes->notes_button));
}

static void
start_fresh_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierWindowNotes *notes = get_notes (self);
  g_autoptr(GFile) moved_to = NULL;
  g_autoptr(GError) error = NULL;

  if (notes->document == NULL || !dossier_document_get_read_only (notes->document))
    return;

  if (!dossier_document_start_fresh (notes->document, &moved_to, &error))
    {
      _dossier_window_show_error (self, _("Could Not Start Fresh"), error);
      return;
    }

  if (moved_to)
    {
      g_autofree char *name = _dossier_window_dup_display_name (moved_to);
      /* Translators: a toast after starting fresh, with the old file's new name */
      AdwToast *toast = adw_toast_new_format (_("The old notes were kept as “%s”"), name);

      adw_toast_set_timeout (toast, 10);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
update_actions (DossierWindow *self)
{
  DossierWindowNotes *notes = get_notes (self);
  GtkWidget *widget = GTK_WIDGET (self);
  DossierHistory *history = NULL;
  gboolean writable = can_annotate (self);
  gboolean selection = FALSE;
  guint start, end;

  if (notes == NULL)
    return;

  if (writable)
    {
      history = dossier_document_get_history (notes->document);
      selection = get_selection (self, &start, &end);
    }

  gtk_widget_action_set_enabled (widget, "win.highlight", selection);
  gtk_widget_action_set_enabled (widget, "win.highlight-color", selection);
  gtk_widget_action_set_enabled (widget, "win.underline", selection);
  gtk_widget_action_set_enabled (widget, "win.note", selection);
  gtk_widget_action_set_enabled (widget, "win.tags", selection);
  gtk_widget_action_set_enabled (widget, "win.reattach", writable);
  gtk_widget_action_set_enabled (widget, "win.undo",
                                 history && dossier_history_get_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 history && dossier_history_get_can_redo (history));
  gtk_widget_action_set_enabled (widget, "win.toggle-notes", self->article != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (notes->notes_button), self->article != NULL);
  gtk_widget_action_set_enabled (widget, "win.start-fresh",
                                 notes->document && dossier_document_get_read_only (notes->document));
}

/* The reader */

static void
popup_at_selection (DossierWindow *self)
{
  DossierWindowNotes *notes = get_notes (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (notes->text_view);
  GdkRectangle first, last, rect;
  GtkTextIter a, b;
  int x, y;

  if (!can_annotate (self) || !gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    return;

  gtk_text_view_get_iter_location (notes->text_view, &a, &first);
  gtk_text_view_get_iter_location (notes->text_view, &b, &last);

  /* Over the middle of the selection on one line, else over its start. */
  rect = first;
  if (first.y == last.y)
    {
      rect.width = MAX (1, last.x - first.x);
    }
  else
    rect.width = 1;

  gtk_text_view_buffer_to_window_coords (notes->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &x, &y);
  rect.x = x;
  rect.y = y;

  gtk_popover_set_pointing_to (GTK_POPOVER (notes->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (notes->popover));
}

static gboolean
after_release_cb (gpointer user_data)
{
  DossierWindow *self = user_data;
  DossierWindowNotes *notes = get_notes (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (notes->text_view);
  gboolean moved = notes->pressed;

  notes->popover_source = 0;

  if (gtk_text_buffer_get_has_selection (buffer))
    {
      popup_at_selection (self);
      return G_SOURCE_REMOVE;
    }

  /* A click, not a drag: on a highlight, select its card. */
  if (!moved && notes->ready)
    {
      GtkTextIter iter;
      int bx, by;
      DossierAnnotation *annotation;

      gtk_text_view_window_to_buffer_coords (notes->text_view, GTK_TEXT_WINDOW_WIDGET,
                                             notes->press_x, notes->press_y, &bx, &by);
      if (gtk_text_view_get_iter_at_location (notes->text_view, &iter, bx, by))
        {
          annotation = dossier_highlighter_lookup (notes->highlighter,
                                                   gtk_text_iter_get_offset (&iter));
          dossier_highlighter_set_selected (notes->highlighter, annotation);
          if (annotation)
            {
              gtk_toggle_button_set_active (notes->notes_button, TRUE);
              dossier_notes_panel_select_annotation (notes->panel, annotation);
            }
        }
    }

  return G_SOURCE_REMOVE;
}

static gboolean
on_reader_event (DossierWindow            *self,
                 GdkEvent                 *event,
                 GtkEventControllerLegacy *controller)
{
  DossierWindowNotes *notes = get_notes (self);
  GdkEventType type = gdk_event_get_event_type (event);
  GtkWidget *widget;
  graphene_point_t point;
  double x, y, nx, ny;

  if (notes == NULL)
    return GDK_EVENT_PROPAGATE;

  widget = GTK_WIDGET (notes->text_view);

  if (type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE)
    return GDK_EVENT_PROPAGATE;
  if (gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY)
    return GDK_EVENT_PROPAGATE;

  gdk_event_get_position (event, &x, &y);
  gtk_native_get_surface_transform (gtk_widget_get_native (widget), &nx, &ny);
  if (!gtk_widget_compute_point (GTK_WIDGET (gtk_widget_get_native (widget)), widget,
                                 &GRAPHENE_POINT_INIT (x - nx, y - ny), &point))
    return GDK_EVENT_PROPAGATE;

  if (type == GDK_BUTTON_PRESS)
    {
      notes->press_x = point.x;
      notes->press_y = point.y;
      notes->pressed = FALSE;
      gtk_popover_popdown (GTK_POPOVER (notes->popover));
    }
  else
    {
      /* Did the pointer travel? Then it selected, it did not click. */
      notes->pressed = ABS (point.x - notes->press_x) > 4 || ABS (point.y - notes->press_y) > 4;
      /* After the text view has set its selection. */
      g_clear_handle_id (&notes->popover_source, g_source_remove);
      notes->popover_source = g_idle_add (after_release_cb, self);
    }

  return GDK_EVENT_PROPAGATE;
}

static gboolean
on_reader_key_pressed (DossierWindow         *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  DossierWindowNotes *notes = get_notes (self);
  const char *action = NULL;

  if (notes == NULL)
    return GDK_EVENT_PROPAGATE;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0 ||
      !gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (notes->text_view)))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_h:
      action = "win.highlight";
      break;
    case GDK_KEY_n:
      action = "win.note";
      break;
    case GDK_KEY_t:
      action = "win.tags";
      break;
    case GDK_KEY_u:
      action = "win.underline";
      break;
    case GDK_KEY_Escape:
      if (gtk_widget_get_visible (GTK_WIDGET (notes->popover)))
        {
          gtk_popover_popdown (GTK_POPOVER (notes->popover));
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);

  return GDK_EVENT_STOP;
}

static void
on_has_selection (DossierWindow *self,
                  GParamSpec    *pspec,
                  GtkTextBuffer *buffer)
{
  DossierWindowNotes *notes = get_notes (self);

  if (notes == NULL)
    return;

  if (!gtk_text_buffer_get_has_selection (buffer))
    gtk_popover_popdown (GTK_POPOVER (notes->popover));

  update_actions (self);
}

static void
on_card_activated (DossierWindow     *self,
                   DossierAnnotation *annotation,
                   DossierNotesPanel *panel)
{
  DossierWindowNotes *notes = get_notes (self);

  if (notes == NULL)
    return;

  dossier_highlighter_set_selected (notes->highlighter, annotation);
  if (!dossier_annotation_get_orphan (annotation))
    _dossier_reader_view_scroll_to_offset (self->reader_view,
                                           dossier_annotation_get_start (annotation));
}

static void
on_notes_button_toggled (DossierWindow   *self,
                         GtkToggleButton *button)
{
  adw_flap_set_reveal_flap (self->notes_flap, gtk_toggle_button_get_active (button));
}

/* Set-up */

void
_dossier_window_notes_class_init (DossierWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Template children without fields in DossierWindow: see init. */
  gtk_widget_class_bind_template_child_full (widget_class, "notes_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "notes_banner", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "notes_banner_label", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "win.highlight", NULL, highlight_action);
  gtk_widget_class_install_action (widget_class, "win.highlight-color", "s", highlight_color_action);
  gtk_widget_class_install_action (widget_class, "win.underline", NULL, underline_action);
  gtk_widget_class_install_action (widget_class, "win.note", NULL, note_action);
  gtk_widget_class_install_action (widget_class, "win.tags", NULL, tags_action);
  gtk_widget_class_install_action (widget_class, "win.reattach", "s", reattach_action);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);

  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);

  gtk_widget_class_install_action (widget_class, "win.toggle-notes", NULL, toggle_notes_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-notes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.toggle-notes", NULL);

  gtk_widget_class_install_action (widget_class, "win.start-fresh", NULL, start_fresh_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);

  g_type_ensure (DOSSIER_TYPE_NOTES_PANEL);
}

/* With many annotations the highlighter draws those around the screen:
 * tell it where the reader is, before the next frame is drawn. */
static gboolean
visible_range_cb (gpointer user_data)
{
  DossierWindow *self = user_data;
  DossierWindowNotes *notes = get_notes (self);
  guint start, end;

  notes->range_source = 0;
  _dossier_reader_view_get_visible_range (self->reader_view, &start, &end);
  dossier_highlighter_set_visible_range (notes->highlighter, start, end);

  return G_SOURCE_REMOVE;
}

static void
on_reader_scrolled (DossierWindow *self,
                    GtkAdjustment *vadj)
{
  DossierWindowNotes *notes = get_notes (self);

  if (notes == NULL || notes->range_source != 0)
    return;

  notes->range_source = g_idle_add_full (GDK_PRIORITY_REDRAW - 10, visible_range_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, notes->range_source),
                            "[dossier] annotation highlights");
}

void
_dossier_window_notes_init (DossierWindow *self)
{
  GtkAdjustment *vadj;
  GtkWidget *widget = GTK_WIDGET (self);
  DossierWindowNotes *notes = g_new0 (DossierWindowNotes, 1);
  GtkEventController *controller;
  GtkTextBuffer *buffer;

  self->notes = notes;

  notes->notes_button = GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (widget, DOSSIER_TYPE_WINDOW,
                                                                          "notes_button"));
  notes->banner = GTK_REVEALER (gtk_widget_get_template_child (widget, DOSSIER_TYPE_WINDOW,
                                                               "notes_banner"));
  notes->banner_label = GTK_LABEL (gtk_widget_get_template_child (widget, DOSSIER_TYPE_WINDOW,
                                                                  "notes_banner_label"));
  g_signal_connect_object (notes->notes_button, "toggled",
                           G_CALLBACK (on_notes_button_toggled), self, G_CONNECT_SWAPPED);

  notes->text_view = _dossier_reader_view_get_text_view (self->reader_view);
  buffer = gtk_text_view_get_buffer (notes->text_view);
  notes->highlighter = dossier_highlighter_new (buffer);

  notes->panel = DOSSIER_NOTES_PANEL (dossier_notes_panel_new ());
  adw_bin_set_child (self->notes_panel, GTK_WIDGET (notes->panel));
  g_signal_connect_object (notes->panel, "annotation-activated",
                           G_CALLBACK (on_card_activated), self, G_CONNECT_SWAPPED);

  notes->popover = DOSSIER_SELECTION_POPOVER (dossier_selection_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (notes->popover), GTK_WIDGET (notes->text_view));
  set_last_color (self, remembered_color ());

  /* Capture: before the text view's own gestures claim the clicks. */
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_reader_event), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (notes->text_view), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_reader_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (notes->text_view), controller);

  /* The popover hides itself when the user clicks elsewhere, and so holds
   * the pointer and the keyboard while it shows (on X11 a popover that
   * does not cannot be clicked at all): the same keys work from it. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_reader_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (notes->popover), controller);

  g_signal_connect_object (buffer, "notify::has-selection",
                           G_CALLBACK (on_has_selection), self, G_CONNECT_SWAPPED);
  vadj = _dossier_reader_view_get_vadjustment (self->reader_view);
  g_signal_connect_object (vadj, "changed",
                           G_CALLBACK (on_reader_scrolled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vadj, "value-changed",
                           G_CALLBACK (on_reader_scrolled), self, G_CONNECT_SWAPPED);

  notes->document_signals = g_signal_group_new (DOSSIER_TYPE_DOCUMENT);
  g_signal_group_connect_object (notes->document_signals, "notify::read-only",
                                 G_CALLBACK (on_read_only_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (notes->document_signals, "save-failed",
                                 G_CALLBACK (on_save_failed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (notes->document_signals, "merged",
                                 G_CALLBACK (on_merged), self, G_CONNECT_SWAPPED);

  notes->history_signals = g_signal_group_new (DOSSIER_TYPE_HISTORY);
  g_signal_group_connect_object (notes->history_signals, "notify::can-undo",
                                 G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (notes->history_signals, "notify::can-redo",
                                 G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

void
_dossier_window_notes_dispose (DossierWindow *self)
{
  DossierWindowNotes *notes = get_notes (self);

  if (notes == NULL)
    return;

  flush_document (self, notes->document);
  g_cancellable_cancel (notes->cancellable);
  g_clear_handle_id (&notes->popover_source, g_source_remove);
  g_clear_handle_id (&notes->range_source, g_source_remove);
  stop_watching (notes);
  if (notes->reload_toast)
    g_signal_handlers_disconnect_by_data (notes->reload_toast, self);
  notes->reload_toast = NULL;

  if (notes->document_signals)
    g_signal_group_set_target (notes->document_signals, NULL);
  if (notes->history_signals)
    g_signal_group_set_target (notes->history_signals, NULL);
  if (notes->popover)
    gtk_widget_unparent (GTK_WIDGET (notes->popover));

  g_clear_object (&notes->document_signals);
  g_clear_object (&notes->history_signals);
  g_clear_object (&notes->highlighter);
  g_clear_object (&notes->document);
  g_clear_object (&notes->cancellable);

  self->notes = NULL;
  g_free (notes);
}

DossierDocument *
_dossier_window_get_document (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return get_notes (self)->document;
}

gboolean
_dossier_window_get_notes_ready (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  return get_notes (self)->ready;
}

DossierNotesPanel *
_dossier_window_get_notes_panel (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return get_notes (self)->panel;
}

DossierHighlighter *
_dossier_window_get_highlighter (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return get_notes (self)->highlighter;
}

GtkPopover *
_dossier_window_get_selection_popover (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return GTK_POPOVER (get_notes (self)->popover);
}

AdwToast *
_dossier_window_get_reload_toast (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return get_notes (self)->reload_toast;
}

const char *
_dossier_window_get_notes_banner (DossierWindow *self)
{
  DossierWindowNotes *notes;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  notes = get_notes (self);
  if (!gtk_revealer_get_reveal_child (notes->banner))
    return NULL;

  return gtk_label_get_text (notes->banner_label);
}
