/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-annotation-row"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-annotation.h"
#include "dossier-annotation-row.h"
#include "dossier-document.h"
#include "dossier-highlighter.h"

/*
 * One annotation as a card in the notes panel: the quoted passage with a
 * bar in its colour, a menu to change colour and style, the note (edited
 * in place and saved as it is typed), the tags as chips with an entry to
 * add more, and a remove button. An orphan (its passage was not found in
 * the text) says so and offers to re-attach it to the reader's selection.
 *
 * Every change goes through the document, so it is an undo step and gets
 * saved; the card follows the annotation's properties back, so undo and
 * redo show up here too.
 */

/* The longest excerpt of a quote shown on a card, in characters. */
#define QUOTE_EXCERPT 280

struct _DossierAnnotationRow
{
  GtkWidget          parent_instance;

  DossierDocument   *document;
  DossierAnnotation *annotation;
  GSignalGroup      *annotation_signals;
  GBindingGroup     *document_bindings;

  GtkWidget         *quote_bar;
  GtkLabel          *quote_label;
  GtkMenuButton     *color_button;
  GtkBox            *color_box;
  GtkCheckButton    *underline_check;
  GtkEntry          *meaning_entry;
  GtkBox            *orphan_box;
  GtkButton         *reattach_button;
  GtkTextView       *note_view;
  GtkLabel          *note_placeholder;
  GtkFlowBox        *tags_box;
  GtkEntry          *tag_entry;
  GtkEntryCompletion *completion;

  guint              resize_source;
  int                note_height;
  int                asked_width;
  int                alloc_width;
  int                asked_height;
  guint              updating : 1;
};

G_DEFINE_FINAL_TYPE (DossierAnnotationRow, dossier_annotation_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANNOTATION,
  PROP_DOCUMENT,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TAGS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_color_class (GtkWidget *widget,
                 guint      color)
{
  for (guint c = 0; c < DOSSIER_N_ANNOTATION_COLORS; c++)
    gtk_widget_remove_css_class (widget, dossier_annotation_color_to_string (c));
  if (color < DOSSIER_N_ANNOTATION_COLORS)
    gtk_widget_add_css_class (widget, dossier_annotation_color_to_string (color));
}

static void
update_quote (DossierAnnotationRow *self)
{
  const char *exact = self->annotation ? dossier_annotation_get_exact (self->annotation) : "";
  g_autofree char *collapsed = NULL;
  g_autofree char *excerpt = NULL;
  GString *str;

  /* Line breaks in a passage across paragraphs read as one line here. */
  str = g_string_new (NULL);
  for (const char *p = exact; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (str->len > 0 && str->str[str->len - 1] != ' ')
            g_string_append_c (str, ' ');
        }
      else
        g_string_append_unichar (str, c);
    }
  collapsed = g_string_free (str, FALSE);

  if (g_utf8_strlen (collapsed, -1) > QUOTE_EXCERPT)
    {
      g_autofree char *head = g_utf8_substring (collapsed, 0, QUOTE_EXCERPT);

      excerpt = g_strconcat (head, "…", NULL);
    }
  else
    excerpt = g_strdup (collapsed);

  gtk_label_set_text (self->quote_label, excerpt);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->quote_label),
                               g_utf8_strlen (collapsed, -1) > 120 ? collapsed : NULL);
}

static void
update_color (DossierAnnotationRow *self)
{
  guint color = self->annotation ? dossier_annotation_get_color (self->annotation) : G_MAXUINT;
  gboolean underline = self->annotation &&
                       dossier_annotation_get_style (self->annotation) == DOSSIER_ANNOTATION_STYLE_UNDERLINE;
  g_autofree char *tooltip = NULL;
  guint i = 0;

  set_color_class (self->quote_bar, color);
  set_color_class (GTK_WIDGET (self->color_button), color);
  if (underline)
    gtk_widget_add_css_class (self->quote_bar, "underline");
  else
    gtk_widget_remove_css_class (self->quote_bar, "underline");

  if (color < DOSSIER_N_ANNOTATION_COLORS)
    {
      const char *name = self->document ? dossier_document_get_color_name (self->document, color) : NULL;

      if (name && *name)
        /* Translators: a colour and what the user said it means, "Yellow: Claims" */
        tooltip = g_strdup_printf (_("%s: %s"), dossier_annotation_color_get_label (color), name);
      else
        tooltip = g_strdup (dossier_annotation_color_get_label (color));
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->color_button), tooltip);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->color_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      if (i == color)
        gtk_widget_add_css_class (child, "current");
      else
        gtk_widget_remove_css_class (child, "current");
    }

  self->updating = TRUE;
  gtk_check_button_set_active (self->underline_check, underline);
  if (color < DOSSIER_N_ANNOTATION_COLORS && self->document)
    {
      const char *meaning = dossier_document_get_color_name (self->document, color);

      gtk_editable_set_text (GTK_EDITABLE (self->meaning_entry), meaning ? meaning : "");
    }
  self->updating = FALSE;
}

