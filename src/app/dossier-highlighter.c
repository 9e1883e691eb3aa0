/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-highlighter"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-annotation.h"
#include "dossier-document.h"
#include "dossier-highlighter.h"

/*
 * Draws the annotations of a document in the reader's text buffer: one
 * text tag per colour and style, applied over each passage. Whenever the
 * annotations change (removed, moved, recoloured, many added at once) the
 * tags are applied again from scratch on the next idle, so that a burst of
 * changes (loading, re-anchoring, undo of a group) costs one pass. One
 * annotation added, or the selection moved, changes only its own tags:
 * with 100,000 annotations a pass holds the window for a second. Past a
 * thousand, only the annotations around the screen are tagged, and those
 * it scrolls to as it does (dossier_highlighter_set_visible_range()).
 *
 * The backgrounds are translucent: over the light page they read as a
 * marker pen, over the dark one as a tinted band, and the text colour
 * (which follows the style) stays readable in both.
 */

struct _DossierHighlighter
{
  GObject            parent_instance;

  GtkTextBuffer     *buffer;
  DossierDocument   *document;
  GListModel        *annotations;
  DossierAnnotation *selected;

  GtkTextTag        *tags[DOSSIER_N_ANNOTATION_COLORS][2];
  GtkTextTag        *selected_tags[DOSSIER_N_ANNOTATION_COLORS];

  guint              update_source;

  /* With many annotations only those around the screen are tagged: the
   * screen's offsets as last told, what is tagged, and the longest
   * annotation (how far before the screen one may start and reach it). */
  guint              windowed : 1;
  guint              view_start;
  guint              view_end;
  guint              tag_start;
  guint              tag_end;
  guint              max_length;
};

G_DEFINE_FINAL_TYPE (DossierHighlighter, dossier_highlighter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Tango-like tones that keep their hue at low alpha. */
static const GdkRGBA palette[DOSSIER_N_ANNOTATION_COLORS] = {
  [DOSSIER_ANNOTATION_COLOR_YELLOW] = { 0.965, 0.827, 0.176, 1.0 },
  [DOSSIER_ANNOTATION_COLOR_GREEN]  = { 0.341, 0.890, 0.537, 1.0 },
  [DOSSIER_ANNOTATION_COLOR_BLUE]   = { 0.384, 0.627, 0.918, 1.0 },
  [DOSSIER_ANNOTATION_COLOR_PINK]   = { 0.965, 0.380, 0.588, 1.0 },
  [DOSSIER_ANNOTATION_COLOR_PURPLE] = { 0.753, 0.380, 0.796, 1.0 },
  [DOSSIER_ANNOTATION_COLOR_ORANGE] = { 1.000, 0.639, 0.282, 1.0 },
};

/**
 * dossier_annotation_color_get_label:
 * @color: a palette colour
 *
 * Returns: the colour's name for the user, translated
 */
const char *
dossier_annotation_color_get_label (DossierAnnotationColor color)
{
  switch (color)
    {
    case DOSSIER_ANNOTATION_COLOR_YELLOW:
      return _("Yellow");
    case DOSSIER_ANNOTATION_COLOR_GREEN:
      return _("Green");
    case DOSSIER_ANNOTATION_COLOR_BLUE:
      return _("Blue");
    case DOSSIER_ANNOTATION_COLOR_PINK:
      return _("Pink");
    case DOSSIER_ANNOTATION_COLOR_PURPLE:
      return _("Purple");
    case DOSSIER_ANNOTATION_COLOR_ORANGE:
      return _("Orange");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
dossier_annotation_color_get_rgba (DossierAnnotationColor  color,
                                   GdkRGBA                *rgba)
{
  g_return_if_fail (color < DOSSIER_N_ANNOTATION_COLORS);
  g_return_if_fail (rgba != NULL);

  *rgba = palette[color];
}

static void queue_update (DossierHighlighter *self);

static void
on_annotation_changed (DossierHighlighter *self,
                       DossierAnnotation  *annotation,
                       GParamSpec         *pspec)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "color") || g_str_equal (name, "style") ||
      g_str_equal (name, "start") || g_str_equal (name, "end") ||
      g_str_equal (name, "orphan"))
    queue_update (self);
}

