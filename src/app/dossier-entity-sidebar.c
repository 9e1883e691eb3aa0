/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-entity-sidebar"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-entity-corrections.h"
#include "dossier-entity-row-private.h"
#include "dossier-entity-sidebar-private.h"

/* People, organizations, places, then those the user hid. */
#define N_SECTIONS 4
#define HIDDEN_SECTION 3

/**
 * DossierEntitySidebar:
 *
 * Who is in the clipping: the people, organizations and places of an
 * entity list, each section sorted by importance, under a filter entry.
 * Selecting an entity makes it #DossierEntitySidebar:selected-entity and
 * its first mention the current #DossierEntitySidebar:mention; the
 * previous and next mention actions step through the others. The window
 * shows them in the text.
 *
 * The rows' menus and drag and drop ask for corrections (rename, merge,
 * change kind, hide, show); the sidebar asks the user what it needs to
 * know and emits #DossierEntitySidebar::correction-requested. The
 * entities the user hid are listed last, under their own heading.
 */
struct _DossierEntitySidebar
{
  GtkWidget           parent_instance;

  GListModel         *entities;
  GListModel         *hidden;
  GHashTable         *hidden_set;
  DossierEntity      *selected_entity;
  GtkWindow          *dialog;
  int                 mention;
  char               *filter_text;
  guint               loading : 1;

  GtkFilter          *filters[N_SECTIONS];
  GtkFilterListModel *filter_models[N_SECTIONS];
  GtkSortListModel   *sort_models[N_SECTIONS];
  GListStore         *headings[N_SECTIONS];
  GtkSingleSelection *selection;

  GtkSearchEntry     *filter_entry;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  GtkListView        *list_view;
  GtkRevealer        *mention_revealer;
  GtkLabel           *mention_label;
};

G_DEFINE_FINAL_TYPE (DossierEntitySidebar, dossier_entity_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENTITIES,
  PROP_LOADING,
  PROP_SELECTED_ENTITY,
  PROP_MENTION,
  N_PROPS
};

enum {
  CORRECTION_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
section_title (guint section)
{
  switch (section)
    {
    case HIDDEN_SECTION:
      return _("Hidden");
    case DOSSIER_ENTITY_PERSON:
      return _("People");
    case DOSSIER_ENTITY_ORGANIZATION:
      return _("Organizations");
    case DOSSIER_ENTITY_PLACE:
      return _("Places");
    default:
      g_assert_not_reached ();
    }
}

static guint
first_mention (DossierEntity *entity)
{
  guint n = 0;
  const DossierEntityMention *mentions = dossier_entity_get_mentions (entity, &n);

  return n > 0 ? mentions[0].start : G_MAXUINT;
}

/* The most mentioned first; between equals, the one met first. */
static int
importance_sort (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  DossierEntity *ea = (DossierEntity *) a;
  DossierEntity *eb = (DossierEntity *) b;
  guint na = dossier_entity_get_n_mentions (ea);
  guint nb = dossier_entity_get_n_mentions (eb);
  guint fa, fb;

  if (na != nb)
    return na > nb ? -1 : 1;

  fa = first_mention (ea);
  fb = first_mention (eb);

  return (fa > fb) - (fa < fb);
}

static gboolean
contains_casefold (const char *haystack,
                   const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle) != NULL;
}

static gboolean
entity_matches (DossierEntity *entity,
                const char    *needle)
{
  const char * const *aliases;

  if (needle == NULL || *needle == '\0')
    return TRUE;

  if (contains_casefold (dossier_entity_get_name (entity), needle) ||
      contains_casefold (dossier_entity_get_role (entity), needle))
    return TRUE;

  aliases = dossier_entity_get_aliases (entity);
  for (guint i = 0; aliases != NULL && aliases[i]; i++)
    if (contains_casefold (aliases[i], needle))
      return TRUE;

  return FALSE;
}

typedef struct
{
  DossierEntitySidebar *self;
  guint                 section;
} SectionFilter;

static gboolean
section_filter_func (gpointer item,
                     gpointer user_data)
{
  SectionFilter *f = user_data;
  DossierEntity *entity = item;

  return (f->section == HIDDEN_SECTION || dossier_entity_get_kind (entity) == f->section) &&
         entity_matches (entity, f->self->filter_text);
}

