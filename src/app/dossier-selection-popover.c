/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-selection-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-annotation.h"
#include "dossier-highlighter.h"
#include "dossier-selection-popover.h"

/*
 * The small popover over a selection in the reader: the six highlight
 * colours, then Note, Tags and Underline. Its buttons activate the
 * window's "win.highlight-color", "win.note", "win.tags" and
 * "win.underline" actions, which act on the reader's selection; the
 * popover itself holds no state but which colour was used last.
 *
 * It does not hide on clicks outside (autohide is off) and never takes
 * the keyboard focus: the reader keeps it, so that a new selection can be
 * made at once and the single-key shortcuts (h, n, t) keep working.
 */

struct _DossierSelectionPopover
{
  GtkPopover  parent_instance;

  GtkBox     *color_box;
};

G_DEFINE_FINAL_TYPE (DossierSelectionPopover, dossier_selection_popover, GTK_TYPE_POPOVER)

static void
dossier_selection_popover_class_init (DossierSelectionPopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/dossier-selection-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSelectionPopover, color_box);
}

static void
dossier_selection_popover_init (DossierSelectionPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint c = 0; c < DOSSIER_N_ANNOTATION_COLORS; c++)
    {
      const char *name = dossier_annotation_color_to_string (c);
      const char *label = dossier_annotation_color_get_label (c);
      /* Translators: a button that highlights the selection, "Highlight in Yellow" */
      g_autofree char *tooltip = g_strdup_printf (_("Highlight in %s"), label);
      GtkWidget *button = gtk_button_new ();

      gtk_widget_add_css_class (button, "annotation-color");
      gtk_widget_add_css_class (button, name);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                      -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.highlight-color");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", name);
      gtk_box_append (self->color_box, button);
    }
}

/**
 * dossier_selection_popover_new:
 *
 * Returns: (transfer full): a new popover; give it a parent
 */
GtkWidget *
dossier_selection_popover_new (void)
{
  return g_object_new (DOSSIER_TYPE_SELECTION_POPOVER, NULL);
}

/**
 * dossier_selection_popover_set_color:
 * @color: the colour used last
 *
 * Marks the button of the colour that "h" highlights in.
 */
void
dossier_selection_popover_set_color (DossierSelectionPopover *self,
                                     DossierAnnotationColor   color)
{
  guint i = 0;

  g_return_if_fail (DOSSIER_IS_SELECTION_POPOVER (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->color_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      if (i == color)
        gtk_widget_add_css_class (child, "current");
      else
        gtk_widget_remove_css_class (child, "current");
    }
}
