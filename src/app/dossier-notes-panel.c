/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-notes-panel"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "dossier-annotation.h"
#include "dossier-document.h"
#include "dossier-highlighter.h"
#include "dossier-notes-panel-private.h"
#include "dossier-notes-store.h"

/*
 * The notes panel, on the right of the window: the clipping's annotations
 * as cards (a GtkListView over the document's sorted annotations), a
 * filter by text, colour and tag, the orphans (annotations whose passage
 * was not found) in a section of their own, and a page with the free-form
 * notes of the whole clipping.
 *
 * Tags complete from every tag used in any clipping: the notes files of
 * the store are read once in a thread, and the tags of the document shown
 * are added as they are typed.
 */

struct _DossierNotesPanel
{
  GtkWidget           parent_instance;

  DossierDocument    *document;
  GSignalGroup       *document_signals;
  GListModel         *annotations_model;
  GtkFilterListModel *visible;
  GtkFilterListModel *orphans;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  GtkCustomFilter    *orphan_filter;
  GtkStringList      *tag_list;
  GtkListStore       *known_tags;
  GHashTable         *known_tag_set;
  GHashTable         *rows;
  GCancellable       *cancellable;

  char               *search;
  char               *tag;
  guint               colors;     /* bit mask of the colours shown; 0: all */
  guint               notes_updating : 1;
  guint               selecting : 1;

  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkBox             *color_filter_box;
  GtkDropDown        *tag_dropdown;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkRevealer        *orphans_revealer;
  GtkLabel           *orphans_label;
  GtkListBox         *orphans_list;
  GtkTextView        *notes_view;
  GtkLabel           *notes_placeholder;
};

G_DEFINE_FINAL_TYPE (DossierNotesPanel, dossier_notes_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED,
  N_PROPS
};

enum {
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Filtering */

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || *haystack == '\0')
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle) != NULL;
}

static gboolean
has_tag_folded (DossierAnnotation *annotation,
                const char        *tag,
                gboolean           substring)
{
  const char * const *tags = dossier_annotation_get_tags (annotation);

  for (guint i = 0; tags && tags[i]; i++)
    {
      g_autofree char *folded = g_utf8_casefold (tags[i], -1);

      if (substring ? strstr (folded, tag) != NULL : g_str_equal (folded, tag))
        return TRUE;
    }

  return FALSE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  DossierNotesPanel *self = user_data;
  DossierAnnotation *annotation = item;

  if (dossier_annotation_get_orphan (annotation))
    return FALSE;

  if (self->colors != 0 && (self->colors & (1u << dossier_annotation_get_color (annotation))) == 0)
    return FALSE;

  if (self->tag != NULL && !has_tag_folded (annotation, self->tag, FALSE))
    return FALSE;

  if (self->search != NULL &&
      !contains_folded (dossier_annotation_get_exact (annotation), self->search) &&
      !contains_folded (dossier_annotation_get_note (annotation), self->search) &&
      !has_tag_folded (annotation, self->search, TRUE))
    return FALSE;

  return TRUE;
}

static gboolean
orphan_filter_func (gpointer item,
                    gpointer user_data)
{
  return dossier_annotation_get_orphan (item);
}

static void
update_list_page (DossierNotesPanel *self)
{
  guint n_visible = g_list_model_get_n_items (G_LIST_MODEL (self->visible));
  guint n_orphans = g_list_model_get_n_items (G_LIST_MODEL (self->orphans));
  guint n_all = self->document ? g_list_model_get_n_items (dossier_document_get_annotations (self->document)) : 0;
  g_autofree char *label = NULL;

  if (n_visible > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (n_all > n_orphans)
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");

  gtk_revealer_set_reveal_child (self->orphans_revealer, n_orphans > 0);
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u Orphaned Annotation",
                                        "%u Orphaned Annotations",
                                        n_orphans),
                           n_orphans);
  gtk_label_set_text (self->orphans_label, label);
}

static void
refilter (DossierNotesPanel *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_page (self);
}