static void
update_page (DossierEntitySidebar *self)
{
  const char *page = "list";
  guint shown = 0;

  for (guint i = 0; i < N_SECTIONS; i++)
    shown += g_list_model_get_n_items (G_LIST_MODEL (self->sort_models[i]));

  if (self->loading)
    page = "loading";
  else if ((self->entities == NULL || g_list_model_get_n_items (self->entities) == 0) &&
           (self->hidden == NULL || g_list_model_get_n_items (self->hidden) == 0))
    page = "empty";
  else if (shown == 0)
    page = "no-match";

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, self->loading);
}

static void
on_section_changed (DossierEntitySidebar *self,
                    guint                 position,
                    guint                 removed,
                    guint                 added,
                    GListModel           *model)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      guint n, n_headings;

      if (model != G_LIST_MODEL (self->sort_models[i]))
        continue;

      /* An empty section shows no heading. */
      n = g_list_model_get_n_items (model);
      n_headings = g_list_model_get_n_items (G_LIST_MODEL (self->headings[i]));

      if (n > 0 && n_headings == 0)
        {
          g_autoptr(GtkStringObject) heading = gtk_string_object_new (section_title (i));

          g_list_store_append (self->headings[i], heading);
        }
      else if (n == 0 && n_headings > 0)
        {
          g_list_store_remove_all (self->headings[i]);
        }
    }

  update_page (self);
}

static void
update_mention_bar (DossierEntitySidebar *self)
{
  guint n = 0;

  if (self->selected_entity != NULL)
    n = dossier_entity_get_n_mentions (self->selected_entity);

  gtk_revealer_set_reveal_child (self->mention_revealer, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.next-mention", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.previous-mention", n > 0);

  if (n > 0 && self->mention >= 0)
    {
      /* Translators: which mention of the selected name is shown, "2 of 7" */
      g_autofree char *label = g_strdup_printf (_("Mention %d of %u"), self->mention + 1, n);

      gtk_label_set_text (self->mention_label, label);
    }
}

static void
set_mention (DossierEntitySidebar *self,
             int                   mention)
{
  self->mention = mention;
  update_mention_bar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MENTION]);
}

static void
on_selected_item_changed (DossierEntitySidebar *self,
                          GParamSpec           *pspec,
                          GtkSingleSelection   *selection)
{
  GObject *item = gtk_single_selection_get_selected_item (selection);
  DossierEntity *entity = DOSSIER_IS_ENTITY (item) ? DOSSIER_ENTITY (item) : NULL;

  if (entity == self->selected_entity)
    return;

  g_set_object (&self->selected_entity, entity);
  self->mention = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);

  set_mention (self, entity != NULL && dossier_entity_get_n_mentions (entity) > 0 ? 0 : -1);
}

static void
on_filter_changed (DossierEntitySidebar *self,
                   GtkSearchEntry       *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->filter_text, g_free);
  if (*stripped != '\0')
    self->filter_text = g_utf8_casefold (stripped, -1);

  for (guint i = 0; i < N_SECTIONS; i++)
    gtk_filter_changed (self->filters[i], GTK_FILTER_CHANGE_DIFFERENT);
}

static void
setup_row (DossierEntitySidebar     *self,
           GtkListItem              *list_item,
           GtkSignalListItemFactory *factory)
{
  GtkWidget *row = g_object_new (DOSSIER_TYPE_ENTITY_ROW, NULL);

  gtk_list_item_set_child (list_item, row);
  g_object_bind_property (list_item, "item", row, "item", G_BINDING_SYNC_CREATE);
}

static void
bind_row (DossierEntitySidebar     *self,
          GtkListItem              *list_item,
          GtkSignalListItemFactory *factory)
{
  gboolean is_entity = DOSSIER_IS_ENTITY (gtk_list_item_get_item (list_item));
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *parent = gtk_widget_get_parent (row);
  gboolean hidden = is_entity &&
                    g_hash_table_contains (self->hidden_set, gtk_list_item_get_item (list_item));

  /* Section headings are rows too, but nothing to select or activate. */
  gtk_list_item_set_selectable (list_item, is_entity);
  gtk_list_item_set_activatable (list_item, is_entity);
  _dossier_entity_row_set_hidden (DOSSIER_ENTITY_ROW (row), hidden);

  if (parent != NULL)
    {
      if (is_entity)
        gtk_widget_remove_css_class (parent, "section-heading");
      else
        gtk_widget_add_css_class (parent, "section-heading");

      if (hidden)
        gtk_widget_add_css_class (parent, "hidden-entity");
      else
        gtk_widget_remove_css_class (parent, "hidden-entity");
    }
}

