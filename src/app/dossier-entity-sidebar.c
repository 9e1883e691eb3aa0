/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-entity-sidebar"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-entity-row-private.h"
#include "dossier-entity-sidebar-private.h"

#define N_SECTIONS 3

/**
 * DossierEntitySidebar:
 *
 * Who is in the clipping: the people, organizations and places of an
 * entity list, each section sorted by importance, under a filter entry.
 * Selecting an entity makes it #DossierEntitySidebar:selected-entity and
 * its first mention the current #DossierEntitySidebar:mention; the
 * previous and next mention actions step through the others. The window
 * shows them in the text.
 */
struct _DossierEntitySidebar
{
  GtkWidget           parent_instance;

  GListModel         *entities;
  DossierEntity      *selected_entity;
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

static GParamSpec *properties[N_PROPS];

static const char *
section_title (guint section)
{
  switch (section)
    {
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
  DossierEntityKind     kind;
} SectionFilter;

static gboolean
section_filter_func (gpointer item,
                     gpointer user_data)
{
  SectionFilter *f = user_data;
  DossierEntity *entity = item;

  return dossier_entity_get_kind (entity) == f->kind &&
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
  else if (self->entities == NULL || g_list_model_get_n_items (self->entities) == 0)
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

  /* Section headings are rows too, but nothing to select or activate. */
  gtk_list_item_set_selectable (list_item, is_entity);
  gtk_list_item_set_activatable (list_item, is_entity);

  if (parent != NULL)
    {
      if (is_entity)
        gtk_widget_remove_css_class (parent, "section-heading");
      else
        gtk_widget_add_css_class (parent, "section-heading");
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
  g_clear_object (&self->entities);
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
      f->kind = i;
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
    gtk_filter_list_model_set_model (self->filter_models[i], entities);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITIES]);
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

const char *
_dossier_entity_sidebar_get_page (DossierEntitySidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY_SIDEBAR (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