static void
on_search_changed (DossierNotesPanel *self,
                   GtkSearchEntry    *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_utf8_casefold (stripped, -1);

  refilter (self);
}

static void
on_color_filter_toggled (DossierNotesPanel *self,
                         GtkToggleButton   *button)
{
  guint color = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "color"));

  if (gtk_toggle_button_get_active (button))
    self->colors |= 1u << color;
  else
    self->colors &= ~(1u << color);

  refilter (self);
}

static void
on_tag_selected (DossierNotesPanel *self,
                 GParamSpec        *pspec,
                 GtkDropDown       *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  const char *tag = NULL;
  g_autofree char *folded = NULL;

  if (position != GTK_INVALID_LIST_POSITION && position > 0)
    tag = gtk_string_list_get_string (self->tag_list, position);
  if (tag != NULL)
    folded = g_utf8_casefold (tag, -1);

  if (g_strcmp0 (folded, self->tag) == 0)
    return;

  g_free (self->tag);
  self->tag = g_steal_pointer (&folded);
  refilter (self);
}

/* Tags */

static void
add_known_tag (DossierNotesPanel *self,
               const char        *tag)
{
  GtkTreeIter iter;

  if (tag == NULL || *tag == '\0' || g_hash_table_contains (self->known_tag_set, tag))
    return;

  g_hash_table_add (self->known_tag_set, g_strdup (tag));
  gtk_list_store_insert_with_values (self->known_tags, &iter, -1, 0, tag, -1);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **)a, *(const char **)b);
}

/* The tags of the document, for the tag filter and for completion. */
static void
update_tags (DossierNotesPanel *self)
{
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  const char *selected = NULL;
  g_autofree char *keep = NULL;
  GListModel *model;
  guint n, old_n, position = 0;

  if (self->document == NULL)
    model = NULL;
  else
    model = dossier_document_get_annotations (self->document);

  n = model ? g_list_model_get_n_items (model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (model, i);
      const char * const *tags = dossier_annotation_get_tags (annotation);

      for (guint j = 0; tags && tags[j]; j++)
        if (g_hash_table_add (set, (gpointer)tags[j]))
          {
            g_ptr_array_add (sorted, (gpointer)tags[j]);
            add_known_tag (self, tags[j]);
          }
    }
  g_ptr_array_sort (sorted, compare_strings);
  g_ptr_array_add (sorted, NULL);

  /* Only a changed list is replaced: the drop-down closes on changes. */
  old_n = g_list_model_get_n_items (G_LIST_MODEL (self->tag_list));
  if (old_n == sorted->len && old_n > 0)
    {
      gboolean same = TRUE;

      for (guint i = 1; i < old_n && same; i++)
        same = g_str_equal (gtk_string_list_get_string (self->tag_list, i),
                            g_ptr_array_index (sorted, i - 1));
      if (same)
        return;
    }

  if (gtk_drop_down_get_selected (self->tag_dropdown) > 0)
    selected = gtk_string_list_get_string (self->tag_list,
                                           gtk_drop_down_get_selected (self->tag_dropdown));
  keep = g_strdup (selected);

  gtk_string_list_splice (self->tag_list, 1, old_n - 1, (const char * const *)sorted->pdata);
  for (guint i = 0; keep && i + 1 < sorted->len; i++)
    if (g_str_equal (keep, g_ptr_array_index (sorted, i)))
      position = i + 1;
  gtk_drop_down_set_selected (self->tag_dropdown, position);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_dropdown), sorted->len > 1);
}