static void
step_mention (DossierEntitySidebar *self,
              int                   delta)
{
  guint n;

  if (self->selected_entity == NULL)
    return;

  n = dossier_entity_get_n_mentions (self->selected_entity);
  if (n == 0)
    return;

  /* Around the end to the start, as find does. */
  set_mention (self, ((self->mention + delta) % (int) n + (int) n) % (int) n);
}

/**
 * dossier_entity_sidebar_next_mention:
 * @self: a #DossierEntitySidebar
 *
 * Makes the selected entity's next mention current, the first after the
 * last.
 */
void
dossier_entity_sidebar_next_mention (DossierEntitySidebar *self)
{
  g_return_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self));

  step_mention (self, 1);
}

/**
 * dossier_entity_sidebar_previous_mention:
 * @self: a #DossierEntitySidebar
 *
 * Makes the selected entity's previous mention current, the last before
 * the first.
 */
void
dossier_entity_sidebar_previous_mention (DossierEntitySidebar *self)
{
  g_return_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self));

  step_mention (self, -1);
}

static void
next_mention_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  dossier_entity_sidebar_next_mention (DOSSIER_ENTITY_SIDEBAR (widget));
}

static void
previous_mention_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  dossier_entity_sidebar_previous_mention (DOSSIER_ENTITY_SIDEBAR (widget));
}

/* Corrections */

/*
 * _dossier_entity_sidebar_correct:
 * @correction: a correction of one of the shown entities
 *
 * Emits #DossierEntitySidebar::correction-requested.
 */
void
_dossier_entity_sidebar_correct (DossierEntitySidebar *self,
                                 JsonObject           *correction)
{
  g_return_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self));
  g_return_if_fail (correction != NULL);

  g_signal_emit (self, signals[CORRECTION_REQUESTED], 0, correction);
}

static void
set_dialog (DossierEntitySidebar *self,
            GtkWindow            *dialog)
{
  if (self->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      gtk_window_destroy (self->dialog);
    }

  self->dialog = dialog;

  if (dialog != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
      if (GTK_IS_WINDOW (root))
        gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
      gtk_window_set_modal (dialog, TRUE);
      gtk_window_present (dialog);
    }
}

static void
update_rename_response (AdwMessageDialog *dialog,
                        GtkEditable      *entry)
{
  DossierEntity *entity = g_object_get_data (G_OBJECT (dialog), "entity");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename",
                                           *name != '\0' &&
                                           g_strcmp0 (name, dossier_entity_get_name (entity)) != 0);
}

static void
on_rename_response (DossierEntitySidebar *self,
                    const char           *response,
                    AdwMessageDialog     *dialog)
{
  DossierEntity *entity = g_object_get_data (G_OBJECT (dialog), "entity");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(JsonObject) correction = NULL;

  if (g_strcmp0 (response, "rename") != 0 || *name == '\0' ||
      g_strcmp0 (name, dossier_entity_get_name (entity)) == 0)
    return;

  correction = dossier_entity_correction_new_rename (entity, name);
  _dossier_entity_sidebar_correct (self, correction);
}

/*
 * _dossier_entity_sidebar_rename:
 * @entity: a shown entity
 *
 * Asks for a new name of @entity.
 */
