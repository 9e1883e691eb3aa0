/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-timeline-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-date-popover.h"
#include "dossier-timeline-corrections.h"
#include "dossier-timeline-chart-private.h"
#include "dossier-timeline-row-private.h"
#include "dossier-timeline-view-private.h"

/**
 * DossierTimelineView:
 *
 * When things happened: the dated expressions of a clipping in
 * chronological order, each with its sentence, then the durations and
 * undated references in the order of the text, then the entries the user
 * hid; or the same dates drawn on an axis (#DossierTimelineChart).
 * Activating an entry or a marker emits
 * #DossierTimelineView::timex-activated so that the window can show the
 * passage. The entries' menus ask for corrections with
 * #DossierTimelineView::redate-requested and
 * #DossierTimelineView::hide-requested; the window records them.
 */
struct _DossierTimelineView
{
  GtkWidget           parent_instance;

  GListModel         *timexes;
  GListModel         *hidden;
  char               *mode;
  guint               loading : 1;

  GtkFilterListModel *dated;
  GtkSortListModel   *dated_sorted;
  GtkFilterListModel *undated;
  GListStore         *dated_heading;
  GListStore         *undated_heading;
  GListStore         *hidden_heading;
  GtkFilterListModel *hidden_entries;
  GListModel         *model;

  DossierDatePopover *date_popover;
  DossierTimex       *date_timex;

  GtkStack           *stack;
  DossierTimelineChart *chart;
  GtkWidget          *chart_tools;
  GtkSpinner         *spinner;
  GtkListView        *list_view;
  GtkLabel           *count_label;
};

G_DEFINE_FINAL_TYPE (DossierTimelineView, dossier_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMEXES,
  PROP_HIDDEN,
  PROP_LOADING,
  PROP_MODE,
  N_PROPS
};

enum {
  TIMEX_ACTIVATED,
  REDATE_REQUESTED,
  HIDE_REQUESTED,
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
  guint n_hidden = g_list_model_get_n_items (G_LIST_MODEL (self->hidden_entries));
  gboolean chart = g_strcmp0 (self->mode, "chart") == 0;
  const char *page = chart ? "chart" : "list";

  /* The group heads only tell the two apart: no heads for one group. */
  set_heading (self->dated_heading, n_dated > 0 && n_undated > 0, _("Dates"));
  set_heading (self->undated_heading, n_undated > 0, _("Durations and Undated"));
  set_heading (self->hidden_heading, n_hidden > 0, _("Hidden"));

  if (self->loading)
    {
      page = "loading";
      gtk_label_set_text (self->count_label, "");
    }
  else
    {
      g_autofree char *count = NULL;

      if (n_dated + n_undated + n_hidden == 0 || (chart && n_dated == 0))
        page = "empty";

      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u date", "%u dates", n_dated),
                               n_dated);
      gtk_label_set_text (self->count_label, count);
    }

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, self->loading);
  gtk_widget_set_visible (self->chart_tools, chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.save-image",
                                 chart && g_str_equal (page, "chart"));
}

static gboolean
is_hidden (DossierTimelineView *self,
           gpointer             item)
{
  if (self->hidden == NULL || !DOSSIER_IS_TIMEX (item))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (self->hidden); i++)
    {
      g_autoptr(GObject) hidden = g_list_model_get_item (self->hidden, i);

      if (hidden == item)
        return TRUE;
    }

  return FALSE;
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
  gpointer item = gtk_list_item_get_item (list_item);
  gboolean is_timex = DOSSIER_IS_TIMEX (item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *parent = gtk_widget_get_parent (row);

  dossier_timeline_row_set_hidden (DOSSIER_TIMELINE_ROW (row), is_hidden (self, item));

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
  g_clear_object (&self->hidden_heading);
  g_clear_object (&self->hidden_entries);
  g_clear_object (&self->date_timex);
  g_clear_object (&self->timexes);
  g_clear_object (&self->hidden);

  G_OBJECT_CLASS (dossier_timeline_view_parent_class)->dispose (object);
}

