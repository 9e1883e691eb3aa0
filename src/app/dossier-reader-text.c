/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-reader-text"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-reader-text-private.h"

/**
 * DossierReaderText:
 *
 * The reader's text view, with the article's header (title, byline…)
 * above the text and scrolling with it.
 *
 * The text view scrolls itself rather than sitting in a viewport: a text
 * view that does not scroll is as tall as its text and draws all of it
 * whenever anything in it changes (a highlight, the selection), which for
 * a 10 MB clipping is seconds of shaping text nobody sees, and its
 * background layout redraws it all again and again as the lines get their
 * heights. A scrolling one draws what is on screen.
 *
 * The header sits in the space the top margin leaves above the first
 * line, as wide as the text: its height, for that width, makes the top
 * margin. Buffer offsets stay the article's offsets. It is a child of its
 * own rather than a text view overlay: GTK 4.8 draws overlays twice.
 */
struct _DossierReaderText
{
  GtkTextView    parent_instance;

  GtkWidget     *header;
  GtkAdjustment *vadjustment;
};

G_DEFINE_FINAL_TYPE (DossierReaderText, dossier_reader_text, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_HEADER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Space above the header, as the page's padding. */
#define HEADER_TOP 48

static void
dossier_reader_text_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  DossierReaderText *self = DOSSIER_READER_TEXT (widget);
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  GtkAdjustment *vadj;
  int header_height = 0;
  int header_width = 0;

  if (self->header != NULL && gtk_widget_should_layout (self->header))
    {
      header_width = MAX (1, width - gtk_text_view_get_left_margin (view) -
                             gtk_text_view_get_right_margin (view));
      gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, header_width,
                          &header_height, NULL, NULL, NULL);
    }

  /* Not a change of the text's layout: only where it starts. */
  if (gtk_text_view_get_top_margin (view) != HEADER_TOP + header_height)
    gtk_text_view_set_top_margin (view, HEADER_TOP + header_height);

  GTK_WIDGET_CLASS (dossier_reader_text_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->header != NULL && gtk_widget_should_layout (self->header))
    {
      vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));
      gtk_widget_size_allocate (self->header,
                                &(GtkAllocation) {
                                  gtk_text_view_get_left_margin (view),
                                  HEADER_TOP - (vadj ? (int) gtk_adjustment_get_value (vadj) : 0),
                                  header_width,
                                  header_height,
                                }, -1);
    }
}

static void
dossier_reader_text_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  DossierReaderText *self = DOSSIER_READER_TEXT (widget);

  GTK_WIDGET_CLASS (dossier_reader_text_parent_class)->snapshot (widget, snapshot);

  if (self->header != NULL)
    gtk_widget_snapshot_child (widget, self->header, snapshot);
}

/* The header scrolls with the text. */
static void
on_vadjustment_value_changed (DossierReaderText *self,
                              GtkAdjustment     *vadj)
{
  if (self->header != NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_notify_vadjustment (DossierReaderText *self,
                       GParamSpec        *pspec,
                       gpointer           user_data)
{
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

  if (self->vadjustment == vadj)
    return;

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_vadjustment_value_changed, self);
  g_set_object (&self->vadjustment, vadj);
  if (vadj != NULL)
    g_signal_connect_object (vadj, "value-changed",
                             G_CALLBACK (on_vadjustment_value_changed), self,
                             G_CONNECT_SWAPPED);
}

static void
dossier_reader_text_dispose (GObject *object)
{
  DossierReaderText *self = DOSSIER_READER_TEXT (object);

  g_clear_pointer (&self->header, gtk_widget_unparent);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_vadjustment_value_changed, self);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (dossier_reader_text_parent_class)->dispose (object);
}

static void
dossier_reader_text_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierReaderText *self = DOSSIER_READER_TEXT (object);

  switch (prop_id)
    {
    case PROP_HEADER:
      g_value_set_object (value, dossier_reader_text_get_header (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_reader_text_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DossierReaderText *self = DOSSIER_READER_TEXT (object);

  switch (prop_id)
    {
    case PROP_HEADER:
      dossier_reader_text_set_header (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_reader_text_class_init (DossierReaderTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_reader_text_dispose;
  object_class->get_property = dossier_reader_text_get_property;
  object_class->set_property = dossier_reader_text_set_property;

  widget_class->snapshot = dossier_reader_text_snapshot;
  widget_class->size_allocate = dossier_reader_text_size_allocate;

  properties[PROP_HEADER] =
    g_param_spec_object ("header", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_reader_text_init (DossierReaderText *self)
{
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self), HEADER_TOP);
  g_signal_connect (self, "notify::vadjustment", G_CALLBACK (on_notify_vadjustment), NULL);
}

/**
 * dossier_reader_text_get_header:
 *
 * Returns: (transfer none) (nullable): the widget above the text
 */
GtkWidget *
dossier_reader_text_get_header (DossierReaderText *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_TEXT (self), NULL);

  return self->header;
}

/**
 * dossier_reader_text_set_header:
 * @header: (nullable) (transfer none): the widget to show above the text
 */
void
dossier_reader_text_set_header (DossierReaderText *self,
                                GtkWidget         *header)
{
  g_return_if_fail (DOSSIER_IS_READER_TEXT (self));
  g_return_if_fail (!header || GTK_IS_WIDGET (header));

  if (self->header == header)
    return;

  g_clear_pointer (&self->header, gtk_widget_unparent);
  self->header = header;
  if (header != NULL)
    gtk_widget_set_parent (header, GTK_WIDGET (self));

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER]);
}
