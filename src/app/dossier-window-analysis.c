/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-window-analysis"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-analysis.h"
#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-entity-corrections.h"
#include "dossier-entity-sidebar-private.h"
#include "dossier-reader-view-private.h"
#include "dossier-window-analysis.h"
#include "dossier-window-notes.h"
#include "dossier-window-private.h"
#include "dossier-window-timeline.h"

/* The window runs the analysis of each article it shows in a worker
 * thread, fills the entity sidebar and the timeline when it is done, and
 * shows in the reader what they point at: every mention of the selected
 * entity, the passage of a timeline entry.
 *
 * The sidebar shows the analysis with the user's entity corrections on
 * top, re-applied whenever either changes: a new analysis, a correction,
 * an undo or redo, the notes file loaded or changed by another program.
 * Corrections are made from the sidebar's rows and, for a name the
 * analysis missed, from a selection in the reader (win.add-entity). */
struct _DossierWindowAnalysis
{
  GCancellable         *cancellable;
  GListStore           *found;
  GSignalGroup         *document_signals;
  char                 *select_name;
  DossierEntityKind     select_kind;
  GtkToggleButton      *entities_button;
  GtkToggleButton      *timeline_button;
  DossierEntitySidebar *sidebar;
  DossierTimelineView  *timeline;
  GtkTextTag           *mention_tag;
  GtkTextTag           *current_tag;
  /* The entity whose mentions carry mention_tag, and which of them do:
   * all, or past MAX_TAGGED_MENTIONS those around what the reader shows. */
  DossierEntity        *tagged;
  guint                 tagged_first;
  guint                 tagged_last;
  guint                 window_source;
  GAsyncResult         *pending;
  guint                 ready : 1;
  guint                 painted : 1;
};

static void update_mention_actions (DossierWindow *self);

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

/* Mentions
 *
 * A name met a few times has all its mentions highlighted at once. One
 * met tens of thousands of times in a long clipping would take a quarter
 * of a second per selection to highlight them all, and as long to clear
 * them: past MAX_TAGGED_MENTIONS only those on screen are, with a screen
 * above and below, and the highlights follow the reader as it scrolls
 * (before each frame is drawn, so no mention shows without its
 * highlight). Stepping through the mentions scrolls, and so highlights. */

#define MAX_TAGGED_MENTIONS 1000

static gboolean
tags_all_mentions (DossierEntity *entity)
{
  return dossier_entity_get_n_mentions (entity) <= MAX_TAGGED_MENTIONS;
}

/* Applies or removes the mention tag over mentions [first, last). */
static void
tag_mentions (DossierWindow *self,
              DossierEntity *entity,
              guint          first,
              guint          last,
              gboolean       apply)
{
  DossierWindowAnalysis *analysis = get_analysis (self);
  GtkTextBuffer *buffer = get_buffer (self);
  const DossierEntityMention *mentions;
  guint n = 0;

  /* Offsets are code points into the article, and the buffer holds the
   * article text alone (the header is made of labels): buffer character
   * offsets are article offsets. */
  mentions = dossier_entity_get_mentions (entity, &n);
  for (guint i = first; i < last && i < n; i++)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, mentions[i].start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, mentions[i].end);
      if (apply)
        gtk_text_buffer_apply_tag (buffer, analysis->mention_tag, &start, &end);
      else
        gtk_text_buffer_remove_tag (buffer, analysis->mention_tag, &start, &end);
    }
}

/* The first mention that ends after @offset (mentions are in text order
 * and do not overlap). */
