/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-export-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-export-dialog.h"

/*
 * The first step of win.export: the user picks a format from a list that
 * says what each one holds and what it is for, then "Export…" emits
 * ::export with the format's name (the command line's: "markdown",
 * "csv-entities"…) and closes; the window asks where to save it.
 *
 * The formats made of the analysis (entities, timeline) cannot be chosen
 * until the analysis has finished (:analysis-ready).
 */

typedef enum
{
  GROUP_NOTES,
  GROUP_ANALYSIS,
  GROUP_CITATION,
} Group;

static const struct
{
  const char *format;
  const char *label;
  const char *description;
  const char *suffix;
  Group       group;
  gboolean    needs_analysis;
} formats[] = {
  { "markdown", N_("Markdown"),
    N_("The header, the highlights and notes, people, places and the timeline"),
    ".md", GROUP_NOTES, FALSE },
  { "html", N_("Web Page"),
    N_("The article with its highlights and notes in one page, ready to print"),
    ".html", GROUP_NOTES, FALSE },
  { "w3c", N_("W3C Web Annotations"),
    N_("The highlights and notes as JSON-LD, for other annotation tools"),
    ".jsonld", GROUP_NOTES, FALSE },
  { "json", N_("Dossier Notes File"),
    N_("The notes as Dossier keeps them, to back up or to share"),
    ".notes.json", GROUP_NOTES, FALSE },
  { "csv-entities", N_("People and Places (CSV)"),
    N_("Names, kinds, roles and mentions, for a spreadsheet"),
    "-entities.csv", GROUP_ANALYSIS, TRUE },
  { "csv-timeline", N_("Timeline (CSV)"),
    N_("Every date with its value and sentence, for a spreadsheet"),
    "-timeline.csv", GROUP_ANALYSIS, TRUE },
  { "timeline-svg", N_("Timeline Picture (SVG)"),
    N_("The dated timeline drawn as an image"),
    "-timeline.svg", GROUP_ANALYSIS, TRUE },
  { "bibtex", N_("BibTeX"),
    N_("For LaTeX and most reference managers"),
    ".bib", GROUP_CITATION, FALSE },
  { "ris", N_("RIS"),
    N_("For Zotero, EndNote and Mendeley"),
    ".ris", GROUP_CITATION, FALSE },
  { "csl-json", N_("CSL-JSON"),
    N_("For citation processors such as Pandoc’s"),
    ".json", GROUP_CITATION, FALSE },
};

struct _DossierExportDialog
{
  AdwWindow             parent_instance;

  AdwPreferencesGroup  *notes_group;
  AdwPreferencesGroup  *analysis_group;
  AdwPreferencesGroup  *citation_group;
  GtkWidget            *export_button;

  GtkCheckButton       *checks[G_N_ELEMENTS (formats)];
  GtkWidget            *rows[G_N_ELEMENTS (formats)];

  guint                 format;
  guint                 analysis_ready : 1;
};

G_DEFINE_FINAL_TYPE (DossierExportDialog, dossier_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_FORMAT,
  PROP_ANALYSIS_READY,
  N_PROPS
};

enum {
  EXPORT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static int
lookup_format (const char *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i].format, format) == 0)
      return i;

  return -1;
}

/**
 * dossier_export_dialog_get_format_label:
 * @format: a format name, as the command line takes it
 *
 * Returns: (nullable): the format's name for the user, translated
 */
const char *
dossier_export_dialog_get_format_label (const char *format)
{
  int i = lookup_format (format);

  return i < 0 ? NULL : _(formats[i].label);
}

/**
 * dossier_export_dialog_get_format_suffix:
 * @format: a format name, as the command line takes it
 *
 * Returns: (nullable): what follows the title in a suggested file name:
 *   the extension, after a word when two formats share one
 *   ("-timeline.csv")
 */
const char *
dossier_export_dialog_get_format_suffix (const char *format)
{
  int i = lookup_format (format);

  return i < 0 ? NULL : formats[i].suffix;
}

/**
 * dossier_export_dialog_format_needs_analysis:
 * @format: a format name, as the command line takes it
 *
 * Returns: %TRUE if @format is made of the analysis alone (entities,
 *   timeline), so that there is nothing to export before it has finished
 */
gboolean
dossier_export_dialog_format_needs_analysis (const char *format)
{
  int i = lookup_format (format);

  return i >= 0 && formats[i].needs_analysis;
}

static void
update_rows (DossierExportDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    gtk_widget_set_sensitive (self->rows[i], self->analysis_ready || !formats[i].needs_analysis);

  adw_preferences_group_set_description (self->analysis_group,
                                         self->analysis_ready
                                         ? NULL
                                         : _("Available when the analysis of the article has finished"));

  /* What cannot be exported yet cannot stay chosen. */
  if (!gtk_widget_get_sensitive (self->rows[self->format]))
    dossier_export_dialog_set_format (self, formats[0].format);
}