static void
collect_tags_from_node (JsonNode  *root,
                        GPtrArray *tags)
{
  JsonObject *object;
  JsonArray *annotations;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  if (!json_object_has_member (object, "annotations") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "annotations")))
    return;

  annotations = json_object_get_array_member (object, "annotations");
  for (guint i = 0; i < json_array_get_length (annotations); i++)
    {
      JsonNode *node = json_array_get_element (annotations, i);
      JsonNode *body, *tag_node;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      body = json_object_get_member (json_node_get_object (node), "body");
      if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
        continue;
      tag_node = json_object_get_member (json_node_get_object (body), "tags");
      if (tag_node == NULL || !JSON_NODE_HOLDS_ARRAY (tag_node))
        continue;

      for (guint j = 0; j < json_array_get_length (json_node_get_array (tag_node)); j++)
        {
          JsonNode *tag = json_array_get_element (json_node_get_array (tag_node), j);

          if (JSON_NODE_HOLDS_VALUE (tag) && json_node_get_value_type (tag) == G_TYPE_STRING)
            g_ptr_array_add (tags, g_strdup (json_node_get_string (tag)));
        }
    }
}

/* Reads the tags of every notes file of the store (in a thread). */
static void
collect_tags_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_autoptr(GFile) dir = dossier_notes_store_get_dir ();
  g_autofree char *path = g_file_get_path (dir);
  g_autoptr(GDir) folder = path ? g_dir_open (path, 0, NULL) : NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (folder && (name = g_dir_read_name (folder)) && !g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr(JsonParser) parser = NULL;
      g_autofree char *file = NULL;

      if (!g_str_has_suffix (name, ".json") || g_str_equal (name, "index.json") || name[0] == '.')
        continue;

      file = g_build_filename (path, name, NULL);
      parser = json_parser_new_immutable ();
      if (json_parser_load_from_mapped_file (parser, file, NULL))
        collect_tags_from_node (json_parser_get_root (parser), tags);
    }

  g_task_return_pointer (task, g_steal_pointer (&tags), (GDestroyNotify)g_ptr_array_unref);
}

static void
collect_tags_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GPtrArray) tags = g_task_propagate_pointer (G_TASK (result), NULL);
  DossierNotesPanel *self;

  if (tags == NULL)
    return;

  self = DOSSIER_NOTES_PANEL (object);
  g_ptr_array_sort (tags, compare_strings);
  for (guint i = 0; i < tags->len; i++)
    add_known_tag (self, g_ptr_array_index (tags, i));
}

static void
collect_known_tags (DossierNotesPanel *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, collect_tags_cb, NULL);
  g_task_set_source_tag (task, collect_known_tags);
  g_task_run_in_thread (task, collect_tags_thread);
}

/* The document */

static void
on_annotations_changed (DossierNotesPanel *self,
                        guint              position,
                        guint              removed,
                        guint              added,
                        GListModel        *model)
{
  update_list_page (self);
  if (removed != added)
    update_tags (self);
}

/* The colour filters say what the user named each colour. */
static void
update_color_tooltips (DossierNotesPanel *self)
{
  guint c = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->color_filter_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), c++)
    {
      const char *label = dossier_annotation_color_get_label (c);
      const char *meaning = self->document ? dossier_document_get_color_name (self->document, c) : NULL;
      g_autofree char *tooltip = NULL;

      if (meaning && *meaning)
        /* Translators: a colour filter's tooltip, "Show Yellow: Claims to check" */
        tooltip = g_strdup_printf (_("Show %s: %s"), label, meaning);
      else
        /* Translators: a toggle that shows only annotations of a colour, "Show Yellow" */
        tooltip = g_strdup_printf (_("Show %s"), label);

      gtk_widget_set_tooltip_text (child, tooltip);
    }
}

/* An annotation found or lost its passage without moving in the list
 * (re-attached, or undone): sort it into its section again. */
static void
on_n_orphans_changed (DossierNotesPanel *self,
                      GParamSpec        *pspec,
                      GListModel        *annotations)
{
  gtk_filter_changed (GTK_FILTER (self->orphan_filter), GTK_FILTER_CHANGE_DIFFERENT);
  refilter (self);
}

static void
on_unsaved_changed (DossierNotesPanel *self,
                    GParamSpec        *pspec,
                    DossierDocument   *document)
{
  /* After each change (undo included): tags may have been added, a
   * colour named. */
  update_tags (self);
  update_color_tooltips (self);
}