static void
on_meaning_activate (DossierAnnotationRow *self,
                     GtkEntry             *entry)
{
  g_autofree char *meaning = NULL;

  if (self->updating || self->annotation == NULL || self->document == NULL ||
      dossier_document_get_read_only (self->document))
    return;

  meaning = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  dossier_document_set_color_name (self->document,
                                   dossier_annotation_get_color (self->annotation),
                                   meaning);
  update_color (self);
  gtk_menu_button_popdown (self->color_button);
}

static gboolean
resize_cb (gpointer user_data)
{
  DossierAnnotationRow *self = user_data;

  self->resize_source = 0;
  gtk_widget_set_size_request (GTK_WIDGET (self->note_view), -1, self->note_height);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

/* The height the note needs at @width. A text view knows it only once it
 * has laid its text out, in an idle after its first allocation, and until
 * then measures as empty: inside a list that is never asked again, the
 * card came out too short and its parts overlapped. So the row measures
 * the note itself, as the view will lay it out. */
static int
note_height_for_width (DossierAnnotationRow *self,
                       int                   width)
{
  GtkTextView *view = self->note_view;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  GtkTextIter start, end;
  int text_width, height;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  text_width = width - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view);

  /* An empty note keeps the room of one line, for its placeholder. */
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), *text ? text : "Ag");
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, MAX (text_width, 1) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);

  return height + gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);
}

static void
update_note (DossierAnnotationRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  const char *note = self->annotation ? dossier_annotation_get_note (self->annotation) : "";
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  /* Our own typing coming back: leave the cursor where it is. */
  if (g_strcmp0 (current, note ? note : "") != 0)
    {
      self->updating = TRUE;
      gtk_text_buffer_set_text (buffer, note ? note : "", -1);
      self->updating = FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->note_placeholder),
                          gtk_text_buffer_get_char_count (buffer) == 0);
}

static void
remove_tag_clicked (DossierAnnotationRow *self,
                    GtkButton            *button)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "tag");
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) tags = NULL;
  const char * const *old;

  if (self->annotation == NULL || self->document == NULL || tag == NULL)
    return;

  builder = g_strv_builder_new ();
  old = dossier_annotation_get_tags (self->annotation);
  for (guint i = 0; old && old[i]; i++)
    if (!g_str_equal (old[i], tag))
      g_strv_builder_add (builder, old[i]);
  tags = g_strv_builder_end (builder);

  dossier_document_set_annotation_tags (self->document, self->annotation,
                                        (const char * const *)tags);
}

static GtkWidget *
create_chip (DossierAnnotationRow *self,
             const char           *tag)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (tag);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
  /* Translators: the accessible name of a tag chip's remove button */
  g_autofree char *remove = g_strdup_printf (_("Remove tag “%s”"), tag);

  gtk_widget_add_css_class (box, "tag-chip");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "tag", g_strdup (tag), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_tag_clicked), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (button, self->document && !dossier_document_get_read_only (self->document));
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static void
update_tags (DossierAnnotationRow *self)
{
  const char * const *tags = self->annotation ? dossier_annotation_get_tags (self->annotation) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))))
    gtk_flow_box_remove (self->tags_box, child);

  for (guint i = 0; tags && tags[i]; i++)
    gtk_flow_box_append (self->tags_box, create_chip (self, tags[i]));

  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), tags && tags[0]);
}