static void
on_check_toggled (DossierExportDialog *self,
                  GtkCheckButton      *check)
{
  if (!gtk_check_button_get_active (check))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (self->checks[i] == check && self->format != i)
      {
        self->format = i;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
      }
}

static void
on_export_clicked (DossierExportDialog *self,
                   GtkButton           *button)
{
  g_autofree char *format = g_strdup (formats[self->format].format);

  /* Hidden first: the file chooser that follows is modal to the window. */
  g_object_ref (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_signal_emit (self, signals[EXPORT], 0, format);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static gboolean
enter_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  on_export_clicked (DOSSIER_EXPORT_DIALOG (widget), NULL);

  return TRUE;
}

static void
dossier_export_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DossierExportDialog *self = DOSSIER_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      g_value_set_string (value, dossier_export_dialog_get_format (self));
      break;

    case PROP_ANALYSIS_READY:
      g_value_set_boolean (value, dossier_export_dialog_get_analysis_ready (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_export_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DossierExportDialog *self = DOSSIER_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      dossier_export_dialog_set_format (self, g_value_get_string (value));
      break;

    case PROP_ANALYSIS_READY:
      dossier_export_dialog_set_analysis_ready (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_export_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOSSIER_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (dossier_export_dialog_parent_class)->dispose (object);
}

static void
dossier_export_dialog_class_init (DossierExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_export_dialog_dispose;
  object_class->get_property = dossier_export_dialog_get_property;
  object_class->set_property = dossier_export_dialog_set_property;

  properties[PROP_FORMAT] =
    g_param_spec_string ("format", NULL, NULL,
                         "markdown",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ANALYSIS_READY] =
    g_param_spec_boolean ("analysis-ready", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierExportDialog::export:
   * @format: the chosen format's name
   *
   * The user chose @format and asked to export; the dialog then closes.
   */
  signals[EXPORT] =
    g_signal_new ("export",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dossier-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, analysis_group);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, citation_group);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, notes_group);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_export_dialog_init (DossierExportDialog *self)
{
  AdwPreferencesGroup *groups[3];
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  groups[GROUP_NOTES] = self->notes_group;
  groups[GROUP_ANALYSIS] = self->analysis_group;
  groups[GROUP_CITATION] = self->citation_group;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *suffix = gtk_label_new (formats[i].suffix + strcspn (formats[i].suffix, "."));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(formats[i].label));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(formats[i].description));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->checks[0]);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

      gtk_widget_add_css_class (suffix, "dim-label");
      gtk_widget_add_css_class (suffix, "monospace");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);

      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (groups[formats[i].group], row);

      self->checks[i] = GTK_CHECK_BUTTON (check);
      self->rows[i] = row;
    }

  dossier_export_dialog_set_format (self, formats[0].format);
  update_rows (self);

  /* Enter exports, wherever the focus is: the rows and check buttons
   * would take it to choose what is already chosen. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Return|KP_Enter|ISO_Enter"),
                                                          gtk_callback_action_new (enter_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/**
 * dossier_export_dialog_new:
 * @parent: the window whose clipping is exported
 *
 * Returns: (transfer floating): a new dialog, modal to @parent
 */
GtkWidget *
dossier_export_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (DOSSIER_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
}

const char *
dossier_export_dialog_get_format (DossierExportDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), NULL);

  return formats[self->format].format;
}

/**
 * dossier_export_dialog_set_format:
 * @self: a #DossierExportDialog
 * @format: a format name, as the command line takes it
 *
 * Chooses @format, unless it is unknown or cannot be exported yet.
 */
void
dossier_export_dialog_set_format (DossierExportDialog *self,
                                  const char          *format)
{
  int i;

  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));

  i = lookup_format (format);
  if (i < 0 || !gtk_widget_get_sensitive (self->rows[i]))
    return;

  /* on_check_toggled() notifies */
  gtk_check_button_set_active (self->checks[i], TRUE);
  /* The arrow keys go on from the chosen row. */
  gtk_window_set_focus (GTK_WINDOW (self), self->rows[i]);
}

gboolean
dossier_export_dialog_get_analysis_ready (DossierExportDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), FALSE);

  return self->analysis_ready;
}

void
dossier_export_dialog_set_analysis_ready (DossierExportDialog *self,
                                          gboolean             analysis_ready)
{
  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));

  analysis_ready = !!analysis_ready;
  if (self->analysis_ready == analysis_ready)
    return;

  self->analysis_ready = analysis_ready;
  update_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS_READY]);
}
