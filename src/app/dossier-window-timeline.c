/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-window-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-reader-view-private.h"
#include "dossier-timeline-corrections.h"
#include "dossier-timeline-chart.h"
#include "dossier-timeline-view-private.h"
#include "dossier-timeline-view.h"
#include "dossier-window-analysis.h"
#include "dossier-window-notes.h"
#include "dossier-window-private.h"
#include "dossier-window-timeline.h"

/* The timeline shows the analysis with the user's corrections on top
 * (dossier-timeline-corrections.c), re-applied whenever either changes:
 * a new analysis, a correction, an undo or redo, the notes file loaded.
 * Corrections are asked for from the timeline's rows (a new date, hide,
 * show again) and from a selection in the reader (win.timeline-add); they
 * are stored in the notes file through the document, one undo step each. */
struct _DossierWindowTimeline
{
  GPtrArray          *found;
  GListStore         *shown;
  GListStore         *hidden;
  GSignalGroup       *document_signals;
  DossierDatePopover *add_popover;
  guint               add_start;
  guint               add_end;
};

static DossierWindowTimeline *
get_timeline (DossierWindow *self)
{
  return self->timeline;
}

static DossierTimelineView *
get_view (DossierWindow *self)
{
  return _dossier_window_get_timeline_view (self);
}

/* Only what changed, so that the list keeps its place and its focus */
static void
replace_all (GListStore *store,
             GPtrArray  *items)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = items ? items->len : 0;
  guint prefix = 0, suffix = 0;

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, prefix);

      if (item != g_ptr_array_index (items, prefix))
        break;
      prefix++;
    }

  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, n_old - 1 - suffix);

      if (item != g_ptr_array_index (items, n_new - 1 - suffix))
        break;
      suffix++;
    }

  if (prefix == n_old && prefix == n_new)
    return;

  g_list_store_splice (store, prefix, n_old - prefix - suffix,
                       /* An empty array has no storage at all */
                       items && items->pdata ? items->pdata + prefix : NULL,
                       n_new - prefix - suffix);
}

static void
reapply (DossierWindow *self)
{
  DossierWindowTimeline *timeline = get_timeline (self);
  DossierDocument *document = _dossier_window_get_document (self);
  g_autoptr(JsonArray) corrections = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) hidden = NULL;

  if (timeline == NULL)
    return;

  if (timeline->found == NULL)
    {
      replace_all (timeline->shown, NULL);
      replace_all (timeline->hidden, NULL);
      return;
    }

  if (document != NULL)
    corrections = dossier_document_dup_timeline_corrections (document);

  shown = dossier_timeline_corrections_apply (timeline->found, corrections,
                                              self->article ? dossier_article_get_text (self->article) : NULL,
                                              &hidden);
  replace_all (timeline->shown, shown);
  replace_all (timeline->hidden, hidden);
}

/**
 * _dossier_window_timeline_set_analysis:
 * @timexes: (nullable): the timeline the analysis found, in text order
 *
 * Shows @timexes with the corrections on top (or nothing); called with
 * %NULL when a new article is shown.
 */
void
_dossier_window_timeline_set_analysis (DossierWindow *self,
                                       GListModel    *timexes)
{
  DossierWindowTimeline *timeline = get_timeline (self);
  DossierTimelineView *view = get_view (self);

  g_clear_pointer (&timeline->found, g_ptr_array_unref);

  if (timexes != NULL)
    {
      guint n = g_list_model_get_n_items (timexes);

      timeline->found = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (timeline->found, g_list_model_get_item (timexes, i));
    }
  else
    {
      /* A new article, a new document */
      g_signal_group_set_target (timeline->document_signals, _dossier_window_get_document (self));
      if (timeline->add_popover)
        gtk_popover_popdown (GTK_POPOVER (timeline->add_popover));
    }

  reapply (self);

  /* The day every date was resolved against */
  {
    g_autofree char *published = NULL;

    if (timexes != NULL && self->article != NULL)
      published = dossier_article_dup_published_iso (self->article);
    dossier_timeline_chart_set_published (_dossier_timeline_view_get_chart (view), published);
  }

  dossier_timeline_view_set_timexes (view, timexes ? G_LIST_MODEL (timeline->shown) : NULL);
  dossier_timeline_view_set_hidden (view, timexes ? G_LIST_MODEL (timeline->hidden) : NULL);
}