void
_dossier_entity_sidebar_rename (DossierEntitySidebar *self,
                                DossierEntity        *entity)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_return_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self));
  g_return_if_fail (DOSSIER_IS_ENTITY (entity));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Rename"), NULL));
  /* Translators: the body of the Rename dialog, with the current name */
  adw_message_dialog_format_body (dialog, _("How should “%s” be called in this clipping?"),
                                  dossier_entity_get_name (entity));

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), dossier_entity_get_name (entity));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New name"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "entity", g_object_ref (entity), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (update_rename_response), dialog,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self,
                           G_CONNECT_SWAPPED);
  update_rename_response (dialog, GTK_EDITABLE (entry));

  set_dialog (self, GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static char *
entity_label (DossierEntity *entity)
{
  const char *kind;

  if (entity == NULL)
    return NULL;

  switch (dossier_entity_get_kind (entity))
    {
    case DOSSIER_ENTITY_ORGANIZATION:
      kind = _("organization");
      break;
    case DOSSIER_ENTITY_PLACE:
      kind = _("place");
      break;
    case DOSSIER_ENTITY_PERSON:
    default:
      kind = _("person");
      break;
    }

  /* Translators: a name to merge into, with its kind: "Porto (place)" */
  return g_strdup_printf (_("%s (%s)"), dossier_entity_get_name (entity), kind);
}

/* The same kind first, then by name. */
static int
merge_candidate_sort (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  DossierEntity *source = user_data;
  DossierEntity *ea = (DossierEntity *) a;
  DossierEntity *eb = (DossierEntity *) b;
  gboolean same_a = dossier_entity_get_kind (ea) == dossier_entity_get_kind (source);
  gboolean same_b = dossier_entity_get_kind (eb) == dossier_entity_get_kind (source);

  if (same_a != same_b)
    return same_a ? -1 : 1;
  if (dossier_entity_get_kind (ea) != dossier_entity_get_kind (eb))
    return (int) dossier_entity_get_kind (ea) - (int) dossier_entity_get_kind (eb);

  return g_utf8_collate (dossier_entity_get_name (ea), dossier_entity_get_name (eb));
}

static void
on_merge_response (DossierEntitySidebar *self,
                   const char           *response,
                   AdwMessageDialog     *dialog)
{
  DossierEntity *entity = g_object_get_data (G_OBJECT (dialog), "entity");
  GtkDropDown *drop_down = g_object_get_data (G_OBJECT (dialog), "drop-down");
  DossierEntity *into = gtk_drop_down_get_selected_item (drop_down);
  g_autoptr(JsonObject) correction = NULL;

  if (g_strcmp0 (response, "merge") != 0 || into == NULL || into == entity)
    return;

  correction = dossier_entity_correction_new_merge (entity, into);
  _dossier_entity_sidebar_correct (self, correction);
}

/*
 * _dossier_entity_sidebar_choose_merge:
 * @entity: a shown entity
 *
 * Asks which entity @entity should be merged into.
 */
void
_dossier_entity_sidebar_choose_merge (DossierEntitySidebar *self,
                                      DossierEntity        *entity)
{
  g_autoptr(GListStore) candidates = g_list_store_new (DOSSIER_TYPE_ENTITY);
  g_autoptr(GtkExpression) expression = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *drop_down;

  g_return_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self));
  g_return_if_fail (DOSSIER_IS_ENTITY (entity));

  for (guint m = 0; m < 2; m++)
    {
      GListModel *model = m == 0 ? self->entities : self->hidden;

      for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(DossierEntity) other = g_list_model_get_item (model, i);

          if (other != entity)
            g_list_store_append (candidates, other);
        }
    }
  g_list_store_sort (candidates, merge_candidate_sort, entity);

  /* Translators: the heading of the dialog that merges a name into another */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Merge Into"), NULL));
  /* Translators: the body of the Merge Into dialog, with the name that goes */
  adw_message_dialog_format_body (dialog,
                                  _("“%s” is the same as which other name? Its mentions "
                                    "are added to the one you choose."),
                                  dossier_entity_get_name (entity));

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (entity_label), NULL, NULL);
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (candidates)), gtk_expression_ref (expression));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("The name to merge into"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, drop_down);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "merge",
                                           g_list_model_get_n_items (G_LIST_MODEL (candidates)) > 0);
  adw_message_dialog_set_default_response (dialog, "merge");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "entity", g_object_ref (entity), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "drop-down", drop_down);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response), self,
                           G_CONNECT_SWAPPED);

  set_dialog (self, GTK_WINDOW (dialog));
}

