/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-entity.h"
#include "dossier-window.h"

G_BEGIN_DECLS

/* What the widget tests share: the process set-up, the main loop, the
 * fixtures, windows that open a file, and looks into the reader's text
 * and into widget trees. See dossier-test-utils.c. */

/**
 * DossierTestFlags:
 * @DOSSIER_TEST_DEFAULT: no accessibility backend
 * @DOSSIER_TEST_ACCESSIBLE: GTK's test accessibility backend, for
 *   gtk_test_accessible_check_property() and friends
 */
typedef enum
{
  DOSSIER_TEST_DEFAULT    = 0,
  DOSSIER_TEST_ACCESSIBLE = 1 << 0,
} DossierTestFlags;

/**
 * DossierTestReady:
 * @DOSSIER_TEST_LOADED: the file is read and shown
 * @DOSSIER_TEST_NOTES: the notes of the clipping are read
 * @DOSSIER_TEST_ANALYSIS: the entities and the timeline are found
 *
 * What dossier_test_wait_window() waits for.
 */
typedef enum
{
  DOSSIER_TEST_LOADED   = 1 << 0,
  DOSSIER_TEST_NOTES    = 1 << 1,
  DOSSIER_TEST_ANALYSIS = 1 << 2,
} DossierTestReady;

/* A condition the main loop runs until: dossier_test_run_until(). */
typedef gboolean (*DossierTestCheck) (gpointer data);

/* How dossier_test_describe_list() writes an item that is not a heading. */
typedef char *(*DossierTestDescribe) (GObject *item);

/* Whether @widget is the one dossier_test_find_widget() looks for. */
typedef gboolean (*DossierTestWidgetMatch) (GtkWidget *widget,
                                            gpointer   user_data);

/* Skips the current test case when there is no display. */
#define DOSSIER_TEST_REQUIRE_DISPLAY()                      \
  G_STMT_START {                                            \
    if (!dossier_test_has_display ())                       \
      {                                                     \
        g_test_skip ("No display (run under xvfb-run -a)"); \
        return;                                             \
      }                                                     \
  } G_STMT_END

void               dossier_test_init             (int                    *argc,
                                                  char                 ***argv,
                                                  const char             *name,
                                                  DossierTestFlags        flags);
int                dossier_test_run              (void);
gboolean           dossier_test_has_display      (void);
const char        *dossier_test_get_home         (void);
void               dossier_test_set_timeout      (gint64                  usec);
gint64             dossier_test_get_timeout      (void);

void               dossier_test_iterate_pending  (void);
gboolean           dossier_test_iterate_until    (DossierTestCheck        check,
                                                  gpointer                data,
                                                  gint64                  deadline);
void               dossier_test_run_until        (DossierTestCheck        check,
                                                  gpointer                data);
void               dossier_test_run_for          (guint                   msec);

char              *dossier_test_fixture_path     (const char             *folder,
                                                  const char             *name);
GFile             *dossier_test_fixture_file     (const char             *folder,
                                                  const char             *name);
void               dossier_test_write_file       (const char             *path,
                                                  const char             *contents,
                                                  gssize                  length);
GFile             *dossier_test_copy_fixture     (const char             *folder,
                                                  const char             *name,
                                                  const char             *dest_path);
void               dossier_test_remove_tree      (GFile                  *file);

DossierWindow     *dossier_test_new_window       (void);
void               dossier_test_open_file        (DossierWindow          *window,
                                                  GFile                  *file,
                                                  DossierTestReady        ready);
DossierWindow     *dossier_test_open_window      (GFile                  *file,
                                                  DossierTestReady        ready);
void               dossier_test_wait_window      (DossierWindow          *window,
                                                  DossierTestReady        ready);
void               dossier_test_destroy_window   (DossierWindow          *window);
gboolean           dossier_test_document_saved   (gpointer                document);
const char        *dossier_test_visible_page     (DossierWindow          *window);

void               dossier_test_select_text      (DossierWindow          *window,
                                                  const char             *quote);
void               dossier_test_select_range     (DossierWindow          *window,
                                                  guint                   start,
                                                  guint                   end);
guint              dossier_test_offset_of        (DossierWindow          *window,
                                                  const char             *quote);
gboolean           dossier_test_has_tag_at       (DossierWindow          *window,
                                                  guint                   offset,
                                                  const char             *tag_name);
char              *dossier_test_tagged_spans     (DossierWindow          *window,
                                                  const char             *tag_name);
char              *dossier_test_selected_span    (DossierWindow          *window);
DossierEntity     *dossier_test_find_entity      (DossierWindow          *window,
                                                  const char             *name);

/* What the benchmarks measure: frames drawn and main-loop stalls. */
void               dossier_test_meter_start      (GtkWidget              *widget);
void               dossier_test_meter_stop       (void);
void               dossier_test_meter_reset      (void);
guint              dossier_test_meter_frames     (void);
gint64             dossier_test_meter_longest_stall (void);
double             dossier_test_process_cpu_seconds (void);

char              *dossier_test_describe_list    (GListModel             *model,
                                                  const char             *separator,
                                                  DossierTestDescribe     describe);
char              *dossier_test_describe_timeline (DossierWindow         *window);

GtkWindow         *dossier_test_find_transient   (DossierWindow          *window,
                                                  GType                   type);
AdwMessageDialog  *dossier_test_find_error_dialog (DossierWindow         *window);
GtkWidget         *dossier_test_find_widget      (GtkWidget              *root,
                                                  GType                   type,
                                                  DossierTestWidgetMatch  match,
                                                  gpointer                user_data);

G_END_DECLS
