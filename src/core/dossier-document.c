/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dossier-anchor.h"
#include "dossier-annotation-list-private.h"
#include "dossier-annotation-private.h"
#include "dossier-document.h"
#include "dossier-error.h"
#include "dossier-history.h"
#include "dossier-notes-json-private.h"
#include "dossier-notes-store.h"
#include "dossier-timeline-corrections.h"

/*
 * One clipping's user state: annotations, free-form notes, the names of
 * the palette colours and the user's entity and timeline corrections,
 * loaded from and saved to the notes file:
 *
 *   { "version": 1,
 *     "generator": "Dossier 0.1.0",
 *     "fingerprint": "<SHA-256 of the article text, hex>",
 *     "clipping": "/path/to/clipping.txt" | null,
 *     "notes": "Markdown",
 *     "palette": { "yellow": "Claims", … },
 *     "annotations": [ … see dossier-annotation.c … ],
 *     "entity_corrections": [ … ],
 *     "timeline_corrections": [ … ] }
 *
 * Members this version does not know are kept and written back.
 *
 * A notes file that cannot be read (not JSON, a member of the wrong type,
 * a newer version, too large) is never written over: loading fails, the
 * document becomes read-only and saving refuses until the user chooses
 * dossier_document_start_fresh(), which first moves the file aside.
 *
 * Every change the user makes goes through a method here that records an
 * undo step in the DossierHistory. Saving serialises on the calling
 * thread and writes in a worker thread, atomically, keeping a .bak.
 *
 * Two programs may keep notes in the same file (the app and dossier-cli
 * annotate, two windows). The document remembers the file as it last read
 * or wrote it (device, inode, mtime, size) and what it held (annotation
 * ids, notes, palette, corrections). A save takes an advisory lock (flock
 * on the notes folder) and, if the file changed since, writes nothing:
 * the file is read and merged first (merge_state()), then the save is
 * tried again. With autosave on, a GFileMonitor merges changes made
 * elsewhere while the document is idle, too.
 */

#define AUTOSAVE_DELAY_MS 1000
#define MERGE_WINDOW_US (2 * G_USEC_PER_SEC)
/* Saves that find the file changed again after each merge give up. */
#define MAX_MERGE_ATTEMPTS 8
#define MONITOR_DELAY_MS 200

/* Which version of the notes file is on disk: a rename over it changes
 * the inode, a write in place the mtime or size. */
typedef struct
{
  gboolean known;     /* FALSE: this file was never read or written */
  gboolean exists;
  guint64  dev;
  guint64  ino;
  gint64   mtime_ns;
  gint64   size;
} DiskStamp;

/* What the notes file held when last read or written: the base of a
 * three-way merge with a file changed elsewhere. */
typedef struct
{
  GHashTable *ids;
  char       *notes;
  char       *color_names[DOSSIER_N_ANNOTATION_COLORS];
  JsonNode   *entity_corrections;
  JsonNode   *timeline_corrections;
  GDateTime  *time;
} Synced;

static void
synced_free (Synced *synced)
{
  g_clear_pointer (&synced->ids, g_hash_table_unref);
  g_free (synced->notes);
  for (guint i = 0; i < DOSSIER_N_ANNOTATION_COLORS; i++)
    g_free (synced->color_names[i]);
  g_clear_pointer (&synced->entity_corrections, json_node_unref);
  g_clear_pointer (&synced->timeline_corrections, json_node_unref);
  g_clear_pointer (&synced->time, g_date_time_unref);
  g_free (synced);
}

static void
disk_stamp_read (const char *path,
                 DiskStamp  *stamp)
{
  struct stat st;

  memset (stamp, 0, sizeof *stamp);
  stamp->known = TRUE;
  if (path == NULL || stat (path, &st) != 0)
    return;

  stamp->exists = TRUE;
  stamp->dev = st.st_dev;
  stamp->ino = st.st_ino;
  stamp->mtime_ns = (gint64)st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  stamp->size = st.st_size;
}

static gboolean
disk_stamp_equal (const DiskStamp *a,
                  const DiskStamp *b)
{
  if (!a->exists || !b->exists)
    return a->exists == b->exists;

  return a->dev == b->dev && a->ino == b->ino && a->mtime_ns == b->mtime_ns &&
         a->size == b->size;
}

struct _DossierDocument
{
  GObject                parent_instance;

  DossierAnnotationList *annotations;
  DossierHistory        *history;

  GFile                 *clipping;
  GFile                 *notes_file;
  char                  *text;
  char                  *fingerprint;
  DossierAnchorText     *anchor_text;

  char                  *notes;
  char                  *color_names[DOSSIER_N_ANNOTATION_COLORS];
  JsonNode              *entity_corrections;
  JsonNode              *timeline_corrections;
  JsonObject            *extra;

  GError                *load_error;

  /* The notes file as last read or written, and what it held */
  DiskStamp              disk_stamp;
  Synced                *synced;
  GFileMonitor          *monitor;
  guint                  monitor_source;
  guint                  merge_attempts;
  int                    held_lock;     /* kept from a save that merged */

  guint64                generation;
  guint64                saved_generation;
  guint                  save_source;
  GQueue                 waiting_saves;

  guint                  read_only : 1;
  guint                  autosave : 1;
  guint                  saving : 1;
};

G_DEFINE_FINAL_TYPE (DossierDocument, dossier_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ANNOTATIONS,
  PROP_AUTOSAVE,
  PROP_CLIPPING,
  PROP_FINGERPRINT,
  PROP_HISTORY,
  PROP_NOTES,
  PROP_NOTES_FILE,
  PROP_READ_ONLY,
  PROP_SAVING,
  PROP_TEXT,
  PROP_UNSAVED,
  N_PROPS
};

enum {
  SAVE_FAILED,
  CORRECTIONS_CHANGED,
  MERGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_save (DossierDocument *self);
static void unlock_folder (int fd);
static JsonNode *deep_copy (JsonNode *node);
static void corrections_changed (DossierDocument *self,
                                 gboolean         entity);
static void update_monitor (DossierDocument *self);

/* Undo steps */

typedef enum
{
  EDIT_ANNOTATION,
  EDIT_NOTES,
  EDIT_COLOR_NAME,
  EDIT_ENTITY_CORRECTIONS,
  EDIT_TIMELINE_CORRECTIONS,
} EditKind;

typedef struct
{
  EditKind           kind;
  const char        *merge_key;   /* static; NULL never merges */
  gint64             time;
  DossierAnnotation *target;      /* the live annotation */
  DossierAnnotation *before;      /* snapshots; NULL: not in the document */
  DossierAnnotation *after;
  guint              color;
  char              *str_before;
  char              *str_after;
  JsonNode          *json_before;
  JsonNode          *json_after;
} Edit;

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_clear_object (&edit->target);
  g_clear_object (&edit->before);
  g_clear_object (&edit->after);
  g_free (edit->str_before);
  g_free (edit->str_after);
  g_clear_pointer (&edit->json_before, json_node_unref);
  g_clear_pointer (&edit->json_after, json_node_unref);
  g_free (edit);
}

static Edit *
edit_new (EditKind    kind,
          const char *merge_key)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->kind = kind;
  edit->merge_key = merge_key;
  edit->time = g_get_monotonic_time ();

  return edit;
}

static JsonNode *
empty_array_node (void)
{
  g_autoptr(JsonArray) array = json_array_new ();

  return json_node_init_array (json_node_alloc (), array);
}

static void
changed (DossierDocument *self)
{
  gboolean was_unsaved = dossier_document_get_unsaved (self);

  self->generation++;
  if (!was_unsaved)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED]);
  if (self->autosave)
    dossier_document_schedule_save (self);
}

static void
set_notes_internal (DossierDocument *self,
                    const char      *notes)
{
  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = g_strdup (notes ? notes : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

static void
set_json_internal (JsonNode **slot,
                   JsonNode  *value)
{
  JsonNode *old = *slot;

  *slot = value ? json_node_ref (value) : NULL;
  g_clear_pointer (&old, json_node_unref);
}

static void
apply_edit (gpointer data,
            gboolean redo,
            gpointer user_data)
{
  DossierDocument *self = user_data;
  Edit *edit = data;

  switch (edit->kind)
    {
    case EDIT_ANNOTATION:
      {
        DossierAnnotation *state = redo ? edit->after : edit->before;

        if (state == NULL)
          _dossier_annotation_list_remove (self->annotations, edit->target);
        else
          {
            _dossier_annotation_assign (edit->target, state);
            if (!dossier_annotation_list_find (self->annotations, edit->target, NULL))
              _dossier_annotation_list_add (self->annotations, edit->target);
          }
      }
      break;

    case EDIT_NOTES:
      set_notes_internal (self, redo ? edit->str_after : edit->str_before);
      break;

    case EDIT_COLOR_NAME:
      g_free (self->color_names[edit->color]);
      self->color_names[edit->color] = g_strdup (redo ? edit->str_after : edit->str_before);
      break;

    case EDIT_ENTITY_CORRECTIONS:
      set_json_internal (&self->entity_corrections, redo ? edit->json_after : edit->json_before);
      corrections_changed (self, TRUE);
      break;

    case EDIT_TIMELINE_CORRECTIONS:
      set_json_internal (&self->timeline_corrections, redo ? edit->json_after : edit->json_before);
      corrections_changed (self, FALSE);
      break;

    default:
      g_assert_not_reached ();
    }

  changed (self);
}

static gboolean
merge_edit (gpointer previous,
            gpointer next,
            gpointer user_data)
{
  Edit *prev = previous;
  Edit *edit = next;

  if (prev->merge_key == NULL || prev->merge_key != edit->merge_key ||
      prev->kind != edit->kind || prev->target != edit->target ||
      edit->time - prev->time > MERGE_WINDOW_US)
    return FALSE;
  if (prev->kind == EDIT_ANNOTATION && (prev->after == NULL || edit->after == NULL))
    return FALSE;

  g_clear_object (&prev->after);
  prev->after = g_steal_pointer (&edit->after);
  g_clear_pointer (&prev->str_after, g_free);
  prev->str_after = g_steal_pointer (&edit->str_after);
  prev->time = edit->time;

  return TRUE;
}

static void
record (DossierDocument *self,
        Edit            *edit)
{
  dossier_history_push (self->history, edit);
  changed (self);
}

/* GObject */

static void
dossier_document_dispose (GObject *object)
{
  DossierDocument *self = (DossierDocument *)object;

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->monitor_source, g_source_remove);
  unlock_folder (self->held_lock);
  self->held_lock = -1;
  if (self->monitor)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->history);
  g_clear_object (&self->annotations);
  g_clear_object (&self->clipping);
  g_clear_object (&self->notes_file);

  G_OBJECT_CLASS (dossier_document_parent_class)->dispose (object);
}