static void
remove_all_tags (DossierHighlighter *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  for (guint c = 0; c < DOSSIER_N_ANNOTATION_COLORS; c++)
    for (guint s = 0; s < 2; s++)
      gtk_text_buffer_remove_tag (self->buffer, self->tags[c][s], &start, &end);
  for (guint c = 0; c < DOSSIER_N_ANNOTATION_COLORS; c++)
    gtk_text_buffer_remove_tag (self->buffer, self->selected_tags[c], &start, &end);
}

static void
apply_range (DossierHighlighter *self,
             GtkTextTag         *tag,
             DossierAnnotation  *annotation,
             guint               n_chars)
{
  guint a = dossier_annotation_get_start (annotation);
  guint b = dossier_annotation_get_end (annotation);
  GtkTextIter start, end;

  /* The buffer may show another text than the document's for a moment
   * (a new article is being loaded): skip what does not fit. */
  if (a >= b || b > n_chars)
    return;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, a);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, b);
  gtk_text_buffer_apply_tag (self->buffer, tag, &start, &end);
}

/* Applies the tag of @annotation's colour and style over it. */
static void
tag_annotation (DossierHighlighter *self,
                DossierAnnotation  *annotation,
                guint               n_chars)
{
  guint color = dossier_annotation_get_color (annotation);
  guint style = dossier_annotation_get_style (annotation) == DOSSIER_ANNOTATION_STYLE_UNDERLINE;

  if (dossier_annotation_get_orphan (annotation) || color >= DOSSIER_N_ANNOTATION_COLORS)
    return;

  apply_range (self, self->tags[color][style], annotation, n_chars);
}

/* Applies or removes the selected look over @annotation (nullable). */
static void
tag_selected (DossierHighlighter *self,
              DossierAnnotation  *annotation,
              gboolean            apply)
{
  guint color, a, b;
  GtkTextIter start, end;

  if (annotation == NULL || dossier_annotation_get_orphan (annotation))
    return;

  color = dossier_annotation_get_color (annotation);
  if (color >= DOSSIER_N_ANNOTATION_COLORS)
    return;

  if (apply)
    {
      apply_range (self, self->selected_tags[color], annotation,
                   gtk_text_buffer_get_char_count (self->buffer));
      return;
    }

  a = dossier_annotation_get_start (annotation);
  b = MIN (dossier_annotation_get_end (annotation),
           (guint) gtk_text_buffer_get_char_count (self->buffer));
  if (a >= b)
    return;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, a);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, b);
  gtk_text_buffer_remove_tag (self->buffer, self->selected_tags[color], &start, &end);
}

/* Past this many annotations only those around the screen are tagged. */
#define MAX_TAGGED_ANNOTATIONS 1000

static guint
get_start (GListModel *annotations,
           guint       i)
{
  g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (annotations, i);

  /* Orphans come last. */
  if (dossier_annotation_get_orphan (annotation))
    return G_MAXUINT;

  return dossier_annotation_get_start (annotation);
}

/* The first annotation that starts at or after @offset (the list is in
 * text order). */
static guint
find_annotation (DossierHighlighter *self,
                 guint               offset)
{
  guint lo = 0, hi = g_list_model_get_n_items (self->annotations);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (get_start (self->annotations, mid) < offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
remove_style_tags (DossierHighlighter *self,
                   guint               from,
                   guint               to)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, from);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, to);
  for (guint c = 0; c < DOSSIER_N_ANNOTATION_COLORS; c++)
    for (guint s = 0; s < 2; s++)
      gtk_text_buffer_remove_tag (self->buffer, self->tags[c][s], &start, &end);
}

/* Tags the annotations around the screen: a screen more on either side,
 * so that scrolling on does not need to wait. */
