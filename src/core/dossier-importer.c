/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <uchardet.h>

#include "dossier-article.h"
#include "dossier-error.h"
#include "dossier-export-importer.h"
#include "dossier-html-importer.h"
#include "dossier-importer.h"
#include "dossier-markdown-importer.h"
#include "dossier-text-importer.h"

static const struct {
  const char *magic;
  gsize       length;
  const char *what;
} binary_magics[] = {
  { "\x89PNG\r\n\x1a\n", 8, N_("a PNG image") },
  { "\xff\xd8\xff", 3, N_("a JPEG image") },
  { "GIF8", 4, N_("a GIF image") },
  { "\x7f" "ELF", 4, N_("a program (ELF)") },
  { "%PDF-", 5, N_("a PDF document") },
  { "PK\x03\x04", 4, N_("a ZIP archive or office document") },
  { "\x1f\x8b", 2, N_("a gzip archive") },
  { "RIFF", 4, N_("a RIFF media file") },
  { "OggS", 4, N_("an Ogg media file") },
  { "ID3", 3, N_("an MP3 audio file") },
  { "\xd0\xcf\x11\xe0", 4, N_("an old Microsoft Office document") },
};

/* g_utf8_validate() goes a byte at a time; clippings are mostly ASCII, so
 * skip ASCII a machine word at a time and validate only the rest. */
static gboolean
utf8_validate_fast (const char  *data,
                    gsize        length,
                    const char **end)
{
  const char *p = data;
  const char *stop = data + length;

  while (p < stop)
    {
      const char *boundary;

      while (p + sizeof (guint64) <= stop)
        {
          guint64 w;

          memcpy (&w, p, sizeof w);
          if (w & G_GUINT64_CONSTANT (0x8080808080808080))
            break;
          p += sizeof (guint64);
        }

      /* An ASCII byte is never inside a multi-byte sequence, so the first
       * one after a non-ASCII stretch is a safe place to cut. */
      boundary = p;
      while (boundary < stop && (guchar)*boundary < 0x80)
        boundary++;
      while (boundary < stop && (guchar)*boundary >= 0x80)
        boundary++;

      if (!g_utf8_validate_len (p, boundary - p, end))
        return FALSE;
      p = boundary;
    }

  *end = stop;
  return TRUE;
}

/* Turns CRLF and lone CR into LF, in place; returns the new length. */
static gsize
normalize_line_ends (char  *text,
                     gsize  length)
{
  char *cr = memchr (text, '\r', length);
  char *out;
  const char *in;
  const char *end = text + length;

  if (cr == NULL)
    return length;

  out = cr;
  for (in = cr; in < end; in++)
    {
      if (*in == '\r')
        {
          *out++ = '\n';
          if (in + 1 < end && in[1] == '\n')
            in++;
        }
      else
        *out++ = *in;
    }
  *out = '\0';

  return out - text;
}

/* Counts how many bytes are plausible text; binary data has many controls. */
static gboolean
looks_binary (const guchar *data,
              gsize         length)
{
  gsize n = MIN (length, 8192);
  gsize controls = 0;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = data[i];

      if (c == 0)
        return TRUE;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
        controls++;
    }

  return controls * 20 > n;
}

/* TRUE when @data holds at least one well-formed multi-byte UTF-8 sequence:
 * a file like that is UTF-8 that got damaged, not a legacy 8-bit file. */
static gboolean
has_utf8_sequences (const guchar *data,
                    gsize         length)
{
  for (gsize i = 0; i + 1 < length; i++)
    {
      if (data[i] >= 0xC2 && data[i] <= 0xDF && (data[i + 1] & 0xC0) == 0x80)
        return TRUE;
      if (data[i] >= 0xE0 && data[i] <= 0xEF && i + 2 < length &&
          (data[i + 1] & 0xC0) == 0x80 && (data[i + 2] & 0xC0) == 0x80)
        return TRUE;
    }

  return FALSE;
}

static char *
convert_to_utf8 (const char  *data,
                 gsize        length,
                 const char  *charset,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize written = 0;

  text = g_convert (data, length, "UTF-8", charset, NULL, &written, &local_error);
  if (text == NULL)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_ENCODING,
                   _("The text is not valid %s: %s"), charset, local_error->message);
      return NULL;
    }

  if (memchr (text, '\0', written) != NULL)
    {
      g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_BINARY,
                           _("The file holds binary data, not text"));
      return NULL;
    }

  return g_steal_pointer (&text);
}

static char *
guess_and_convert (const char  *data,
                   gsize        length,
                   GError     **error)
{
  uchardet_t ud = uchardet_new ();
  g_autofree char *charset = NULL;

  uchardet_handle_data (ud, data, MIN (length, 1024 * 1024));
  uchardet_data_end (ud);
  charset = g_strdup (uchardet_get_charset (ud));
  uchardet_delete (ud);

  if (charset == NULL || *charset == '\0' ||
      g_ascii_strcasecmp (charset, "ASCII") == 0 ||
      g_ascii_strcasecmp (charset, "UTF-8") == 0)
    {
      /* uchardet could not tell; Windows-1252 decodes almost anything
       * and is by far the most common legacy encoding of saved text. */
      g_free (charset);
      charset = g_strdup ("WINDOWS-1252");
    }

  g_debug ("Guessed encoding %s", charset);

  return convert_to_utf8 (data, length, charset, error);
}