/* The row of the selected entity, if the list view made it. */
static DossierEntityRow *
find_selected_row (DossierEntitySidebar *self)
{
  GtkWidget *widget = GTK_WIDGET (self->list_view);

  if (self->selected_entity == NULL)
    return NULL;

  /* Depth first over the list view's row widgets. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;)
    {
      if (DOSSIER_IS_ENTITY_ROW (child) &&
          dossier_entity_row_get_item (DOSSIER_ENTITY_ROW (child)) == G_OBJECT (self->selected_entity))
        return DOSSIER_ENTITY_ROW (child);

      if (gtk_widget_get_first_child (child) != NULL && !DOSSIER_IS_ENTITY_ROW (child))
        {
          child = gtk_widget_get_first_child (child);
          continue;
        }

      while (child != NULL && gtk_widget_get_next_sibling (child) == NULL)
        {
          child = gtk_widget_get_parent (child);
          if (child == widget)
            return NULL;
        }
      if (child != NULL)
        child = gtk_widget_get_next_sibling (child);
    }

  return NULL;
}

static void
selected_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  DossierEntitySidebar *self = DOSSIER_ENTITY_SIDEBAR (widget);
  DossierEntity *entity = self->selected_entity;
  g_autoptr(JsonObject) correction = NULL;
  DossierEntityRow *row;

  if (entity == NULL)
    return;

  if (g_str_equal (action_name, "sidebar.rename"))
    {
      _dossier_entity_sidebar_rename (self, entity);
    }
  else if (g_str_equal (action_name, "sidebar.hide"))
    {
      if (g_hash_table_contains (self->hidden_set, entity))
        correction = dossier_entity_correction_new_show (entity);
      else
        correction = dossier_entity_correction_new_hide (entity);
      _dossier_entity_sidebar_correct (self, correction);
    }
  else if ((row = find_selected_row (self)) != NULL)
    {
      /* The menu points at the row, which must be on screen. */
      gtk_widget_activate_action (GTK_WIDGET (row), "entity.menu", NULL);
    }
}

static gboolean
dossier_entity_sidebar_grab_focus (GtkWidget *widget)
{
  DossierEntitySidebar *self = DOSSIER_ENTITY_SIDEBAR (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));

  return gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