static void
dossier_document_finalize (GObject *object)
{
  DossierDocument *self = (DossierDocument *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->fingerprint, g_free);
  g_clear_pointer (&self->anchor_text, dossier_anchor_text_free);
  g_clear_pointer (&self->notes, g_free);
  for (guint i = 0; i < DOSSIER_N_ANNOTATION_COLORS; i++)
    g_clear_pointer (&self->color_names[i], g_free);
  g_clear_pointer (&self->entity_corrections, json_node_unref);
  g_clear_pointer (&self->timeline_corrections, json_node_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_error (&self->load_error);
  g_clear_pointer (&self->synced, synced_free);

  G_OBJECT_CLASS (dossier_document_parent_class)->finalize (object);
}

static void
dossier_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierDocument *self = DOSSIER_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ANNOTATIONS:
      g_value_set_object (value, dossier_document_get_annotations (self));
      break;
    case PROP_AUTOSAVE:
      g_value_set_boolean (value, dossier_document_get_autosave (self));
      break;
    case PROP_CLIPPING:
      g_value_set_object (value, dossier_document_get_clipping (self));
      break;
    case PROP_FINGERPRINT:
      g_value_set_string (value, dossier_document_get_fingerprint (self));
      break;
    case PROP_HISTORY:
      g_value_set_object (value, dossier_document_get_history (self));
      break;
    case PROP_NOTES:
      g_value_set_string (value, dossier_document_get_notes (self));
      break;
    case PROP_NOTES_FILE:
      g_value_set_object (value, dossier_document_get_notes_file (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, dossier_document_get_read_only (self));
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, dossier_document_get_saving (self));
      break;
    case PROP_TEXT:
      g_value_set_string (value, dossier_document_get_text (self));
      break;
    case PROP_UNSAVED:
      g_value_set_boolean (value, dossier_document_get_unsaved (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DossierDocument *self = DOSSIER_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE:
      dossier_document_set_autosave (self, g_value_get_boolean (value));
      break;
    case PROP_CLIPPING:
      dossier_document_set_clipping (self, g_value_get_object (value));
      break;
    case PROP_NOTES:
      dossier_document_set_notes (self, g_value_get_string (value));
      break;
    case PROP_NOTES_FILE:
      dossier_document_set_notes_file (self, g_value_get_object (value));
      break;
    case PROP_TEXT:
      dossier_document_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_class_init (DossierDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_document_dispose;
  object_class->finalize = dossier_document_finalize;
  object_class->get_property = dossier_document_get_property;
  object_class->set_property = dossier_document_set_property;

  properties[PROP_ANNOTATIONS] =
    g_param_spec_object ("annotations", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTOSAVE] =
    g_param_spec_boolean ("autosave", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIPPING] =
    g_param_spec_object ("clipping", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINGERPRINT] =
    g_param_spec_string ("fingerprint", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, DOSSIER_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES_FILE] =
    g_param_spec_object ("notes-file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNSAVED] =
    g_param_spec_boolean ("unsaved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierDocument::save-failed:
   * @error: why
   *
   * An automatic save failed; the previous notes file is intact.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * DossierDocument::corrections-changed:
   *
   * The entity corrections (detail `entity`) or the timeline corrections
   * (detail `timeline`) changed: an edit, an undo or redo, a load. Views
   * re-apply them to their analysis.
   */
  signals[CORRECTIONS_CHANGED] =
    g_signal_new ("corrections-changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * DossierDocument::merged:
   *
   * Another program changed the notes file, and what it wrote was merged
   * into the document (annotations by id, the newer edit winning).
   */
  signals[MERGED] =
    g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_document_init (DossierDocument *self)
{
  self->annotations = dossier_annotation_list_new ();
  self->held_lock = -1;
  self->history = dossier_history_new (apply_edit, merge_edit, edit_free, self);
  self->notes = g_strdup ("");
  self->entity_corrections = empty_array_node ();
  self->timeline_corrections = empty_array_node ();
  g_queue_init (&self->waiting_saves);
}

/**
 * dossier_document_new:
 *
 * Returns: (transfer full): an empty document
 */
DossierDocument *
dossier_document_new (void)
{
  return g_object_new (DOSSIER_TYPE_DOCUMENT, NULL);
}

/* The clipping and its text */

/**
 * dossier_document_get_clipping:
 *
 * Returns: (transfer none) (nullable): the clipping file
 */
GFile *
dossier_document_get_clipping (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->clipping;
}

void
dossier_document_set_clipping (DossierDocument *self,
                               GFile           *clipping)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  g_return_if_fail (!clipping || G_IS_FILE (clipping));

  if (self->clipping == clipping ||
      (self->clipping && clipping && g_file_equal (self->clipping, clipping)))
    return;

  g_set_object (&self->clipping, clipping);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIPPING]);
}

/**
 * dossier_document_compute_fingerprint:
 * @text: an article text
 *
 * Returns: (transfer full): the SHA-256 of @text, lowercase hex
 */
char *
dossier_document_compute_fingerprint (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

const char *
dossier_document_get_text (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->text;
}

/**
 * dossier_document_get_fingerprint:
 *
 * Returns: (nullable): the fingerprint of the text, or %NULL before
 *   dossier_document_set_text()
 */
const char *
dossier_document_get_fingerprint (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->fingerprint;
}

/**
 * dossier_document_set_text:
 * @text: the article text the annotations refer to
 *
 * Sets the text and re-anchors every annotation on it.
 */
void
dossier_document_set_text (DossierDocument *self,
                           const char      *text)
{
  GObject *object = (GObject *)self;

  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_object_freeze_notify (object);
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_pointer (&self->fingerprint, g_free);
  g_clear_pointer (&self->anchor_text, dossier_anchor_text_free);
  if (text)
    {
      self->fingerprint = dossier_document_compute_fingerprint (text);
      self->anchor_text = dossier_anchor_text_new (text);
    }
  g_object_notify_by_pspec (object, properties[PROP_TEXT]);
  g_object_notify_by_pspec (object, properties[PROP_FINGERPRINT]);
  dossier_document_reanchor (self);
  g_object_thaw_notify (object);
}

/**
 * dossier_document_reanchor:
 *
 * Finds every annotation again in the current text (see dossier-anchor.c);
 * those not found become orphans, nothing is removed. Not an undo step:
 * anchoring follows the text, not the user.
 *
 * Returns: the number of orphans
 */
guint
dossier_document_reanchor (DossierDocument *self)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), 0);

  model = G_LIST_MODEL (self->annotations);
  if (self->anchor_text == NULL)
    return dossier_annotation_list_get_n_orphans (self->annotations);

  n = g_list_model_get_n_items (model);
  _dossier_annotation_list_freeze (self->annotations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (model, i);
      DossierAnchorMethod method;
      guint start, end;

      method = dossier_anchor_text_locate (self->anchor_text,
                                           dossier_annotation_get_exact (annotation),
                                           dossier_annotation_get_prefix (annotation),
                                           dossier_annotation_get_suffix (annotation),
                                           dossier_annotation_get_start (annotation),
                                           &start, &end, NULL);
      if (method == DOSSIER_ANCHOR_ORPHAN)
        dossier_annotation_set_orphan (annotation, TRUE);
      else
        {
          dossier_annotation_set_range (annotation, start, end);
          dossier_annotation_set_orphan (annotation, FALSE);
        }
    }
  _dossier_annotation_list_thaw (self->annotations);

  /* The timeline corrections follow their words too; like the ranges of
   * the annotations, the new places are saved with the next change. */
  if (self->timeline_corrections != NULL && JSON_NODE_HOLDS_ARRAY (self->timeline_corrections))
    {
      /* The node is shared with the history: move a copy. */
      g_autoptr(JsonNode) copy = deep_copy (self->timeline_corrections);

      if (dossier_timeline_corrections_relocate (json_node_get_array (copy), self->anchor_text) > 0)
        {
          set_json_internal (&self->timeline_corrections, copy);
          corrections_changed (self, FALSE);
        }
    }

  return dossier_annotation_list_get_n_orphans (self->annotations);
}

/* The notes file */

/**
 * dossier_document_get_notes_file:
 *
 * Returns: (transfer none) (nullable): where the notes are saved
 */
GFile *
dossier_document_get_notes_file (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->notes_file;
}

void
dossier_document_set_notes_file (DossierDocument *self,
                                 GFile           *notes_file)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  g_return_if_fail (!notes_file || G_IS_FILE (notes_file));

  if (self->notes_file == notes_file ||
      (self->notes_file && notes_file && g_file_equal (self->notes_file, notes_file)))
    return;

  g_set_object (&self->notes_file, notes_file);
  /* Nothing is known about the new file until it is read or written. */
  memset (&self->disk_stamp, 0, sizeof self->disk_stamp);
  g_clear_pointer (&self->synced, synced_free);
  update_monitor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES_FILE]);
}

/**
 * dossier_document_resolve_notes_file:
 *
 * Where the notes of this clipping live in the user data folder (see
 * dossier-notes-store.c); needs the clipping and the text.
 *
 * Returns: (transfer full): the notes file, which may not exist yet
 */