static void
tag_window (DossierHighlighter *self)
{
  guint n_chars = gtk_text_buffer_get_char_count (self->buffer);
  guint span, n;

  if (self->view_start < self->view_end)
    {
      span = self->view_end - self->view_start + 1;
      self->tag_start = self->view_start > span ? self->view_start - span : 0;
      self->tag_end = self->view_end + span;
    }
  else
    {
      /* Not told yet: the top of the text. */
      self->tag_start = 0;
      self->tag_end = 16384;
    }

  n = g_list_model_get_n_items (self->annotations);
  for (guint i = find_annotation (self, self->tag_start > self->max_length ?
                                        self->tag_start - self->max_length : 0);
       i < n; i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (self->annotations, i);

      if (dossier_annotation_get_orphan (annotation) ||
          dossier_annotation_get_start (annotation) >= self->tag_end)
        break;
      if (dossier_annotation_get_end (annotation) > self->tag_start)
        tag_annotation (self, annotation, n_chars);
    }
}

/**
 * dossier_highlighter_set_visible_range:
 * @self: a #DossierHighlighter
 * @start: the offset of the first character on screen
 * @end: the offset after the last one
 *
 * Tells what the reader shows. With more than a thousand annotations only
 * those around it are drawn, and those it scrolls to as it does.
 */
void
dossier_highlighter_set_visible_range (DossierHighlighter *self,
                                       guint               start,
                                       guint               end)
{
  g_return_if_fail (DOSSIER_IS_HIGHLIGHTER (self));

  self->view_start = start;
  self->view_end = end;

  /* Every annotation on screen carries its tag already, or the next
   * update tags them. */
  if (!self->windowed || self->update_source != 0 ||
      (self->tag_start <= start && end <= self->tag_end))
    return;

  remove_style_tags (self,
                     self->tag_start > self->max_length ? self->tag_start - self->max_length : 0,
                     self->tag_end + self->max_length);
  tag_window (self);
}

/**
 * dossier_highlighter_update:
 * @self: a #DossierHighlighter
 *
 * Applies the tags now instead of on the next idle.
 */
void
dossier_highlighter_update (DossierHighlighter *self)
{
  guint n, n_chars;

  g_return_if_fail (DOSSIER_IS_HIGHLIGHTER (self));

  g_clear_handle_id (&self->update_source, g_source_remove);

  remove_all_tags (self);

  if (self->annotations == NULL)
    return;

  n = g_list_model_get_n_items (self->annotations);
  n_chars = gtk_text_buffer_get_char_count (self->buffer);
  self->windowed = n > MAX_TAGGED_ANNOTATIONS;
  self->max_length = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (self->annotations, i);

      if (!self->windowed)
        tag_annotation (self, annotation, n_chars);
      else if (!dossier_annotation_get_orphan (annotation))
        self->max_length = MAX (self->max_length,
                                dossier_annotation_get_end (annotation) -
                                dossier_annotation_get_start (annotation));
    }

  if (self->windowed)
    tag_window (self);

  tag_selected (self, self->selected, TRUE);
}

static gboolean
update_cb (gpointer user_data)
{
  DossierHighlighter *self = user_data;

  self->update_source = 0;
  dossier_highlighter_update (self);

  return G_SOURCE_REMOVE;
}

static void
queue_update (DossierHighlighter *self)
{
  if (self->update_source == 0)
    {
      /* Before the next frame is drawn. */
      self->update_source = g_idle_add_full (GDK_PRIORITY_REDRAW - 10, update_cb, self, NULL);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->update_source),
                                "[dossier] highlight");
    }
}

/* More added together (a load, an undo) are applied in one pass. */
#define MAX_ADDED_AT_ONCE 16