static guint
find_mention (const DossierEntityMention *mentions,
              guint                       n,
              guint                       offset)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (mentions[mid].end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Tags the mentions around what the reader shows, and untags those that
 * were and are no longer, when the screen has left the tagged ones. With
 * @around, an offset the reader has just been scrolled to: where the
 * screen is may not be known yet (the text there not laid out), and the
 * mentions around @around are tagged in any case. */
static void
update_mention_window (DossierWindow *self,
                       guint          around)
{
  DossierWindowAnalysis *analysis = get_analysis (self);
  const DossierEntityMention *mentions;
  guint start, end, span, first, last, n = 0;
  guint a0, a1, b0, b1;

  g_clear_handle_id (&analysis->window_source, g_source_remove);

  if (analysis->tagged == NULL || tags_all_mentions (analysis->tagged))
    return;

  mentions = dossier_entity_get_mentions (analysis->tagged, &n);
  _dossier_reader_view_get_visible_range (self->reader_view, &start, &end);
  if (around != G_MAXUINT && (around < start || around >= end))
    {
      /* As the reader places it: a third down the screen. */
      span = MAX (end - start, 4096);
      start = around > span / 3 ? around - span / 3 : 0;
      end = start + span;
    }

  /* Every mention on screen carries it already. */
  first = find_mention (mentions, n, start);
  last = find_mention (mentions, n, end);
  while (last < n && mentions[last].start < end)
    last++;
  if (analysis->tagged_first < analysis->tagged_last &&
      analysis->tagged_first <= first && last <= analysis->tagged_last)
    return;

  /* A screen more on either side: scrolling on does not need to wait. */
  span = end - start + 1;
  b0 = find_mention (mentions, n, start > span ? start - span : 0);
  b1 = find_mention (mentions, n, end + span);
  while (b1 < n && mentions[b1].start < end + span)
    b1++;

  /* Only what changes: untag what was tagged and is out, tag what is new. */
  a0 = analysis->tagged_first;
  a1 = analysis->tagged_last;
  tag_mentions (self, analysis->tagged, a0, MIN (a1, b0), FALSE);
  tag_mentions (self, analysis->tagged, MAX (a0, b1), a1, FALSE);
  if (a0 < a1)
    {
      tag_mentions (self, analysis->tagged, b0, MIN (b1, a0), TRUE);
      tag_mentions (self, analysis->tagged, MAX (b0, a1), b1, TRUE);
    }
  else
    tag_mentions (self, analysis->tagged, b0, b1, TRUE);

  analysis->tagged_first = b0;
  analysis->tagged_last = b1;
}

static gboolean
mention_window_cb (gpointer user_data)
{
  DossierWindow *self = user_data;

  get_analysis (self)->window_source = 0;
  update_mention_window (self, G_MAXUINT);

  return G_SOURCE_REMOVE;
}

static void
queue_mention_window (DossierWindow *self)
{
  DossierWindowAnalysis *analysis = get_analysis (self);

  if (analysis == NULL || analysis->tagged == NULL || tags_all_mentions (analysis->tagged) ||
      analysis->window_source != 0)
    return;

  /* Before the next frame is drawn. */
  analysis->window_source = g_idle_add_full (GDK_PRIORITY_REDRAW - 10, mention_window_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, analysis->window_source),
                            "[dossier] mention highlights");
}

static void
clear_mentions (DossierWindow *self)
{
  DossierWindowAnalysis *analysis = get_analysis (self);
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;

  g_clear_handle_id (&analysis->window_source, g_source_remove);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  if (analysis->tagged != NULL && !tags_all_mentions (analysis->tagged))
    tag_mentions (self, analysis->tagged, analysis->tagged_first, analysis->tagged_last, FALSE);
  else
    gtk_text_buffer_remove_tag (buffer, analysis->mention_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, analysis->current_tag, &start, &end);

  g_clear_object (&analysis->tagged);
  analysis->tagged_first = analysis->tagged_last = 0;
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

  if (analysis == NULL)
    return;

  clear_mentions (self);
  update_mention_actions (self);

  if (entity == NULL)
    return;

  analysis->tagged = g_object_ref (entity);
  if (tags_all_mentions (entity))
    {
      analysis->tagged_last = dossier_entity_get_n_mentions (entity);
      tag_mentions (self, entity, 0, analysis->tagged_last, TRUE);
    }
  else
    /* Once the reader has gone to the first mention. */
    queue_mention_window (self);
}

static void
on_reader_scrolled (DossierWindow *self,
                    GtkAdjustment *vadj)
{
  queue_mention_window (self);
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
  /* Now, not before the next frame: its highlight is there on return. */
  update_mention_window (self, mentions[mention].start);
}

/* Corrections */

static gboolean
can_correct (DossierWindow *self)
{
  DossierDocument *document = _dossier_window_get_document (self);

  return get_analysis (self)->ready && document != NULL &&
         _dossier_window_get_notes_ready (self) &&
         !dossier_document_get_read_only (document) &&
         self->article != NULL &&
         g_strcmp0 (dossier_document_get_text (document),
                    dossier_article_get_text (self->article)) == 0;
}

/* The analysis with the corrections on top, keeping the selection on the
 * entity it was on, or on the one a correction just made. */
