/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-profile"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "dossier-profile.h"

/* Startup measurement, enabled by DOSSIER_PROFILE_STARTUP: the time from
 * the start of the process to the first frame painted after an article is
 * shown. "quit" as the value quits once it is printed (for benchmarks). */

static gint64   main_start_usec;
static gboolean profiling;
static gboolean reported;

/* The process start time, in microseconds of CLOCK_BOOTTIME, or 0. It
 * includes what happens before main(): dynamic linking, constructors. */
static gint64
get_process_start_usec (void)
{
  g_autofree char *contents = NULL;
  const char *p;
  guint64 start_ticks;
  long ticks_per_sec;

  if (!g_file_get_contents ("/proc/self/stat", &contents, NULL, NULL))
    return 0;

  /* Field 2 (comm) may hold spaces and parentheses: skip past its end. */
  if (!(p = strrchr (contents, ')')))
    return 0;
  p++;

  /* Field 22, starttime, counted from field 3 after the parenthesis. */
  for (guint field = 3; field < 22; field++)
    {
      while (*p == ' ')
        p++;
      while (*p != '\0' && *p != ' ')
        p++;
    }

  start_ticks = g_ascii_strtoull (p, NULL, 10);
  ticks_per_sec = sysconf (_SC_CLK_TCK);
  if (start_ticks == 0 || ticks_per_sec <= 0)
    return 0;

  return (gint64)(start_ticks * G_USEC_PER_SEC / ticks_per_sec);
}

static gint64
get_boottime_usec (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_BOOTTIME, &ts) != 0)
    return 0;

  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

void
_dossier_profile_init (void)
{
  main_start_usec = g_get_monotonic_time ();
  profiling = g_getenv ("DOSSIER_PROFILE_STARTUP") != NULL;
}

static gint64
elapsed_usec (void)
{
  gint64 since_main = g_get_monotonic_time () - main_start_usec;
  gint64 start = get_process_start_usec ();
  gint64 now = get_boottime_usec ();

  /* The kernel counts in clock ticks (10 ms); trust it only when it is
   * consistent with what was measured from main(). */
  if (start > 0 && now > start && now - start >= since_main &&
      now - start < since_main + G_USEC_PER_SEC)
    return now - start;

  return since_main;
}

/**
 * _dossier_profile_mark:
 * @what: the step of startup just reached
 *
 * Logs the time since the process started, for G_MESSAGES_DEBUG.
 */
void
_dossier_profile_mark (const char *what)
{
  if (profiling && !reported)
    g_debug ("%s at %" G_GINT64_FORMAT " ms", what, elapsed_usec () / 1000);
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                GtkWidget     *widget)
{
  GApplication *app;

  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint, widget);

  fprintf (stderr, "dossier: first-frame-ms=%" G_GINT64_FORMAT "\n",
           elapsed_usec () / 1000);
  fflush (stderr);

  if (g_strcmp0 (g_getenv ("DOSSIER_PROFILE_STARTUP"), "quit") == 0 &&
      (app = g_application_get_default ()) != NULL)
    g_application_quit (app);
}

/**
 * _dossier_profile_load_failed:
 * @message: why no article could be shown
 *
 * A measurement that cannot end with an article ends here, instead of
 * leaving a benchmark waiting for a frame that never comes.
 */
void
_dossier_profile_load_failed (const char *message)
{
  GApplication *app;

  if (!profiling || reported)
    return;

  reported = TRUE;
  fprintf (stderr, "dossier: first-frame-ms=none (%s)\n", message);
  fflush (stderr);

  if (g_strcmp0 (g_getenv ("DOSSIER_PROFILE_STARTUP"), "quit") == 0 &&
      (app = g_application_get_default ()) != NULL)
    g_application_quit (app);
}

static void
watch_frame_clock (GtkWidget *widget)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, watch_frame_clock, NULL);

  if (frame_clock == NULL)
    return;

  g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (on_after_paint), widget, 0);
  gtk_widget_queue_draw (widget);
}

/**
 * _dossier_profile_article_shown:
 * @widget: the widget that now shows the article
 *
 * Reports the first frame painted from now on, once per process.
 */
void
_dossier_profile_article_shown (GtkWidget *widget)
{
  if (!profiling || reported)
    return;

  _dossier_profile_mark ("article shown");
  reported = TRUE;

  if (gtk_widget_get_realized (widget))
    watch_frame_clock (widget);
  else
    g_signal_connect (widget, "realize", G_CALLBACK (watch_frame_clock), NULL);
}