static void
update_orphan (DossierAnnotationRow *self)
{
  gboolean orphan = self->annotation && dossier_annotation_get_orphan (self->annotation);

  gtk_widget_set_visible (GTK_WIDGET (self->orphan_box), orphan);
  if (orphan)
    gtk_widget_add_css_class (GTK_WIDGET (self), "orphan");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "orphan");

  if (self->annotation)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->reattach_button), "s",
                                      dossier_annotation_get_id (self->annotation));
}

static void
update_sensitivity (DossierAnnotationRow *self)
{
  gboolean writable = self->document && !dossier_document_get_read_only (self->document);

  gtk_text_view_set_editable (self->note_view, writable);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_entry), writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.remove", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.set-color", writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->underline_check), writable);
  gtk_editable_set_editable (GTK_EDITABLE (self->meaning_entry), writable);
  update_tags (self);
}

static void
on_annotation_notify (DossierAnnotationRow *self,
                      GParamSpec           *pspec,
                      DossierAnnotation    *annotation)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "exact"))
    update_quote (self);
  else if (g_str_equal (name, "color") || g_str_equal (name, "style"))
    update_color (self);
  else if (g_str_equal (name, "note"))
    update_note (self);
  else if (g_str_equal (name, "tags"))
    {
      update_tags (self);
      g_signal_emit (self, signals[TAGS_CHANGED], 0);
    }
  else if (g_str_equal (name, "orphan"))
    update_orphan (self);
}

static void
on_note_changed (DossierAnnotationRow *self,
                 GtkTextBuffer        *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_widget_set_visible (GTK_WIDGET (self->note_placeholder),
                          gtk_text_buffer_get_char_count (buffer) == 0);

  if (self->updating || self->annotation == NULL || self->document == NULL ||
      dossier_document_get_read_only (self->document))
    return;

  /* Each keystroke is saved (within a second); the document makes one
   * undo step of a run of typing. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  dossier_document_set_annotation_note (self->document, self->annotation, text);
}

static void
on_tag_entry_activate (DossierAnnotationRow *self,
                       GtkEntry             *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GPtrArray) seen = NULL;
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) tags = NULL;
  const char * const *old;

  if (self->annotation == NULL || self->document == NULL || text == NULL)
    return;

  builder = g_strv_builder_new ();
  seen = g_ptr_array_new_with_free_func (g_free);
  old = dossier_annotation_get_tags (self->annotation);
  for (guint i = 0; old && old[i]; i++)
    {
      g_strv_builder_add (builder, old[i]);
      g_ptr_array_add (seen, g_utf8_casefold (old[i], -1));
    }

  /* "war, sanctions" adds two tags. */
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      char *tag = g_strstrip (parts[i]);
      g_autofree char *folded = NULL;
      gboolean duplicate = FALSE;

      if (*tag == '\0')
        continue;
      folded = g_utf8_casefold (tag, -1);
      for (guint j = 0; j < seen->len && !duplicate; j++)
        duplicate = g_str_equal (g_ptr_array_index (seen, j), folded);
      if (duplicate)
        continue;
      g_strv_builder_add (builder, tag);
      g_ptr_array_add (seen, g_steal_pointer (&folded));
    }
  tags = g_strv_builder_end (builder);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  dossier_document_set_annotation_tags (self->document, self->annotation,
                                        (const char * const *)tags);
}

static void
on_underline_toggled (DossierAnnotationRow *self,
                      GtkCheckButton       *check)
{
  if (self->updating || self->annotation == NULL || self->document == NULL)
    return;

  dossier_document_set_annotation_style (self->document, self->annotation,
                                         gtk_check_button_get_active (check)
                                         ? DOSSIER_ANNOTATION_STYLE_UNDERLINE
                                         : DOSSIER_ANNOTATION_STYLE_HIGHLIGHT);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DossierAnnotationRow *self = DOSSIER_ANNOTATION_ROW (widget);

  if (self->annotation && self->document)
    dossier_document_remove_annotation (self->document, self->annotation);
}

static void
set_color_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DossierAnnotationRow *self = DOSSIER_ANNOTATION_ROW (widget);
  DossierAnnotationColor color;

  if (self->annotation && self->document &&
      dossier_annotation_color_from_string (g_variant_get_string (param, NULL), &color))
    dossier_document_set_annotation_color (self->document, self->annotation, color);

  gtk_menu_button_popdown (self->color_button);
}

