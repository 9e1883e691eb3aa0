/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-entity-corrections-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "dossier-document.h"
#include "dossier-entity.h"
#include "dossier-entity-corrections.h"
#include "dossier-entity-row-private.h"
#include "dossier-entity-sidebar-private.h"
#include "dossier-reader-view-private.h"
#include "dossier-test-utils.h"
#include "dossier-window-analysis.h"
#include "dossier-window-notes.h"
#include "dossier-window-private.h"

/* Correcting the entity sidebar in a real window (xvfb-run -a): each
 * correction changes the list, is undone and redone, survives saving and
 * reopening the clipping, a fresh analysis and a reload of the notes
 * file. Also mention stepping from the keyboard, and a 10 MB clipping
 * that shows its text before its names and highlights a name met 30,000
 * times as fast as one met thrice. The fixture is the one of
 * test-analysis-ui.c. */

static char *workdir;

#define READY (DOSSIER_TEST_LOADED | DOSSIER_TEST_ANALYSIS | DOSSIER_TEST_NOTES)

/* A copy of the fixture of its own, so that each test has its own notes. */
static GFile *
copy_fixture (const char *test_name)
{
  g_autofree char *name = g_strdup_printf ("%s.txt", test_name);
  g_autofree char *dest = g_build_filename (workdir, name, NULL);

  return dossier_test_copy_fixture ("analysis-ui", "rail-line.txt", dest);
}

static gboolean
on_monitor (gpointer data)
{
  DossierWindow *window = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return gtk_widget_get_mapped (GTK_WIDGET (window)) && surface != NULL &&
         gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface) != NULL;
}

/* Popovers are placed on the window's monitor: wait until it has one. */
static void
wait_on_monitor (DossierWindow *window)
{
  dossier_test_iterate_until (on_monitor, window,
                              g_get_monotonic_time () + dossier_test_get_timeout ());
  dossier_test_iterate_pending ();
}

static DossierWindow *
open_file (GFile *file)
{
  DossierWindow *window = dossier_test_open_window (file, READY);

  wait_on_monitor (window);

  return window;
}

static DossierEntitySidebar *
get_sidebar (DossierWindow *window)
{
  return _dossier_window_get_entity_sidebar (window);
}

static char *
describe_entity (GObject *item)
{
  return g_strdup_printf ("%s|%u",
                          dossier_entity_get_name (DOSSIER_ENTITY (item)),
                          dossier_entity_get_n_mentions (DOSSIER_ENTITY (item)));
}

/* The sidebar's rows as "name|count", headings as "# Title", on one line. */
static char *
describe (DossierWindow *window)
{
  GListModel *model = G_LIST_MODEL (_dossier_entity_sidebar_get_selection (get_sidebar (window)));

  return dossier_test_describe_list (model, "; ", describe_entity);
}

#define assert_rows(window, expected) \
  G_STMT_START { \
    g_autofree char *__rows = describe (window); \
    g_assert_cmpstr (__rows, ==, expected); \
  } G_STMT_END

static const char original[] =
  "# People; Helena Duarte|3; Paulo Mendes|2; Rui Teixeira|2; "
  "# Organizations; European Investment Bank|1; "
  "# Places; Porto|2; Spain|1; Madrid|1";

static void
select_entity (DossierWindow *window,
               const char    *name)
{
  g_assert_true (dossier_entity_sidebar_select_entity (get_sidebar (window), dossier_test_find_entity (window, name)));
  dossier_test_iterate_pending ();
}

static const char *
selected_name (DossierWindow *window)
{
  DossierEntity *entity = dossier_entity_sidebar_get_selected_entity (get_sidebar (window));

  return entity ? dossier_entity_get_name (entity) : NULL;
}

static gboolean
row_has_name (GtkWidget *widget,
              gpointer   name)
{
  GObject *item = dossier_entity_row_get_item (DOSSIER_ENTITY_ROW (widget));

  return DOSSIER_IS_ENTITY (item) &&
         g_strcmp0 (dossier_entity_get_name (DOSSIER_ENTITY (item)), name) == 0;
}

/* The row widget the list view made for @name. */
static DossierEntityRow *
find_row (GtkWidget  *widget,
          const char *name)
{
  return DOSSIER_ENTITY_ROW (dossier_test_find_widget (widget, DOSSIER_TYPE_ENTITY_ROW,
                                                       row_has_name, (gpointer) name));
}