static void
update_notes_page (DossierNotesPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  const char *notes = self->document ? dossier_document_get_notes (self->document) : "";
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, notes ? notes : "") != 0)
    {
      self->notes_updating = TRUE;
      gtk_text_buffer_set_text (buffer, notes ? notes : "", -1);
      self->notes_updating = FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->notes_placeholder),
                          gtk_text_buffer_get_char_count (buffer) == 0);
}

static void
on_notes_notify (DossierNotesPanel *self,
                 GParamSpec        *pspec,
                 DossierDocument   *document)
{
  update_notes_page (self);
}

static void
update_read_only (DossierNotesPanel *self)
{
  gboolean writable = self->document && !dossier_document_get_read_only (self->document);

  gtk_text_view_set_editable (self->notes_view, writable);
}

static void
on_read_only_notify (DossierNotesPanel *self,
                     GParamSpec        *pspec,
                     DossierDocument   *document)
{
  update_read_only (self);
}

static void
on_notes_changed (DossierNotesPanel *self,
                  GtkTextBuffer     *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_widget_set_visible (GTK_WIDGET (self->notes_placeholder),
                          gtk_text_buffer_get_char_count (buffer) == 0);

  if (self->notes_updating || self->document == NULL ||
      dossier_document_get_read_only (self->document))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  dossier_document_set_notes (self->document, text);
}

/* Rows */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           DossierNotesPanel        *self)
{
  GtkWidget *row = dossier_annotation_row_new ();

  dossier_annotation_row_set_tag_model (DOSSIER_ANNOTATION_ROW (row),
                                        GTK_TREE_MODEL (self->known_tags));
  g_signal_connect_object (row, "tags-changed", G_CALLBACK (update_tags), self,
                           G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, row);
  /* The row's own widgets take the focus; the item only selects. */
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          DossierNotesPanel        *self)
{
  DossierAnnotationRow *row = DOSSIER_ANNOTATION_ROW (gtk_list_item_get_child (item));
  DossierAnnotation *annotation = gtk_list_item_get_item (item);

  dossier_annotation_row_set_document (row, self->document);
  dossier_annotation_row_set_annotation (row, annotation);
  g_hash_table_insert (self->rows, annotation, row);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            DossierNotesPanel        *self)
{
  DossierAnnotationRow *row = DOSSIER_ANNOTATION_ROW (gtk_list_item_get_child (item));
  DossierAnnotation *annotation = dossier_annotation_row_get_annotation (row);

  if (annotation && g_hash_table_lookup (self->rows, annotation) == row)
    g_hash_table_remove (self->rows, annotation);
  dossier_annotation_row_set_annotation (row, NULL);
}

static GtkWidget *
create_orphan_row (gpointer item,
                   gpointer user_data)
{
  DossierNotesPanel *self = user_data;
  GtkWidget *row = dossier_annotation_row_new ();
  GtkWidget *list_row = gtk_list_box_row_new ();

  dossier_annotation_row_set_tag_model (DOSSIER_ANNOTATION_ROW (row),
                                        GTK_TREE_MODEL (self->known_tags));
  dossier_annotation_row_set_document (DOSSIER_ANNOTATION_ROW (row), self->document);
  dossier_annotation_row_set_annotation (DOSSIER_ANNOTATION_ROW (row), item);
  g_signal_connect_object (row, "tags-changed", G_CALLBACK (update_tags), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), row);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (list_row), FALSE);
  return list_row;
}

static void
on_selection_changed (DossierNotesPanel *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *model)
{
  DossierAnnotation *annotation = dossier_notes_panel_get_selected (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);

  if (annotation != NULL && !self->selecting)
    g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, annotation);
}

/* Layout */

/* The panel is as wide as the window gives it, never as wide as a note's
 * longest unwrapped paragraph would ask. */
#define NATURAL_WIDTH 340

static void
dossier_notes_panel_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child == NULL)
    return;

  /* The width does not depend on the height: lists scroll. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (child, orientation, -1, minimum, natural, NULL, NULL);
      *natural = MAX (*minimum, NATURAL_WIDTH);
    }
  else
    gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
dossier_notes_panel_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

/* GObject */

