/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-mentions"

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "dossier-entity.h"
#include "dossier-entity-corrections.h"
#include "dossier-entity-sidebar-private.h"
#include "dossier-reader-view-private.h"
#include "dossier-test-utils.h"
#include "dossier-window-analysis.h"
#include "dossier-window-private.h"

/* A name met tens of thousands of times in a 10 MB clipping, in the real
 * window: select it, step through its mentions (to the last one, at the
 * end of the text), rename it there, switch to another, scroll, and
 * unselect. For each step it prints how long the call took, how long
 * until the mentions on screen carry their highlight (or lost it) and a
 * frame is drawn, and the longest the main loop stalled within the
 * second that follows (a heartbeat every 2 ms measures it). Before the
 * steps, the same stall for a second of the clipping left alone: the
 * text view laying it out in the background, until it is done
 * (DOSSIER_BENCH_SETTLE=0: one second). DOSSIER_BENCH_TEXT_MB changes the
 * size. */


/* The range of the buffer that the reader's viewport shows. */
static void
get_visible_range (DossierWindow *window,
                   guint         *first,
                   guint         *last)
{
  GtkTextView *view = _dossier_reader_view_get_text_view (window->reader_view);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  double page = gtk_adjustment_get_page_size (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
  graphene_point_t top;
  GtkTextIter iter;
  int x, y;

  /* Whether the text view scrolls itself or sits in a viewport. */
  g_assert_true (gtk_widget_compute_point (scroller, GTK_WIDGET (view),
                                           &GRAPHENE_POINT_INIT (0, 0), &top));
  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, MAX (top.y, 0), &x, &y);
  gtk_text_view_get_iter_at_location (view, &iter, 0, y);
  *first = gtk_text_iter_get_offset (&iter);
  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, MAX (top.y + page, 0), &x, &y);
  gtk_text_view_get_iter_at_location (view, &iter, G_MAXINT / 2, y);
  gtk_text_iter_forward_to_line_end (&iter);
  *last = gtk_text_iter_get_offset (&iter);
}

/* Whether every mention of @entity on screen carries the tag (or, when
 * @entity is NULL, whether no character on screen does). */
static gboolean
visible_mentions_tagged (DossierWindow *window,
                         DossierEntity *entity,
                         guint         *n_visible)
{
  GtkTextBuffer *buffer = _dossier_reader_view_get_buffer (window->reader_view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "entity-mention");
  const DossierEntityMention *mentions;
  guint first, last, n = 0;
  GtkTextIter a, b;

  get_visible_range (window, &first, &last);
  *n_visible = 0;

  if (entity == NULL)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &a, first);
      gtk_text_buffer_get_iter_at_offset (buffer, &b, last);
      if (gtk_text_iter_has_tag (&a, tag))
        return FALSE;
      return !gtk_text_iter_forward_to_tag_toggle (&a, tag) || gtk_text_iter_compare (&a, &b) >= 0;
    }

  mentions = dossier_entity_get_mentions (entity, &n);
  for (guint i = 0; i < n; i++)
    {
      if (mentions[i].end <= first)
        continue;
      if (mentions[i].start >= last)
        break;
      (*n_visible)++;
      gtk_text_buffer_get_iter_at_offset (buffer, &a, mentions[i].start);
      gtk_text_buffer_get_iter_at_offset (buffer, &b, mentions[i].end - 1);
      if (!gtk_text_iter_has_tag (&a, tag) || !gtk_text_iter_has_tag (&b, tag))
        return FALSE;
    }

  return TRUE;
}

typedef void (*StepFunc) (DossierWindow *window,
                          gpointer       data);

/* Runs @step and the main loop until the screen shows its result. */
static void
measure (DossierWindow *window,
         const char    *label,
         StepFunc       step,
         gpointer       data)
{
  DossierEntitySidebar *sidebar = _dossier_window_get_entity_sidebar (window);
  gint64 t0, t_call, t_ready = 0, deadline;
  guint frames_before, n_visible = 0;
  DossierEntity *entity;

  dossier_test_run_for (300);
  dossier_test_meter_reset ();
  frames_before = dossier_test_meter_frames ();
  t0 = g_get_monotonic_time ();
  step (window, data);
  t_call = g_get_monotonic_time ();
  entity = dossier_entity_sidebar_get_selected_entity (sidebar);

  deadline = t0 + 120 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      if (dossier_test_meter_frames () > frames_before && visible_mentions_tagged (window, entity, &n_visible))
        {
          t_ready = g_get_monotonic_time ();
          break;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpint (t_ready, >, 0);

  /* What the step left for the main loop to do afterwards. */
  dossier_test_run_for (1000);
  g_assert_true (visible_mentions_tagged (window, entity, &n_visible));

  g_print ("%-28s call %7.1f ms, on screen %7.1f ms (%u mentions visible), "
           "longest stall %7.1f ms\n",
           label, (t_call - t0) / 1000.0, (t_ready - t0) / 1000.0, n_visible,
           dossier_test_meter_longest_stall () / 1000.0);
}

static void
select_step (DossierWindow *window,
             gpointer       data)
{
  DossierEntity *entity = data ? dossier_test_find_entity (window, data) : NULL;

  dossier_entity_sidebar_select_entity (_dossier_window_get_entity_sidebar (window), entity);
}

static void
previous_mention_step (DossierWindow *window,
                       gpointer       data)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-mention", NULL);
}