static void
row_action (DossierWindow *window,
            const char    *name,
            const char    *action,
            GVariant      *param)
{
  DossierEntityRow *row = find_row (GTK_WIDGET (get_sidebar (window)), name);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (row), action, param));
  dossier_test_iterate_pending ();
}

static void
undo (DossierWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  dossier_test_iterate_pending ();
}

static void
redo (DossierWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  dossier_test_iterate_pending ();
}

static void
save (DossierWindow *window)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_document_save (_dossier_window_get_document (window), NULL, &error));
  g_assert_no_error (error);
}

static void
test_rename (void)
{
  g_autoptr(GFile) file = NULL;
  DossierWindow *window;
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  file = copy_fixture ("rename");
  window = open_file (file);
  assert_rows (window, original);

  /* The row's menu asks for the name */
  select_entity (window, "Rui Teixeira");
  row_action (window, "Rui Teixeira", "entity.rename", NULL);
  dialog = ADW_MESSAGE_DIALOG (_dossier_entity_sidebar_get_dialog (get_sidebar (window)));
  g_assert_nonnull (dialog);
  entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Rui Teixeira");
  /* Unchanged or empty: nothing to do */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  gtk_editable_set_text (entry, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  gtk_editable_set_text (entry, " Rui Miguel Teixeira ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rename"));
  adw_message_dialog_response (dialog, "rename");
  dossier_test_iterate_pending ();

  assert_rows (window,
               "# People; Helena Duarte|3; Paulo Mendes|2; Rui Miguel Teixeira|2; "
               "# Organizations; European Investment Bank|1; "
               "# Places; Porto|2; Spain|1; Madrid|1");
  /* The selection follows the entity, and so do its highlights */
  g_assert_cmpstr (selected_name (window), ==, "Rui Miguel Teixeira");
  {
    g_autofree char *spans = dossier_test_tagged_spans (window, "entity-mention");

    g_assert_cmpstr (spans, ==, "425-437,512-520");
  }

  undo (window);
  assert_rows (window, original);
  g_assert_cmpstr (selected_name (window), ==, "Rui Teixeira");
  redo (window);
  g_assert_cmpstr (selected_name (window), ==, "Rui Miguel Teixeira");

  /* F2 on the selected row asks again; cancelling changes nothing */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_sidebar (window)), "sidebar.rename", NULL));
  dialog = ADW_MESSAGE_DIALOG (_dossier_entity_sidebar_get_dialog (get_sidebar (window)));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  dossier_test_iterate_pending ();
  g_assert_cmpstr (selected_name (window), ==, "Rui Miguel Teixeira");

  /* Saved and opened again */
  save (window);
  dossier_test_destroy_window (window);
  window = open_file (file);
  assert_rows (window,
               "# People; Helena Duarte|3; Paulo Mendes|2; Rui Miguel Teixeira|2; "
               "# Organizations; European Investment Bank|1; "
               "# Places; Porto|2; Spain|1; Madrid|1");

  /* A fresh analysis gets it too */
  _dossier_window_analysis_article_shown (window);
  g_assert_false (_dossier_window_get_analysis_ready (window));
  dossier_test_wait_window (window, READY);
  assert_rows (window,
               "# People; Helena Duarte|3; Paulo Mendes|2; Rui Miguel Teixeira|2; "
               "# Organizations; European Investment Bank|1; "
               "# Places; Porto|2; Spain|1; Madrid|1");

  dossier_test_destroy_window (window);
}