GFile *
dossier_document_resolve_notes_file (DossierDocument  *self,
                                     GError          **error)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (self->clipping != NULL, NULL);
  g_return_val_if_fail (self->fingerprint != NULL, NULL);

  return dossier_notes_store_resolve (self->clipping, self->fingerprint, error);
}

/* What a notes file holds, parsed off the main thread. */
typedef struct
{
  gboolean    exists;
  DiskStamp   stamp;
  char       *fingerprint;
  char       *notes;
  char       *color_names[DOSSIER_N_ANNOTATION_COLORS];
  GPtrArray  *annotations;
  JsonNode   *entity_corrections;
  JsonNode   *timeline_corrections;
  JsonObject *extra;
} State;

static void
state_free (State *state)
{
  g_free (state->fingerprint);
  g_free (state->notes);
  for (guint i = 0; i < DOSSIER_N_ANNOTATION_COLORS; i++)
    g_free (state->color_names[i]);
  g_clear_pointer (&state->annotations, g_ptr_array_unref);
  g_clear_pointer (&state->entity_corrections, json_node_unref);
  g_clear_pointer (&state->timeline_corrections, json_node_unref);
  g_clear_pointer (&state->extra, json_object_unref);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (State, state_free)

static const char * const known_members[] = {
  "version", "generator", "fingerprint", "clipping", "notes", "palette",
  "annotations", "entity_corrections", "timeline_corrections", "modified",
};

static gboolean
corrupt (GError    **error,
         const char *display,
         const char *reason)
{
  g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_CORRUPT,
               _("The notes file “%s” is damaged (%s); it was left as it is"), display, reason);
  return FALSE;
}

static gboolean
member_is (JsonObject  *object,
           const char  *name,
           GType        type,
           JsonNode   **out)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = node;
  if (node == NULL)
    return TRUE;
  if (type == JSON_TYPE_ARRAY)
    return JSON_NODE_HOLDS_ARRAY (node);
  if (type == JSON_TYPE_OBJECT)
    return JSON_NODE_HOLDS_OBJECT (node);
  if (type == G_TYPE_STRING && JSON_NODE_HOLDS_NULL (node))
    {
      *out = NULL;
      return TRUE;
    }

  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static State *
parse_notes (GBytes      *bytes,
             const char  *display,
             GError     **error)
{
  g_autoptr(JsonNode) root_node = NULL;
  g_autofree char *parse_error = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(State) state = g_new0 (State, 1);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonNode *node;
  JsonObjectIter iter;
  const char *name;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gint64 version;

  state->exists = TRUE;
  state->annotations = g_ptr_array_new_with_free_func (g_object_unref);

  if (length > DOSSIER_NOTES_MAX_SIZE)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_LARGE,
                   _("The notes file “%s” is too large to open; it was left as it is"), display);
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    return corrupt (error, display, _("not UTF-8 text")), NULL;
  root_node = _dossier_notes_json_parse_notes (data, length, state->annotations,
                                              &local_error, &parse_error);
  if (root_node == NULL)
    return corrupt (error, display, parse_error), NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return corrupt (error, display, _("not a JSON object")), NULL;
  root = json_node_get_object (root_node);

  if (!member_is (root, "version", G_TYPE_INT64, &node) || node == NULL)
    return corrupt (error, display, _("no version")), NULL;
  version = json_node_get_int (node);
  if (version > DOSSIER_NOTES_VERSION)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_NEWER,
                   _("The notes file “%s” was written by a newer version of Dossier (format %"
                     G_GINT64_FORMAT "); it was left as it is"), display, version);
      return NULL;
    }
  if (version < 1)
    return corrupt (error, display, _("invalid version")), NULL;

  if (!member_is (root, "fingerprint", G_TYPE_STRING, &node))
    return corrupt (error, display, "fingerprint"), NULL;
  state->fingerprint = node ? g_strdup (json_node_get_string (node)) : NULL;
  if (!member_is (root, "clipping", G_TYPE_STRING, &node))
    return corrupt (error, display, "clipping"), NULL;
  if (!member_is (root, "generator", G_TYPE_STRING, &node))
    return corrupt (error, display, "generator"), NULL;
  if (!member_is (root, "notes", G_TYPE_STRING, &node))
    return corrupt (error, display, "notes"), NULL;
  state->notes = g_strdup (node ? json_node_get_string (node) : "");

  if (!member_is (root, "palette", JSON_TYPE_OBJECT, &node))
    return corrupt (error, display, "palette"), NULL;
  if (node)
    {
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &value))
        {
          DossierAnnotationColor color;

          if (!dossier_annotation_color_from_string (name, &color) ||
              !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
            return corrupt (error, display, "palette"), NULL;
          g_free (state->color_names[color]);
          state->color_names[color] = g_strdup (json_node_get_string (value));
        }
    }

  if (!member_is (root, "entity_corrections", JSON_TYPE_ARRAY, &node))
    return corrupt (error, display, "entity_corrections"), NULL;
  state->entity_corrections = node ? json_node_copy (node) : empty_array_node ();
  if (!member_is (root, "timeline_corrections", JSON_TYPE_ARRAY, &node))
    return corrupt (error, display, "timeline_corrections"), NULL;
  state->timeline_corrections = node ? json_node_copy (node) : empty_array_node ();

  if (!member_is (root, "annotations", JSON_TYPE_ARRAY, &node))
    return corrupt (error, display, "annotations"), NULL;

  /* Read by the streaming reader; a duplicate id (a hand-edited or merged
   * file) keeps its annotation under a new id: both are kept. */
  for (guint i = 0; i < state->annotations->len; i++)
    {
      DossierAnnotation *annotation = g_ptr_array_index (state->annotations, i);

      if (g_hash_table_contains (ids, dossier_annotation_get_id (annotation)))
        {
          g_autofree char *id = g_uuid_string_random ();

          g_debug ("Duplicate annotation id %s renamed %s",
                   dossier_annotation_get_id (annotation), id);
          _dossier_annotation_set_id (annotation, id);
        }
      g_hash_table_add (ids, (char *)dossier_annotation_get_id (annotation));
    }

  state->extra = json_object_new ();
  json_object_iter_init (&iter, root);
  while (json_object_iter_next (&iter, &name, &node))
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (known_members) && !known; i++)
        known = g_str_equal (name, known_members[i]);
      if (!known)
        json_object_set_member (state->extra, name, json_node_copy (node));
    }

  return g_steal_pointer (&state);
}

static State *
read_notes (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *display = g_file_get_parse_name (file);
  g_autofree char *path = g_file_get_path (file);
  DiskStamp stamp;
  State *state;

  /* Before reading: a change in between makes the next save merge again,
   * which is harmless; the other way round would lose it. */
  disk_stamp_read (path, &stamp);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          state = g_new0 (State, 1);
          state->stamp = stamp;
          state->annotations = g_ptr_array_new_with_free_func (g_object_unref);
          return state;
        }
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_READ_ONLY,
                   _("The notes file “%s” cannot be read: %s"), display, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOT_REGULAR,
                   _("The notes file “%s” is not a regular file"), display);
      return NULL;
    }
  if (g_file_info_get_size (info) > DOSSIER_NOTES_MAX_SIZE)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_LARGE,
                   _("The notes file “%s” is too large to open; it was left as it is"), display);
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_READ_ONLY,
                   _("The notes file “%s” cannot be read: %s"), display, local_error->message);
      return NULL;
    }

  state = parse_notes (bytes, display, error);
  if (state)
    state->stamp = stamp;

  return state;
}