/* Corrections */

static JsonArray *
begin_correction (DossierWindow *self)
{
  DossierDocument *document = _dossier_window_get_document (self);

  if (document == NULL || self->article == NULL || !_dossier_window_get_notes_ready (self) ||
      dossier_document_get_read_only (document))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Timeline corrections cannot be kept: the notes of this clipping are read-only")));
      return NULL;
    }

  return dossier_document_dup_timeline_corrections (document);
}

static void
end_correction (DossierWindow *self,
                JsonArray     *corrections,
                char          *title)
{
  AdwToast *toast;

  dossier_document_set_timeline_corrections (_dossier_window_get_document (self), corrections);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_free (title);
}

static void
on_redate_requested (DossierWindow       *self,
                     DossierTimex        *timex,
                     const char          *value,
                     DossierTimelineView *view)
{
  g_autoptr(JsonArray) corrections = begin_correction (self);

  if (corrections == NULL || !dossier_timeline_value_is_valid (value))
    return;

  dossier_timeline_corrections_redate (corrections, timex, value);
  /* Translators: a toast after changing the date of a timeline entry */
  end_correction (self, corrections, g_strdup_printf (_("“%s” dated %s"),
                                                      dossier_timex_get_text (timex), value));
}

static void
on_hide_requested (DossierWindow       *self,
                   DossierTimex        *timex,
                   gboolean             hidden,
                   DossierTimelineView *view)
{
  g_autoptr(JsonArray) corrections = begin_correction (self);

  if (corrections == NULL)
    return;

  dossier_timeline_corrections_set_hidden (corrections, timex, hidden);
  end_correction (self, corrections,
                  hidden
                  /* Translators: a toast after hiding a timeline entry */
                  ? g_strdup_printf (_("“%s” hidden from the timeline"), dossier_timex_get_text (timex))
                  /* Translators: a toast after showing a hidden timeline entry again */
                  : g_strdup_printf (_("“%s” shown in the timeline again"), dossier_timex_get_text (timex)));
}

static void
on_add_date_chosen (DossierWindow      *self,
                    const char         *value,
                    DossierDatePopover *popover)
{
  DossierWindowTimeline *timeline = get_timeline (self);
  g_autoptr(JsonArray) corrections = begin_correction (self);
  g_autofree char *words = NULL;
  const char *text;

  if (corrections == NULL)
    return;

  text = dossier_article_get_text (self->article);
  if (!dossier_timeline_corrections_add (corrections, text, timeline->add_start,
                                         timeline->add_end, value))
    return;

  words = g_utf8_substring (text, timeline->add_start, timeline->add_end);
  /* Translators: a toast after adding a date to the timeline from the text */
  end_correction (self, corrections, g_strdup_printf (_("“%s” added to the timeline"), words));
}