static void
test_merge_and_kind (void)
{
  g_autoptr(GFile) file = NULL;
  DossierWindow *window;
  AdwMessageDialog *dialog;
  GtkDropDown *drop_down;
  GListModel *candidates;
  guint target = GTK_INVALID_LIST_POSITION;
  const char *after_merge =
    "# People; Helena Duarte|3; Paulo Mendes|2; Rui Teixeira|2; "
    "# Organizations; European Investment Bank|1; "
    "# Places; Porto|2; Madrid|2";

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  file = copy_fixture ("merge");
  window = open_file (file);

  /* Merge Into…: the same kind first, by name */
  row_action (window, "Spain", "entity.merge-into", NULL);
  dialog = ADW_MESSAGE_DIALOG (_dossier_entity_sidebar_get_dialog (get_sidebar (window)));
  drop_down = g_object_get_data (G_OBJECT (dialog), "drop-down");
  candidates = gtk_drop_down_get_model (drop_down);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 6);
  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (candidates, i);

      if (i == 0)
        g_assert_cmpstr (dossier_entity_get_name (entity), ==, "Madrid");
      if (g_str_equal (dossier_entity_get_name (entity), "Madrid"))
        target = i;
    }
  gtk_drop_down_set_selected (drop_down, target);
  adw_message_dialog_response (dialog, "merge");
  dossier_test_iterate_pending ();
  assert_rows (window, after_merge);
  g_assert_cmpstr (selected_name (window), ==, "Madrid");

  /* Change kind from the row's menu */
  row_action (window, "Porto", "entity.kind", g_variant_new_string ("organization"));
  assert_rows (window,
               "# People; Helena Duarte|3; Paulo Mendes|2; Rui Teixeira|2; "
               "# Organizations; Porto|2; European Investment Bank|1; "
               "# Places; Madrid|2");
  g_assert_cmpstr (selected_name (window), ==, "Porto");

  /* Dropping one row on another merges it into that one */
  {
    DossierEntityRow *row = find_row (GTK_WIDGET (get_sidebar (window)), "Helena Duarte");
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (row));
    GtkDropTarget *drop = NULL;
    GValue value = G_VALUE_INIT;
    gboolean dropped = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          drop = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (drop);

    /* Not on itself */
    g_value_init (&value, DOSSIER_TYPE_ENTITY);
    g_value_set_object (&value, dossier_test_find_entity (window, "Helena Duarte"));
    g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &dropped);
    g_assert_false (dropped);

    g_value_set_object (&value, dossier_test_find_entity (window, "Paulo Mendes"));
    g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &dropped);
    g_assert_true (dropped);
    g_value_unset (&value);
    dossier_test_iterate_pending ();
  }
  assert_rows (window,
               "# People; Helena Duarte|5; Rui Teixeira|2; "
               "# Organizations; Porto|2; European Investment Bank|1; "
               "# Places; Madrid|2");

  undo (window);
  undo (window);
  assert_rows (window, after_merge);
  undo (window);
  assert_rows (window, original);
  redo (window);
  redo (window);
  redo (window);

  /* Reloading the notes file re-applies what it holds */
  save (window);
  {
    DossierDocument *document = _dossier_window_get_document (window);
    g_autoptr(GError) error = NULL;

    g_assert_true (dossier_document_load (document, dossier_document_get_notes_file (document),
                                          NULL, &error));
    g_assert_no_error (error);
    dossier_test_iterate_pending ();
  }
  assert_rows (window,
               "# People; Helena Duarte|5; Rui Teixeira|2; "
               "# Organizations; Porto|2; European Investment Bank|1; "
               "# Places; Madrid|2");

  dossier_test_destroy_window (window);
}

static void
test_hide (void)
{
  g_autoptr(GFile) file = NULL;
  DossierWindow *window;
  const char *hidden =
    "# People; Helena Duarte|3; Paulo Mendes|2; Rui Teixeira|2; "
    "# Organizations; European Investment Bank|1; "
    "# Places; Porto|2; Spain|1; "
    "# Hidden; Madrid|1";

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  file = copy_fixture ("hide");
  window = open_file (file);

  /* Delete hides the selected name; it is listed last, to be shown again */
  select_entity (window, "Madrid");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_sidebar (window)), "sidebar.hide", NULL));
  dossier_test_iterate_pending ();
  assert_rows (window, hidden);

  undo (window);
  assert_rows (window, original);
  redo (window);
  assert_rows (window, hidden);

  save (window);
  dossier_test_destroy_window (window);
  window = open_file (file);
  assert_rows (window, hidden);

  row_action (window, "Madrid", "entity.show", NULL);
  assert_rows (window, original);
  g_assert_cmpstr (selected_name (window), ==, "Madrid");

  dossier_test_destroy_window (window);
}

static gboolean
is_entity_button (GtkWidget *widget,
                  gpointer   user_data)
{
  return g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), "_Entity") == 0;
}

/* The "Entity" menu button of the selection popover. */
static GtkMenuButton *
find_menu_button (GtkWidget *widget)
{
  return GTK_MENU_BUTTON (dossier_test_find_widget (widget, GTK_TYPE_MENU_BUTTON,
                                                    is_entity_button, NULL));
}