static void
reapply (DossierWindow *self)
{
  DossierWindowAnalysis *analysis = get_analysis (self);
  DossierDocument *document = _dossier_window_get_document (self);
  g_autoptr(JsonArray) corrections = NULL;
  g_autoptr(GListStore) shown = NULL;
  g_autoptr(GListStore) hidden = NULL;
  g_autoptr(GPtrArray) select_names = g_ptr_array_new_with_free_func (g_free);
  DossierEntityKind select_kind = DOSSIER_ENTITY_PERSON;
  DossierEntity *selected;
  guint current_start = G_MAXUINT;

  if (analysis == NULL || analysis->found == NULL)
    return;

  selected = dossier_entity_sidebar_get_selected_entity (analysis->sidebar);
  if (selected != NULL && dossier_entity_sidebar_get_mention (analysis->sidebar) >= 0)
    {
      guint n = 0;
      const DossierEntityMention *mentions = dossier_entity_get_mentions (selected, &n);
      guint current = dossier_entity_sidebar_get_mention (analysis->sidebar);

      if (current < n)
        current_start = mentions[current].start;
    }
  if (analysis->select_name != NULL)
    {
      g_ptr_array_add (select_names, g_steal_pointer (&analysis->select_name));
      select_kind = analysis->select_kind;
    }
  else if (selected != NULL)
    {
      const char * const *aliases = dossier_entity_get_aliases (selected);

      /* Its other names find it again after an undone rename. */
      g_ptr_array_add (select_names, g_strdup (dossier_entity_get_name (selected)));
      for (guint i = 0; aliases != NULL && aliases[i]; i++)
        g_ptr_array_add (select_names, g_strdup (aliases[i]));
      select_kind = dossier_entity_get_kind (selected);
    }

  if (document != NULL)
    corrections = dossier_document_dup_entity_corrections (document);

  shown = dossier_entity_corrections_apply (G_LIST_MODEL (analysis->found),
                                            self->article ? dossier_article_get_text (self->article) : NULL,
                                            corrections, &hidden);

  dossier_entity_sidebar_set_hidden_entities (analysis->sidebar, G_LIST_MODEL (hidden));
  dossier_entity_sidebar_set_entities (analysis->sidebar, G_LIST_MODEL (shown));

  for (guint n = 0; n < select_names->len; n++)
    {
      const char *name = g_ptr_array_index (select_names, n);
      DossierEntity *entity;

      entity = dossier_entity_corrections_lookup (G_LIST_MODEL (shown), name, select_kind);
      if (entity == NULL)
        entity = dossier_entity_corrections_lookup (G_LIST_MODEL (hidden), name, select_kind);
      if (entity == NULL)
        continue;

      if (dossier_entity_sidebar_select_entity (analysis->sidebar, entity))
        {
          guint n_mentions = 0;
          const DossierEntityMention *mentions = dossier_entity_get_mentions (entity, &n_mentions);

          /* Back to the mention the reader showed, if it is still one
           * (in one step: not through the thousands before it). */
          for (guint i = 0; i < n_mentions; i++)
            if (mentions[i].start == current_start)
              {
                dossier_entity_sidebar_set_mention (analysis->sidebar, i);
                break;
              }
        }
      break;
    }
}

static void
on_corrections_changed (DossierWindow   *self,
                        DossierDocument *document)
{
  reapply (self);
}

static void
undo_toast (DossierWindow *self,
            char          *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_free (title);
}

static void
add_correction (DossierWindow *self,
                JsonObject    *correction)
{
  DossierWindowAnalysis *analysis = get_analysis (self);
  DossierDocument *document = _dossier_window_get_document (self);
  g_autoptr(JsonArray) corrections = NULL;
  const char *action = json_object_get_string_member_with_default (correction, "action", "");
  const char *name = json_object_get_string_member_with_default (correction, "name", NULL);
  const char *kind = json_object_get_string_member_with_default (correction, "kind", NULL);
  const char *to = json_object_get_string_member_with_default (correction, "to", NULL);
  JsonObject *into = NULL;

  if (!can_correct (self))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Corrections cannot be kept: the notes of this clipping are read-only")));
      return;
    }

  /* Where the selection goes once the correction is applied. */
  g_clear_pointer (&analysis->select_name, g_free);
  if (g_str_equal (action, "rename") && to != NULL)
    name = to;
  else if (g_str_equal (action, "kind") && to != NULL)
    kind = to;
  else if (g_str_equal (action, "merge") &&
           (into = json_object_get_object_member (correction, "into")) != NULL)
    {
      name = json_object_get_string_member_with_default (into, "name", NULL);
      kind = json_object_get_string_member_with_default (into, "kind", NULL);
    }
  else if (g_str_equal (action, "add"))
    name = json_object_get_string_member_with_default (correction, "text", NULL);
  else if (g_str_equal (action, "hide"))
    name = NULL;

  if (name != NULL && dossier_entity_kind_from_string (kind, &analysis->select_kind))
    analysis->select_name = g_strdup (name);

  corrections = dossier_document_dup_entity_corrections (document);
  json_array_add_object_element (corrections, json_object_ref (correction));
  dossier_document_set_entity_corrections (document, corrections);

  /* Those that take a name out of the list say how to get it back. */
  if (g_str_equal (action, "hide"))
    /* Translators: a toast after hiding a name from the sidebar */
    undo_toast (self, g_strdup_printf (_("“%s” hidden"),
                                       json_object_get_string_member_with_default (correction, "name", "")));
  else if (into != NULL)
    /* Translators: a toast after merging a name into another */
    undo_toast (self, g_strdup_printf (_("“%s” merged into “%s”"),
                                       json_object_get_string_member_with_default (correction, "name", ""),
                                       json_object_get_string_member_with_default (into, "name", "")));
}

