/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-notes-store"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "dossier-error.h"
#include "dossier-notes-store.h"

/*
 * Where the notes of a clipping live.
 *
 * Notes files sit in $XDG_DATA_HOME/dossier/notes/ (g_get_user_data_dir(),
 * which is inside the sandbox for a Flatpak). A new notes file is named
 * after the first 16 hex digits of the SHA-256 of the article text it was
 * created for ("<fingerprint16>.json"), or "<fingerprint16>-<random>.json"
 * when that name is taken. Each notes file also records the clipping path
 * and the fingerprint of the text it was last saved against.
 *
 * index.json in the same folder maps, by file name,
 *
 *   { "version": 1,
 *     "paths":        { "/abs/path/to/clipping.txt": "0123456789abcdef.json" },
 *     "fingerprints": { "<sha256 hex>": "0123456789abcdef.json" } }
 *
 * and is updated after every successful save. Looking up a clipping:
 *
 *  1. by path: the clipping was opened there before (it may have been
 *     edited since, so its fingerprint changed): that notes file;
 *  2. by fingerprint: the same text was annotated under another path. If
 *     that path no longer exists the clipping was moved or renamed: that
 *     notes file (the next save records the new path). If it still exists
 *     this is a copy, which gets notes of its own;
 *  3. by file name: "<fingerprint16>.json" without an index entry (the
 *     index was lost): the same checks as 2, with the path recorded in
 *     the notes file itself;
 *  4. otherwise a new, free name.
 *
 * The index is only a cache of what the notes files say: when it is
 * missing or unreadable it is rebuilt by reading the notes files. Writes
 * of the index and of notes files are atomic (temporary file, fsync,
 * rename) so a crash leaves the old or the new version.
 */

#define INDEX_NAME "index.json"
#define NAME_DIGITS 16

GFile *
dossier_notes_store_get_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "dossier", "notes", NULL);
}

typedef struct
{
  GHashTable *paths;         /* clipping path → notes file name */
  GHashTable *fingerprints;  /* fingerprint → notes file name */
} Index;

static void
index_clear (Index *index)
{
  g_clear_pointer (&index->paths, g_hash_table_unref);
  g_clear_pointer (&index->fingerprints, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Index, index_clear)

static void
index_init (Index *index)
{
  index->paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  index->fingerprints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gboolean
valid_name (const char *name)
{
  return name && *name && strchr (name, G_DIR_SEPARATOR) == NULL &&
         g_str_has_suffix (name, ".json") && !g_str_equal (name, INDEX_NAME) &&
         name[0] != '.';
}

static void
read_map (JsonObject *root,
          const char *member,
          GHashTable *into)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &key, &value))
    if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING &&
        valid_name (json_node_get_string (value)))
      g_hash_table_insert (into, g_strdup (key), g_strdup (json_node_get_string (value)));
}

/* The string value of a top-level member written before the
 * annotations, found in the head of the file; FALSE if it is not there. */
