/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-article-picker"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-article.h"
#include "dossier-article-picker-private.h"

/**
 * DossierArticlePicker:
 *
 * The articles of a file that holds several (a database export): a list
 * with the title, source, date and authors of each, filtered as the user
 * types. Activating a row (click, Enter) emits
 * #DossierArticlePicker::article-activated with its position in the file;
 * Escape emits #DossierArticlePicker::cancelled.
 */
struct _DossierArticlePicker
{
  GtkWidget           parent_instance;

  GListModel         *articles;
  GtkFilter          *filter;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;

  GtkLabel           *heading_label;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (DossierArticlePicker, dossier_article_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLES,
  N_PROPS
};

enum {
  ARTICLE_ACTIVATED,
  CANCELLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/**
 * _dossier_article_picker_dup_details:
 * @article: a #DossierArticle
 *
 * Returns: (transfer full): the line under the title of @article's row:
 *   its source, date and authors
 */
char *
_dossier_article_picker_dup_details (DossierArticle *article)
{
  GDateTime *published = dossier_article_get_published (article);
  const char * const *authors = dossier_article_get_authors (article);
  const char *source = dossier_article_get_source (article);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (source != NULL && *source != '\0')
    g_ptr_array_add (parts, g_strdup (source));
  if (published != NULL)
    /* Translators: how the publication date of an article is written,
     * "November 27, 2025"; see the strftime-like codes of
     * g_date_time_format(). Use the order of your language.
     * xgettext:no-c-format */
    g_ptr_array_add (parts, g_date_time_format (published, _("%B %-e, %Y")));
  if (authors != NULL && authors[0] != NULL)
    g_ptr_array_add (parts, g_strjoinv (", ", (char **)authors));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || *haystack == '\0')
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  DossierArticlePicker *self = user_data;
  DossierArticle *article = item;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *details = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  details = _dossier_article_picker_dup_details (article);

  return contains_casefolded (dossier_article_get_title (article), needle) ||
         contains_casefolded (details, needle);
}

static void
update_page (DossierArticlePicker *self)
{
  guint n = self->articles ? g_list_model_get_n_items (self->articles) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *heading = NULL;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u Article in This File",
                                          "%u Articles in This File",
                                          n),
                             n);
  gtk_label_set_label (self->heading_label, heading);
  gtk_stack_set_visible_child_name (self->stack, shown > 0 || n == 0 ? "list" : "no-match");
}

static void
on_search_changed (DossierArticlePicker *self,
                   GtkSearchEntry       *entry)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  update_page (self);
}

static void
activate_position (DossierArticlePicker *self,
                   guint                 position)
{
  g_autoptr(DossierArticle) article = NULL;
  guint index;

  article = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);
  if (article == NULL || self->articles == NULL)
    return;

  /* The position in the file, not in the filtered list. */
  for (index = 0; index < g_list_model_get_n_items (self->articles); index++)
    {
      g_autoptr(DossierArticle) other = g_list_model_get_item (self->articles, index);

      if (other == article)
        {
          g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, index);
          return;
        }
    }
}

static void
on_list_activate (DossierArticlePicker *self,
                  guint                 position,
                  GtkListView          *list_view)
{
  activate_position (self, position);
}

/* Enter in the filter opens the first match. */
static void
on_search_activate (DossierArticlePicker *self,
                    GtkSearchEntry       *entry)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    activate_position (self, selected);
}

/* Down in the filter goes on to the list. */
static gboolean
on_search_key_pressed (DossierArticlePicker  *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_DOWN) ||
           gtk_widget_grab_focus (GTK_WIDGET (self->list_view));

  return GDK_EVENT_PROPAGATE;
}