static void
on_correction_requested (DossierWindow        *self,
                         JsonObject           *correction,
                         DossierEntitySidebar *sidebar)
{
  add_correction (self, correction);
}

/* The selection in the reader, without the white space a drag takes. */
static char *
dup_selected_text (DossierWindow *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter a, b;
  g_autofree char *text = NULL;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    return NULL;

  text = g_strstrip (gtk_text_buffer_get_text (buffer, &a, &b, FALSE));
  /* A name is short and on one line. */
  if (*text == '\0' || strchr (text, '\n') != NULL || g_utf8_strlen (text, -1) > 200)
    return NULL;

  return g_steal_pointer (&text);
}

static void
add_entity_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierWindowAnalysis *analysis = get_analysis (self);
  g_autoptr(JsonObject) correction = NULL;
  g_autofree char *text = dup_selected_text (self);
  DossierEntityKind kind;

  if (text == NULL ||
      !dossier_entity_kind_from_string (g_variant_get_string (param, NULL), &kind))
    return;

  correction = dossier_entity_correction_new_add (text, kind);

  /* Only whole words make names: part of one finds nothing to add. */
  {
    g_autoptr(GListStore) none = g_list_store_new (DOSSIER_TYPE_ENTITY);
    g_autoptr(JsonArray) alone = json_array_new ();
    g_autoptr(GListStore) found = NULL;

    json_array_add_object_element (alone, json_object_ref (correction));
    found = dossier_entity_corrections_apply (G_LIST_MODEL (none),
                                              dossier_article_get_text (self->article),
                                              alone, NULL);
    if (g_list_model_get_n_items (G_LIST_MODEL (found)) == 0)
      {
        /* Translators: a toast when the selection is part of a word */
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new_format (_("“%s” is not a whole word of the text"), text));
        return;
      }
  }

  add_correction (self, correction);

  /* Show where it went. */
  if (analysis->select_name == NULL)
    gtk_toggle_button_set_active (analysis->entities_button, TRUE);
}

static void
update_add_entity (DossierWindow *self)
{
  g_autofree char *text = NULL;

  if (get_analysis (self) == NULL)
    return;

  text = dup_selected_text (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-entity",
                                 text != NULL && can_correct (self));
}

static void
on_has_selection (DossierWindow *self,
                  GParamSpec    *pspec,
                  GtkTextBuffer *buffer)
{
  update_add_entity (self);
}

/* Stepping through mentions from anywhere in the window */

static void
update_mention_actions (DossierWindow *self)
{
  DossierWindowAnalysis *analysis = get_analysis (self);
  DossierEntity *entity;
  gboolean enabled;

  if (analysis == NULL)
    return;

  entity = dossier_entity_sidebar_get_selected_entity (analysis->sidebar);
  enabled = entity != NULL && dossier_entity_get_n_mentions (entity) > 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-mention", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-mention", enabled);
}

static void
next_mention_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DossierWindowAnalysis *analysis = get_analysis (DOSSIER_WINDOW (widget));

  if (g_str_equal (action_name, "win.next-mention"))
    dossier_entity_sidebar_next_mention (analysis->sidebar);
  else
    dossier_entity_sidebar_previous_mention (analysis->sidebar);
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

static void analysis_apply (DossierWindow *self,
                            GAsyncResult  *result);

static void
on_after_paint (GdkFrameClock *frame_clock,
                DossierWindow *self)
{
  DossierWindowAnalysis *analysis = get_analysis (self);
  g_autoptr(GAsyncResult) result = NULL;

  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint, self);
  if (analysis == NULL)
    return;

  analysis->painted = TRUE;
  if ((result = g_steal_pointer (&analysis->pending)))
    analysis_apply (self, result);
}

/* The article's first frame comes first: on a short clipping the analysis
 * is done before it, and filling the sidebar and the timeline would hold
 * it back by a quarter of a second. */
