/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-window-analysis"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-analysis.h"
#include "dossier-article.h"
#include "dossier-reader-view-private.h"
#include "dossier-window-analysis.h"
#include "dossier-window-private.h"
#include "dossier-window-timeline.h"

/* The window runs the analysis of each article it shows in a worker
 * thread, fills the entity sidebar and the timeline when it is done, and
 * shows in the reader what they point at: every mention of the selected
 * entity, the passage of a timeline entry. */
struct _DossierWindowAnalysis
{
  GCancellable         *cancellable;
  GtkToggleButton      *entities_button;
  GtkToggleButton      *timeline_button;
  DossierEntitySidebar *sidebar;
  DossierTimelineView  *timeline;
  GtkTextTag           *mention_tag;
  GtkTextTag           *current_tag;
  guint                 ready : 1;
};

static DossierWindowAnalysis *
get_analysis (DossierWindow *self)
{
  return self->analysis;
}

static GtkTextBuffer *
get_buffer (DossierWindow *self)
{
  return _dossier_reader_view_get_buffer (self->reader_view);
}

/* Mentions */

static void
clear_mentions (DossierWindow *self)
{
  DossierWindowAnalysis *analysis = get_analysis (self);
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, analysis->mention_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, analysis->current_tag, &start, &end);
}

static void
select_span (DossierWindow *self,
             guint          start_offset,
             guint          end_offset)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, end_offset);
  gtk_text_buffer_select_range (buffer, &start, &end);
  _dossier_reader_view_scroll_to_offset (self->reader_view, start_offset);
}

static void
on_selected_entity_changed (DossierWindow        *self,
                            GParamSpec           *pspec,
                            DossierEntitySidebar *sidebar)
{
  DossierWindowAnalysis *analysis = get_analysis (self);
  DossierEntity *entity = dossier_entity_sidebar_get_selected_entity (sidebar);
  GtkTextBuffer *buffer = get_buffer (self);
  const DossierEntityMention *mentions;
  guint n = 0;

  if (analysis == NULL)
    return;

  clear_mentions (self);

  if (entity == NULL)
    return;

  /* Offsets are code points into the article, and the buffer holds the
   * article text alone (the header is made of labels): buffer character
   * offsets are article offsets. */
  mentions = dossier_entity_get_mentions (entity, &n);
  for (guint i = 0; i < n; i++)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, mentions[i].start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, mentions[i].end);
      gtk_text_buffer_apply_tag (buffer, analysis->mention_tag, &start, &end);
    }
}

static void
on_mention_changed (DossierWindow        *self,
                    GParamSpec           *pspec,
                    DossierEntitySidebar *sidebar)
{
  DossierWindowAnalysis *analysis = get_analysis (self);
  DossierEntity *entity = dossier_entity_sidebar_get_selected_entity (sidebar);
  int mention = dossier_entity_sidebar_get_mention (sidebar);
  GtkTextBuffer *buffer = get_buffer (self);
  const DossierEntityMention *mentions;
  GtkTextIter start, end;
  guint n = 0;

  if (analysis == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, analysis->current_tag, &start, &end);

  if (entity == NULL || mention < 0)
    return;

  mentions = dossier_entity_get_mentions (entity, &n);
  if ((guint) mention >= n)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, mentions[mention].start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, mentions[mention].end);
  gtk_text_buffer_apply_tag (buffer, analysis->current_tag, &start, &end);
  select_span (self, mentions[mention].start, mentions[mention].end);
}

/* Timeline */

static void
on_timex_activated (DossierWindow       *self,
                    DossierTimex        *timex,
                    DossierTimelineView *timeline)
{
  select_span (self, dossier_timex_get_start (timex), dossier_timex_get_end (timex));
  gtk_widget_grab_focus (GTK_WIDGET (_dossier_reader_view_get_text_view (self->reader_view)));
}

/* Analysis */