static void
dossier_annotation_row_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  DossierAnnotationRow *self = DOSSIER_ANNOTATION_ROW (widget);

  *minimum = *natural = 0;
  if (child == NULL)
    return;

  gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);

  /* GTK 4.8's list view asks for the height without a width (for any
   * width, the quote on its fewest lines), then gives the row its width:
   * answer with what the row needs at the width it has, or its last part
   * is cut off. */
  if (orientation == GTK_ORIENTATION_VERTICAL && self->alloc_width > 0 &&
      (for_size < 0 || for_size > self->alloc_width))
    {
      int min, nat;

      gtk_widget_measure (child, orientation, self->alloc_width, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
}

static void
dossier_annotation_row_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  DossierAnnotationRow *self = DOSSIER_ANNOTATION_ROW (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);
  int note_width, needed, nat;

  if (child == NULL)
    return;

  gtk_widget_allocate (child, width, height, baseline, NULL);
  self->alloc_width = width;

  note_width = gtk_widget_get_width (GTK_WIDGET (self->note_view));
  if (note_width <= 0)
    return;

  /* Asked for from an idle: not in the middle of the list's allocation. */
  needed = note_height_for_width (self, note_width);
  if (needed != self->note_height)
    {
      self->note_height = needed;
      if (self->resize_source == 0)
        self->resize_source = g_idle_add (resize_cb, self);
      return;
    }

  /* The list may have measured the row at another width than it gave it
   * (the quote wraps differently): ask again, once per width and height,
   * so that it cannot go round in circles. */
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &nat, NULL, NULL);
  if (nat != height && (width != self->asked_width || nat != self->asked_height) &&
      self->resize_source == 0)
    {
      self->asked_width = width;
      self->asked_height = nat;
      self->resize_source = g_idle_add (resize_cb, self);
    }
}

static void
dossier_annotation_row_dispose (GObject *object)
{
  DossierAnnotationRow *self = DOSSIER_ANNOTATION_ROW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->resize_source, g_source_remove);
  if (self->annotation_signals)
    g_signal_group_set_target (self->annotation_signals, NULL);
  if (self->document_bindings)
    g_binding_group_set_source (self->document_bindings, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ANNOTATION_ROW);
  /* The template's unnamed top-level box. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->annotation_signals);
  g_clear_object (&self->document_bindings);
  g_clear_object (&self->annotation);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (dossier_annotation_row_parent_class)->dispose (object);
}

static void
dossier_annotation_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierAnnotationRow *self = DOSSIER_ANNOTATION_ROW (object);

  switch (prop_id)
    {
    case PROP_ANNOTATION:
      g_value_set_object (value, dossier_annotation_row_get_annotation (self));
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, dossier_annotation_row_get_document (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->document == NULL ||
                                  dossier_document_get_read_only (self->document));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_annotation_row_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DossierAnnotationRow *self = DOSSIER_ANNOTATION_ROW (object);

  switch (prop_id)
    {
    case PROP_ANNOTATION:
      dossier_annotation_row_set_annotation (self, g_value_get_object (value));
      break;
    case PROP_DOCUMENT:
      dossier_annotation_row_set_document (self, g_value_get_object (value));
      break;
    case PROP_READ_ONLY:
      update_sensitivity (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_annotation_row_class_init (DossierAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_annotation_row_dispose;
  object_class->get_property = dossier_annotation_row_get_property;
  object_class->set_property = dossier_annotation_row_set_property;

  properties[PROP_ANNOTATION] =
    g_param_spec_object ("annotation", NULL, NULL, DOSSIER_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, DOSSIER_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Bound from the document's "read-only"; writing it only refreshes. */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierAnnotationRow::tags-changed:
   *
   * The tags of the annotation shown changed (here, or by undo).
   */
  signals[TAGS_CHANGED] =
    g_signal_new ("tags-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/dossier-annotation-row.ui");
  gtk_widget_class_set_css_name (widget_class, "annotationrow");
  widget_class->measure = dossier_annotation_row_measure;
  widget_class->size_allocate = dossier_annotation_row_size_allocate;

  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationRow, color_box);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationRow, color_button);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationRow, meaning_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationRow, note_placeholder);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationRow, note_view);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationRow, orphan_box);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationRow, quote_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationRow, reattach_button);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationRow, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationRow, tags_box);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationRow, underline_check);
  gtk_widget_class_bind_template_callback (widget_class, on_meaning_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_underline_toggled);

  gtk_widget_class_install_action (widget_class, "row.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "row.set-color", "s", set_color_action);
}