static void
dossier_entity_sidebar_dispose (GObject *object)
{
  DossierEntitySidebar *self = DOSSIER_ENTITY_SIDEBAR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ENTITY_SIDEBAR);

  /* The template's box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_clear_object (&self->sort_models[i]);
      g_clear_object (&self->filter_models[i]);
      g_clear_object (&self->filters[i]);
      g_clear_object (&self->headings[i]);
    }
  set_dialog (self, NULL);
  g_clear_object (&self->entities);
  g_clear_object (&self->hidden);
  g_clear_pointer (&self->hidden_set, g_hash_table_unref);
  g_clear_object (&self->selected_entity);

  G_OBJECT_CLASS (dossier_entity_sidebar_parent_class)->dispose (object);
}

static void
dossier_entity_sidebar_finalize (GObject *object)
{
  DossierEntitySidebar *self = DOSSIER_ENTITY_SIDEBAR (object);

  g_clear_pointer (&self->filter_text, g_free);

  G_OBJECT_CLASS (dossier_entity_sidebar_parent_class)->finalize (object);
}

static void
dossier_entity_sidebar_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierEntitySidebar *self = DOSSIER_ENTITY_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_ENTITIES:
      g_value_set_object (value, dossier_entity_sidebar_get_entities (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, dossier_entity_sidebar_get_loading (self));
      break;

    case PROP_SELECTED_ENTITY:
      g_value_set_object (value, dossier_entity_sidebar_get_selected_entity (self));
      break;

    case PROP_MENTION:
      g_value_set_int (value, dossier_entity_sidebar_get_mention (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_entity_sidebar_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DossierEntitySidebar *self = DOSSIER_ENTITY_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_ENTITIES:
      dossier_entity_sidebar_set_entities (self, g_value_get_object (value));
      break;

    case PROP_LOADING:
      dossier_entity_sidebar_set_loading (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_entity_sidebar_class_init (DossierEntitySidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_entity_sidebar_dispose;
  object_class->finalize = dossier_entity_sidebar_finalize;
  object_class->get_property = dossier_entity_sidebar_get_property;
  object_class->set_property = dossier_entity_sidebar_set_property;

  widget_class->grab_focus = dossier_entity_sidebar_grab_focus;

  properties[PROP_ENTITIES] =
    g_param_spec_object ("entities", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTED_ENTITY] =
    g_param_spec_object ("selected-entity", NULL, NULL,
                         DOSSIER_TYPE_ENTITY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MENTION] =
    g_param_spec_int ("mention", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierEntitySidebar::correction-requested:
   * @correction: a #JsonObject, see dossier-entity-corrections.c
   *
   * The user corrected an entity: the owner adds @correction to the
   * document's list.
   */
  signals[CORRECTION_REQUESTED] =
    g_signal_new ("correction-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  JSON_TYPE_OBJECT | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dossier-entity-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierEntitySidebar, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierEntitySidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierEntitySidebar, mention_label);
  gtk_widget_class_bind_template_child (widget_class, DossierEntitySidebar, mention_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierEntitySidebar, spinner);
  gtk_widget_class_bind_template_child (widget_class, DossierEntitySidebar, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

  gtk_widget_class_install_action (widget_class, "sidebar.next-mention", NULL, next_mention_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "sidebar.next-mention", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, 0,
                                       "sidebar.next-mention", NULL);

  gtk_widget_class_install_action (widget_class, "sidebar.previous-mention", NULL, previous_mention_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "sidebar.previous-mention", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, GDK_SHIFT_MASK,
                                       "sidebar.previous-mention", NULL);

  gtk_widget_class_install_action (widget_class, "sidebar.rename", NULL, selected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "sidebar.rename", NULL);
  gtk_widget_class_install_action (widget_class, "sidebar.hide", NULL, selected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "sidebar.hide", NULL);
  gtk_widget_class_install_action (widget_class, "sidebar.menu", NULL, selected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "sidebar.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "sidebar.menu", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entitysidebar");

  g_type_ensure (DOSSIER_TYPE_ENTITY_ROW);
}

static void
dossier_entity_sidebar_init (DossierEntitySidebar *self)
{
  g_autoptr(GListStore) sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  GtkFlattenListModel *flat;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->mention = -1;
  self->hidden_set = g_hash_table_new (NULL, NULL);
  sorter = GTK_SORTER (gtk_custom_sorter_new (importance_sort, NULL, NULL));

  /* One list with a heading row before each non-empty section: the
   * sections stay one keyboard-navigable list, and the list view only
   * makes the rows that show, however long the clipping. */
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
      g_autoptr(GtkFlattenListModel) section = NULL;
      SectionFilter *f = g_new0 (SectionFilter, 1);

      f->self = self;
      f->section = i;
      self->filters[i] = GTK_FILTER (gtk_custom_filter_new (section_filter_func, f, g_free));
      self->filter_models[i] = gtk_filter_list_model_new (NULL, g_object_ref (self->filters[i]));
      self->sort_models[i] = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_models[i])),
                                                      g_object_ref (sorter));
      self->headings[i] = g_list_store_new (GTK_TYPE_STRING_OBJECT);

      g_signal_connect_object (self->sort_models[i], "items-changed",
                               G_CALLBACK (on_section_changed), self,
                               G_CONNECT_SWAPPED);

      g_list_store_append (parts, self->headings[i]);
      g_list_store_append (parts, self->sort_models[i]);
      section = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));
      g_list_store_append (sections, section);
    }

  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&sections)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (flat));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed), self,
                           G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  update_mention_bar (self);
  update_page (self);
}

GtkWidget *
dossier_entity_sidebar_new (void)
{
  return g_object_new (DOSSIER_TYPE_ENTITY_SIDEBAR, NULL);
}

GListModel *
dossier_entity_sidebar_get_entities (DossierEntitySidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self), NULL);

  return self->entities;
}

/**
 * dossier_entity_sidebar_set_entities:
 * @self: a #DossierEntitySidebar
 * @entities: (nullable): a #GListModel of #DossierEntity
 *
 * Shows @entities, dropping the selection.
 */
void
dossier_entity_sidebar_set_entities (DossierEntitySidebar *self,
                                     GListModel           *entities)
{
  g_return_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self));
  g_return_if_fail (!entities || G_IS_LIST_MODEL (entities));

  if (!g_set_object (&self->entities, entities))
    return;

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  /* Headings are added after the rows they head; off the view, so that it
   * starts at the top instead of keeping its first row in place. */
  gtk_list_view_set_model (self->list_view, NULL);

  for (guint i = 0; i < N_SECTIONS; i++)
    if (i != HIDDEN_SECTION)
      gtk_filter_list_model_set_model (self->filter_models[i], entities);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITIES]);
}