static void
analysis_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GListStore) entities = NULL;
  g_autoptr(GListStore) timexes = NULL;
  g_autoptr(GError) error = NULL;
  DossierWindowAnalysis *analysis = get_analysis (self);

  /* The window went away, or a newer article replaced this one. */
  if (analysis == NULL ||
      g_task_get_cancellable (G_TASK (result)) != analysis->cancellable)
    return;

  if (!dossier_analysis_run_finish (result, &entities, &timexes, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Analysis failed: %s", error->message);
      return;
    }

  dossier_entity_sidebar_set_entities (analysis->sidebar, G_LIST_MODEL (entities));
  dossier_entity_sidebar_set_loading (analysis->sidebar, FALSE);
  _dossier_window_timeline_set_analysis (self, G_LIST_MODEL (timexes));
  dossier_timeline_view_set_loading (analysis->timeline, FALSE);
  analysis->ready = TRUE;
}

/**
 * _dossier_window_analysis_article_shown:
 * @self: a #DossierWindow
 *
 * Starts the analysis of the article @self now shows; the text is already
 * there, the sidebar and the timeline fill when the analysis is done.
 */
void
_dossier_window_analysis_article_shown (DossierWindow *self)
{
  DossierWindowAnalysis *analysis = get_analysis (self);
  gboolean has_article = self->article != NULL;

  g_cancellable_cancel (analysis->cancellable);
  g_clear_object (&analysis->cancellable);
  analysis->ready = FALSE;

  dossier_entity_sidebar_set_entities (analysis->sidebar, NULL);
  _dossier_window_timeline_set_analysis (self, NULL);
  dossier_entity_sidebar_set_loading (analysis->sidebar, has_article);
  dossier_timeline_view_set_loading (analysis->timeline, has_article);

  gtk_widget_set_sensitive (GTK_WIDGET (analysis->entities_button), has_article);
  gtk_widget_set_sensitive (GTK_WIDGET (analysis->timeline_button), has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-entities", has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-timeline", has_article);

  if (!has_article)
    return;

  analysis->cancellable = g_cancellable_new ();
  dossier_analysis_run_async (self->article, analysis->cancellable,
                              analysis_cb, g_object_ref (self));
}

/* Panes */

static void
reveal_entities (DossierWindow *self)
{
  DossierWindowAnalysis *analysis = get_analysis (self);

  if (analysis != NULL)
    adw_flap_set_reveal_flap (self->entity_flap,
                              gtk_toggle_button_get_active (analysis->entities_button) &&
                              gtk_widget_get_sensitive (GTK_WIDGET (analysis->entities_button)));
}

