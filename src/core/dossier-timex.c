/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-timex"

#include "config.h"

#include <string.h>

#include "dossier-timex-private.h"

/**
 * DossierTimex:
 *
 * One temporal expression of a text, normalised to a TIMEX3 value: its
 * type (date, time, duration or set), its span in code points, the sentence
 * it belongs to, and the interval it covers (ISO dates, for sorting) at its
 * precision (day, week, month, season, quarter, year, decade, century…).
 * Immutable.
 */
struct _DossierTimex
{
  GObject parent_instance;
  char *text;
  char *value;
  const char *timex_type;   /* a static string */
  const char *mod;   /* a static string */
  guint  start;
  guint  end;
  char *sentence;
  guint  sentence_start;
  const char *precision;   /* a static string */
  char *interval_start;
  char *interval_end;
};

G_DEFINE_FINAL_TYPE (DossierTimex, dossier_timex, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_VALUE,
  PROP_TIMEX_TYPE,
  PROP_MOD,
  PROP_START,
  PROP_END,
  PROP_SENTENCE,
  PROP_SENTENCE_START,
  PROP_PRECISION,
  PROP_INTERVAL_START,
  PROP_INTERVAL_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_timex_finalize (GObject *object)
{
  DossierTimex *self = (DossierTimex *) object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->sentence, g_free);
  g_clear_pointer (&self->interval_start, g_free);
  g_clear_pointer (&self->interval_end, g_free);

  G_OBJECT_CLASS (dossier_timex_parent_class)->finalize (object);
}

static void
dossier_timex_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DossierTimex *self = DOSSIER_TIMEX (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, dossier_timex_get_text (self));
      break;

    case PROP_VALUE:
      g_value_set_string (value, dossier_timex_get_value (self));
      break;

    case PROP_TIMEX_TYPE:
      g_value_set_string (value, dossier_timex_get_timex_type (self));
      break;

    case PROP_MOD:
      g_value_set_string (value, dossier_timex_get_mod (self));
      break;

    case PROP_START:
      g_value_set_uint (value, dossier_timex_get_start (self));
      break;

    case PROP_END:
      g_value_set_uint (value, dossier_timex_get_end (self));
      break;

    case PROP_SENTENCE:
      g_value_set_string (value, dossier_timex_get_sentence (self));
      break;

    case PROP_SENTENCE_START:
      g_value_set_uint (value, dossier_timex_get_sentence_start (self));
      break;

    case PROP_PRECISION:
      g_value_set_string (value, dossier_timex_get_precision (self));
      break;

    case PROP_INTERVAL_START:
      g_value_set_string (value, dossier_timex_get_interval_start (self));
      break;

    case PROP_INTERVAL_END:
      g_value_set_string (value, dossier_timex_get_interval_end (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timex_class_init (DossierTimexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_timex_finalize;
  object_class->get_property = dossier_timex_get_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TIMEX_TYPE] =
    g_param_spec_string ("timex-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_MOD] =
    g_param_spec_string ("mod", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SENTENCE] =
    g_param_spec_string ("sentence", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SENTENCE_START] =
    g_param_spec_uint ("sentence-start", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PRECISION] =
    g_param_spec_string ("precision", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_INTERVAL_START] =
    g_param_spec_string ("interval-start", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_INTERVAL_END] =
    g_param_spec_string ("interval-end", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_timex_init (DossierTimex *self)
{
}

/*
 * _dossier_timex_new:
 * @init: the fields; strings are copied
 *
 * Returns: (transfer full): a new timex
 */
DossierTimex *
_dossier_timex_new (const DossierTimexInit *init)
{
  DossierTimex *self;

  g_return_val_if_fail (init != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_TIMEX, NULL);
  self->text = g_strdup (init->text);
  self->value = g_strdup (init->value);
  self->timex_type = init->timex_type;
  self->mod = init->mod;
  self->start = init->start;
  self->end = init->end;
  self->sentence = g_strdup (init->sentence);
  self->sentence_start = init->sentence_start;
  self->precision = init->precision;
  self->interval_start = g_strdup (init->interval_start);
  self->interval_end = g_strdup (init->interval_end);

  return self;
}

const char *
dossier_timex_get_text (DossierTimex *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMEX (self), NULL);

  return self->text;
}

const char *
dossier_timex_get_value (DossierTimex *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMEX (self), NULL);

  return self->value;
}

const char *
dossier_timex_get_timex_type (DossierTimex *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMEX (self), NULL);

  return self->timex_type;
}

const char *
dossier_timex_get_mod (DossierTimex *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMEX (self), NULL);

  return self->mod;
}

guint
dossier_timex_get_start (DossierTimex *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMEX (self), 0);

  return self->start;
}

guint
dossier_timex_get_end (DossierTimex *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMEX (self), 0);

  return self->end;
}

const char *
dossier_timex_get_sentence (DossierTimex *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMEX (self), NULL);

  return self->sentence;
}

guint
dossier_timex_get_sentence_start (DossierTimex *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMEX (self), 0);

  return self->sentence_start;
}

const char *
dossier_timex_get_precision (DossierTimex *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMEX (self), NULL);

  return self->precision;
}

const char *
dossier_timex_get_interval_start (DossierTimex *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMEX (self), NULL);

  return self->interval_start;
}

const char *
dossier_timex_get_interval_end (DossierTimex *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMEX (self), NULL);

  return self->interval_end;
}

/**
 * dossier_timex_compare:
 * @a: a timex
 * @b: another timex
 *
 * Orders timexes chronologically by their interval (undated ones last),
 * then by position in the text.
 *
 * Returns: a negative value, zero or a positive value
 */
int
dossier_timex_compare (DossierTimex *a,
                       DossierTimex *b)
{
  int cmp;

  g_return_val_if_fail (DOSSIER_IS_TIMEX (a), 0);
  g_return_val_if_fail (DOSSIER_IS_TIMEX (b), 0);

  if ((a->interval_start == NULL) != (b->interval_start == NULL))
    return a->interval_start == NULL ? 1 : -1;
  if (a->interval_start != NULL &&
      (cmp = strcmp (a->interval_start, b->interval_start)) != 0)
    return cmp;
  if (a->interval_end != NULL && b->interval_end != NULL &&
      (cmp = strcmp (a->interval_end, b->interval_end)) != 0)
    return cmp;
  return (a->start > b->start) - (a->start < b->start);
}