static void
set_read_only (DossierDocument *self,
               const GError    *error)
{
  gboolean was = self->read_only;

  g_clear_error (&self->load_error);
  self->load_error = error ? g_error_copy (error) : NULL;
  self->read_only = error != NULL;
  if (was != self->read_only)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* Merging with a notes file changed elsewhere */

static Synced *
synced_new (const char *notes,
            char      **color_names,
            JsonNode   *entity_corrections,
            JsonNode   *timeline_corrections)
{
  Synced *synced = g_new0 (Synced, 1);

  synced->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  synced->notes = g_strdup (notes ? notes : "");
  for (guint i = 0; i < DOSSIER_N_ANNOTATION_COLORS; i++)
    synced->color_names[i] = g_strdup (color_names[i]);
  synced->entity_corrections = entity_corrections ? json_node_ref (entity_corrections) : NULL;
  synced->timeline_corrections = timeline_corrections ? json_node_ref (timeline_corrections) : NULL;
  synced->time = g_date_time_new_now_utc ();

  return synced;
}

/* What the document holds now, which is about to be (or was just) the
 * notes file. Corrections are replaced, never changed in place: a
 * reference is a snapshot. */
static Synced *
synced_new_from_document (DossierDocument *self)
{
  GListModel *model = G_LIST_MODEL (self->annotations);
  guint n = g_list_model_get_n_items (model);
  Synced *synced = synced_new (self->notes, self->color_names,
                               self->entity_corrections, self->timeline_corrections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (model, i);

      g_hash_table_add (synced->ids, g_strdup (dossier_annotation_get_id (annotation)));
    }

  return synced;
}

static Synced *
synced_new_from_state (State *state)
{
  Synced *synced = synced_new (state->notes, state->color_names,
                               state->entity_corrections, state->timeline_corrections);

  for (guint i = 0; i < state->annotations->len; i++)
    g_hash_table_add (synced->ids,
                      g_strdup (dossier_annotation_get_id (g_ptr_array_index (state->annotations, i))));

  return synced;
}

static gboolean
json_changed (JsonNode *value,
              JsonNode *base)
{
  if (base == NULL)
    return value != NULL && JSON_NODE_HOLDS_ARRAY (value) &&
           json_array_get_length (json_node_get_array (value)) > 0;

  return value == NULL || !json_node_equal (value, base);
}

/*
 * Three-way merge of the notes file as another program left it (@disk)
 * into the document, with what the file held when this document last read
 * or wrote it (self->synced) as the base:
 *
 *  - an annotation in both: the one modified last wins;
 *  - only on disk: new there, added; unless it was in the base, then it
 *    was deleted here and stays deleted;
 *  - only here: new here, kept; unless it was in the base and has not been
 *    changed here since, then it was deleted there;
 *  - the notes, each palette name and the corrections: ours if we changed
 *    them since the base, else theirs;
 *  - members this version does not know: the union.
 *
 * Afterwards the file is the new base. Not an undo step.
 */
static void
merge_state (DossierDocument *self,
             State           *disk)
{
  GObject *object = (GObject *)self;
  GListModel *model = G_LIST_MODEL (self->annotations);
  g_autoptr(GHashTable) on_disk = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);
  Synced *base = self->synced;
  gboolean was_unsaved = dossier_document_get_unsaved (self);
  guint n;

  g_object_freeze_notify (object);
  _dossier_annotation_list_freeze (self->annotations);

  for (guint i = 0; i < disk->annotations->len; i++)
    {
      DossierAnnotation *theirs = g_ptr_array_index (disk->annotations, i);
      const char *id = dossier_annotation_get_id (theirs);
      DossierAnnotation *ours = dossier_annotation_list_lookup (self->annotations, id);

      g_hash_table_add (on_disk, (char *)id);
      if (ours)
        {
          if (g_date_time_compare (dossier_annotation_get_modified (theirs),
                                   dossier_annotation_get_modified (ours)) > 0)
            _dossier_annotation_assign (ours, theirs);
        }
      else if (base == NULL || !g_hash_table_contains (base->ids, id))
        _dossier_annotation_list_add (self->annotations, theirs);
    }

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n && base; i++)
    {
      DossierAnnotation *ours = g_list_model_get_item (model, i);
      const char *id = dossier_annotation_get_id (ours);

      if (!g_hash_table_contains (on_disk, id) && g_hash_table_contains (base->ids, id) &&
          g_date_time_compare (dossier_annotation_get_modified (ours), base->time) <= 0)
        g_ptr_array_add (gone, ours);
      else
        g_object_unref (ours);
    }
  for (guint i = 0; i < gone->len; i++)
    _dossier_annotation_list_remove (self->annotations, g_ptr_array_index (gone, i));

  _dossier_annotation_list_thaw (self->annotations);

  if (base ? g_strcmp0 (self->notes, base->notes) == 0 : *self->notes == '\0')
    set_notes_internal (self, disk->notes ? disk->notes : "");
  for (guint i = 0; i < DOSSIER_N_ANNOTATION_COLORS; i++)
    if (base ? g_strcmp0 (self->color_names[i], base->color_names[i]) == 0
             : self->color_names[i] == NULL)
      {
        g_free (self->color_names[i]);
        self->color_names[i] = g_strdup (disk->color_names[i]);
      }
  if (disk->entity_corrections &&
      !json_changed (self->entity_corrections, base ? base->entity_corrections : NULL) &&
      !json_node_equal (self->entity_corrections, disk->entity_corrections))
    {
      set_json_internal (&self->entity_corrections, disk->entity_corrections);
      corrections_changed (self, TRUE);
    }
  if (disk->timeline_corrections &&
      !json_changed (self->timeline_corrections, base ? base->timeline_corrections : NULL) &&
      !json_node_equal (self->timeline_corrections, disk->timeline_corrections))
    {
      set_json_internal (&self->timeline_corrections, disk->timeline_corrections);
      corrections_changed (self, FALSE);
    }
  if (disk->extra)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      if (self->extra == NULL)
        self->extra = json_object_new ();
      json_object_iter_init (&iter, disk->extra);
      while (json_object_iter_next (&iter, &name, &node))
        if (!json_object_has_member (self->extra, name))
          json_object_set_member (self->extra, name, json_node_copy (node));
    }

  self->disk_stamp = disk->stamp;
  g_clear_pointer (&self->synced, synced_free);
  self->synced = synced_new_from_state (disk);

  /* What the document holds that the file does not is still to be saved;
   * a document without unsaved changes now equals the file. */
  self->generation++;
  if (!was_unsaved)
    self->saved_generation = self->generation;
  else if (self->autosave)
    dossier_document_schedule_save (self);

  dossier_document_reanchor (self);
  g_object_thaw_notify (object);

  g_debug ("Merged the notes file changed on disk (%u annotations there)", disk->annotations->len);
  g_signal_emit (self, signals[MERGED], 0);
}

static void
apply_state (DossierDocument *self,
             State           *state)
{
  GObject *object = (GObject *)self;

  g_object_freeze_notify (object);
  g_clear_handle_id (&self->save_source, g_source_remove);

  _dossier_annotation_list_freeze (self->annotations);
  _dossier_annotation_list_clear (self->annotations);
  for (guint i = 0; i < state->annotations->len; i++)
    _dossier_annotation_list_add (self->annotations, g_ptr_array_index (state->annotations, i));
  _dossier_annotation_list_thaw (self->annotations);

  set_notes_internal (self, state->notes ? state->notes : "");
  for (guint i = 0; i < DOSSIER_N_ANNOTATION_COLORS; i++)
    {
      g_free (self->color_names[i]);
      self->color_names[i] = g_strdup (state->color_names[i]);
    }
  if (state->entity_corrections == NULL)
    state->entity_corrections = empty_array_node ();
  if (state->timeline_corrections == NULL)
    state->timeline_corrections = empty_array_node ();
  set_json_internal (&self->entity_corrections, state->entity_corrections);
  set_json_internal (&self->timeline_corrections, state->timeline_corrections);
  corrections_changed (self, TRUE);
  corrections_changed (self, FALSE);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = state->extra ? json_object_ref (state->extra) : NULL;

  dossier_history_clear (self->history);
  self->generation++;
  self->saved_generation = self->generation;
  g_object_notify_by_pspec (object, properties[PROP_UNSAVED]);

  self->disk_stamp = state->stamp;
  g_clear_pointer (&self->synced, synced_free);
  self->synced = synced_new_from_document (self);
  update_monitor (self);

  dossier_document_reanchor (self);
  g_object_thaw_notify (object);
}

static gboolean
finish_load (DossierDocument  *self,
             State            *state,
             GError           *error,
             GError          **out_error)
{
  if (state == NULL)
    {
      /* Keep whatever was shown, but never write over the file. */
      set_read_only (self, error);
      g_propagate_error (out_error, error);
      return FALSE;
    }

  set_read_only (self, NULL);
  apply_state (self, state);

  return TRUE;
}

/**
 * dossier_document_load:
 * @notes_file: the notes file; a file that does not exist yet gives an
 *   empty document
 *
 * Loads the notes synchronously (the command line uses this; the app
 * uses dossier_document_load_async()). On failure the document becomes
 * read-only: see dossier_document_get_load_error().
 *
 * Returns: whether the notes were loaded
 */
gboolean
dossier_document_load (DossierDocument  *self,
                       GFile            *notes_file,
                       GCancellable     *cancellable,
                       GError          **error)
{
  g_autoptr(State) state = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (notes_file), FALSE);

  dossier_document_set_notes_file (self, notes_file);
  state = read_notes (notes_file, cancellable, &local_error);

  return finish_load (self, state, local_error, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  State *state = read_notes (task_data, cancellable, &error);

  if (state)
    g_task_return_pointer (task, state, (GDestroyNotify)state_free);
  else
    g_task_return_error (task, error);
}

/**
 * dossier_document_load_async:
 *
 * Reads and parses the notes file in a thread; the result is applied to
 * the document in dossier_document_load_finish().
 */
void
dossier_document_load_async (DossierDocument     *self,
                             GFile               *notes_file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (notes_file));

  dossier_document_set_notes_file (self, notes_file);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_document_load_async);
  g_task_set_task_data (task, g_object_ref (notes_file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

gboolean
dossier_document_load_finish (DossierDocument  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_autoptr(State) state = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  state = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (state == NULL && local_error == NULL)
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));

  return finish_load (self, state, local_error, error);
}

/* Saving */

/**
 * dossier_document_serialize:
 *
 * Returns: (transfer full): the notes file as it would be saved
 */
static void
append_json (GString  *out,
             JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  g_string_append (out, text);
}

GBytes *
dossier_document_serialize (DossierDocument *self)
{
  g_autofree char *clipping = NULL;
  GListModel *model;
  GString *out;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  gboolean first = TRUE;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  model = G_LIST_MODEL (self->annotations);
  n = g_list_model_get_n_items (model);
  clipping = self->clipping ? g_file_get_path (self->clipping) : NULL;
  out = g_string_sized_new (4096 + n * 800);

  g_string_append_printf (out, "{\n \"version\" : %d,\n \"generator\" : \"Dossier %s\",\n",
                          DOSSIER_NOTES_VERSION, PACKAGE_VERSION);
  g_string_append (out, " \"fingerprint\" : ");
  if (self->fingerprint)
    _dossier_json_append_string (out, self->fingerprint);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\n \"clipping\" : ");
  if (clipping && g_utf8_validate (clipping, -1, NULL))
    _dossier_json_append_string (out, clipping);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\n \"notes\" : ");
  _dossier_json_append_string (out, self->notes);

  g_string_append (out, ",\n \"palette\" : {");
  for (guint i = 0; i < DOSSIER_N_ANNOTATION_COLORS; i++)
    if (self->color_names[i] && *self->color_names[i])
      {
        g_string_append_printf (out, "%s\n  \"%s\" : ", first ? "" : ",",
                                dossier_annotation_color_to_string (i));
        _dossier_json_append_string (out, self->color_names[i]);
        first = FALSE;
      }
  g_string_append (out, first ? "}" : "\n }");

  g_string_append (out, ",\n \"annotations\" : [");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (model, i);

      g_string_append (out, i ? ",\n  " : "\n  ");
      _dossier_annotation_write_json (annotation, out);
    }
  g_string_append (out, n ? "\n ]" : "]");

  g_string_append (out, ",\n \"entity_corrections\" : ");
  append_json (out, self->entity_corrections);
  g_string_append (out, ",\n \"timeline_corrections\" : ");
  append_json (out, self->timeline_corrections);

  if (self->extra)
    {
      json_object_iter_init (&iter, self->extra);
      while (json_object_iter_next (&iter, &name, &node))
        {
          g_string_append (out, ",\n ");
          _dossier_json_append_string (out, name);
          g_string_append (out, " : ");
          append_json (out, node);
        }
    }
  g_string_append (out, "\n}\n");

  return g_string_free_to_bytes (out);
}