static void
dossier_annotation_row_init (DossierAnnotationRow *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->note_view);
  /* Ctrl+Z goes to the window: one history for notes and highlights. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_note_changed), self,
                           G_CONNECT_SWAPPED);

  for (guint c = 0; c < DOSSIER_N_ANNOTATION_COLORS; c++)
    {
      const char *name = dossier_annotation_color_to_string (c);
      const char *label = dossier_annotation_color_get_label (c);
      GtkWidget *button = gtk_button_new ();

      gtk_widget_add_css_class (button, "annotation-color");
      gtk_widget_add_css_class (button, name);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "row.set-color");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", name);
      gtk_box_append (self->color_box, button);
    }

  self->completion = gtk_entry_get_completion (self->tag_entry);

  self->annotation_signals = g_signal_group_new (DOSSIER_TYPE_ANNOTATION);
  g_signal_group_connect_object (self->annotation_signals, "notify",
                                 G_CALLBACK (on_annotation_notify), self,
                                 G_CONNECT_SWAPPED);

  self->document_bindings = g_binding_group_new ();
  g_binding_group_bind (self->document_bindings, "read-only", self, "read-only",
                        G_BINDING_SYNC_CREATE);

  update_sensitivity (self);
}

GtkWidget *
dossier_annotation_row_new (void)
{
  return g_object_new (DOSSIER_TYPE_ANNOTATION_ROW, NULL);
}

/**
 * dossier_annotation_row_get_document:
 *
 * Returns: (transfer none) (nullable): the document edited
 */
DossierDocument *
dossier_annotation_row_get_document (DossierAnnotationRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION_ROW (self), NULL);

  return self->document;
}

void
dossier_annotation_row_set_document (DossierAnnotationRow *self,
                                     DossierDocument      *document)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION_ROW (self));
  g_return_if_fail (!document || DOSSIER_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_binding_group_set_source (self->document_bindings, document);
  update_sensitivity (self);
  update_color (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * dossier_annotation_row_get_annotation:
 *
 * Returns: (transfer none) (nullable): the annotation shown
 */
DossierAnnotation *
dossier_annotation_row_get_annotation (DossierAnnotationRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION_ROW (self), NULL);

  return self->annotation;
}

void
dossier_annotation_row_set_annotation (DossierAnnotationRow *self,
                                       DossierAnnotation    *annotation)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION_ROW (self));
  g_return_if_fail (!annotation || DOSSIER_IS_ANNOTATION (annotation));

  if (!g_set_object (&self->annotation, annotation))
    return;

  g_signal_group_set_target (self->annotation_signals, annotation);
  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
  update_quote (self);
  update_color (self);
  update_note (self);
  update_tags (self);
  update_orphan (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION]);
}

/**
 * dossier_annotation_row_set_tag_model:
 * @tags: (nullable): a list of known tags in its first column, for completion
 */
void
dossier_annotation_row_set_tag_model (DossierAnnotationRow *self,
                                      GtkTreeModel         *tags)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION_ROW (self));

  gtk_entry_completion_set_model (self->completion, tags);
}

void
dossier_annotation_row_focus_note (DossierAnnotationRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (DOSSIER_IS_ANNOTATION_ROW (self));

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

void
dossier_annotation_row_focus_tags (DossierAnnotationRow *self)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->tag_entry));
}

GtkTextBuffer *
_dossier_annotation_row_get_note_buffer (DossierAnnotationRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION_ROW (self), NULL);

  return gtk_text_view_get_buffer (self->note_view);
}

GtkEditable *
_dossier_annotation_row_get_tag_entry (DossierAnnotationRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION_ROW (self), NULL);

  return GTK_EDITABLE (self->tag_entry);
}

GtkEditable *
_dossier_annotation_row_get_meaning_entry (DossierAnnotationRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION_ROW (self), NULL);

  return GTK_EDITABLE (self->meaning_entry);
}