static void
test_add (void)
{
  g_autoptr(GFile) file = NULL;
  DossierWindow *window;
  const char *added =
    "# People; Helena Duarte|3; Paulo Mendes|2; Rui Teixeira|2; "
    "# Organizations; regional assembly|1; European Investment Bank|1; "
    "# Places; Porto|2; Spain|1; Madrid|1";

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  file = copy_fixture ("add");
  window = open_file (file);

  /* The reader's context menu offers the kinds too */
  {
    GMenuModel *menu = gtk_text_view_get_extra_menu (_dossier_reader_view_get_text_view (window->reader_view));
    g_autoptr(GMenuModel) kinds = NULL;
    g_autofree char *action = NULL;
    g_autoptr(GVariant) target = NULL;

    g_assert_nonnull (menu);
    kinds = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SUBMENU);
    g_assert_nonnull (kinds);
    g_assert_cmpint (g_menu_model_get_n_items (kinds), ==, 3);
    g_assert_true (g_menu_model_get_item_attribute (kinds, 2, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (action, ==, "win.add-entity");
    target = g_menu_model_get_item_attribute_value (kinds, 2, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "place");
  }

  /* Nothing selected: nothing to add */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-entity", "s", "organization");
  dossier_test_iterate_pending ();
  assert_rows (window, original);

  /* " regional assembly" with the space a drag takes along */
  dossier_test_select_range (window, 3, 21);

  /* The selection popover offers the kinds */
  {
    GtkWidget *popover = GTK_WIDGET (_dossier_window_get_selection_popover (window));
    GtkMenuButton *button = find_menu_button (popover);
    GMenuModel *menu;

    g_assert_nonnull (button);
    menu = gtk_menu_button_get_menu_model (button);
    g_assert_nonnull (menu);
    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
    menu = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
    g_object_unref (menu);
    gtk_popover_popup (GTK_POPOVER (popover));
    gtk_menu_button_popup (button);
    dossier_test_iterate_pending ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
    gtk_menu_button_popdown (button);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-entity", "s", "organization"));
  dossier_test_iterate_pending ();
  assert_rows (window, added);
  g_assert_cmpstr (selected_name (window), ==, "regional assembly");
  {
    g_autofree char *spans = dossier_test_tagged_spans (window, "entity-mention");

    g_assert_cmpstr (spans, ==, "4-21");
  }

  /* Part of a word is not a name: "egional" */
  dossier_test_select_range (window, 5, 12);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-entity", "s", "place");
  dossier_test_iterate_pending ();
  assert_rows (window, added);
  undo (window);
  assert_rows (window, original);
  redo (window);

  /* The sidebar opens to show it */
  g_assert_true (adw_flap_get_reveal_flap (window->entity_flap));

  undo (window);
  assert_rows (window, original);
  redo (window);
  assert_rows (window, added);

  /* Every mention of the text: "Teixeira" alone is the mayor's too */
  dossier_test_select_range (window, 512, 520);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-entity", "s", "person"));
  dossier_test_iterate_pending ();
  g_assert_cmpstr (selected_name (window), ==, "Rui Teixeira");
  g_assert_cmpuint (dossier_entity_get_n_mentions (dossier_test_find_entity (window, "Rui Teixeira")), ==, 2);

  save (window);
  dossier_test_destroy_window (window);
  window = open_file (file);
  assert_rows (window, added);

  dossier_test_destroy_window (window);
}

/* Which action a key runs in @widget's own shortcuts. */
static const char *
shortcut_action (GtkWidget  *widget,
                 const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *str = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (str, trigger) && GTK_IS_NAMED_ACTION (action))
            return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
        }
    }

  return NULL;
}