static void
dossier_notes_panel_dispose (GObject *object)
{
  DossierNotesPanel *self = DOSSIER_NOTES_PANEL (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->document_signals)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->orphans_list)
    gtk_list_box_bind_model (self->orphans_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_NOTES_PANEL);
  /* The template's unnamed top-level box. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  if (self->annotations_model)
    g_signal_handlers_disconnect_by_func (self->annotations_model, on_n_orphans_changed, self);
  g_clear_object (&self->annotations_model);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->visible);
  g_clear_object (&self->orphans);
  g_clear_object (&self->filter);
  g_clear_object (&self->orphan_filter);
  g_clear_object (&self->known_tags);
  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (dossier_notes_panel_parent_class)->dispose (object);
}

static void
dossier_notes_panel_finalize (GObject *object)
{
  DossierNotesPanel *self = DOSSIER_NOTES_PANEL (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->known_tag_set, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->tag, g_free);

  G_OBJECT_CLASS (dossier_notes_panel_parent_class)->finalize (object);
}

static void
dossier_notes_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierNotesPanel *self = DOSSIER_NOTES_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, dossier_notes_panel_get_document (self));
      break;
    case PROP_SELECTED:
      g_value_set_object (value, dossier_notes_panel_get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_notes_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DossierNotesPanel *self = DOSSIER_NOTES_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      dossier_notes_panel_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      dossier_notes_panel_select_annotation (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_notes_panel_class_init (DossierNotesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_notes_panel_dispose;
  object_class->finalize = dossier_notes_panel_finalize;
  object_class->get_property = dossier_notes_panel_get_property;
  object_class->set_property = dossier_notes_panel_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, DOSSIER_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, DOSSIER_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierNotesPanel::annotation-activated:
   * @annotation: the annotation whose card the user selected
   */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DOSSIER_TYPE_ANNOTATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/dossier-notes-panel.ui");
  gtk_widget_class_set_css_name (widget_class, "notespanel");
  widget_class->measure = dossier_notes_panel_measure;
  widget_class->size_allocate = dossier_notes_panel_size_allocate;

  gtk_widget_class_bind_template_child (widget_class, DossierNotesPanel, color_filter_box);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPanel, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPanel, notes_placeholder);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPanel, notes_view);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPanel, orphans_label);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPanel, orphans_list);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPanel, orphans_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesPanel, tag_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
}

static void
dossier_notes_panel_init (DossierNotesPanel *self)
{
  GtkListItemFactory *factory;
  GtkTextBuffer *buffer;

  self->rows = g_hash_table_new (NULL, NULL);
  self->known_tag_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->known_tags = gtk_list_store_new (1, G_TYPE_STRING);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->orphan_filter = gtk_custom_filter_new (orphan_filter_func, NULL, NULL);
  self->visible = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->orphans = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->orphan_filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->visible)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_list_box_bind_model (self->orphans_list, G_LIST_MODEL (self->orphans),
                           create_orphan_row, self, NULL);

  for (guint c = 0; c < DOSSIER_N_ANNOTATION_COLORS; c++)
    {
      const char *label = dossier_annotation_color_get_label (c);
      /* Translators: a toggle that shows only annotations of a colour, "Show Only Yellow" */
      g_autofree char *tooltip = g_strdup_printf (_("Show %s"), label);
      GtkWidget *button = gtk_toggle_button_new ();

      gtk_widget_add_css_class (button, "annotation-color");
      gtk_widget_add_css_class (button, "filter");
      gtk_widget_add_css_class (button, dossier_annotation_color_to_string (c));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                      -1);
      g_object_set_data (G_OBJECT (button), "color", GUINT_TO_POINTER (c));
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_color_filter_toggled), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->color_filter_box, button);
    }

  self->tag_list = gtk_string_list_new ((const char * const[]) { _("All Tags"), NULL });
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (self->tag_list));
  g_object_unref (self->tag_list);  /* the drop-down holds it */
  g_signal_connect_object (self->tag_dropdown, "notify::selected",
                           G_CALLBACK (on_tag_selected), self, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_dropdown), FALSE);

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_notes_changed), self,
                           G_CONNECT_SWAPPED);

  self->document_signals = g_signal_group_new (DOSSIER_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::notes",
                                 G_CALLBACK (on_notes_notify), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::read-only",
                                 G_CALLBACK (on_read_only_notify), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::unsaved",
                                 G_CALLBACK (on_unsaved_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->visible, "items-changed",
                           G_CALLBACK (on_annotations_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->orphans, "items-changed",
                           G_CALLBACK (on_annotations_changed), self, G_CONNECT_SWAPPED);

  update_list_page (self);
  update_notes_page (self);
  update_read_only (self);
  collect_known_tags (self);
}

GtkWidget *
dossier_notes_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_NOTES_PANEL, NULL);
}

