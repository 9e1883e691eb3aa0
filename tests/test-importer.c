/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dossier-core.h"

static char *
decode (const char *data,
        gsize       length,
        GError    **error)
{
  return dossier_importer_decode (data, length, "test.txt", error);
}

static void
test_utf8_bom_and_line_ends (void)
{
  g_autoptr(GError) error = NULL;
  const char input[] = "\xef\xbb\xbfLine one\r\nLine two\rLine three\n";
  g_autofree char *text = decode (input, sizeof input - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Line one\nLine two\nLine three\n");
}

static void
test_utf16 (void)
{
  g_autoptr(GError) error = NULL;
  /* "Ąžuolas\r\n" in UTF-16LE with a BOM */
  const char le[] = "\xff\xfe\x04\x01\x7e\x01u\0o\0l\0a\0s\0\r\0\n\0";
  const char be[] = "\xfe\xff\x01\x04\x01\x7e\0u\0o\0l\0a\0s";
  g_autofree char *text_le = decode (le, sizeof le - 1, &error);
  g_autofree char *text_be = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (text_le, ==, "Ąžuolas\n");
  text_be = decode (be, sizeof be - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text_be, ==, "Ąžuolas");
}

static void
test_legacy (void)
{
  struct {
    const char *charset;
    const char *utf8;
  } cases[] = {
    { "WINDOWS-1257", "Lietuvos prezidentas Gitanas Nausėda ketvirtadienį susitiko su Latvijos ir Estijos vadovais. "
                      "Šiaulių, Kauno ir Klaipėdos merai aptarė žiemos pasiruošimą, o Vyriausybė pritarė įstatymo pataisoms." },
    { "WINDOWS-1251", "Президент провёл встречу с министрами в пятницу. Обсуждались вопросы бюджета, "
                      "энергетики и обороны; решения будут объявлены на следующей неделе." },
    { "WINDOWS-1252", "Le président a rencontré vendredi les ministres à l’Élysée. « Nous avançons », "
                      "a-t-il déclaré après une réunion consacrée à l’énergie et à la sécurité." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize length;
      g_autofree char *legacy = g_convert (cases[i].utf8, -1, cases[i].charset, "UTF-8",
                                           NULL, &length, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = decode (legacy, length, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, cases[i].utf8);
    }
}

static void
test_bad_input (void)
{
  struct {
    const char *data;
    gsize       length;
    int         code;
  } cases[] = {
    { "", 0, DOSSIER_ERROR_EMPTY },
    { " \n\r\n\t ", 6, DOSSIER_ERROR_EMPTY },
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, DOSSIER_ERROR_BINARY },
    { "\x7f" "ELF" "\x02\x01\x01\0\0\0", 10, DOSSIER_ERROR_BINARY },
    { "text with a\0NUL byte", 20, DOSSIER_ERROR_BINARY },
    /* a valid "ė" followed by a stray continuation byte: damaged UTF-8 */
    { "Nausėda \x80\x80 said", 16, DOSSIER_ERROR_ENCODING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = decode (cases[i].data, cases[i].length, &error);

      g_assert_null (text);
      g_assert_error (error, DOSSIER_ERROR, cases[i].code);
      g_assert_nonnull (error->message);
    }
}

static void
test_as_body (void)
{
  g_autoptr(GError) error = NULL;
  const char *input = "Verbatim \xe2\x80\x9c" "body\xe2\x80\x9d\n\nSekėjai\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (input, strlen (input));
  g_autoptr(GPtrArray) articles = dossier_importer_load_bytes (bytes, "x", DOSSIER_IMPORT_AS_BODY, &error);
  DossierArticle *article;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  article = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (dossier_article_get_text (article), ==, input);
  g_assert_null (dossier_article_get_title (article));
}

static void
test_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-test-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *big_path = g_build_filename (dir, "big.txt", NULL);
  g_autoptr(GFile) big = g_file_new_for_path (big_path);
  g_autoptr(GFile) missing = g_file_get_child (folder, "missing.txt");
  FILE *fp;

  g_assert_no_error (error);

  articles = dossier_importer_load_file (folder, 0, NULL, &error);
  g_assert_null (articles);
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOT_REGULAR);
  g_clear_error (&error);

  articles = dossier_importer_load_file (missing, 0, NULL, &error);
  g_assert_null (articles);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A sparse file over the limit is refused before it is read. */
  fp = fopen (big_path, "w");
  g_assert_nonnull (fp);
  g_assert_cmpint (fseek (fp, DOSSIER_IMPORT_MAX_SIZE + 1, SEEK_SET), ==, 0);
  fputc ('x', fp);
  fclose (fp);
  articles = dossier_importer_load_file (big, 0, NULL, &error);
  g_assert_null (articles);
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_file_delete (big, NULL, NULL);
  g_file_delete (folder, NULL, NULL);
}

/* "Web page, complete": page.html and page_files/ beside it. The page
 * opens as itself; the folder opens the page. */
static void
test_saved_page_folder (void)
{
  static const char page_html[] =
    "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour Wall Repaired</title>"
    "<link rel=\"stylesheet\" href=\"page_files/style.css\"></head><body>"
    "<article><h1>Harbour Wall Repaired</h1>"
    "<p>The harbour wall that collapsed in the January storm has been rebuilt, "
    "the council said on Monday, three weeks ahead of the schedule it set.</p>"
    "<p><img src=\"page_files/wall.jpg\" alt=\"\">Fishing boats, which had moored "
    "in the next village since the storm, will return to the harbour this week, "
    "and the ferry will call again from Friday.</p></article></body></html>";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-test-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) page = g_file_get_child (folder, "page.html");
  g_autoptr(GFile) files = g_file_get_child (folder, "page_files");
  g_autoptr(GFile) image = g_file_get_child (files, "wall.jpg");
  g_autoptr(GFile) other = g_file_get_child (folder, "photos");
  g_autoptr(GFile) orphan = g_file_get_child (folder, "gone_files");
  g_autoptr(GFile) found = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  DossierArticle *article;

  g_assert_no_error (error);
  g_assert_true (g_file_replace_contents (page, page_html, strlen (page_html), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_make_directory (files, NULL, &error));
  g_assert_true (g_file_replace_contents (image, "\xff\xd8\xff", 3, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_true (g_file_make_directory (other, NULL, &error));
  g_assert_true (g_file_make_directory (orphan, NULL, &error));
  g_assert_no_error (error);

  /* The page itself, its folder beside it. */
  articles = dossier_importer_load_file (page, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  article = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (dossier_article_get_title (article), ==, "Harbour Wall Repaired");
  g_assert_nonnull (strstr (dossier_article_get_text (article), "three weeks ahead"));
  g_assert_null (g_object_get_data (G_OBJECT (article), DOSSIER_IMPORT_FILE_KEY));
  g_clear_pointer (&articles, g_ptr_array_unref);

  /* The folder: the page, which the articles name. */
  found = dossier_importer_dup_folder_page (files, NULL);
  g_assert_nonnull (found);
  g_assert_true (g_file_equal (found, page));
  articles = dossier_importer_load_file (files, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  article = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (dossier_article_get_title (article), ==, "Harbour Wall Repaired");
  g_assert_true (g_file_equal (g_object_get_data (G_OBJECT (article), DOSSIER_IMPORT_FILE_KEY), page));
  g_clear_pointer (&articles, g_ptr_array_unref);

  /* Other folders, and one whose page is gone, are still folders. */
  g_assert_null (dossier_importer_dup_folder_page (other, NULL));
  g_assert_null (dossier_importer_dup_folder_page (orphan, NULL));
  articles = dossier_importer_load_file (orphan, 0, NULL, &error);
  g_assert_null (articles);
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOT_REGULAR);
  g_clear_error (&error);

  g_file_delete (image, NULL, NULL);
  g_file_delete (files, NULL, NULL);
  g_file_delete (other, NULL, NULL);
  g_file_delete (orphan, NULL, NULL);
  g_file_delete (page, NULL, NULL);
  g_file_delete (folder, NULL, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dossier/importer/utf8-bom-line-ends", test_utf8_bom_and_line_ends);
  g_test_add_func ("/dossier/importer/utf16", test_utf16);
  g_test_add_func ("/dossier/importer/legacy", test_legacy);
  g_test_add_func ("/dossier/importer/bad-input", test_bad_input);
  g_test_add_func ("/dossier/importer/as-body", test_as_body);
  g_test_add_func ("/dossier/importer/files", test_files);
  g_test_add_func ("/dossier/importer/saved-page-folder", test_saved_page_folder);
  return g_test_run ();
}
