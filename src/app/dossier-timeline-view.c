/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-timeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-timeline-row-private.h"
#include "dossier-timeline-view-private.h"

/**
 * DossierTimelineView:
 *
 * When things happened: the dated expressions of a clipping in
 * chronological order, each with its sentence, then the durations and
 * undated references in the order of the text. Activating an entry emits
 * #DossierTimelineView::timex-activated so that the window can show the
 * passage.
 */
struct _DossierTimelineView
{
  GtkWidget           parent_instance;

  GListModel         *timexes;
  guint               loading : 1;

  GtkFilterListModel *dated;
  GtkSortListModel   *dated_sorted;
  GtkFilterListModel *undated;
  GListStore         *dated_heading;
  GListStore         *undated_heading;
  GListModel         *model;

  GtkStack           *stack;
  GtkSpinner         *spinner;
  GtkListView        *list_view;
  GtkLabel           *count_label;
};

G_DEFINE_FINAL_TYPE (DossierTimelineView, dossier_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMEXES,
  PROP_LOADING,
  N_PROPS
};

enum {
  TIMEX_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
dated_filter (gpointer item,
              gpointer user_data)
{
  return _dossier_timeline_timex_is_dated (item) == GPOINTER_TO_INT (user_data);
}

static int
chronological_sort (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return dossier_timex_compare ((DossierTimex *) a, (DossierTimex *) b);
}

static void
set_heading (GListStore *store,
             gboolean    shown,
             const char *title)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  if (shown && n == 0)
    {
      g_autoptr(GtkStringObject) heading = gtk_string_object_new (title);

      g_list_store_append (store, heading);
    }
  else if (!shown && n > 0)
    {
      g_list_store_remove_all (store);
    }
}

static void
update (DossierTimelineView *self)
{
  guint n_dated = g_list_model_get_n_items (G_LIST_MODEL (self->dated_sorted));
  guint n_undated = g_list_model_get_n_items (G_LIST_MODEL (self->undated));
  const char *page = "list";

  /* The group heads only tell the two apart: no heads for one group. */
  set_heading (self->dated_heading, n_dated > 0 && n_undated > 0, _("Dates"));
  set_heading (self->undated_heading, n_undated > 0, _("Durations and Undated"));

  if (self->loading)
    {
      page = "loading";
      gtk_label_set_text (self->count_label, "");
    }
  else
    {
      g_autofree char *count = NULL;

      if (n_dated + n_undated == 0)
        page = "empty";

      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u date", "%u dates", n_dated),
                               n_dated);
      gtk_label_set_text (self->count_label, count);
    }

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, self->loading);
}

static void
on_activate (DossierTimelineView *self,
             guint                position,
             GtkListView         *list_view)
{
  g_autoptr(GObject) item = g_list_model_get_item (self->model, position);

  if (DOSSIER_IS_TIMEX (item))
    g_signal_emit (self, signals[TIMEX_ACTIVATED], 0, item);
}

static void
setup_row (DossierTimelineView      *self,
           GtkListItem              *list_item,
           GtkSignalListItemFactory *factory)
{
  GtkWidget *row = g_object_new (DOSSIER_TYPE_TIMELINE_ROW, NULL);

  gtk_list_item_set_child (list_item, row);
  g_object_bind_property (list_item, "item", row, "item", G_BINDING_SYNC_CREATE);
}

static void
bind_row (DossierTimelineView      *self,
          GtkListItem              *list_item,
          GtkSignalListItemFactory *factory)
{
  gboolean is_timex = DOSSIER_IS_TIMEX (gtk_list_item_get_item (list_item));
  GtkWidget *parent = gtk_widget_get_parent (gtk_list_item_get_child (list_item));

  gtk_list_item_set_activatable (list_item, is_timex);
  gtk_list_item_set_selectable (list_item, FALSE);

  if (parent != NULL)
    {
      if (is_timex)
        gtk_widget_remove_css_class (parent, "section-heading");
      else
        gtk_widget_add_css_class (parent, "section-heading");
    }
}