static void
dossier_timeline_view_finalize (GObject *object)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (object);

  g_free (self->mode);

  G_OBJECT_CLASS (dossier_timeline_view_parent_class)->finalize (object);
}

static void
on_chart_timex_activated (DossierTimelineView  *self,
                          DossierTimex         *timex,
                          DossierTimelineChart *chart)
{
  g_signal_emit (self, signals[TIMEX_ACTIVATED], 0, timex);
}

static void
on_date_chosen (DossierTimelineView *self,
                const char          *value,
                DossierDatePopover  *popover)
{
  g_autoptr(DossierTimex) timex = g_steal_pointer (&self->date_timex);

  if (timex != NULL)
    g_signal_emit (self, signals[REDATE_REQUESTED], 0, timex, value);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (widget);

  if (g_str_equal (action_name, "timeline.zoom-in"))
    dossier_timeline_chart_zoom (self->chart, 1.5);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    dossier_timeline_chart_zoom (self->chart, 1 / 1.5);
  else
    dossier_timeline_chart_reset_zoom (self->chart);
}

static void
save_image_cb (GtkNativeDialog *dialog,
               int              response,
               gpointer         user_data)
{
  g_autoptr(DossierTimelineView) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file == NULL)
    return;

  if (!dossier_timeline_chart_save_png (self->chart, file, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   _("Could Not Save the Timeline"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
}

static void
save_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Save Timeline as Image"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* Translators: the suggested file name of the timeline picture */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("timeline.png"));
  gtk_file_filter_set_name (filter, _("PNG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  g_signal_connect (dialog, "response", G_CALLBACK (save_image_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
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

    case PROP_HIDDEN:
      g_value_set_object (value, dossier_timeline_view_get_hidden (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, dossier_timeline_view_get_loading (self));
      break;

    case PROP_MODE:
      g_value_set_string (value, dossier_timeline_view_get_mode (self));
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

    case PROP_HIDDEN:
      dossier_timeline_view_set_hidden (self, g_value_get_object (value));
      break;

    case PROP_LOADING:
      dossier_timeline_view_set_loading (self, g_value_get_boolean (value));
      break;

    case PROP_MODE:
      dossier_timeline_view_set_mode (self, g_value_get_string (value));
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
  object_class->finalize = dossier_timeline_view_finalize;
  object_class->get_property = dossier_timeline_view_get_property;
  object_class->set_property = dossier_timeline_view_set_property;

  properties[PROP_TIMEXES] =
    g_param_spec_object ("timexes", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HIDDEN] =
    g_param_spec_object ("hidden", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL,
                         "list",
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

  /**
   * DossierTimelineView::redate-requested:
   * @self: a #DossierTimelineView
   * @timex: an entry
   * @value: the date the user gave it, valid for
   *   dossier_timeline_value_is_valid()
   */
  signals[REDATE_REQUESTED] =
    g_signal_new ("redate-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, DOSSIER_TYPE_TIMEX, G_TYPE_STRING);

  /**
   * DossierTimelineView::hide-requested:
   * @self: a #DossierTimelineView
   * @timex: an entry
   * @hidden: %TRUE to hide it, %FALSE to show it again
   */
  signals[HIDE_REQUESTED] =
    g_signal_new ("hide-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, DOSSIER_TYPE_TIMEX, G_TYPE_BOOLEAN);

  gtk_widget_class_install_property_action (widget_class, "timeline.mode", "mode");
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.save-image", NULL, save_image_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dossier-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, chart);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, chart_tools);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, spinner);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_timex_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelineview");

  g_type_ensure (DOSSIER_TYPE_TIMELINE_CHART);
  g_type_ensure (DOSSIER_TYPE_TIMELINE_ROW);
}

static void
dossier_timeline_view_init (DossierTimelineView *self)
{
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkNoSelection *selection;

  self->mode = g_strdup ("list");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->date_popover = DOSSIER_DATE_POPOVER (dossier_date_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->date_popover), GTK_WIDGET (self));
  g_signal_connect_object (self->date_popover, "date-chosen", G_CALLBACK (on_date_chosen), self,
                           G_CONNECT_SWAPPED);

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
  self->hidden_heading = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->hidden_entries = gtk_filter_list_model_new (NULL, NULL);

  g_list_store_append (parts, self->dated_heading);
  g_list_store_append (parts, self->dated_sorted);
  g_list_store_append (parts, self->undated_heading);
  g_list_store_append (parts, self->undated);
  g_list_store_append (parts, self->hidden_heading);
  g_list_store_append (parts, self->hidden_entries);
  self->model = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));

  g_signal_connect_object (self->dated_sorted, "items-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undated, "items-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->hidden_entries, "items-changed",
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
  dossier_timeline_chart_set_timexes (self->chart, timexes);
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

GListModel *
dossier_timeline_view_get_hidden (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), NULL);

  return self->hidden;
}

/**
 * dossier_timeline_view_set_hidden:
 * @self: a #DossierTimelineView
 * @hidden: (nullable): a #GListModel of the #DossierTimex the user hid,
 *   listed last, dimmed, to be shown again
 */
void
dossier_timeline_view_set_hidden (DossierTimelineView *self,
                                  GListModel          *hidden)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));
  g_return_if_fail (!hidden || G_IS_LIST_MODEL (hidden));

  if (!g_set_object (&self->hidden, hidden))
    return;

  gtk_filter_list_model_set_model (self->hidden_entries, hidden);
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN]);
}