typedef struct
{
  GFile     *notes_file;
  GFile     *clipping;
  char      *fingerprint;
  GBytes    *bytes;
  guint64    generation;
  Synced    *synced;     /* what the file holds once written */
  DiskStamp  expected;   /* the file as the document last knew it */
  DiskStamp  written;
  State     *disk;       /* the file changed: what it holds, to merge */
  int        lock;       /* the folder lock, held from the check on */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->notes_file);
  g_clear_object (&job->clipping);
  g_free (job->fingerprint);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->synced, synced_free);
  g_clear_pointer (&job->disk, state_free);
  if (job->lock >= 0)
    close (job->lock);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static gboolean
keeps_changing (DossierDocument  *self,
                GError          **error)
{
  g_autofree char *display = g_file_get_parse_name (self->notes_file);

  g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_WRITE,
               _("The notes were not saved: another program keeps changing “%s”"), display);
  return FALSE;
}

static gboolean
check_writable (DossierDocument  *self,
                GError          **error)
{
  if (self->read_only)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_READ_ONLY,
                   _("The notes were not saved: %s"),
                   self->load_error ? self->load_error->message : _("they are read-only"));
      return FALSE;
    }
  if (self->notes_file == NULL)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_WRITE,
                   _("The notes were not saved: there is no notes file"));
      return FALSE;
    }

  return TRUE;
}

static SaveJob *
save_job_new (DossierDocument *self)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->notes_file = g_object_ref (self->notes_file);
  job->clipping = self->clipping ? g_object_ref (self->clipping) : NULL;
  job->fingerprint = g_strdup (self->fingerprint);
  job->bytes = dossier_document_serialize (self);
  job->generation = self->generation;
  job->synced = synced_new_from_document (self);
  job->expected = self->disk_stamp;
  /* After a merge the lock is still held: nobody can change the file
   * between the merge and this save. */
  job->lock = self->held_lock;
  self->held_lock = -1;

  return job;
}

/* Writers of one notes folder take turns (an advisory lock, released by
 * the kernel if the process dies), so that checking the file for changes
 * and replacing it is one step. Returns -1 if locks do not work there. */
static int
lock_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  g_mkdir_with_parents (dir, 0700);
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  while (flock (fd, LOCK_EX) != 0)
    if (errno != EINTR)
      {
        close (fd);
        return -1;
      }

  return fd;
}

static void
unlock_folder (int fd)
{
  if (fd >= 0)
    close (fd);
}

/* A writer killed between creating its temporary file and renaming it
 * (g_file_set_contents() names it "<notes>.XXXXXX") leaves it behind.
 * Writers of this code hold the folder lock while one exists, so, with
 * the lock held, one that has not been touched for a minute is litter. */
static void
remove_stale_temporaries (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  gsize base_length = strlen (base);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (folder && (name = g_dir_read_name (folder)))
    {
      g_autofree char *stale = NULL;
      struct stat st;
      gboolean temporary;

      temporary = strncmp (name, base, base_length) == 0 && name[base_length] == '.' &&
                  strlen (name + base_length + 1) == 6;
      for (guint i = 0; temporary && i < 6; i++)
        temporary = g_ascii_isalnum (name[base_length + 1 + i]);
      if (!temporary)
        continue;

      stale = g_build_filename (dir, name, NULL);
      if (lstat (stale, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > 60)
        g_unlink (stale);
    }
}

/* Writes the notes, unless the file changed since the document last read
 * or wrote it: then job->disk holds what it has now, to be merged, and
 * nothing was written; job->lock stays held for the save after the merge,
 * so that one cannot find the file changed again (no livelock between
 * writers that keep merging each other's changes). */
static gboolean
save_job_run (SaveJob  *job,
              GError  **error)
{
  g_autofree char *path = g_file_get_path (job->notes_file);
  DiskStamp now;
  int lock = -1;

  if (path)
    {
      lock = job->lock >= 0 ? job->lock : lock_folder (path);
      job->lock = -1;
      disk_stamp_read (path, &now);
      if (job->expected.known && now.exists && !disk_stamp_equal (&now, &job->expected))
        {
          g_autoptr(GError) read_error = NULL;

          job->disk = read_notes (job->notes_file, NULL, &read_error);
          if (job->disk)
            job->lock = lock;
          else
            unlock_folder (lock);
          if (job->disk == NULL)
            {
              /* Never written over: it may hold what someone else wrote. */
              g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_WRITE,
                           _("The notes were not saved: the file was changed by another "
                             "program and cannot be merged (%s)"),
                           read_error->message);
              return FALSE;
            }
          return TRUE;
        }
    }

  if (lock >= 0)
    remove_stale_temporaries (path);
  if (!dossier_notes_write_atomic (job->notes_file, job->bytes, TRUE, error))
    {
      unlock_folder (lock);
      return FALSE;
    }
  disk_stamp_read (path, &job->written);
  unlock_folder (lock);

  /* The notes are safe; a stale index only costs a lookup. */
  if (job->clipping && job->fingerprint)
    {
      g_autoptr(GError) index_error = NULL;

      if (!dossier_notes_store_remember (job->clipping, job->fingerprint, job->notes_file,
                                         &index_error))
        g_debug ("Notes index not updated: %s", index_error->message);
    }

  return TRUE;
}

static void
saved (DossierDocument *self,
       SaveJob         *job)
{
  gboolean was_unsaved = dossier_document_get_unsaved (self);

  self->merge_attempts = 0;
  self->disk_stamp = job->written;
  g_clear_pointer (&self->synced, synced_free);
  self->synced = g_steal_pointer (&job->synced);
  self->saved_generation = MAX (self->saved_generation, job->generation);
  if (was_unsaved != dossier_document_get_unsaved (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED]);
}

/**
 * dossier_document_save:
 *
 * Saves synchronously, for the command line. See
 * dossier_document_save_async().
 *
 * Returns: whether the notes file now holds the document
 */
gboolean
dossier_document_save (DossierDocument  *self,
                       GCancellable     *cancellable,
                       GError          **error)
{
  g_autoptr(SaveJob) job = NULL;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  for (guint attempt = 0; ; attempt++)
    {
      g_clear_pointer (&job, save_job_free);
      job = save_job_new (self);
      if (!save_job_run (job, error))
        return FALSE;
      if (job->disk == NULL)
        break;
      if (attempt + 1 >= MAX_MERGE_ATTEMPTS)
        return keeps_changing (self, error);
      merge_state (self, job->disk);
      self->held_lock = job->lock;
      job->lock = -1;
    }

  saved (self, job);

  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_job_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_saving (DossierDocument *self,
            gboolean         saving)
{
  if (self->saving == !!saving)
    return;

  self->saving = !!saving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

/* Saves run one at a time, in order: callers that ask while one runs wait
 * for the next, which writes the state at the time it starts. */
static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  DossierDocument *self = DOSSIER_DOCUMENT (object);
  GPtrArray *callers = user_data;
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (job->disk == NULL)
        saved (self, job);
      else if (++self->merge_attempts < MAX_MERGE_ATTEMPTS)
        {
          /* Merged; the same callers wait for the next try, which
           * keeps the lock. */
          merge_state (self, job->disk);
          self->held_lock = job->lock;
          job->lock = -1;
          for (guint i = callers->len; i > 0; i--)
            g_queue_push_head (&self->waiting_saves,
                               g_object_ref (g_ptr_array_index (callers, i - 1)));
          g_ptr_array_unref (callers);
          set_saving (self, FALSE);
          start_save (self);
          return;
        }
      else
        {
          self->merge_attempts = 0;
          keeps_changing (self, &error);
        }
    }

  for (guint i = 0; i < callers->len; i++)
    {
      GTask *caller = g_ptr_array_index (callers, i);

      if (error)
        g_task_return_error (caller, g_error_copy (error));
      else
        g_task_return_boolean (caller, TRUE);
    }
  g_clear_error (&error);
  g_ptr_array_unref (callers);

  set_saving (self, FALSE);
  if (!g_queue_is_empty (&self->waiting_saves))
    start_save (self);
}

static void
start_save (DossierDocument *self)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *callers = g_ptr_array_new_with_free_func (g_object_unref);
  GTask *caller;
  GError *error = NULL;

  while ((caller = g_queue_pop_head (&self->waiting_saves)))
    g_ptr_array_add (callers, caller);

  if (!check_writable (self, &error))
    {
      unlock_folder (self->held_lock);
      self->held_lock = -1;
      for (guint i = 0; i < callers->len; i++)
        g_task_return_error (g_ptr_array_index (callers, i), g_error_copy (error));
      g_error_free (error);
      g_ptr_array_unref (callers);
      return;
    }

  set_saving (self, TRUE);
  task = g_task_new (self, NULL, save_done, callers);
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, save_job_new (self), (GDestroyNotify)save_job_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * dossier_document_save_async:
 *
 * Serialises the document now, on the calling thread, then writes it in a
 * worker thread: a temporary file next to the notes file, fsync, rename,
 * and the previous version kept as "<notes>.bak". A crash at any moment
 * leaves the old or the new file. Refused while the document is read-only.
 */