static gboolean
head_member (const char  *head,
             gsize        length,
             const char  *name,
             char       **value)
{
  g_autofree char *key = g_strdup_printf ("\n \"%s\" : ", name);
  const char *p = g_strstr_len (head, length, key);
  const char *end = head + length;
  const char *q;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *literal = NULL;

  if (p == NULL)
    return FALSE;
  p += strlen (key);
  if (end - p >= 4 && strncmp (p, "null", 4) == 0)
    {
      *value = NULL;
      return TRUE;
    }
  if (p >= end || *p != '"')
    return FALSE;
  for (q = p + 1; q < end && *q != '"'; q++)
    if (*q == '\\')
      q++;
  if (q >= end)
    return FALSE;

  literal = g_strndup (p, q + 1 - p);
  node = json_from_string (literal, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *value = g_strdup (json_node_get_string (node));

  return TRUE;
}

/* Reads "clipping" and "fingerprint" from a notes file, or FALSE. Notes
 * files this code wrote have both in their first lines: reading those
 * spares parsing 100,000 annotations to find a moved clipping. */
static gboolean
peek_notes (const char  *path,
            char       **clipping,
            char       **fingerprint)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *found_clipping = NULL;
  g_autofree char *found_fingerprint = NULL;
  char head[8192];
  JsonObject *root;
  gssize length;
  FILE *file;

  if ((file = g_fopen (path, "rb")))
    {
      length = fread (head, 1, sizeof head - 1, file);
      fclose (file);
      head[MAX (length, 0)] = '\0';
      if (length > 0 && g_str_has_prefix (head, "{\n \"version\" : ") &&
          head_member (head, length, "fingerprint", &found_fingerprint) &&
          head_member (head, length, "clipping", &found_clipping))
        {
          if (clipping)
            *clipping = g_steal_pointer (&found_clipping);
          if (fingerprint)
            *fingerprint = g_steal_pointer (&found_fingerprint);
          return TRUE;
        }
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_mapped_file (parser, path, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;

  root = json_node_get_object (json_parser_get_root (parser));
  if (clipping)
    *clipping = g_strdup (json_object_get_string_member_with_default (root, "clipping", NULL));
  if (fingerprint)
    *fingerprint = g_strdup (json_object_get_string_member_with_default (root, "fingerprint", NULL));

  return TRUE;
}

static void
rebuild_index (const char *dir,
               Index      *index)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  if (folder == NULL)
    return;

  while ((name = g_dir_read_name (folder)))
    {
      g_autofree char *path = NULL;
      g_autofree char *clipping = NULL;
      g_autofree char *fingerprint = NULL;

      if (!valid_name (name))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (!peek_notes (path, &clipping, &fingerprint))
        continue;
      if (clipping)
        g_hash_table_insert (index->paths, g_strdup (clipping), g_strdup (name));
      if (fingerprint)
        g_hash_table_insert (index->fingerprints, g_strdup (fingerprint), g_strdup (name));
    }
}

/* Returns whether the index was read from disk (else rebuilt). */
static gboolean
load_index (const char *dir,
            Index      *index)
{
  g_autofree char *path = g_build_filename (dir, INDEX_NAME, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  index_init (index);

  if (!json_parser_load_from_mapped_file (parser, path, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      rebuild_index (dir, index);
      return FALSE;
    }

  read_map (json_node_get_object (json_parser_get_root (parser)), "paths", index->paths);
  read_map (json_node_get_object (json_parser_get_root (parser)), "fingerprints", index->fingerprints);

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

static void
add_map (JsonBuilder *builder,
         const char  *member,
         GHashTable  *map)
{
  g_autofree gpointer *keys = NULL;
  guint n;

  /* Sorted, so the file is stable and diffable. */
  keys = g_hash_table_get_keys_as_array (map, &n);
  g_qsort_with_data (keys, n, sizeof (gpointer), compare_strings, NULL);
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_set_member_name (builder, keys[i]);
      json_builder_add_string_value (builder, g_hash_table_lookup (map, keys[i]));
    }
  json_builder_end_object (builder);
}

static gboolean
save_index (const char  *dir,
            Index       *index,
            GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_build_filename (dir, INDEX_NAME, NULL);
  char *data;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  add_map (builder, "paths", index->paths);
  add_map (builder, "fingerprints", index->fingerprints);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (data, length);
  file = g_file_new_for_path (path);

  return dossier_notes_write_atomic (file, bytes, FALSE, error);
}

static gboolean
is_copy (const char *dir,
         const char *name,
         Index      *index,
         const char *clipping_path)
{
  g_autofree char *notes_path = g_build_filename (dir, name, NULL);
  g_autofree char *recorded = NULL;
  GHashTableIter iter;
  gpointer key, value;

  /* The paths that use this notes file, per the index and per the file. */
  g_hash_table_iter_init (&iter, index->paths);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_equal (value, name) && !g_str_equal (key, clipping_path) &&
        g_file_test (key, G_FILE_TEST_IS_REGULAR))
      return TRUE;

  if (peek_notes (notes_path, &recorded, NULL) && recorded &&
      !g_str_equal (recorded, clipping_path) && g_file_test (recorded, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  return FALSE;
}

/**
 * dossier_notes_store_resolve:
 * @clipping: the clipping file
 * @fingerprint: SHA-256 (hex) of its article text
 *
 * Finds where the notes of @clipping are, or should be created, in the
 * user data folder. Creates nothing.
 *
 * Returns: (transfer full): the notes file, which may not exist yet
 */
GFile *
dossier_notes_store_resolve (GFile       *clipping,
                             const char  *fingerprint,
                             GError     **error)
{
  g_autoptr(GFile) dir_file = dossier_notes_store_get_dir ();
  g_autofree char *dir = g_file_get_path (dir_file);
  g_autofree char *clipping_path = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *candidate = NULL;
  g_auto(Index) index = { 0 };
  const char *name;

  g_return_val_if_fail (G_IS_FILE (clipping), NULL);
  g_return_val_if_fail (fingerprint != NULL && strlen (fingerprint) >= NAME_DIGITS, NULL);

  clipping_path = g_file_get_path (clipping);
  if (clipping_path == NULL)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID,
                   _("Notes can only be kept for local files"));
      return NULL;
    }

  load_index (dir, &index);

  /* 1. The path, even if the text was edited. */
  name = g_hash_table_lookup (index.paths, clipping_path);
  if (name)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_file_new_for_path (path);
    }

  /* 2. and 3. The text, after a move. */
  stem = g_ascii_strdown (fingerprint, NAME_DIGITS);
  candidate = g_strconcat (stem, ".json", NULL);
  {
    const char *names[] = { g_hash_table_lookup (index.fingerprints, fingerprint), candidate };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = NULL;
        g_autofree char *recorded = NULL;

        if (names[i] == NULL)
          continue;
        path = g_build_filename (dir, names[i], NULL);
        if (!g_file_test (path, G_FILE_TEST_EXISTS))
          continue;
        /* A file named after the fingerprint may since have been saved
         * against an edited text: only take it if it still matches. */
        if (i == 1 && peek_notes (path, NULL, &recorded) && g_strcmp0 (recorded, fingerprint) != 0)
          continue;
        if (!is_copy (dir, names[i], &index, clipping_path))
          return g_file_new_for_path (path);
      }
  }

  /* 4. A new file. */
  for (guint attempt = 0; ; attempt++)
    {
      g_autofree char *path = NULL;

      if (attempt == 0)
        path = g_build_filename (dir, candidate, NULL);
      else
        {
          g_autofree char *unique = g_strdup_printf ("%s-%08x.json", stem, g_random_int ());

          path = g_build_filename (dir, unique, NULL);
        }
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_file_new_for_path (path);
    }
}