static void
analysis_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  DossierWindowAnalysis *analysis = get_analysis (self);
  GdkFrameClock *frame_clock;

  if (analysis != NULL && !analysis->painted &&
      gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      (frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self))) != NULL)
    {
      if (analysis->pending == NULL)
        g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (on_after_paint), self, 0);
      g_set_object (&analysis->pending, result);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  analysis_apply (self, result);
}

static void
analysis_apply (DossierWindow *self,
                GAsyncResult  *result)
{
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

  g_set_object (&analysis->found, entities);
  reapply (self);
  dossier_entity_sidebar_set_loading (analysis->sidebar, FALSE);
  _dossier_window_timeline_set_analysis (self, G_LIST_MODEL (timexes));
  dossier_timeline_view_set_loading (analysis->timeline, FALSE);
  analysis->ready = TRUE;
  update_add_entity (self);
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
  g_clear_object (&analysis->pending);
  analysis->ready = FALSE;
  analysis->painted = FALSE;
  g_clear_object (&analysis->found);
  g_clear_pointer (&analysis->select_name, g_free);
  g_signal_group_set_target (analysis->document_signals, _dossier_window_get_document (self));
  update_add_entity (self);

  dossier_entity_sidebar_set_hidden_entities (analysis->sidebar, NULL);
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

  gtk_widget_class_install_action (widget_class, "win.add-entity", "s", add_entity_action);

  gtk_widget_class_install_action (widget_class, "win.next-mention", NULL, next_mention_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.next-mention", NULL);
  gtk_widget_class_install_action (widget_class, "win.previous-mention", NULL, next_mention_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, GDK_SHIFT_MASK,
                                       "win.previous-mention", NULL);

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
  /* Colour only: a tag that may change the size of the text (an
   * underline does) makes the view lay out again every line it touches,
   * which for a name met thousands of times in a long clipping is all of
   * them, for minutes. */
  analysis->mention_tag = gtk_text_buffer_create_tag (buffer, "entity-mention",
                                                      "background-rgba",
                                                      &(GdkRGBA) { 0.21, 0.52, 0.89, 0.24 },
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
  g_signal_connect_object (analysis->sidebar, "correction-requested",
                           G_CALLBACK (on_correction_requested), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (_dossier_reader_view_get_vadjustment (self->reader_view), "value-changed",
                           G_CALLBACK (on_reader_scrolled), self, G_CONNECT_SWAPPED);
  /* The text grows as the reader lays it out, and moves what is shown. */
  g_signal_connect_object (_dossier_reader_view_get_vadjustment (self->reader_view), "changed",
                           G_CALLBACK (on_reader_scrolled), self, G_CONNECT_SWAPPED);

  analysis->document_signals = g_signal_group_new (DOSSIER_TYPE_DOCUMENT);
  g_signal_group_connect_object (analysis->document_signals, "corrections-changed::entity",
                                 G_CALLBACK (on_corrections_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (analysis->document_signals, "merged",
                                 G_CALLBACK (on_corrections_changed), self, G_CONNECT_SWAPPED);
  /* Corrections wait for the notes: loaded, writable. */
  g_signal_group_connect_object (analysis->document_signals, "notify::read-only",
                                 G_CALLBACK (update_add_entity), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "notify::has-selection",
                           G_CALLBACK (on_has_selection), self, G_CONNECT_SWAPPED);
  {
    g_autoptr(GMenu) menu = g_menu_new ();
    g_autoptr(GMenu) kinds = g_menu_new ();

    g_menu_append (kinds, _("As a _Person"), "win.add-entity::person");
    g_menu_append (kinds, _("As an _Organization"), "win.add-entity::organization");
    g_menu_append (kinds, _("As a P_lace"), "win.add-entity::place");
    g_menu_append_submenu (menu, _("Add as _Entity"), G_MENU_MODEL (kinds));
    gtk_text_view_set_extra_menu (_dossier_reader_view_get_text_view (self->reader_view),
                                  G_MENU_MODEL (menu));
  }

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
  if (g_strcmp0 (g_getenv ("DOSSIER_SHOW_ENTITIES"), "1") == 0)
    gtk_toggle_button_set_active (analysis->entities_button, TRUE);

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
  g_clear_handle_id (&analysis->window_source, g_source_remove);
  g_clear_object (&analysis->tagged);
  if (analysis->document_signals)
    g_signal_group_set_target (analysis->document_signals, NULL);
  g_clear_object (&analysis->document_signals);
  g_clear_object (&analysis->found);
  g_clear_object (&analysis->pending);
  g_clear_pointer (&analysis->select_name, g_free);
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