static gboolean
get_selection (DossierWindow *self,
               guint         *start,
               guint         *end)
{
  GtkTextBuffer *buffer = _dossier_reader_view_get_buffer (self->reader_view);
  GtkTextIter a, b;

  if (self->article == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    return FALSE;

  *start = gtk_text_iter_get_offset (&a);
  *end = gtk_text_iter_get_offset (&b);

  return *end > *start;
}

static void
update_actions (DossierWindow *self)
{
  DossierDocument *document = _dossier_window_get_document (self);
  guint start, end;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timeline-add",
                                 document != NULL && !dossier_document_get_read_only (document) &&
                                 get_selection (self, &start, &end));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierWindowTimeline *timeline = get_timeline (self);
  GtkTextView *text_view = _dossier_reader_view_get_text_view (self->reader_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  g_autofree char *words = NULL;
  g_autofree char *title = NULL;
  g_autofree char *value = NULL;
  GtkPopover *selection_popover;
  GdkRectangle rect;
  GtkTextIter iter;
  int x, y;

  if (!get_selection (self, &timeline->add_start, &timeline->add_end))
    return;

  selection_popover = _dossier_window_get_selection_popover (self);
  if (selection_popover)
    gtk_popover_popdown (selection_popover);

  words = g_utf8_substring (dossier_article_get_text (self->article),
                            timeline->add_start, timeline->add_end);
  g_strdelimit (words, "\n\t", ' ');
  /* Translators: the title of the date prompt when adding a date from a
   * selection, "Add “the vote day” to the Timeline" */
  title = g_strdup_printf (_("Add “%s” to the Timeline"), words);
  dossier_date_popover_set_title (timeline->add_popover, title);

  /* The publication date is the likeliest start */
  value = dossier_article_dup_published_iso (self->article);
  if (value == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      value = g_date_time_format (now, "%Y-%m-%d");
    }
  dossier_date_popover_set_value (timeline->add_popover, value);

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, timeline->add_start);
  gtk_text_view_get_iter_location (text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &x, &y);
  rect.x = x;
  rect.y = y;
  rect.width = MAX (rect.width, 1);
  gtk_popover_set_pointing_to (GTK_POPOVER (timeline->add_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (timeline->add_popover));
}

/* Set-up */

void
_dossier_window_timeline_class_init (DossierWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.timeline-add", NULL, add_action);
  g_type_ensure (DOSSIER_TYPE_DATE_POPOVER);
}

void
_dossier_window_timeline_init (DossierWindow *self)
{
  DossierWindowTimeline *timeline = g_new0 (DossierWindowTimeline, 1);
  DossierTimelineView *view = get_view (self);
  GtkTextView *text_view = _dossier_reader_view_get_text_view (self->reader_view);

  self->timeline = timeline;

  timeline->shown = g_list_store_new (DOSSIER_TYPE_TIMEX);
  timeline->hidden = g_list_store_new (DOSSIER_TYPE_TIMEX);

  /* For screenshots and demos, without touching the user's settings. */
  if (g_strcmp0 (g_getenv ("DOSSIER_TIMELINE_MODE"), "chart") == 0)
    dossier_timeline_view_set_mode (view, "chart");
  else
    g_settings_bind (self->settings, "timeline-view", view, "mode", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (view, "redate-requested", G_CALLBACK (on_redate_requested), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "hide-requested", G_CALLBACK (on_hide_requested), self,
                           G_CONNECT_SWAPPED);

  timeline->document_signals = g_signal_group_new (DOSSIER_TYPE_DOCUMENT);
  g_signal_group_connect_object (timeline->document_signals, "corrections-changed::timeline",
                                 G_CALLBACK (reapply), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (timeline->document_signals, "notify::read-only",
                                 G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);

  timeline->add_popover = DOSSIER_DATE_POPOVER (dossier_date_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (timeline->add_popover), GTK_WIDGET (text_view));
  g_signal_connect_object (timeline->add_popover, "date-chosen",
                           G_CALLBACK (on_add_date_chosen), self, G_CONNECT_SWAPPED);

  /* In the reader's context menu too, after what is there */
  {
    GMenuModel *extra = gtk_text_view_get_extra_menu (text_view);

    if (G_IS_MENU (extra))
      g_menu_append (G_MENU (extra), _("Add to _Timeline…"), "win.timeline-add");
    else if (extra == NULL)
      {
        g_autoptr(GMenu) menu = g_menu_new ();

        g_menu_append (menu, _("Add to _Timeline…"), "win.timeline-add");
        gtk_text_view_set_extra_menu (text_view, G_MENU_MODEL (menu));
      }
  }

  g_signal_connect_object (gtk_text_view_get_buffer (text_view), "notify::has-selection",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

void
_dossier_window_timeline_dispose (DossierWindow *self)
{
  DossierWindowTimeline *timeline = get_timeline (self);

  if (timeline == NULL)
    return;

  self->timeline = NULL;

  if (timeline->document_signals)
    g_signal_group_set_target (timeline->document_signals, NULL);
  if (timeline->add_popover)
    gtk_widget_unparent (GTK_WIDGET (timeline->add_popover));
  g_clear_object (&timeline->document_signals);
  g_clear_pointer (&timeline->found, g_ptr_array_unref);
  g_clear_object (&timeline->shown);
  g_clear_object (&timeline->hidden);
  g_free (timeline);
}

DossierDatePopover *
_dossier_window_get_add_date_popover (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return get_timeline (self)->add_popover;
}