static void
dossier_timeline_view_dispose (GObject *object)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_TIMELINE_VIEW);

  /* The template's box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->model);
  g_clear_object (&self->dated_sorted);
  g_clear_object (&self->dated);
  g_clear_object (&self->undated);
  g_clear_object (&self->dated_heading);
  g_clear_object (&self->undated_heading);
  g_clear_object (&self->timexes);

  G_OBJECT_CLASS (dossier_timeline_view_parent_class)->dispose (object);
}

static void
dossier_timeline_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TIMEXES:
      g_value_set_object (value, dossier_timeline_view_get_timexes (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, dossier_timeline_view_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TIMEXES:
      dossier_timeline_view_set_timexes (self, g_value_get_object (value));
      break;

    case PROP_LOADING:
      dossier_timeline_view_set_loading (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_view_class_init (DossierTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_timeline_view_dispose;
  object_class->get_property = dossier_timeline_view_get_property;
  object_class->set_property = dossier_timeline_view_set_property;

  properties[PROP_TIMEXES] =
    g_param_spec_object ("timexes", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierTimelineView::timex-activated:
   * @self: a #DossierTimelineView
   * @timex: the entry the user activated
   *
   * The user wants to see the passage of @timex.
   */
  signals[TIMEX_ACTIVATED] =
    g_signal_new ("timex-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, DOSSIER_TYPE_TIMEX);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dossier-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, spinner);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelineview");

  g_type_ensure (DOSSIER_TYPE_TIMELINE_ROW);
}

static void
dossier_timeline_view_init (DossierTimelineView *self)
{
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->dated = gtk_filter_list_model_new (NULL,
                                           GTK_FILTER (gtk_custom_filter_new (dated_filter,
                                                                              GINT_TO_POINTER (TRUE),
                                                                              NULL)));
  self->dated_sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->dated)),
                                                GTK_SORTER (gtk_custom_sorter_new (chronological_sort,
                                                                                   NULL, NULL)));
  self->undated = gtk_filter_list_model_new (NULL,
                                             GTK_FILTER (gtk_custom_filter_new (dated_filter,
                                                                                GINT_TO_POINTER (FALSE),
                                                                                NULL)));
  self->dated_heading = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->undated_heading = g_list_store_new (GTK_TYPE_STRING_OBJECT);

  g_list_store_append (parts, self->dated_heading);
  g_list_store_append (parts, self->dated_sorted);
  g_list_store_append (parts, self->undated_heading);
  g_list_store_append (parts, self->undated);
  self->model = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));

  g_signal_connect_object (self->dated_sorted, "items-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undated, "items-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, factory);

  selection = gtk_no_selection_new (g_object_ref (self->model));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  update (self);
}

GtkWidget *
dossier_timeline_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_TIMELINE_VIEW, NULL);
}

GListModel *
dossier_timeline_view_get_timexes (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), NULL);

  return self->timexes;
}

/**
 * dossier_timeline_view_set_timexes:
 * @self: a #DossierTimelineView
 * @timexes: (nullable): a #GListModel of #DossierTimex in text order
 */
void
dossier_timeline_view_set_timexes (DossierTimelineView *self,
                                   GListModel          *timexes)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));
  g_return_if_fail (!timexes || G_IS_LIST_MODEL (timexes));

  if (!g_set_object (&self->timexes, timexes))
    return;

  /* Headings are added after the entries they head; off the view, so that
   * it starts at the top instead of keeping its first entry in place. */
  selection = g_object_ref (gtk_list_view_get_model (self->list_view));
  gtk_list_view_set_model (self->list_view, NULL);

  gtk_filter_list_model_set_model (self->dated, timexes);
  gtk_filter_list_model_set_model (self->undated, timexes);
  update (self);

  gtk_list_view_set_model (self->list_view, selection);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEXES]);
}

gboolean
dossier_timeline_view_get_loading (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), FALSE);

  return self->loading;
}

void
dossier_timeline_view_set_loading (DossierTimelineView *self,
                                   gboolean             loading)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));

  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

GListModel *
_dossier_timeline_view_get_model (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), NULL);

  return self->model;
}

GtkListView *
_dossier_timeline_view_get_list_view (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), NULL);

  return self->list_view;
}

const char *
_dossier_timeline_view_get_page (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