/* A correction makes new entities: the selection stays on the mention. */
static void
rename_step (DossierWindow *window,
             gpointer       data)
{
  DossierEntitySidebar *sidebar = _dossier_window_get_entity_sidebar (window);
  DossierEntity *entity = dossier_entity_sidebar_get_selected_entity (sidebar);
  g_autoptr(JsonObject) correction = dossier_entity_correction_new_rename (entity, "Helena M. Duarte");

  _dossier_entity_sidebar_correct (sidebar, correction);
}

static void
next_mention_step (DossierWindow *window,
                   gpointer       data)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-mention", NULL);
}

/* A page down (data 0), or to the middle of the text (1), as a drag of
 * the scroll bar would. */
static void
scroll_step (DossierWindow *window,
             gpointer       data)
{
  GtkTextView *view = _dossier_reader_view_get_text_view (window->reader_view);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  if (GPOINTER_TO_INT (data) == 0)
    gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) +
                                    gtk_adjustment_get_page_size (vadj) * 0.9);
  else
    gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj) / 2);
}

static void
bench_mentions (void)
{
  const char *env_mb = g_getenv ("DOSSIER_BENCH_TEXT_MB");
  gsize size = (gsize)(env_mb ? atoi (env_mb) : 10) * 1000 * 1000;
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "fixtures", "analysis-ui",
                                                "rail-line.txt", NULL);
  g_autofree char *dir = g_dir_make_tmp ("dossier-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  DossierWindow *window;
  const char *body;
  GString *big;
  gint64 t0, deadline;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  /* The fixture's article, its body again and again: Helena Duarte three
   * times a copy, Paulo Mendes twice. */
  g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
  body = strstr (contents, "LISBON");
  g_assert_nonnull (body);
  big = g_string_new (contents);
  while (big->len < size)
    {
      g_string_append_c (big, '\n');
      g_string_append (big, body);
    }
  g_assert_true (g_file_set_contents (path, big->str, big->len, NULL));
  g_string_free (big, TRUE);
  file = g_file_new_for_path (path);

  window = dossier_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  if (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), DOSSIER_TYPE_WINDOW, "entities_button"))))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-entities", NULL);

  t0 = g_get_monotonic_time ();
  dossier_window_open_file (window, file);
  deadline = t0 + 120 * G_USEC_PER_SEC;
  while (!(!dossier_window_is_loading (window) && _dossier_window_get_analysis_ready (window)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (_dossier_window_get_analysis_ready (window));
  g_print ("%.1f MB opened and analysed in %.1f s; Helena Duarte %u mentions, Paulo Mendes %u\n",
           size / 1e6, (g_get_monotonic_time () - t0) / 1e6,
           dossier_entity_get_n_mentions (dossier_test_find_entity (window, "Helena Duarte")),
           dossier_entity_get_n_mentions (dossier_test_find_entity (window, "Paulo Mendes")));
  if (size >= 10 * 1000 * 1000)
    g_assert_cmpuint (dossier_entity_get_n_mentions (dossier_test_find_entity (window, "Helena Duarte")), >=, 30000);

  dossier_test_meter_start (GTK_WIDGET (window));

  /* The text view lays the text out in the background: wait until it is
   * done (the process stops using the CPU), unless told not to. From half
   * a second on: the sidebar and the timeline drawn for the first time
   * are part of opening. */
  dossier_test_run_for (500);
  dossier_test_meter_reset ();
  t0 = g_get_monotonic_time ();
  if (g_strcmp0 (g_getenv ("DOSSIER_BENCH_SETTLE"), "0") != 0)
    {
      double cpu_start = dossier_test_process_cpu_seconds ();
      double cpu = cpu_start, previous;

      do
        {
          previous = cpu;
          dossier_test_run_for (500);
          cpu = dossier_test_process_cpu_seconds ();
        }
      while (cpu - previous > 0.1 && g_get_monotonic_time () - t0 < 300 * G_USEC_PER_SEC);
      g_print ("%-28s %.1f s, %.1f s of CPU, longest stall %7.1f ms\n", "background layout",
               (g_get_monotonic_time () - t0) / 1e6, cpu - cpu_start, dossier_test_meter_longest_stall () / 1000.0);
    }
  else
    {
      dossier_test_run_for (1000);
      g_print ("%-28s longest stall %7.1f ms\n", "left alone for 1 s", dossier_test_meter_longest_stall () / 1000.0);
    }

  measure (window, "select (30,000 mentions)", select_step, "Helena Duarte");
  measure (window, "next mention (F8)", next_mention_step, NULL);
  measure (window, "previous mention (Shift+F8)", previous_mention_step, NULL);
  measure (window, "to the last (Shift+F8)", previous_mention_step, NULL);
  measure (window, "rename, at the last mention", rename_step, NULL);
  measure (window, "switch (20,000 mentions)", select_step, "Paulo Mendes");
  measure (window, "scroll a page", scroll_step, GINT_TO_POINTER (0));
  measure (window, "scroll to the middle", scroll_step, GINT_TO_POINTER (1));
  measure (window, "unselect", select_step, NULL);

  dossier_test_meter_stop ();
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  /* Temporary user folders, the C locale, the cairo renderer (under Xvfb
   * GTK's default is OpenGL on a software rasterizer, whose frames cost a
   * hundred milliseconds of their own; GSK_RENDERER=gl measures that too),
   * no animations. */
  dossier_test_init (&argc, &argv, "bench-mentions", DOSSIER_TEST_DEFAULT);
  g_test_add_func ("/dossier/bench/mentions", bench_mentions);

  return dossier_test_run ();
}