const char *
dossier_timeline_view_get_mode (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), NULL);

  return self->mode;
}

/**
 * dossier_timeline_view_set_mode:
 * @mode: "list" or "chart"
 */
void
dossier_timeline_view_set_mode (DossierTimelineView *self,
                                const char          *mode)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));

  if (g_strcmp0 (mode, "chart") != 0)
    mode = "list";

  if (g_strcmp0 (self->mode, mode) == 0)
    return;

  g_free (self->mode);
  self->mode = g_strdup (mode);
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

/**
 * _dossier_timeline_view_prompt_date:
 * @self: a #DossierTimelineView
 * @anchor: the widget the prompt points at
 * @timex: the entry to redate
 *
 * Asks for a new date for @timex; emits
 * #DossierTimelineView::redate-requested with the answer.
 */
void
_dossier_timeline_view_prompt_date (DossierTimelineView *self,
                                    GtkWidget           *anchor,
                                    DossierTimex        *timex)
{
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  const char *value;
  graphene_rect_t bounds;

  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));
  g_return_if_fail (DOSSIER_IS_TIMEX (timex));

  g_set_object (&self->date_timex, timex);

  value = dossier_timex_get_value (timex);
  if (!dossier_timeline_value_is_valid (value))
    value = dossier_timex_get_interval_start (timex);
  dossier_date_popover_set_value (self->date_popover, value);

  /* Translators: the title of the date prompt, with the words of the text
   * that give the date, "Date of “last Tuesday”" */
  title = g_strdup_printf (_("Date of “%s”"), dossier_timex_get_text (timex));
  dossier_date_popover_set_title (self->date_popover, title);

  if (anchor != NULL && gtk_widget_compute_bounds (anchor, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->date_popover),
                                 &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                   bounds.size.width, bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->date_popover));
}

/**
 * _dossier_timeline_view_request_hidden:
 *
 * Emits #DossierTimelineView::hide-requested.
 */
void
_dossier_timeline_view_request_hidden (DossierTimelineView *self,
                                       DossierTimex        *timex,
                                       gboolean             hidden)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));
  g_return_if_fail (DOSSIER_IS_TIMEX (timex));

  g_signal_emit (self, signals[HIDE_REQUESTED], 0, timex, !!hidden);
}

DossierTimelineChart *
_dossier_timeline_view_get_chart (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), NULL);

  return self->chart;
}

DossierDatePopover *
_dossier_timeline_view_get_date_popover (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), NULL);

  return self->date_popover;
}