static void
on_entities_button_changed (DossierWindow   *self,
                            GParamSpec      *pspec,
                            GtkToggleButton *button)
{
  /* A flap revealed before its first allocation gets a garbage width. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->entity_flap)))
    reveal_entities (self);
  else
    g_signal_connect_object (self->entity_flap, "map", G_CALLBACK (reveal_entities), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
on_timeline_button_changed (DossierWindow   *self,
                            GParamSpec      *pspec,
                            GtkToggleButton *button)
{
  gtk_revealer_set_reveal_child (self->timeline_revealer,
                                 gtk_toggle_button_get_active (button) &&
                                 gtk_widget_get_sensitive (GTK_WIDGET (button)));
}

static void
toggle_entities_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierWindowAnalysis *analysis = get_analysis (self);
  gboolean active = !gtk_toggle_button_get_active (analysis->entities_button);

  gtk_toggle_button_set_active (analysis->entities_button, active);
  if (active)
    gtk_widget_grab_focus (GTK_WIDGET (analysis->sidebar));
}

static void
toggle_timeline_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierWindowAnalysis *analysis = get_analysis (self);

  gtk_toggle_button_set_active (analysis->timeline_button,
                                !gtk_toggle_button_get_active (analysis->timeline_button));
}

/* Set-up */

void
_dossier_window_analysis_class_init (DossierWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Template children without fields in DossierWindow: see init. */
  gtk_widget_class_bind_template_child_full (widget_class, "entities_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "timeline_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "win.toggle-entities", NULL, toggle_entities_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.toggle-entities", NULL);

  gtk_widget_class_install_action (widget_class, "win.toggle-timeline", NULL, toggle_timeline_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.toggle-timeline", NULL);

  g_type_ensure (DOSSIER_TYPE_ENTITY_SIDEBAR);
  g_type_ensure (DOSSIER_TYPE_TIMELINE_VIEW);

  _dossier_window_timeline_class_init (klass);
}

void
_dossier_window_analysis_init (DossierWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  DossierWindowAnalysis *analysis = g_new0 (DossierWindowAnalysis, 1);
  GtkTextBuffer *buffer = get_buffer (self);

  self->analysis = analysis;

  analysis->entities_button =
    GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (widget, DOSSIER_TYPE_WINDOW, "entities_button"));
  analysis->timeline_button =
    GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (widget, DOSSIER_TYPE_WINDOW, "timeline_button"));

  /* Translucent, so that they read over the light and the dark page and
   * over annotation highlights. */
  analysis->mention_tag = gtk_text_buffer_create_tag (buffer, "entity-mention",
                                                      "background-rgba",
                                                      &(GdkRGBA) { 0.21, 0.52, 0.89, 0.20 },
                                                      "underline", PANGO_UNDERLINE_SINGLE,
                                                      "underline-rgba",
                                                      &(GdkRGBA) { 0.21, 0.52, 0.89, 0.9 },
                                                      NULL);
  analysis->current_tag = gtk_text_buffer_create_tag (buffer, "entity-mention-current",
                                                      "background-rgba",
                                                      &(GdkRGBA) { 0.21, 0.52, 0.89, 0.45 },
                                                      NULL);

  adw_flap_set_fold_policy (self->entity_flap, ADW_FLAP_FOLD_POLICY_NEVER);
  analysis->sidebar = DOSSIER_ENTITY_SIDEBAR (dossier_entity_sidebar_new ());
  adw_bin_set_child (self->entity_sidebar, GTK_WIDGET (analysis->sidebar));
  g_signal_connect_object (analysis->sidebar, "notify::selected-entity",
                           G_CALLBACK (on_selected_entity_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (analysis->sidebar, "notify::mention",
                           G_CALLBACK (on_mention_changed), self, G_CONNECT_SWAPPED);

  analysis->timeline = DOSSIER_TIMELINE_VIEW (dossier_timeline_view_new ());
  adw_bin_set_child (self->timeline_area, GTK_WIDGET (analysis->timeline));
  g_signal_connect_object (analysis->timeline, "timex-activated",
                           G_CALLBACK (on_timex_activated), self, G_CONNECT_SWAPPED);
  _dossier_window_timeline_init (self);

  g_settings_bind (self->settings, "show-entities", analysis->entities_button, "active",
                   G_SETTINGS_BIND_DEFAULT);
  /* For screenshots and demos, without touching the user's settings. */
  if (g_strcmp0 (g_getenv ("DOSSIER_SHOW_TIMELINE"), "1") == 0)
    gtk_toggle_button_set_active (analysis->timeline_button, TRUE);

  g_signal_connect_object (analysis->entities_button, "notify::active",
                           G_CALLBACK (on_entities_button_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (analysis->entities_button, "notify::sensitive",
                           G_CALLBACK (on_entities_button_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (analysis->timeline_button, "notify::active",
                           G_CALLBACK (on_timeline_button_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (analysis->timeline_button, "notify::sensitive",
                           G_CALLBACK (on_timeline_button_changed), self, G_CONNECT_SWAPPED);

  _dossier_window_analysis_article_shown (self);
}

void
_dossier_window_analysis_dispose (DossierWindow *self)
{
  DossierWindowAnalysis *analysis = get_analysis (self);

  if (analysis == NULL)
    return;

  _dossier_window_timeline_dispose (self);
  self->analysis = NULL;

  g_cancellable_cancel (analysis->cancellable);
  g_clear_object (&analysis->cancellable);
  g_free (analysis);
}

DossierEntitySidebar *
_dossier_window_get_entity_sidebar (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return get_analysis (self)->sidebar;
}

DossierTimelineView *
_dossier_window_get_timeline_view (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return get_analysis (self)->timeline;
}

gboolean
_dossier_window_get_analysis_ready (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  return get_analysis (self)->ready;
}