static void
test_mention_keys (void)
{
  g_autoptr(GFile) file = NULL;
  DossierWindow *window;
  char *span;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  file = copy_fixture ("keys");
  window = open_file (file);

  /* F8 and Shift+F8 anywhere in the window */
  g_assert_cmpstr (shortcut_action (GTK_WIDGET (window), "F8"), ==, "win.next-mention");
  g_assert_cmpstr (shortcut_action (GTK_WIDGET (window), "<Shift>F8"), ==, "win.previous-mention");
  g_assert_cmpstr (shortcut_action (GTK_WIDGET (get_sidebar (window)), "F2"), ==, "sidebar.rename");
  g_assert_cmpstr (shortcut_action (GTK_WIDGET (get_sidebar (window)), "Delete"), ==, "sidebar.hide");

  /* Nothing selected: nothing to step through */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-mention", NULL);
  g_assert_cmpint (dossier_entity_sidebar_get_mention (get_sidebar (window)), ==, -1);

  select_entity (window, "Helena Duarte");
  span = dossier_test_tagged_spans (window, "entity-mention");
  g_assert_cmpstr (span, ==, "203-216,314-320,826-832");
  g_free (span);
  span = dossier_test_selected_span (window);
  g_assert_cmpstr (span, ==, "203-216");
  g_free (span);

  /* From the reader, which has the focus */
  gtk_widget_grab_focus (GTK_WIDGET (_dossier_reader_view_get_text_view (window->reader_view)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-mention", NULL));
  span = dossier_test_selected_span (window);
  g_assert_cmpstr (span, ==, "314-320");
  g_free (span);
  span = dossier_test_tagged_spans (window, "entity-mention-current");
  g_assert_cmpstr (span, ==, "314-320");
  g_free (span);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-mention", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-mention", NULL));
  span = dossier_test_selected_span (window);
  g_assert_cmpstr (span, ==, "826-832");
  g_free (span);

  /* Shift+F10 opens the selected row's menu, when the sidebar shows */
  if (!adw_flap_get_reveal_flap (window->entity_flap))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-entities", NULL);
  wait_on_monitor (window);
  dossier_test_run_for (100);
  g_assert_cmpstr (shortcut_action (GTK_WIDGET (get_sidebar (window)), "<Shift>F10"), ==, "sidebar.menu");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_sidebar (window)), "sidebar.menu", NULL));
  dossier_test_iterate_pending ();
  {
    DossierEntityRow *row = find_row (GTK_WIDGET (get_sidebar (window)), "Helena Duarte");
    GtkPopover *menu = NULL;

    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (row)); child; child = gtk_widget_get_next_sibling (child))
      for (GtkWidget *c = gtk_widget_get_first_child (child); c; c = gtk_widget_get_next_sibling (c))
        if (GTK_IS_MENU_BUTTON (c))
          menu = gtk_menu_button_get_popover (GTK_MENU_BUTTON (c));
    g_assert_nonnull (menu);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
    gtk_popover_popdown (menu);
    dossier_test_iterate_pending ();
  }

  /* A correction keeps the place: still the third of three */
  g_assert_cmpint (dossier_entity_sidebar_get_mention (get_sidebar (window)), ==, 2);
  row_action (window, "Helena Duarte", "entity.kind", g_variant_new_string ("organization"));
  g_assert_cmpstr (selected_name (window), ==, "Helena Duarte");
  g_assert_cmpint (dossier_entity_sidebar_get_mention (get_sidebar (window)), ==, 2);

  dossier_test_destroy_window (window);
}

static gboolean
loaded (gpointer window)
{
  return !dossier_window_is_loading (window);
}

static gboolean
analysis_ready (gpointer window)
{
  return _dossier_window_get_analysis_ready (window);
}

/* Asserts that every mention of @entity that the reader shows carries the
 * mention highlight, from its first to its last character; returns how
 * many it shows. What is shown: the text view's lines under the scrolled
 * window's page. */
static guint
assert_visible_mentions_tagged (DossierWindow *window,
                                DossierEntity *entity)
{
  GtkTextView *view = _dossier_reader_view_get_text_view (window->reader_view);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  double page = gtk_adjustment_get_page_size (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
  const DossierEntityMention *mentions;
  graphene_point_t top;
  GtkTextIter iter;
  guint first, last, n = 0, shown = 0;
  int x, y;

  g_assert_true (gtk_widget_compute_point (scroller, GTK_WIDGET (view),
                                           &GRAPHENE_POINT_INIT (0, 0), &top));
  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, MAX (top.y, 0), &x, &y);
  gtk_text_view_get_iter_at_location (view, &iter, 0, y);
  first = gtk_text_iter_get_offset (&iter);
  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, top.y + page, &x, &y);
  gtk_text_view_get_iter_at_location (view, &iter, G_MAXINT / 2, y);
  last = gtk_text_iter_get_offset (&iter);
  g_assert_cmpuint (first, <, last);

  mentions = dossier_entity_get_mentions (entity, &n);
  for (guint i = 0; i < n; i++)
    if (mentions[i].end > first && mentions[i].start < last)
      {
        g_assert_true (dossier_test_has_tag_at (window, mentions[i].start, "entity-mention"));
        g_assert_true (dossier_test_has_tag_at (window, mentions[i].end - 1, "entity-mention"));
        shown++;
      }

  return shown;
}