static char *decode (const char  *data,
                     gsize        length,
                     gsize       *out_length,
                     GError     **error);

/**
 * dossier_importer_decode:
 * @data: the raw bytes of a file
 * @length: their length
 * @display_name: (nullable): the file's name, for messages
 * @error: a #GError
 *
 * Turns the bytes of a text file into UTF-8 with LF line ends. Recognises
 * byte order marks (UTF-8, UTF-16), refuses binary data and damaged UTF-8,
 * and guesses legacy 8-bit encodings with uchardet.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
dossier_importer_decode (const char  *data,
                         gsize        length,
                         const char  *display_name,
                         GError     **error)
{
  return decode (data, length, NULL, error);
}

static char *
decode (const char  *data,
        gsize        length,
        gsize       *out_length,
        GError     **error)
{
  const guchar *u = (const guchar *)data;
  g_autofree char *text = NULL;
  const char *end = NULL;
  gsize text_length;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      data += 3;
      length -= 3;
      u += 3;
    }
  else if (length >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    {
      const char *charset = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";

      if (!(text = convert_to_utf8 (data + 2, length - 2, charset, error)))
        return NULL;
      text_length = normalize_line_ends (text, strlen (text));
      goto check_empty;
    }

  if (length == 0)
    {
      g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_EMPTY,
                           _("The file is empty"));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (binary_magics); i++)
    {
      if (length >= binary_magics[i].length &&
          memcmp (data, binary_magics[i].magic, binary_magics[i].length) == 0)
        {
          g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_BINARY,
                       _("This is %s, not a text clipping"), _(binary_magics[i].what));
          return NULL;
        }
    }

  if (looks_binary (u, length) || memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_BINARY,
                           _("The file holds binary data, not text"));
      return NULL;
    }

  if (utf8_validate_fast (data, length, &end))
    {
      text = g_malloc (length + 1);
      memcpy (text, data, length);
      text[length] = '\0';
      text_length = normalize_line_ends (text, length);
      goto check_empty;
    }
  else if (has_utf8_sequences (u, length))
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_ENCODING,
                   _("The text is damaged: invalid UTF-8 at byte %" G_GSIZE_FORMAT),
                   (gsize)(end - data));
      return NULL;
    }
  else if (!(text = guess_and_convert (data, length, error)))
    return NULL;

  text_length = normalize_line_ends (text, strlen (text));

check_empty:
  for (gsize i = 0; i < text_length; i++)
    if (!g_ascii_isspace (text[i]))
      {
        if (out_length)
          *out_length = text_length;
        return g_steal_pointer (&text);
      }

  g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_EMPTY,
                       _("The file holds no text"));
  return NULL;
}

/**
 * dossier_importer_load_bytes:
 * @bytes: the contents of a clipping file
 * @display_name: (nullable): its name, for messages
 * @flags: how to import
 * @error: a #GError
 *
 * Detects the format of @bytes by content and imports every article in it.
 *
 * Returns: (transfer container) (element-type DossierArticle): the articles,
 *   at least one, or %NULL with @error set
 */
GPtrArray *
dossier_importer_load_bytes (GBytes              *bytes,
                             const char          *display_name,
                             DossierImportFlags   flags,
                             GError             **error)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  DossierArticle *article;
  gsize text_length;
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (length > DOSSIER_IMPORT_MAX_SIZE)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_LARGE,
                   _("The file is too large (over %d MB)"),
                   DOSSIER_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Web pages carry their own encoding declaration (<meta charset>), so
   * they are read from the raw bytes, before decoding as plain text. */
  if (!(flags & DOSSIER_IMPORT_AS_BODY))
    {
      if (_dossier_html_importer_sniff (data, length))
        article = _dossier_html_importer_parse (data, length, NULL, error);
      else if (_dossier_html_importer_sniff_mhtml (data, length))
        article = _dossier_html_importer_parse_mhtml (data, length, error);
      else
        goto decode;

      if (article == NULL)
        return NULL;
      g_ptr_array_add (articles, article);
      return g_steal_pointer (&articles);
    }