/**
 * dossier_notes_store_remember:
 * @clipping: the clipping file
 * @fingerprint: the fingerprint its notes were saved against
 * @notes: the notes file, in the notes folder
 *
 * Records in the index that @clipping's notes are in @notes. Notes files
 * outside the notes folder (--notes) are not recorded.
 *
 * Returns: whether the index was written
 */
gboolean
dossier_notes_store_remember (GFile       *clipping,
                              const char  *fingerprint,
                              GFile       *notes,
                              GError     **error)
{
  g_autoptr(GFile) dir_file = dossier_notes_store_get_dir ();
  g_autoptr(GFile) parent = NULL;
  g_autofree char *dir = g_file_get_path (dir_file);
  g_autofree char *clipping_path = NULL;
  g_autofree char *name = NULL;
  g_auto(Index) index = { 0 };
  GHashTableIter iter;
  gpointer key, value;
  const char *old;
  gboolean from_disk;

  g_return_val_if_fail (G_IS_FILE (clipping), FALSE);
  g_return_val_if_fail (fingerprint != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (notes), FALSE);

  parent = g_file_get_parent (notes);
  clipping_path = g_file_get_path (clipping);
  if (parent == NULL || !g_file_equal (parent, dir_file) || clipping_path == NULL)
    return TRUE;

  name = g_file_get_basename (notes);
  from_disk = load_index (dir, &index);

  old = g_hash_table_lookup (index.paths, clipping_path);
  if (from_disk && g_strcmp0 (old, name) == 0 &&
      g_strcmp0 (g_hash_table_lookup (index.fingerprints, fingerprint), name) == 0)
    return TRUE;

  /* Paths that pointed here and are gone were moves: forget them. */
  g_hash_table_iter_init (&iter, index.paths);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_equal (value, name) && !g_file_test (key, G_FILE_TEST_EXISTS))
      g_hash_table_iter_remove (&iter);
  g_hash_table_iter_init (&iter, index.fingerprints);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_equal (value, name))
      g_hash_table_iter_remove (&iter);

  g_hash_table_insert (index.paths, g_strdup (clipping_path), g_strdup (name));
  g_hash_table_insert (index.fingerprints, g_strdup (fingerprint), g_strdup (name));

  return save_index (dir, &index, error);
}

static gboolean
sync_dir (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return FALSE;
  fsync (fd);
  close (fd);

  return TRUE;
}

static gboolean
write_failed (GError     **error,
              const char  *path,
              int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_WRITE,
               _("Could not save the notes to “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/* The previous version becomes path.bak, atomically: a hard link (no
 * copy, no window without a backup), or a copy where links do not work. */
static gboolean
keep_backup (const char  *path,
             GError     **error)
{
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *tmp = g_strconcat (path, ".bak.tmp", NULL);

  g_unlink (tmp);
  if (link (path, tmp) != 0)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (errno == ENOENT)
        return TRUE;
      if (!g_file_get_contents (path, &contents, &length, NULL) ||
          !g_file_set_contents_full (tmp, contents, length,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL))
        return write_failed (error, bak, errno);
    }
  if (g_rename (tmp, bak) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      return write_failed (error, bak, saved_errno);
    }
  /* When the backup already was this version (a save that failed), tmp
   * and bak are links to one file and rename() leaves both. */
  g_unlink (tmp);

  return TRUE;
}

/**
 * dossier_notes_write_atomic:
 * @file: a local file
 * @bytes: its new contents
 * @backup: keep the previous version as "<file>.bak"
 *
 * Writes a temporary file next to @file, flushes it to disk and renames it
 * over @file, so that readers, and a crash at any moment, see the old or
 * the new contents, never a part. Blocks: call it from a thread.
 *
 * Returns: whether @file now holds @bytes
 */
gboolean
dossier_notes_write_atomic (GFile   *file,
                            GBytes  *bytes,
                            gboolean backup,
                            GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_WRITE,
                   _("Notes can only be saved to local files"));
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return write_failed (error, path, errno);

  if (backup && g_file_test (path, G_FILE_TEST_IS_REGULAR) && !keep_backup (path, error))
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (!g_file_set_contents_full (path, data ? data : "", length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_WRITE,
                   _("Could not save the notes to “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  /* The rename is durable once the folder is. */
  sync_dir (dir);

  return TRUE;
}