void
dossier_document_save_async (DossierDocument     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  GError *error = NULL;

  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_document_save_async);

  if (!check_writable (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  g_queue_push_tail (&self->waiting_saves, task);
  if (!self->saving)
    start_save (self);
}

gboolean
dossier_document_save_finish (DossierDocument  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
autosave_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  DossierDocument *self = DOSSIER_DOCUMENT (object);
  g_autoptr(GError) error = NULL;

  if (!dossier_document_save_finish (self, result, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

static gboolean
autosave_cb (gpointer user_data)
{
  DossierDocument *self = user_data;

  self->save_source = 0;
  if (dossier_document_get_unsaved (self) && !self->read_only && self->notes_file)
    dossier_document_save_async (self, NULL, autosave_done, NULL);

  return G_SOURCE_REMOVE;
}

/**
 * dossier_document_schedule_save:
 *
 * Saves within a second, on the thread-default main context. The timer
 * starts at the first change and is not pushed back by later ones, so a
 * user typing without pause still gets a save every second. Failures are
 * reported by #DossierDocument::save-failed.
 */
void
dossier_document_schedule_save (DossierDocument *self)
{
  g_autoptr(GSource) source = NULL;

  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));

  if (self->save_source != 0 || self->read_only)
    return;

  source = g_timeout_source_new (AUTOSAVE_DELAY_MS);
  g_source_set_callback (source, autosave_cb, self, NULL);
  g_source_set_static_name (source, "[dossier] autosave");
  self->save_source = g_source_attach (source, g_main_context_get_thread_default ());
}

/* Watching the notes file while the document is open */

static void
check_disk_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DossierDocument *self = DOSSIER_DOCUMENT (object);
  g_autoptr(State) state = NULL;
  g_autofree char *path = NULL;
  DiskStamp now;

  state = g_task_propagate_pointer (G_TASK (result), NULL);
  if (state == NULL || self->notes_file == NULL || self->read_only)
    return;

  /* A save ran meanwhile, or the file changed again: this read is stale;
   * the save merged it, or the next check will. */
  path = g_file_get_path (self->notes_file);
  disk_stamp_read (path, &now);
  if (self->saving || !disk_stamp_equal (&now, &state->stamp) ||
      disk_stamp_equal (&now, &self->disk_stamp))
    return;

  merge_state (self, state);
}

static void
check_disk_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  State *state = read_notes (task_data, cancellable, &error);

  if (state)
    g_task_return_pointer (task, state, (GDestroyNotify)state_free);
  else
    g_task_return_error (task, error);
}

static gboolean
check_disk_cb (gpointer user_data)
{
  DossierDocument *self = user_data;
  g_autofree char *path = NULL;
  g_autoptr(GTask) task = NULL;
  DiskStamp now;

  self->monitor_source = 0;
  if (self->notes_file == NULL || self->read_only || !self->disk_stamp.known)
    return G_SOURCE_REMOVE;
  /* A save checks for itself, under the lock. */
  if (self->saving)
    return G_SOURCE_REMOVE;

  path = g_file_get_path (self->notes_file);
  disk_stamp_read (path, &now);
  if (!now.exists || disk_stamp_equal (&now, &self->disk_stamp))
    return G_SOURCE_REMOVE;

  task = g_task_new (self, NULL, check_disk_done, NULL);
  g_task_set_source_tag (task, check_disk_cb);
  g_task_set_task_data (task, g_object_ref (self->notes_file), g_object_unref);
  g_task_run_in_thread (task, check_disk_thread);

  return G_SOURCE_REMOVE;
}

static void
on_notes_file_changed (GFileMonitor      *monitor,
                       GFile             *file,
                       GFile             *other,
                       GFileMonitorEvent  event,
                       gpointer           user_data)
{
  DossierDocument *self = user_data;

  /* Events come in bursts (a rename, a write); our own saves too, which
   * the check recognises by the stamp. */
  if (self->monitor_source == 0)
    self->monitor_source = g_timeout_add (MONITOR_DELAY_MS, check_disk_cb, self);
}

static void
update_monitor (DossierDocument *self)
{
  g_clear_handle_id (&self->monitor_source, g_source_remove);
  if (self->monitor)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  if (!self->autosave || self->notes_file == NULL || !g_file_is_native (self->notes_file))
    return;

  self->monitor = g_file_monitor_file (self->notes_file, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->monitor)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_notes_file_changed), self);
}

gboolean
dossier_document_get_autosave (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);

  return self->autosave;
}

/**
 * dossier_document_set_autosave:
 *
 * When set, every change schedules a save (see
 * dossier_document_schedule_save()), and changes other programs make to
 * the notes file are merged as they happen (#DossierDocument::merged).
 * The app sets it; the command line saves explicitly.
 */
void
dossier_document_set_autosave (DossierDocument *self,
                               gboolean         autosave)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));

  autosave = !!autosave;
  if (self->autosave == autosave)
    return;

  self->autosave = autosave;
  if (!autosave)
    g_clear_handle_id (&self->save_source, g_source_remove);
  else if (dossier_document_get_unsaved (self))
    dossier_document_schedule_save (self);
  update_monitor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE]);
}

gboolean
dossier_document_get_unsaved (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);

  return self->generation != self->saved_generation;
}

gboolean
dossier_document_get_saving (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);

  return self->saving;
}

/**
 * dossier_document_get_read_only:
 *
 * Returns: %TRUE when the notes file could not be read, so that saving
 *   would lose what it holds
 */
gboolean
dossier_document_get_read_only (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);

  return self->read_only;
}

/**
 * dossier_document_get_load_error:
 *
 * Returns: (nullable): why the document is read-only
 */
const GError *
dossier_document_get_load_error (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->load_error;
}

/**
 * dossier_document_start_fresh:
 * @moved_to: (out) (optional) (transfer full): where the unreadable file
 *   went
 *
 * After a failed load: renames the notes file to
 * "<notes>.corrupt-<UTC time>" and makes the document writable, keeping
 * what it holds (nothing, or what the user did while it was read-only),
 * to be saved in a new notes file. The old file is never deleted.
 *
 * Returns: whether the file was moved aside
 */
gboolean
dossier_document_start_fresh (DossierDocument  *self,
                              GFile           **moved_to,
                              GError          **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *aside = NULL;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->notes_file != NULL, FALSE);

  path = g_file_get_path (self->notes_file);
  if (path == NULL)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_WRITE,
                   _("Notes can only be kept in local files"));
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      now = g_date_time_new_now_utc ();
      stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
      aside = g_strdup_printf ("%s.corrupt-%s", path, stamp);
      for (guint i = 2; g_file_test (aside, G_FILE_TEST_EXISTS); i++)
        {
          g_free (aside);
          aside = g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, i);
        }
      if (g_rename (path, aside) != 0)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_WRITE,
                       _("Could not move “%s” aside: %s"), display, g_strerror (saved_errno));
          return FALSE;
        }
    }

  if (moved_to)
    *moved_to = aside ? g_file_new_for_path (aside) : NULL;

  /* What the user did meanwhile is kept, and saved next. */
  set_read_only (self, NULL);
  changed (self);

  return TRUE;
}

/* Annotations */

/**
 * dossier_document_get_annotations:
 *
 * Returns: (transfer none): the annotations, a #GListModel of
 *   #DossierAnnotation sorted by position, orphans last
 */
GListModel *
dossier_document_get_annotations (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->annotations);
}

/**
 * dossier_document_lookup_annotation:
 *
 * Returns: (transfer none) (nullable): the annotation with that id
 */
DossierAnnotation *
dossier_document_lookup_annotation (DossierDocument *self,
                                    const char      *id)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return dossier_annotation_list_lookup (self->annotations, id);
}

static gboolean
check_range (DossierDocument  *self,
             guint             start,
             guint             end,
             GError          **error)
{
  if (self->anchor_text == NULL)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID,
                   _("There is no text to annotate"));
      return FALSE;
    }
  if (start >= end || end > dossier_anchor_text_get_length (self->anchor_text))
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID,
                   _("The range %u–%u is not a passage of the text"), start, end);
      return FALSE;
    }

  return TRUE;
}

static void
add_internal (DossierDocument   *self,
              DossierAnnotation *annotation)
{
  Edit *edit = edit_new (EDIT_ANNOTATION, NULL);

  _dossier_annotation_list_add (self->annotations, annotation);
  edit->target = g_object_ref (annotation);
  edit->after = dossier_annotation_copy (annotation);
  record (self, edit);
}

/**
 * dossier_document_annotate:
 * @start: first code point of the passage
 * @end: code point after it
 *
 * Highlights the passage [@start, @end) of the text: a new annotation
 * with its quote and 32 characters of context. An undo step.
 *
 * Returns: (transfer full): the annotation
 */
DossierAnnotation *
dossier_document_annotate (DossierDocument         *self,
                           guint                    start,
                           guint                    end,
                           DossierAnnotationColor   color,
                           DossierAnnotationStyle   style,
                           GError                 **error)
{
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  DossierAnnotation *annotation;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (color < DOSSIER_N_ANNOTATION_COLORS, NULL);

  if (!check_range (self, start, end, error))
    return NULL;

  dossier_anchor_text_describe (self->anchor_text, start, end, &exact, &prefix, &suffix);
  annotation = dossier_annotation_new (start, end, exact, prefix, suffix);
  dossier_annotation_set_color (annotation, color);
  dossier_annotation_set_style (annotation, style);
  add_internal (self, annotation);

  return annotation;
}

/**
 * dossier_document_add_annotation:
 * @annotation: an annotation that is in no document
 *
 * Adds an annotation as it is (an undo step).
 *
 * Returns: %FALSE if the document already has one with that id
 */
gboolean
dossier_document_add_annotation (DossierDocument   *self,
                                 DossierAnnotation *annotation)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (annotation), FALSE);

  if (dossier_annotation_list_lookup (self->annotations, dossier_annotation_get_id (annotation)))
    return FALSE;

  add_internal (self, annotation);

  return TRUE;
}

/**
 * dossier_document_remove_annotation:
 *
 * Deletes an annotation (an undo step).
 */
void
dossier_document_remove_annotation (DossierDocument   *self,
                                    DossierAnnotation *annotation)
{
  Edit *edit;

  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  g_return_if_fail (DOSSIER_IS_ANNOTATION (annotation));

  if (!dossier_annotation_list_find (self->annotations, annotation, NULL))
    return;

  edit = edit_new (EDIT_ANNOTATION, NULL);
  edit->target = g_object_ref (annotation);
  edit->before = dossier_annotation_copy (annotation);
  _dossier_annotation_list_remove (self->annotations, annotation);
  record (self, edit);
}