/**
 * dossier_notes_panel_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
DossierDocument *
dossier_notes_panel_get_document (DossierNotesPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_PANEL (self), NULL);

  return self->document;
}

void
dossier_notes_panel_set_document (DossierNotesPanel *self,
                                  DossierDocument   *document)
{
  GListModel *annotations = NULL;

  g_return_if_fail (DOSSIER_IS_NOTES_PANEL (self));
  g_return_if_fail (!document || DOSSIER_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);

  if (document)
    annotations = dossier_document_get_annotations (document);

  if (self->annotations_model)
    g_signal_handlers_disconnect_by_func (self->annotations_model, on_n_orphans_changed, self);
  g_set_object (&self->annotations_model, annotations);
  if (annotations)
    g_signal_connect_object (annotations, "notify::n-orphans",
                             G_CALLBACK (on_n_orphans_changed), self, G_CONNECT_SWAPPED);

  g_hash_table_remove_all (self->rows);
  gtk_filter_list_model_set_model (self->visible, annotations);
  gtk_filter_list_model_set_model (self->orphans, annotations);

  update_tags (self);
  update_color_tooltips (self);
  update_list_page (self);
  update_notes_page (self);
  update_read_only (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * dossier_notes_panel_get_selected:
 *
 * Returns: (transfer none) (nullable): the annotation whose card is
 *   selected
 */
DossierAnnotation *
dossier_notes_panel_get_selected (DossierNotesPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_PANEL (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

static gboolean
find_visible (DossierNotesPanel *self,
              DossierAnnotation *annotation,
              guint             *position)
{
  GListModel *model = G_LIST_MODEL (self->visible);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAnnotation) item = g_list_model_get_item (model, i);

      if (item == annotation)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
clear_filters (DossierNotesPanel *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->color_filter_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), FALSE);
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  on_search_changed (self, self->search_entry);
}

/**
 * dossier_notes_panel_select_annotation:
 * @annotation: (nullable): an annotation of the document
 *
 * Selects the card of @annotation and scrolls to it, clearing the
 * filters if they hide it. Does not emit
 * #DossierNotesPanel::annotation-activated.
 */
void
dossier_notes_panel_select_annotation (DossierNotesPanel *self,
                                       DossierAnnotation *annotation)
{
  guint position;

  g_return_if_fail (DOSSIER_IS_NOTES_PANEL (self));
  g_return_if_fail (!annotation || DOSSIER_IS_ANNOTATION (annotation));

  gtk_stack_set_visible_child_name (self->stack, "annotations");

  self->selecting = TRUE;

  if (annotation == NULL || dossier_annotation_get_orphan (annotation))
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  else
    {
      if (!find_visible (self, annotation, &position))
        {
          clear_filters (self);
          if (!find_visible (self, annotation, &position))
            position = GTK_INVALID_LIST_POSITION;
        }

      if (position != GTK_INVALID_LIST_POSITION)
        {
          gtk_single_selection_set_selected (self->selection, position);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item",
                                      "u", position);
        }
    }

  self->selecting = FALSE;
}

typedef struct
{
  DossierNotesPanel *panel;
  DossierAnnotation *annotation;
  gboolean           tags;
  guint              tries;
} FocusRequest;