static void
on_items_changed (DossierHighlighter *self,
                  guint               position,
                  guint               removed,
                  guint               added,
                  GListModel         *model)
{
  if (self->selected && removed > 0)
    {
      /* The selected annotation may be gone (deleted, or undone). */
      if (!dossier_document_lookup_annotation (self->document,
                                               dossier_annotation_get_id (self->selected)))
        dossier_highlighter_set_selected (self, NULL);
    }

  /* An annotation added, and the tags are those of the others: only its
   * own to apply. With 100,000 annotations, applying every tag again
   * holds the window for a second. */
  if (removed == 0 && added <= MAX_ADDED_AT_ONCE && self->update_source == 0 &&
      (self->windowed || g_list_model_get_n_items (model) <= MAX_TAGGED_ANNOTATIONS))
    {
      guint n_chars = gtk_text_buffer_get_char_count (self->buffer);

      for (guint i = position; i < position + added; i++)
        {
          g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (model, i);
          guint a = dossier_annotation_get_start (annotation);
          guint b = dossier_annotation_get_end (annotation);

          if (!self->windowed)
            tag_annotation (self, annotation, n_chars);
          else if (!dossier_annotation_get_orphan (annotation))
            {
              self->max_length = MAX (self->max_length, b - a);
              if (b > self->tag_start && a < self->tag_end)
                tag_annotation (self, annotation, n_chars);
            }
        }
      return;
    }

  queue_update (self);
}

static void
dossier_highlighter_dispose (GObject *object)
{
  DossierHighlighter *self = (DossierHighlighter *)object;

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->annotations)
    {
      g_signal_handlers_disconnect_by_func (self->annotations, on_items_changed, self);
      g_signal_handlers_disconnect_by_func (self->annotations, on_annotation_changed, self);
    }
  g_clear_object (&self->annotations);
  g_clear_object (&self->document);
  g_clear_object (&self->selected);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (dossier_highlighter_parent_class)->dispose (object);
}