GListModel *
dossier_entity_sidebar_get_hidden_entities (DossierEntitySidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self), NULL);

  return self->hidden;
}

/**
 * dossier_entity_sidebar_set_hidden_entities:
 * @self: a #DossierEntitySidebar
 * @hidden: (nullable): a #GListModel of the #DossierEntity the user hid
 *
 * Lists @hidden last, under their own heading, so that they can be shown
 * again. Set them before dossier_entity_sidebar_set_entities().
 */
void
dossier_entity_sidebar_set_hidden_entities (DossierEntitySidebar *self,
                                            GListModel           *hidden)
{
  g_return_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self));
  g_return_if_fail (!hidden || G_IS_LIST_MODEL (hidden));

  if (!g_set_object (&self->hidden, hidden))
    return;

  g_hash_table_remove_all (self->hidden_set);
  for (guint i = 0; hidden != NULL && i < g_list_model_get_n_items (hidden); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (hidden, i);

      g_hash_table_add (self->hidden_set, item);
    }

  gtk_filter_list_model_set_model (self->filter_models[HIDDEN_SECTION], hidden);
  update_page (self);
}

/**
 * dossier_entity_sidebar_select_entity:
 * @self: a #DossierEntitySidebar
 * @entity: (nullable): a shown entity, or %NULL to unselect
 *
 * Selects @entity, as a click on its row would.
 *
 * Returns: %TRUE if @entity is shown and now selected
 */
gboolean
dossier_entity_sidebar_select_entity (DossierEntitySidebar *self,
                                      DossierEntity        *entity)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self), FALSE);
  g_return_val_if_fail (!entity || DOSSIER_IS_ENTITY (entity), FALSE);

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);

  if (entity != NULL)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (model, i);

        if (item == G_OBJECT (entity))
          {
            gtk_single_selection_set_selected (self->selection, i);
            gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item",
                                        "u", i);
            return TRUE;
          }
      }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  return FALSE;
}

gboolean
dossier_entity_sidebar_get_loading (DossierEntitySidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self), FALSE);

  return self->loading;
}

/**
 * dossier_entity_sidebar_set_loading:
 * @self: a #DossierEntitySidebar
 * @loading: whether the entities are being found
 *
 * While @loading, the sidebar shows that it works instead of the list.
 */
void
dossier_entity_sidebar_set_loading (DossierEntitySidebar *self,
                                    gboolean              loading)
{
  g_return_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self));

  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  update_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * dossier_entity_sidebar_get_selected_entity:
 * @self: a #DossierEntitySidebar
 *
 * Returns: (transfer none) (nullable): the entity selected in the list
 */
DossierEntity *
dossier_entity_sidebar_get_selected_entity (DossierEntitySidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self), NULL);

  return self->selected_entity;
}

/**
 * dossier_entity_sidebar_set_mention:
 * @self: a #DossierEntitySidebar
 * @mention: the index of a mention of the selected entity
 *
 * Makes the selected entity's mention @mention current, as stepping to it
 * would, in one step.
 */
void
dossier_entity_sidebar_set_mention (DossierEntitySidebar *self,
                                    int                   mention)
{
  g_return_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self));
  g_return_if_fail (self->selected_entity != NULL);
  g_return_if_fail (mention >= 0 && (guint) mention < dossier_entity_get_n_mentions (self->selected_entity));

  if (mention != self->mention)
    set_mention (self, mention);
}

/**
 * dossier_entity_sidebar_get_mention:
 * @self: a #DossierEntitySidebar
 *
 * Returns: the index of the current mention of the selected entity, or -1
 */
int
dossier_entity_sidebar_get_mention (DossierEntitySidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self), -1);

  return self->mention;
}

GtkSingleSelection *
_dossier_entity_sidebar_get_selection (DossierEntitySidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self), NULL);

  return self->selection;
}

GtkEditable *
_dossier_entity_sidebar_get_filter_entry (DossierEntitySidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self), NULL);

  return GTK_EDITABLE (self->filter_entry);
}

GtkWindow *
_dossier_entity_sidebar_get_dialog (DossierEntitySidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self), NULL);

  return self->dialog;
}

const char *
_dossier_entity_sidebar_get_page (DossierEntitySidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