decode:
  if (!(text = decode (data, length, &text_length, error)))
    return NULL;

  if (flags & DOSSIER_IMPORT_AS_BODY)
    {
      g_autoptr(GBytes) body = g_bytes_new_take (g_steal_pointer (&text), text_length + 1);

      article = g_object_new (DOSSIER_TYPE_ARTICLE,
                              "format", "text",
                              "text-bytes", body,
                              NULL);
      g_ptr_array_add (articles, article);
      return g_steal_pointer (&articles);
    }

  /* A page in UTF-16 is only recognisable once decoded. */
  if (_dossier_html_importer_sniff (text, text_length))
    article = _dossier_html_importer_parse (text, text_length, "UTF-8", error);
  else if (_dossier_export_importer_sniff (text, text_length))
    {
      g_autoptr(GPtrArray) exported = _dossier_export_importer_parse (text, text_length, error);

      if (exported == NULL)
        return NULL;
      return g_steal_pointer (&exported);
    }
  else if (_dossier_markdown_importer_sniff (text, text_length))
    article = _dossier_markdown_importer_parse (text, text_length, error);
  else
    article = _dossier_text_importer_parse (text, text_length, error);

  if (article == NULL)
    return NULL;

  g_ptr_array_add (articles, article);

  return g_steal_pointer (&articles);
}

/* How browsers name the folder of a page saved "complete": the page's name
 * and a suffix, which some browsers translate. */
static const char * const folder_suffixes[] = {
  "_files", "-files", " files", "_archivos", "_arquivos", "_bestanden", "-Dateien",
  "_fichiers", "_file", "_failai", "_pliki", NULL
};

static const char * const page_extensions[] = {
  ".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".mht", ".HTML", ".HTM", NULL
};

/**
 * dossier_importer_dup_folder_page:
 * @folder: a folder
 * @cancellable: (nullable): a #GCancellable
 *
 * A web page saved "complete" is a page and a folder of its images and
 * styles beside it: `page.html` and `page_files/`. Opening the folder means
 * opening the page.
 *
 * Returns: (transfer full) (nullable): the page that @folder belongs to,
 *   or %NULL when it is not the folder of a saved page
 */
GFile *
dossier_importer_dup_folder_page (GFile        *folder,
                                  GCancellable *cancellable)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  if (!(name = g_file_get_basename (folder)) || !(parent = g_file_get_parent (folder)))
    return NULL;
  length = strlen (name);

  for (guint i = 0; folder_suffixes[i]; i++)
    {
      gsize suffix_length = strlen (folder_suffixes[i]);
      g_autofree char *stem = NULL;

      if (length <= suffix_length || !g_str_has_suffix (name, folder_suffixes[i]))
        continue;

      stem = g_strndup (name, length - suffix_length);
      for (guint j = 0; page_extensions[j]; j++)
        {
          g_autofree char *page_name = g_strconcat (stem, page_extensions[j], NULL);
          g_autoptr(GFile) page = g_file_get_child (parent, page_name);

          if (g_file_query_file_type (page, G_FILE_QUERY_INFO_NONE, cancellable) ==
              G_FILE_TYPE_REGULAR)
            return g_steal_pointer (&page);
        }
    }

  return NULL;
}

/**
 * dossier_importer_load_file:
 * @file: a clipping file
 * @flags: how to import
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Loads and imports @file, refusing what is not a regular file or is over
 * %DOSSIER_IMPORT_MAX_SIZE before reading it. The folder of a web page
 * saved "complete" imports the page: its articles then carry the page's
 * #GFile as %DOSSIER_IMPORT_FILE_KEY.
 *
 * Returns: (transfer container) (element-type DossierArticle): the articles
 */
GPtrArray *
dossier_importer_load_file (GFile               *file,
                            DossierImportFlags   flags,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  GFileType type;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GFile) page = dossier_importer_dup_folder_page (file, cancellable);
      GPtrArray *articles;

      if (page == NULL)
        {
          g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_NOT_REGULAR,
                               _("This is a folder, not a file"));
          return NULL;
        }

      if ((articles = dossier_importer_load_file (page, flags, cancellable, error)))
        for (guint i = 0; i < articles->len; i++)
          g_object_set_data_full (g_ptr_array_index (articles, i), DOSSIER_IMPORT_FILE_KEY,
                                  g_object_ref (page), g_object_unref);
      return articles;
    }
  if (type != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_NOT_REGULAR,
                           _("This is not a regular file"));
      return NULL;
    }

  if (g_file_info_get_size (info) > DOSSIER_IMPORT_MAX_SIZE)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_LARGE,
                   _("The file is too large (over %d MB)"),
                   DOSSIER_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, error)))
    return NULL;

  name = g_strdup (g_file_info_get_display_name (info));

  return dossier_importer_load_bytes (bytes, name, flags, error);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GFile *file = source_object;
  DossierImportFlags flags = GPOINTER_TO_UINT (task_data);
  GError *error = NULL;
  GPtrArray *articles;

  if ((articles = dossier_importer_load_file (file, flags, cancellable, &error)))
    g_task_return_pointer (task, articles, (GDestroyNotify)g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/**
 * dossier_importer_load_file_async:
 *
 * Loads and imports @file in a worker thread.
 */
void
dossier_importer_load_file_async (GFile               *file,
                                  DossierImportFlags   flags,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_importer_load_file_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (flags), NULL);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * dossier_importer_load_file_finish:
 *
 * Returns: (transfer container) (element-type DossierArticle): the articles
 */
GPtrArray *
dossier_importer_load_file_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