static void
dossier_highlighter_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierHighlighter *self = DOSSIER_HIGHLIGHTER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, dossier_highlighter_get_document (self));
      break;
    case PROP_SELECTED:
      g_value_set_object (value, dossier_highlighter_get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_highlighter_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DossierHighlighter *self = DOSSIER_HIGHLIGHTER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      dossier_highlighter_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      dossier_highlighter_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_highlighter_class_init (DossierHighlighterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_highlighter_dispose;
  object_class->get_property = dossier_highlighter_get_property;
  object_class->set_property = dossier_highlighter_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, DOSSIER_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, DOSSIER_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_highlighter_init (DossierHighlighter *self)
{
}

/**
 * dossier_highlighter_new:
 * @buffer: the reader's text buffer
 *
 * Returns: (transfer full): a highlighter drawing into @buffer
 */
DossierHighlighter *
dossier_highlighter_new (GtkTextBuffer *buffer)
{
  DossierHighlighter *self;
  GtkTextTagTable *table;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  self = g_object_new (DOSSIER_TYPE_HIGHLIGHTER, NULL);
  self->buffer = g_object_ref (buffer);
  table = gtk_text_buffer_get_tag_table (buffer);

  for (guint c = 0; c < DOSSIER_N_ANNOTATION_COLORS; c++)
    {
      GdkRGBA background = palette[c];
      GdkRGBA line = palette[c];
      g_autofree char *highlight_name = NULL;
      g_autofree char *underline_name = NULL;
      g_autofree char *selected_name = NULL;

      highlight_name = g_strdup_printf ("annotation-%s-highlight",
                                        dossier_annotation_color_to_string (c));
      underline_name = g_strdup_printf ("annotation-%s-underline",
                                        dossier_annotation_color_to_string (c));
      selected_name = g_strdup_printf ("annotation-%s-selected",
                                       dossier_annotation_color_to_string (c));

      /* Reuse the tags when a buffer outlives a highlighter. */
      self->tags[c][0] = gtk_text_tag_table_lookup (table, highlight_name);
      self->tags[c][1] = gtk_text_tag_table_lookup (table, underline_name);
      self->selected_tags[c] = gtk_text_tag_table_lookup (table, selected_name);

      background.alpha = 0.42;
      if (self->tags[c][0] == NULL)
        self->tags[c][0] = gtk_text_buffer_create_tag (buffer, highlight_name,
                                                       "background-rgba", &background,
                                                       NULL);
      if (self->tags[c][1] == NULL)
        self->tags[c][1] = gtk_text_buffer_create_tag (buffer, underline_name,
                                                       "underline", PANGO_UNDERLINE_DOUBLE,
                                                       "underline-rgba", &line,
                                                       NULL);

      /* The selected card's passage: the same colour, stronger. */
      background.alpha = 0.8;
      if (self->selected_tags[c] == NULL)
        self->selected_tags[c] = gtk_text_buffer_create_tag (buffer, selected_name,
                                                             "background-rgba", &background,
                                                             NULL);

      /* Under the find matches, which must show through. */
      gtk_text_tag_set_priority (self->selected_tags[c], 0);
      gtk_text_tag_set_priority (self->tags[c][1], 0);
      gtk_text_tag_set_priority (self->tags[c][0], 0);
    }

  return self;
}

/**
 * dossier_highlighter_get_document:
 *
 * Returns: (transfer none) (nullable): the document drawn
 */
DossierDocument *
dossier_highlighter_get_document (DossierHighlighter *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHTER (self), NULL);

  return self->document;
}

void
dossier_highlighter_set_document (DossierHighlighter *self,
                                  DossierDocument    *document)
{
  g_return_if_fail (DOSSIER_IS_HIGHLIGHTER (self));
  g_return_if_fail (!document || DOSSIER_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->annotations)
    {
      g_signal_handlers_disconnect_by_func (self->annotations, on_items_changed, self);
      g_signal_handlers_disconnect_by_func (self->annotations, on_annotation_changed, self);
    }
  g_clear_object (&self->annotations);
  g_clear_object (&self->selected);
  g_set_object (&self->document, document);

  if (document)
    {
      self->annotations = g_object_ref (dossier_document_get_annotations (document));
      g_signal_connect_object (self->annotations, "items-changed",
                               G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
      /* Every annotation's changes, through the list that holds them all */
      g_signal_connect_object (self->annotations, "annotation-changed",
                               G_CALLBACK (on_annotation_changed), self, G_CONNECT_SWAPPED);
    }

  dossier_highlighter_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * dossier_highlighter_get_selected:
 *
 * Returns: (transfer none) (nullable): the annotation drawn as selected
 */
DossierAnnotation *
dossier_highlighter_get_selected (DossierHighlighter *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHTER (self), NULL);

  return self->selected;
}

void
dossier_highlighter_set_selected (DossierHighlighter *self,
                                  DossierAnnotation  *annotation)
{
  g_return_if_fail (DOSSIER_IS_HIGHLIGHTER (self));
  g_return_if_fail (!annotation || DOSSIER_IS_ANNOTATION (annotation));

  if (self->selected == annotation)
    return;

  /* The tags are up to date unless an update is queued: then it draws
   * the selection too. Otherwise only the two annotations change. */
  if (self->update_source == 0)
    {
      tag_selected (self, self->selected, FALSE);
      tag_selected (self, annotation, TRUE);
    }
  g_set_object (&self->selected, annotation);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * dossier_highlighter_lookup:
 * @offset: a character offset in the text
 *
 * Returns: (transfer none) (nullable): the annotation drawn at @offset,
 *   the shortest one when several overlap there
 */
DossierAnnotation *
dossier_highlighter_lookup (DossierHighlighter *self,
                            guint               offset)
{
  DossierAnnotation *best = NULL;
  guint best_length = G_MAXUINT;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHTER (self), NULL);

  if (self->annotations == NULL)
    return NULL;

  n = g_list_model_get_n_items (self->annotations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (self->annotations, i);
      guint start = dossier_annotation_get_start (annotation);
      guint end = dossier_annotation_get_end (annotation);

      if (dossier_annotation_get_orphan (annotation))
        break;  /* orphans come last */
      if (start > offset)
        break;  /* sorted by position */
      if (offset < end && end - start < best_length)
        {
          best = annotation;
          best_length = end - start;
        }
    }

  return best;
}