static void
setup_row (DossierArticlePicker *self,
           GtkListItem          *item,
           GtkListItemFactory   *factory)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");

  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (DossierArticlePicker *self,
          GtkListItem          *item,
          GtkListItemFactory   *factory)
{
  DossierArticle *article = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (title);
  const char *text = dossier_article_get_title (article);
  g_autofree char *details_text = _dossier_article_picker_dup_details (article);

  if (text == NULL || *text == '\0')
    text = _("Untitled Article");

  gtk_label_set_label (GTK_LABEL (title), text);
  gtk_label_set_label (GTK_LABEL (details), details_text);
  gtk_widget_set_visible (details, *details_text != '\0');
}

static gboolean
cancel_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  g_signal_emit (widget, signals[CANCELLED], 0);
  return TRUE;
}

static gboolean
dossier_article_picker_grab_focus (GtkWidget *widget)
{
  DossierArticlePicker *self = DOSSIER_ARTICLE_PICKER (widget);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
dossier_article_picker_dispose (GObject *object)
{
  DossierArticlePicker *self = DOSSIER_ARTICLE_PICKER (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ARTICLE_PICKER);

  /* The template's box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->articles);

  G_OBJECT_CLASS (dossier_article_picker_parent_class)->dispose (object);
}

static void
dossier_article_picker_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierArticlePicker *self = DOSSIER_ARTICLE_PICKER (object);

  switch (prop_id)
    {
    case PROP_ARTICLES:
      g_value_set_object (value, dossier_article_picker_get_articles (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_article_picker_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DossierArticlePicker *self = DOSSIER_ARTICLE_PICKER (object);

  switch (prop_id)
    {
    case PROP_ARTICLES:
      dossier_article_picker_set_articles (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_article_picker_class_init (DossierArticlePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_article_picker_dispose;
  object_class->get_property = dossier_article_picker_get_property;
  object_class->set_property = dossier_article_picker_set_property;

  widget_class->grab_focus = dossier_article_picker_grab_focus;

  properties[PROP_ARTICLES] =
    g_param_spec_object ("articles", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierArticlePicker::article-activated:
   * @position: the position of the article in #DossierArticlePicker:articles
   *
   * The user chose an article to read.
   */
  signals[ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * DossierArticlePicker::cancelled:
   *
   * The user pressed Escape: back to the article read before, if any.
   */
  signals[CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dossier-article-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierArticlePicker, heading_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticlePicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierArticlePicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierArticlePicker, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, cancel_cb, NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "articlepicker");
}

static void
dossier_article_picker_init (DossierArticlePicker *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL));
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (self->filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Typing anywhere in the picker filters. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_search_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  update_page (self);
}

GtkWidget *
dossier_article_picker_new (void)
{
  return g_object_new (DOSSIER_TYPE_ARTICLE_PICKER, NULL);
}

GListModel *
dossier_article_picker_get_articles (DossierArticlePicker *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_PICKER (self), NULL);

  return self->articles;
}

/**
 * dossier_article_picker_set_articles:
 * @self: a #DossierArticlePicker
 * @articles: (nullable): a #GListModel of #DossierArticle
 *
 * Lists @articles, without a filter, the first one selected.
 */
void
dossier_article_picker_set_articles (DossierArticlePicker *self,
                                     GListModel           *articles)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_PICKER (self));
  g_return_if_fail (!articles || G_IS_LIST_MODEL (articles));

  if (!g_set_object (&self->articles, articles))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_filter_list_model_set_model (self->filter_model, articles);
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_LESS_STRICT);
  update_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLES]);
}

/**
 * dossier_article_picker_select:
 * @self: a #DossierArticlePicker
 * @position: the position of an article in #DossierArticlePicker:articles
 *
 * Clears the filter and selects the article at @position, the one the
 * user read last, so that the keyboard starts from there.
 */
void
dossier_article_picker_select (DossierArticlePicker *self,
                               guint                 position)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_LESS_STRICT);
  update_page (self);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)))
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

GtkListView *
_dossier_article_picker_get_list_view (DossierArticlePicker *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_PICKER (self), NULL);

  return self->list_view;
}

GtkSearchEntry *
_dossier_article_picker_get_search_entry (DossierArticlePicker *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_PICKER (self), NULL);

  return self->search_entry;
}