/* A 10 MB clipping: the text at once, the names when the analysis is
 * done, and the sidebar says it works meanwhile */
static void
test_large (void)
{
  g_autofree char *src = dossier_test_fixture_path ("analysis-ui", "rail-line.txt");
  g_autofree char *dest = g_build_filename (workdir, "large.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  DossierEntitySidebar *sidebar;
  DossierWindow *window;
  GtkTextBuffer *buffer;
  GString *big;
  gint64 deadline;
  const char *body;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
  body = strstr (contents, "LISBON");
  g_assert_nonnull (body);
  big = g_string_new (contents);
  while (big->len < 10 * 1000 * 1000)
    {
      g_string_append_c (big, '\n');
      g_string_append (big, body);
    }
  dossier_test_write_file (dest, big->str, big->len);
  g_string_free (big, TRUE);
  file = g_file_new_for_path (dest);

  window = dossier_window_new (NULL);
  sidebar = get_sidebar (window);
  buffer = _dossier_reader_view_get_buffer (window->reader_view);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-entities", NULL);
  dossier_window_open_file (window, file);

  deadline = g_get_monotonic_time () + 4 * dossier_test_get_timeout ();
  dossier_test_iterate_until (loaded, window, deadline);

  /* The text is there; the names are being found */
  g_assert_false (dossier_window_is_loading (window));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), >, 9 * 1000 * 1000);
  g_assert_false (_dossier_window_get_analysis_ready (window));
  g_assert_true (dossier_entity_sidebar_get_loading (sidebar));
  g_assert_cmpstr (_dossier_entity_sidebar_get_page (sidebar), ==, "loading");

  dossier_test_iterate_until (analysis_ready, window, deadline);

  g_assert_true (_dossier_window_get_analysis_ready (window));
  g_assert_false (dossier_entity_sidebar_get_loading (sidebar));
  g_assert_cmpstr (_dossier_entity_sidebar_get_page (sidebar), ==, "list");
  g_assert_cmpuint (dossier_entity_get_n_mentions (dossier_test_find_entity (window, "Helena Duarte")), >, 1000);

  /* Selecting a name met thousands of times is quick, and highlights
   * what the reader shows: its mentions on screen, not all of them */
  {
    DossierEntity *entity = dossier_test_find_entity (window, "Helena Duarte");
    const DossierEntityMention *mentions;
    gint64 start = g_get_monotonic_time ();
    g_autofree char *spans = NULL;
    guint n = 0;

    mentions = dossier_entity_get_mentions (entity, &n);
    dossier_entity_sidebar_select_entity (sidebar, entity);
    g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
    dossier_test_run_for (100);
    g_assert_cmpuint (assert_visible_mentions_tagged (window, entity), >, 0);
    spans = dossier_test_tagged_spans (window, "entity-mention");
    g_assert_cmpuint (strlen (spans), <, n * strlen ("203-216,") / 10);

    /* Stepping to a mention at the other end of the text (Shift+F8 from
     * the first: the last one) highlights it, and what is around it */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-mention", NULL));
    g_assert_cmpint (dossier_entity_sidebar_get_mention (sidebar), ==, n - 1);
    g_assert_true (dossier_test_has_tag_at (window, mentions[n - 1].start, "entity-mention"));
    g_assert_true (dossier_test_has_tag_at (window, mentions[n - 1].start, "entity-mention-current"));
    dossier_test_run_for (100);
    g_assert_cmpuint (assert_visible_mentions_tagged (window, entity), >, 0);
    g_assert_false (dossier_test_has_tag_at (window, mentions[0].start, "entity-mention"));
    /* and it is on screen, and stays there as the lines before it get
     * laid out (the text view only guesses their heights until then) */
    dossier_test_run_for (1000);
    {
      GtkTextView *view = _dossier_reader_view_get_text_view (window->reader_view);
      GdkRectangle visible, location;
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, mentions[n - 1].start);
      gtk_text_view_get_iter_location (view, &iter, &location);
      gtk_text_view_get_visible_rect (view, &visible);
      g_assert_cmpint (location.y, >=, visible.y);
      g_assert_cmpint (location.y + location.height, <=, visible.y + visible.height);
    }

    /* A correction keeps the place, in one step, not through the 30,000
     * mentions before it */
    {
      g_autoptr(JsonObject) correction = dossier_entity_correction_new_rename (entity, "Helena M. Duarte");
      gint64 t;

      deadline = g_get_monotonic_time () + dossier_test_get_timeout ();
      while (!_dossier_window_get_notes_ready (window) && g_get_monotonic_time () < deadline)
        dossier_test_run_for (10);
      t = g_get_monotonic_time ();
      _dossier_entity_sidebar_correct (sidebar, correction);
      g_assert_cmpint (g_get_monotonic_time () - t, <, G_USEC_PER_SEC);
      g_assert_cmpstr (selected_name (window), ==, "Helena M. Duarte");
      g_assert_cmpint (dossier_entity_sidebar_get_mention (sidebar), ==, n - 1);
      entity = dossier_entity_sidebar_get_selected_entity (sidebar);
      mentions = dossier_entity_get_mentions (entity, &n);
      g_assert_true (dossier_test_has_tag_at (window, mentions[n - 1].start, "entity-mention-current"));
    }

    /* Scrolled elsewhere, the highlights follow */
    {
      GtkAdjustment *vadj = _dossier_reader_view_get_vadjustment (window->reader_view);

      gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj) / 2);
      dossier_test_run_for (100);
      g_assert_cmpuint (assert_visible_mentions_tagged (window, entity), >, 0);
    }

    /* Unselecting clears them, and another name takes their place */
    dossier_entity_sidebar_select_entity (sidebar, NULL);
    /* Not iterate_pending (): that would wait for the whole text laid out */
    dossier_test_run_for (100);
    g_clear_pointer (&spans, g_free);
    spans = dossier_test_tagged_spans (window, "entity-mention");
    g_assert_cmpstr (spans, ==, "");
    g_clear_pointer (&spans, g_free);
    spans = dossier_test_tagged_spans (window, "entity-mention-current");
    g_assert_cmpstr (spans, ==, "");

    dossier_entity_sidebar_select_entity (sidebar, dossier_test_find_entity (window, "Paulo Mendes"));
    dossier_test_run_for (100);
    g_assert_cmpuint (assert_visible_mentions_tagged (window, dossier_test_find_entity (window, "Paulo Mendes")), >, 0);
    dossier_entity_sidebar_select_entity (sidebar, entity);
    dossier_test_run_for (100);
    g_assert_cmpuint (assert_visible_mentions_tagged (window, entity), >, 0);
    g_clear_pointer (&spans, g_free);
    spans = dossier_test_tagged_spans (window, "entity-mention");
    /* None of the other's left: every span is one of this name's */
    {
      g_auto(GStrv) parts = g_strsplit (spans, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          guint a = 0, b = 0, j;

          g_assert_cmpint (sscanf (parts[i], "%u-%u", &a, &b), ==, 2);
          for (j = 0; j < n && mentions[j].start != a; j++)
            ;
          g_assert_cmpuint (j, <, n);
          g_assert_cmpuint (mentions[j].end, ==, b);
        }
    }
  }

  dossier_test_destroy_window (window);
  g_unlink (dest);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  dossier_test_init (&argc, &argv, "entity-corrections-ui", DOSSIER_TEST_DEFAULT);
  dossier_test_set_timeout (30 * G_USEC_PER_SEC);
  workdir = g_build_filename (dossier_test_get_home (), "clippings", NULL);
  g_mkdir_with_parents (workdir, 0700);

  g_test_add_func ("/dossier/entity-corrections-ui/rename", test_rename);
  g_test_add_func ("/dossier/entity-corrections-ui/merge-and-kind", test_merge_and_kind);
  g_test_add_func ("/dossier/entity-corrections-ui/hide", test_hide);
  g_test_add_func ("/dossier/entity-corrections-ui/add", test_add);
  g_test_add_func ("/dossier/entity-corrections-ui/mention-keys", test_mention_keys);
  g_test_add_func ("/dossier/entity-corrections-ui/large", test_large);

  ret = dossier_test_run ();
  g_free (workdir);

  return ret;
}