/* Runs a change of one annotation as an undo step, and marks it modified. */
static void
change_annotation (DossierDocument   *self,
                   DossierAnnotation *annotation,
                   const char        *merge_key,
                   void             (*apply) (DossierAnnotation *, gpointer),
                   gpointer           value)
{
  g_autoptr(DossierAnnotation) before = NULL;
  g_autoptr(GDateTime) now = NULL;
  Edit *edit;

  if (!dossier_annotation_list_find (self->annotations, annotation, NULL))
    {
      g_critical ("%s: the annotation is not in this document", G_STRFUNC);
      return;
    }

  before = dossier_annotation_copy (annotation);
  apply (annotation, value);
  if (dossier_annotation_get_color (before) == dossier_annotation_get_color (annotation) &&
      dossier_annotation_get_style (before) == dossier_annotation_get_style (annotation) &&
      g_str_equal (dossier_annotation_get_note (before), dossier_annotation_get_note (annotation)) &&
      g_strv_equal (dossier_annotation_get_tags (before), dossier_annotation_get_tags (annotation)) &&
      g_str_equal (dossier_annotation_get_exact (before), dossier_annotation_get_exact (annotation)) &&
      dossier_annotation_get_start (before) == dossier_annotation_get_start (annotation) &&
      dossier_annotation_get_end (before) == dossier_annotation_get_end (annotation) &&
      dossier_annotation_get_orphan (before) == dossier_annotation_get_orphan (annotation))
    return;

  now = g_date_time_new_now_utc ();
  dossier_annotation_set_modified (annotation, now);

  edit = edit_new (EDIT_ANNOTATION, merge_key);
  edit->target = g_object_ref (annotation);
  edit->before = g_steal_pointer (&before);
  edit->after = dossier_annotation_copy (annotation);
  record (self, edit);
}

static void
apply_note (DossierAnnotation *annotation,
            gpointer           value)
{
  dossier_annotation_set_note (annotation, value);
}

static void
apply_tags (DossierAnnotation *annotation,
            gpointer           value)
{
  dossier_annotation_set_tags (annotation, value);
}

static void
apply_color (DossierAnnotation *annotation,
             gpointer           value)
{
  dossier_annotation_set_color (annotation, GPOINTER_TO_UINT (value));
}

static void
apply_style (DossierAnnotation *annotation,
             gpointer           value)
{
  dossier_annotation_set_style (annotation, GPOINTER_TO_UINT (value));
}

/**
 * dossier_document_set_annotation_note:
 * @note: Markdown
 *
 * Changes the note of an annotation. Consecutive changes of the same note
 * within two seconds make one undo step.
 */
void
dossier_document_set_annotation_note (DossierDocument   *self,
                                      DossierAnnotation *annotation,
                                      const char        *note)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  g_return_if_fail (DOSSIER_IS_ANNOTATION (annotation));

  change_annotation (self, annotation, "note", apply_note, (gpointer)(note ? note : ""));
}

void
dossier_document_set_annotation_tags (DossierDocument    *self,
                                      DossierAnnotation  *annotation,
                                      const char * const *tags)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  g_return_if_fail (DOSSIER_IS_ANNOTATION (annotation));

  change_annotation (self, annotation, NULL, apply_tags, (gpointer)tags);
}

void
dossier_document_set_annotation_color (DossierDocument        *self,
                                       DossierAnnotation      *annotation,
                                       DossierAnnotationColor  color)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  g_return_if_fail (DOSSIER_IS_ANNOTATION (annotation));
  g_return_if_fail (color < DOSSIER_N_ANNOTATION_COLORS);

  change_annotation (self, annotation, NULL, apply_color, GUINT_TO_POINTER (color));
}

void
dossier_document_set_annotation_style (DossierDocument        *self,
                                       DossierAnnotation      *annotation,
                                       DossierAnnotationStyle  style)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  g_return_if_fail (DOSSIER_IS_ANNOTATION (annotation));

  change_annotation (self, annotation, NULL, apply_style, GUINT_TO_POINTER (style));
}

typedef struct
{
  DossierAnchorText *text;
  guint              start;
  guint              end;
} Reattach;

static void
apply_reattach (DossierAnnotation *annotation,
                gpointer           value)
{
  Reattach *r = value;
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  dossier_anchor_text_describe (r->text, r->start, r->end, &exact, &prefix, &suffix);
  dossier_annotation_set_quote (annotation, exact, prefix, suffix);
  dossier_annotation_set_range (annotation, r->start, r->end);
  dossier_annotation_set_orphan (annotation, FALSE);
}

/**
 * dossier_document_reattach:
 * @annotation: an annotation of the document, usually an orphan
 * @start: first code point of the new passage
 * @end: code point after it
 *
 * Attaches an annotation to a passage the user selected: its quote and
 * context are taken from the text again. An undo step.
 *
 * Returns: whether the range was valid
 */
gboolean
dossier_document_reattach (DossierDocument    *self,
                           DossierAnnotation  *annotation,
                           guint               start,
                           guint               end,
                           GError            **error)
{
  Reattach r = { NULL, start, end };

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (annotation), FALSE);

  if (!check_range (self, start, end, error))
    return FALSE;

  r.text = self->anchor_text;
  change_annotation (self, annotation, NULL, apply_reattach, &r);

  return TRUE;
}

/* W3C import */

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

static gboolean
int_member (JsonObject *object,
            const char *name,
            gint64     *out)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return *out >= 0 && *out <= G_MAXUINT;
    }
  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      *out = (gint64)d;
      return d >= 0 && d <= G_MAXUINT;
    }

  return FALSE;
}

/* Calls @func on each object of a JSON value that may be one object or an
 * array of them (W3C allows both nearly everywhere). */
static void
each_object (JsonNode  *node,
             void     (*func) (JsonObject *object, gpointer data),
             gpointer   data)
{
  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_OBJECT (node))
    func (json_node_get_object (node), data);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            func (json_node_get_object (element), data);
        }
    }
}

typedef struct
{
  GString      *note;
  GStrvBuilder *tags;
  const char   *exact;
  const char   *prefix;
  const char   *suffix;
  gint64        start;
  gint64        end;
  gboolean      have_position;
} Imported;

static gboolean
has_purpose (JsonObject *body,
             const char *purpose)
{
  JsonNode *node = json_object_get_member (body, "purpose");

  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node))
    return g_strcmp0 (json_node_get_string (node), purpose) == 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (g_strcmp0 (json_array_get_string_element (array, i), purpose) == 0)
          return TRUE;
    }

  return FALSE;
}

static void
add_note_text (Imported   *imported,
               const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  if (imported->note->len > 0)
    g_string_append (imported->note, "\n\n");
  g_string_append (imported->note, text);
}

static void
import_body (JsonObject *body,
             gpointer    data)
{
  Imported *imported = data;
  const char *value = string_member (body, "value");

  if (value == NULL)
    return;
  if (has_purpose (body, "tagging"))
    g_strv_builder_add (imported->tags, value);
  else
    add_note_text (imported, value);
}

static void
import_selector (JsonObject *selector,
                 gpointer    data)
{
  Imported *imported = data;
  const char *type = string_member (selector, "type");

  if (g_strcmp0 (type, "TextQuoteSelector") == 0 && string_member (selector, "exact"))
    {
      imported->exact = string_member (selector, "exact");
      imported->prefix = string_member (selector, "prefix");
      imported->suffix = string_member (selector, "suffix");
    }
  else if (g_strcmp0 (type, "TextPositionSelector") == 0)
    {
      gint64 start, end;

      if (int_member (selector, "start", &start) && int_member (selector, "end", &end) &&
          start <= end)
        {
          imported->start = start;
          imported->end = end;
          imported->have_position = TRUE;
        }
    }

  /* A selector refined by a text selector (say, a fragment of a page). */
  each_object (json_object_get_member (selector, "refinedBy"), import_selector, data);
}

static void
import_target (JsonObject *target,
               gpointer    data)
{
  each_object (json_object_get_member (target, "selector"), import_selector, data);
}

static GDateTime *
time_member (JsonObject *object,
             const char *name)
{
  const char *value = string_member (object, name);

  return value ? g_date_time_new_from_iso8601 (value, NULL) : NULL;
}