static void
focus_request_free (FocusRequest *request)
{
  g_clear_object (&request->panel);
  g_clear_object (&request->annotation);
  g_free (request);
}

static gboolean
focus_row_cb (gpointer user_data)
{
  FocusRequest *request = user_data;
  DossierAnnotationRow *row;

  if (gtk_widget_get_root (GTK_WIDGET (request->panel)) == NULL)
    return G_SOURCE_REMOVE;

  /* The list view makes the row on its next layout. */
  row = _dossier_notes_panel_find_row (request->panel, request->annotation);
  if (row == NULL)
    return ++request->tries < 20 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;

  if (request->tags)
    dossier_annotation_row_focus_tags (row);
  else
    dossier_annotation_row_focus_note (row);

  return G_SOURCE_REMOVE;
}

/**
 * dossier_notes_panel_edit_annotation:
 * @tags: %TRUE to focus the tag entry, %FALSE for the note
 *
 * Selects the card of @annotation and puts the keyboard focus in its note
 * or its tag entry.
 */
void
dossier_notes_panel_edit_annotation (DossierNotesPanel *self,
                                     DossierAnnotation *annotation,
                                     gboolean           tags)
{
  FocusRequest *request;

  g_return_if_fail (DOSSIER_IS_NOTES_PANEL (self));
  g_return_if_fail (DOSSIER_IS_ANNOTATION (annotation));

  dossier_notes_panel_select_annotation (self, annotation);

  request = g_new0 (FocusRequest, 1);
  request->panel = g_object_ref (self);
  request->annotation = g_object_ref (annotation);
  request->tags = tags;
  g_timeout_add_full (G_PRIORITY_DEFAULT, 20, focus_row_cb, request,
                      (GDestroyNotify)focus_request_free);
}

GListModel *
_dossier_notes_panel_get_visible (DossierNotesPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_PANEL (self), NULL);

  return G_LIST_MODEL (self->visible);
}

GListModel *
_dossier_notes_panel_get_orphans (DossierNotesPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_PANEL (self), NULL);

  return G_LIST_MODEL (self->orphans);
}

void
_dossier_notes_panel_set_color_filter (DossierNotesPanel      *self,
                                       DossierAnnotationColor  color,
                                       gboolean                active)
{
  GtkWidget *child;
  guint i = 0;

  g_return_if_fail (DOSSIER_IS_NOTES_PANEL (self));

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->color_filter_box));
       child != NULL && i < color;
       child = gtk_widget_get_next_sibling (child))
    i++;

  g_return_if_fail (child != NULL);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), active);
}

void
_dossier_notes_panel_set_search (DossierNotesPanel *self,
                                 const char        *text)
{
  g_return_if_fail (DOSSIER_IS_NOTES_PANEL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* Now, not after the entry's typing delay. */
  on_search_changed (self, self->search_entry);
}

void
_dossier_notes_panel_set_tag_filter (DossierNotesPanel *self,
                                     const char        *tag)
{
  guint n;

  g_return_if_fail (DOSSIER_IS_NOTES_PANEL (self));

  update_tags (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tag_list));
  for (guint i = 1; tag && i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (self->tag_list, i), tag))
      {
        gtk_drop_down_set_selected (self->tag_dropdown, i);
        return;
      }

  gtk_drop_down_set_selected (self->tag_dropdown, 0);
}

DossierAnnotationRow *
_dossier_notes_panel_find_row (DossierNotesPanel *self,
                               DossierAnnotation *annotation)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_PANEL (self), NULL);

  return g_hash_table_lookup (self->rows, annotation);
}

GtkTextBuffer *
_dossier_notes_panel_get_notes_buffer (DossierNotesPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_PANEL (self), NULL);

  return gtk_text_view_get_buffer (self->notes_view);
}

GtkTreeModel *
_dossier_notes_panel_get_known_tags (DossierNotesPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_PANEL (self), NULL);

  return GTK_TREE_MODEL (self->known_tags);
}