static DossierAnnotation *
import_one (DossierDocument *self,
            JsonObject      *object)
{
  g_autoptr(DossierAnnotation) annotation = NULL;
  g_autoptr(GDateTime) created = time_member (object, "created");
  g_autoptr(GDateTime) modified = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GStrvBuilder) tags_builder = g_strv_builder_new ();
  Imported imported = { note, tags_builder };
  const char *raw_id = string_member (object, "id");
  const char *value;
  JsonNode *node;
  DossierAnnotationColor color;
  DossierAnnotationStyle style;
  guint start = 0, end = 0;

  /* Bodies: W3C "bodyValue" and TextualBody (tagging → tags); the
   * Hypothesis API's "text" and "tags". */
  add_note_text (&imported, string_member (object, "bodyValue"));
  each_object (json_object_get_member (object, "body"), import_body, &imported);
  add_note_text (&imported, string_member (object, "text"));
  node = json_object_get_member (object, "tags");
  if (node && JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      {
        JsonNode *tag = json_array_get_element (json_node_get_array (node), i);

        if (JSON_NODE_HOLDS_VALUE (tag) && json_node_get_value_type (tag) == G_TYPE_STRING)
          g_strv_builder_add (imported.tags, json_node_get_string (tag));
      }

  /* Targets: an IRI, an object, or an array of them. */
  each_object (json_object_get_member (object, "target"), import_target, &imported);

  if (raw_id && g_str_has_prefix (raw_id, "urn:uuid:"))
    raw_id += strlen ("urn:uuid:");
  if (raw_id && *raw_id && !dossier_annotation_list_lookup (self->annotations, raw_id))
    id = g_strdup (raw_id);
  else if (raw_id && *raw_id)
    {
      /* Imported already: importing the same collection twice is a no-op. */
      return NULL;
    }

  annotation = _dossier_annotation_new_full (id, created);
  modified = time_member (object, "modified");
  if (modified == NULL)
    modified = time_member (object, "updated");
  if (modified)
    dossier_annotation_set_modified (annotation, modified);

  dossier_annotation_set_note (annotation, imported.note->str);
  tags = g_strv_builder_end (imported.tags);
  dossier_annotation_set_tags (annotation, (const char * const *)tags);
  if ((value = string_member (object, "color")) && dossier_annotation_color_from_string (value, &color))
    dossier_annotation_set_color (annotation, color);
  if ((value = string_member (object, "style")) && dossier_annotation_style_from_string (value, &style))
    dossier_annotation_set_style (annotation, style);

  if (imported.exact == NULL && imported.have_position && self->anchor_text &&
      imported.end <= dossier_anchor_text_get_length (self->anchor_text))
    {
      /* Only a position: the passage is what the text has there. */
      g_autofree char *exact = NULL;
      g_autofree char *prefix = NULL;
      g_autofree char *suffix = NULL;

      dossier_anchor_text_describe (self->anchor_text, imported.start, imported.end,
                                    &exact, &prefix, &suffix);
      dossier_annotation_set_quote (annotation, exact, prefix, suffix);
    }
  else
    dossier_annotation_set_quote (annotation, imported.exact ? imported.exact : "",
                                  imported.prefix, imported.suffix);
  dossier_annotation_set_range (annotation, imported.start, MAX (imported.start, imported.end));

  if (self->anchor_text == NULL)
    dossier_annotation_set_orphan (annotation, FALSE);
  else if (dossier_anchor_text_locate (self->anchor_text,
                                       dossier_annotation_get_exact (annotation),
                                       dossier_annotation_get_prefix (annotation),
                                       dossier_annotation_get_suffix (annotation),
                                       imported.start, &start, &end, NULL) == DOSSIER_ANCHOR_ORPHAN)
    dossier_annotation_set_orphan (annotation, TRUE);
  else
    {
      dossier_annotation_set_range (annotation, start, end);
      /* Context from the text when the export had none. */
      if (*dossier_annotation_get_prefix (annotation) == '\0' &&
          *dossier_annotation_get_suffix (annotation) == '\0')
        {
          g_autofree char *prefix = NULL;
          g_autofree char *suffix = NULL;

          dossier_anchor_text_describe (self->anchor_text, start, end, NULL, &prefix, &suffix);
          dossier_annotation_set_quote (annotation, dossier_annotation_get_exact (annotation),
                                        prefix, suffix);
        }
    }

  return g_steal_pointer (&annotation);
}

static void
collect_annotations (JsonNode  *node,
                     GPtrArray *into)
{
  JsonObject *object;
  const char *type;

  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_annotations (json_array_get_element (array, i), into);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  object = json_node_get_object (node);
  type = string_member (object, "type");

  /* AnnotationCollection → first (an AnnotationPage) → items, following
   * embedded "next" pages; the Hypothesis API's { "rows": [...] }. */
  if (json_object_has_member (object, "first"))
    collect_annotations (json_object_get_member (object, "first"), into);
  else if (json_object_has_member (object, "items"))
    {
      collect_annotations (json_object_get_member (object, "items"), into);
      if (json_object_has_member (object, "next") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "next")))
        collect_annotations (json_object_get_member (object, "next"), into);
    }
  else if (json_object_has_member (object, "rows"))
    collect_annotations (json_object_get_member (object, "rows"), into);
  else if (g_strcmp0 (type, "Annotation") == 0 || json_object_has_member (object, "target"))
    g_ptr_array_add (into, object);
}

/**
 * dossier_document_import_w3c:
 * @root: W3C Web Annotation JSON(-LD): an AnnotationCollection, an
 *   AnnotationPage, an Annotation, an array of them, or a Hypothesis API
 *   search result
 * @n_imported: (out) (optional): how many annotations were added
 *
 * Adds the annotations, each anchored on the text by its quote (position
 * as a hint); those that cannot be anchored are kept as orphans. Ids
 * already in the document are skipped, so importing twice adds nothing.
 * One undo step.
 *
 * Returns: %FALSE if @root holds no annotation at all
 */
gboolean
dossier_document_import_w3c (DossierDocument  *self,
                             JsonNode         *root,
                             guint            *n_imported,
                             GError          **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  guint n = 0;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (root != NULL, FALSE);

  collect_annotations (root, objects);
  if (objects->len == 0)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID,
                   _("No Web Annotation was found to import"));
      return FALSE;
    }

  dossier_history_begin_group (self->history);
  _dossier_annotation_list_freeze (self->annotations);
  for (guint i = 0; i < objects->len; i++)
    {
      g_autoptr(DossierAnnotation) annotation = import_one (self, g_ptr_array_index (objects, i));

      if (annotation && dossier_document_add_annotation (self, annotation))
        n++;
    }
  _dossier_annotation_list_thaw (self->annotations);
  dossier_history_end_group (self->history);

  if (n_imported)
    *n_imported = n;

  return TRUE;
}

/* The clipping's own notes, palette and corrections */

const char *
dossier_document_get_notes (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->notes;
}

/**
 * dossier_document_set_notes:
 * @notes: Markdown
 *
 * Changes the free-form notes of the clipping. Consecutive changes within
 * two seconds make one undo step.
 */
void
dossier_document_set_notes (DossierDocument *self,
                            const char      *notes)
{
  Edit *edit;

  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));

  if (notes == NULL)
    notes = "";
  if (g_str_equal (self->notes, notes))
    return;

  edit = edit_new (EDIT_NOTES, "notes");
  edit->str_before = g_strdup (self->notes);
  edit->str_after = g_strdup (notes);
  set_notes_internal (self, notes);
  record (self, edit);
}

/**
 * dossier_document_get_color_name:
 *
 * Returns: (nullable): what the user said @color means
 */
const char *
dossier_document_get_color_name (DossierDocument        *self,
                                 DossierAnnotationColor  color)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (color < DOSSIER_N_ANNOTATION_COLORS, NULL);

  return self->color_names[color];
}

void
dossier_document_set_color_name (DossierDocument        *self,
                                 DossierAnnotationColor  color,
                                 const char             *name)
{
  Edit *edit;

  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  g_return_if_fail (color < DOSSIER_N_ANNOTATION_COLORS);

  if (name && *name == '\0')
    name = NULL;
  if (g_strcmp0 (self->color_names[color], name) == 0)
    return;

  edit = edit_new (EDIT_COLOR_NAME, NULL);
  edit->color = color;
  edit->str_before = g_strdup (self->color_names[color]);
  edit->str_after = g_strdup (name);
  g_free (self->color_names[color]);
  self->color_names[color] = g_strdup (name);
  record (self, edit);
}

/* json_node_copy() shares the arrays and objects it copies: corrections
 * handed out or taken in must not change the document (and its undo
 * steps) behind its back. */
static JsonNode *
deep_copy (JsonNode *node)
{
  JsonNode *copy;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          json_object_set_member (object, name, deep_copy (member));
        copy = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (copy, object);
        return copy;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *source = json_node_get_array (node);
        guint n = json_array_get_length (source);
        JsonArray *array = json_array_sized_new (n);

        for (guint i = 0; i < n; i++)
          json_array_add_element (array, deep_copy (json_array_get_element (source, i)));
        copy = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (copy, array);
        return copy;
      }

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

static JsonArray *
dup_array (JsonNode *node)
{
  g_autoptr(JsonNode) copy = deep_copy (node);

  return json_array_ref (json_node_get_array (copy));
}

static void
corrections_changed (DossierDocument *self,
                     gboolean         entity)
{
  g_signal_emit (self, signals[CORRECTIONS_CHANGED],
                 g_quark_from_static_string (entity ? "entity" : "timeline"));
}

static void
set_corrections (DossierDocument *self,
                 EditKind         kind,
                 JsonNode       **slot,
                 JsonArray       *corrections)
{
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autoptr(JsonNode) value = NULL;
  Edit *edit;

  json_node_init_array (node, corrections);
  value = deep_copy (node);
  if (json_node_equal (*slot, value))
    return;

  edit = edit_new (kind, NULL);
  edit->json_before = json_node_ref (*slot);
  edit->json_after = json_node_ref (value);
  set_json_internal (slot, value);
  record (self, edit);
  corrections_changed (self, kind == EDIT_ENTITY_CORRECTIONS);
}

/**
 * dossier_document_dup_entity_corrections:
 *
 * Returns: (transfer full): a copy of the user's entity corrections, kept
 *   as they are (their shape is the entity analysis's business)
 */
JsonArray *
dossier_document_dup_entity_corrections (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return dup_array (self->entity_corrections);
}

/**
 * dossier_document_set_entity_corrections:
 * @corrections: the new list; copied
 *
 * Replaces the entity corrections (an undo step).
 */
void
dossier_document_set_entity_corrections (DossierDocument *self,
                                         JsonArray       *corrections)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  g_return_if_fail (corrections != NULL);

  set_corrections (self, EDIT_ENTITY_CORRECTIONS, &self->entity_corrections, corrections);
}

/**
 * dossier_document_dup_timeline_corrections:
 *
 * Returns: (transfer full): a copy of the user's timeline corrections
 */
JsonArray *
dossier_document_dup_timeline_corrections (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return dup_array (self->timeline_corrections);
}

void
dossier_document_set_timeline_corrections (DossierDocument *self,
                                           JsonArray       *corrections)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  g_return_if_fail (corrections != NULL);

  set_corrections (self, EDIT_TIMELINE_CORRECTIONS, &self->timeline_corrections, corrections);
}

/* Undo and redo */

/**
 * dossier_document_get_history:
 *
 * Returns: (transfer none): the undo history (bind to its can-undo and
 *   can-redo)
 */
DossierHistory *
dossier_document_get_history (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->history;
}

gboolean
dossier_document_undo (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);

  return dossier_history_undo (self->history);
}

gboolean
dossier_document_redo (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);

  return dossier_history_redo (self->history);
}
