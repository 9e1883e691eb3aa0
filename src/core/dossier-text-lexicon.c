/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-text-lexicon"

#include "config.h"

#include <string.h>

#include "dossier-text-lexicon-private.h"

#define X DOSSIER_CHROME_EXACT
#define P DOSSIER_CHROME_PREFIX
#define F DOSSIER_CHROME_FOOTER

/* Blogger and WordPress furniture as it comes out of "select all, copy" in
 * the interface languages we support; counters ("12 comments") and
 * punctuation are stripped before comparing, see normalize(). */
static const DossierChromeEntry chrome[] = {
  /* shared: networks, buttons */
  { "facebook", X }, { "twitter", X }, { "x", X }, { "pinterest", X },
  { "linkedin", X }, { "whatsapp", X }, { "telegram", X }, { "reddit", X },
  { "tumblr", X }, { "pocket", X }, { "vk", X }, { "вконтакте", X },
  { "одноклассники", X }, { "email", X }, { "e mail", X }, { "print", X },
  { "rss", X }, { "atom", X }, { "tweet", X }, { "like", X }, { "share", X },
  { "blogthis", X }, { "menu", X }, { "meniu", X }, { "меню", X },
  { "toggle navigation", X }, { "search", X }, { "search for", X },
  { "powered by", P | F }, { "blogger", X }, { "wordpress", X },
  { "wordpress com", X }, { "wordpress org", X },

  /* "popular posts from this blog", "you may also like", "read also" */
  { "popular posts from this blog", P | F }, { "populiarūs šio tinklaraščio įrašai", P | F },
  { "popularne posty z tego bloga", P | F }, { "beliebte posts aus diesem blog", P | F },
  { "articles les plus consultés de ce blog", P | F },
  { "entradas populares de este blog", P | F },
  { "популярные сообщения из этого блога", P | F },
  { "популярні публікації з цього блогу", P | F },
  { "post popolari da questo blog", P | F }, { "postagens mais visitadas deste blog", P | F },
  { "you may also like", X | F }, { "you might also like", X | F },
  { "read also", X }, { "see also", X }, { "taip pat skaitykite", X },
  { "czytaj także", X }, { "lesen sie auch", X }, { "lire aussi", X },
  { "à lire aussi", X }, { "lee también", X }, { "читайте также", X },
  { "читайте також", X }, { "leggi anche", X }, { "leia também", X },

  /* headings of a list of references */
  { "footnotes", X }, { "notes", X }, { "references", X }, { "išnašos", X },
  { "nuorodos", X }, { "przypisy", X }, { "fußnoten", X }, { "anmerkungen", X },
  { "notas", X }, { "примечания", X }, { "примітки", X }, { "note", X },
  { "références", X }, { "referencias", X }, { "riferimenti", X },
  { "referências", X }, { "literatūra", X }, { "bibliografia", X },

  /* English */
  { "search this blog", X }, { "followers", X }, { "follow", X },
  { "posted by", P | F }, { "no comments", X | F }, { "comments", X | F },
  { "comment", X | F }, { "email this", P | F }, { "email thisblogthis", P | F },
  { "share to", P | F }, { "labels", P | F }, { "newer post", P | F },
  { "older post", P | F }, { "newer posts", X | F }, { "older posts", X | F },
  { "home", X }, { "subscribe to", P | F }, { "subscribe", X },
  { "post comments", P | F }, { "blog archive", X | F }, { "about me", X | F },
  { "view my complete profile", X | F }, { "simple theme", P | F },
  { "theme images by", P | F }, { "post a comment", X | F },
  { "popular posts", X | F }, { "report abuse", X | F }, { "get link", X },
  { "other apps", X }, { "show more", X }, { "show less", X },
  { "visit profile", X }, { "contributors", X | F }, { "skip to content", X },
  { "skip to main content", X }, { "posted on", P }, { "posted in", P | F },
  { "filed under", P | F }, { "tagged", P | F }, { "tags", P | F },
  { "categories", P | F }, { "category", P }, { "leave a comment", X | F },
  { "leave a reply", X | F }, { "cancel reply", X | F },
  { "your email address will not be published", P | F },
  { "required fields are marked", P | F }, { "save my name", P | F },
  { "share this", X | F }, { "like this", X | F }, { "like loading", X | F },
  { "loading", X }, { "related", X | F }, { "related posts", X | F },
  { "post navigation", X | F }, { "previous post", X | F },
  { "next post", X | F }, { "recent posts", X | F },
  { "recent comments", X | F }, { "archives", X | F }, { "meta", X },
  { "log in", X }, { "entries feed", X }, { "comments feed", X },
  { "this entry was posted", P | F }, { "read more", X }, { "continue reading", P },
  { "reply", X }, { "about", X }, { "contact", X }, { "blog", X },
  { "translate", X }, { "share this post", X | F }, { "share on facebook", X },
  { "share on twitter", X }, { "click to share on", P }, { "by", X },
  { "comments off", P | F }, { "one comment", X | F }, { "leave a comment on", P | F },
  { "name", X }, { "website", X }, { "post comment", X | F }, { "notify me of", P | F },
  { "updated", P }, { "min read", X }, { "minute read", X }, { "minutes read", X },
  { "reading time", P }, { "read time", P }, { "reporting by", P | F },
  { "editing by", P | F }, { "additional reporting by", P | F },
  { "writing by", P | F }, { "our standards", P | F }, { "advertisement", X },
  { "listen to this article", X }, { "save", X }, { "gift this article", X },
  { "sign up", P }, { "newsletter", X }, { "listen", X }, { "share on", P },
  { "sign in", X }, { "register", X }, { "we use cookies", P }, { "accept all cookies", X },
  { "accept cookies", X }, { "cookie settings", X }, { "manage cookies", X },
  { "accept all", X }, { "reject all", X },

  /* Lithuanian */
  { "sekėjai", X }, { "ieškoti šiame dienoraštyje", X },
  { "ieškoti šiame tinklaraštyje", X }, { "paieška šiame tinklaraštyje", X },
  { "paskelbė", P | F }, { "komentarų nėra", X | F }, { "komentarai", X | F },
  { "komentaras", X | F }, { "komentarų", X | F }, { "siųsti el paštu", P | F },
  { "siųsti el paštutai", P | F }, { "tai įrašė tinklaraštis", P | F },
  { "bendrinti sistemoje", P | F }, { "bendrinti", X }, { "etiketės", P | F },
  { "naujesnis įrašas", P | F }, { "senesnis įrašas", P | F },
  { "naujesni įrašai", X | F }, { "senesni įrašai", X | F },
  { "pagrindinis puslapis", X }, { "pagrindinis", X }, { "prenumeruoti", P | F },
  { "rašyti komentarus", P | F }, { "rašyti komentarą", X | F },
  { "tinklaraščio archyvas", X | F }, { "apie mane", X | F },
  { "peržiūrėti visą mano profilį", X | F }, { "populiarūs įrašai", X | F },
  { "pranešti apie netinkamą naudojimą", X | F }, { "paprasta tema", P | F },
  { "sukurta naudojant", P | F }, { "teikia", P | F }, { "gauti nuorodą", X },
  { "kitos programos", X }, { "rodyti daugiau", X }, { "pereiti prie turinio", X },
  { "paskelbta", P }, { "kategorijos", P | F }, { "žymos", P | F },
  { "parašykite komentarą", X | F }, { "atšaukti atsakymą", X | F },
  { "dalintis", X | F }, { "patinka", X | F }, { "įkeliama", X },
  { "susiję", X | F }, { "įrašų naršymas", X | F }, { "ankstesnis įrašas", X | F },
  { "kitas įrašas", X | F }, { "naujausi įrašai", X | F },
  { "naujausi komentarai", X | F }, { "archyvai", X | F }, { "ieškoti", X },
  { "skaityti daugiau", X }, { "atsakyti", X }, { "daugiau", X },

  /* Polish */
  { "szukaj na tym blogu", X }, { "obserwatorzy", X }, { "autor", P | F },
  { "opublikowany przez", P | F }, { "opublikowane przez", P | F },
  { "brak komentarzy", X | F }, { "komentarze", X | F }, { "komentarzy", X | F },
  { "komentarz", X | F }, { "wyślij pocztą e mail", P | F },
  { "wyślij pocztą e mailwrzuć na bloga", P | F }, { "wrzuć na bloga", P | F },
  { "udostępnij w usłudze", P | F }, { "udostępnij", X | F }, { "etykiety", P | F },
  { "nowszy post", P | F }, { "starszy post", P | F }, { "nowsze posty", X | F },
  { "starsze posty", X | F }, { "strona główna", X }, { "subskrybuj", P | F },
  { "komentarze do posta", P | F }, { "archiwum bloga", X | F }, { "o mnie", X | F },
  { "wyświetl mój pełny profil", X | F }, { "obsługiwane przez usługę", P | F },
  { "motyw prosty", P | F }, { "prześlij komentarz", X | F },
  { "popularne posty", X | F }, { "zgłoś nadużycie", X | F }, { "pobierz link", X },
  { "inne aplikacje", X }, { "pokaż więcej", X }, { "przejdź do treści", X },
  { "opublikowano", P }, { "kategorie", P | F }, { "tagi", P | F },
  { "dodaj komentarz", X | F }, { "anuluj pisanie odpowiedzi", X | F },
  { "lubię to", X | F }, { "wczytywanie", X }, { "podobne", X | F },
  { "nawigacja wpisu", X | F }, { "poprzedni wpis", X | F },
  { "następny wpis", X | F }, { "najnowsze wpisy", X | F },
  { "najnowsze komentarze", X | F }, { "archiwa", X | F }, { "szukaj", X },
  { "czytaj dalej", X }, { "odpowiedz", X },

  /* German */
  { "dieses blog durchsuchen", X }, { "follower", X }, { "eingestellt von", P | F },
  { "keine kommentare", X | F }, { "kommentare", X | F }, { "kommentar", X | F },
  { "diesen post per e mail versenden", P | F }, { "in twitter freigeben", P | F },
  { "in facebook freigeben", P | F }, { "auf pinterest teilen", P | F },
  { "neuerer post", P | F }, { "älterer post", P | F }, { "neuere posts", X | F },
  { "ältere posts", X | F }, { "startseite", X }, { "abonnieren", P | F },
  { "kommentare zum post", P | F }, { "blog archiv", X | F }, { "über mich", X | F },
  { "mein profil vollständig anzeigen", X | F }, { "bereitgestellt von", P | F },
  { "design einfach", P | F }, { "kommentar veröffentlichen", X | F },
  { "beliebte posts", X | F }, { "missbrauch melden", X | F }, { "teilen", X | F },
  { "link abrufen", X }, { "andere apps", X }, { "mehr anzeigen", X },
  { "zum inhalt springen", X }, { "veröffentlicht am", P }, { "kategorien", P | F },
  { "kategorie", P | F }, { "schlagwörter", P | F }, { "schreibe einen kommentar", X | F },
  { "kommentar verfassen", X | F }, { "antworten abbrechen", X | F },
  { "teilen mit", X | F }, { "gefällt mir", X | F }, { "lädt", X },
  { "ähnliche beiträge", X | F }, { "ähnliche", X | F }, { "beitragsnavigation", X | F },
  { "vorheriger beitrag", X | F }, { "nächster beitrag", X | F },
  { "neueste beiträge", X | F }, { "neueste kommentare", X | F },
  { "archive", X | F }, { "suche", X }, { "suchen", X }, { "weiterlesen", X },
  { "antworten", X }, { "veröffentlicht von", P | F },

  /* French */
  { "rechercher dans ce blog", X }, { "abonnés", X }, { "publié par", P | F },
  { "aucun commentaire", X | F }, { "commentaires", X | F }, { "commentaire", X | F },
  { "envoyer par e mail", P | F }, { "partager sur", P | F }, { "libellés", P | F },
  { "article plus récent", P | F }, { "article plus ancien", P | F },
  { "articles plus récents", X | F }, { "articles plus anciens", X | F },
  { "accueil", X }, { "s abonner à", P | F }, { "publier les commentaires", P | F },
  { "archives du blog", X | F }, { "qui êtes vous", X | F }, { "à propos de moi", X | F },
  { "afficher mon profil complet", X | F }, { "fourni par", P | F },
  { "thème simple", P | F }, { "enregistrer un commentaire", X | F },
  { "articles les plus consultés", X | F }, { "signaler un abus", X | F },
  { "partager", X | F }, { "obtenir le lien", X }, { "autres applications", X },
  { "aller au contenu", X }, { "aller au contenu principal", X },
  { "publié le", P }, { "catégories", P | F }, { "étiquettes", P | F },
  { "laisser un commentaire", X | F }, { "annuler la réponse", X | F },
  { "j aime ça", X | F }, { "j aime", X | F }, { "chargement", X },
  { "similaire", X | F }, { "navigation de l article", X | F },
  { "article précédent", X | F }, { "article suivant", X | F },
  { "articles récents", X | F }, { "commentaires récents", X | F },
  { "rechercher", X }, { "lire la suite", X }, { "répondre", X },

  /* Spanish */
  { "buscar este blog", X }, { "seguidores", X }, { "publicado por", P | F },
  { "no hay comentarios", X | F }, { "comentarios", X | F }, { "comentario", X | F },
  { "enviar por correo electrónico", P | F }, { "escribe un blog", P | F },
  { "compartir con", P | F }, { "compartir en", P | F }, { "etiquetas", P | F },
  { "entrada más reciente", P | F }, { "entrada antigua", P | F },
  { "entradas más recientes", X | F }, { "entradas antiguas", X | F },
  { "página principal", X }, { "suscribirse a", P | F },
  { "enviar comentarios", P | F }, { "archivo del blog", X | F },
  { "datos personales", X | F }, { "sobre mí", X | F }, { "ver todo mi perfil", X | F },
  { "con la tecnología de", P | F }, { "tema sencillo", P | F },
  { "publicar un comentario", X | F }, { "entradas populares", X | F },
  { "denunciar abuso", X | F }, { "compartir", X | F }, { "obtener enlace", X },
  { "otras aplicaciones", X }, { "mostrar más", X }, { "saltar al contenido", X },
  { "publicado el", P }, { "categorías", P | F }, { "deja un comentario", X | F },
  { "deja una respuesta", X | F }, { "cancelar la respuesta", X | F },
  { "me gusta", X | F }, { "cargando", X }, { "relacionado", X | F },
  { "relacionados", X | F }, { "navegación de entradas", X | F },
  { "entrada anterior", X | F }, { "entrada siguiente", X | F },
  { "entradas recientes", X | F }, { "comentarios recientes", X | F },
  { "archivos", X | F }, { "buscar", X }, { "leer más", X }, { "responder", X },

  /* Russian */
  { "поиск по этому блогу", X }, { "подписчики", X }, { "автор", P | F },
  { "опубликовал", P | F }, { "опубликовала", P | F },
  { "комментариев нет", X | F }, { "нет комментариев", X | F },
  { "комментарии", X | F }, { "комментариев", X | F }, { "комментарий", X | F },
  { "комментария", X | F }, { "отправить по электронной почте", P | F },
  { "написать об этом в блоге", P | F }, { "поделиться в", P | F },
  { "опубликовать в", P | F }, { "ярлыки", P | F }, { "метки", P | F },
  { "следующее", P | F }, { "предыдущее", X | F }, { "новое сообщение", P | F },
  { "предыдущее сообщение", P | F }, { "более новые сообщения", X | F },
  { "более старые сообщения", X | F }, { "главная страница", X },
  { "главная", X }, { "подписаться на", P | F }, { "комментарии к сообщению", P | F },
  { "архив блога", X | F }, { "обо мне", X | F }, { "просмотреть профиль", X | F },
  { "технологии blogger", P | F }, { "тема простая", P | F },
  { "отправить комментарий", X | F }, { "популярные сообщения", X | F },
  { "сообщить о нарушении", X | F }, { "поделиться", X | F },
  { "получить ссылку", X }, { "другие приложения", X }, { "ещё", X },
  { "показать все", X }, { "перейти к содержимому", X }, { "опубликовано", P },
  { "рубрики", P | F }, { "рубрика", P | F }, { "оставьте комментарий", X | F },
  { "добавить комментарий", X | F }, { "отменить ответ", X | F },
  { "нравится", X | F }, { "загрузка", X }, { "похожее", X | F },
  { "навигация по записям", X | F }, { "предыдущая запись", X | F },
  { "следующая запись", X | F }, { "свежие записи", X | F },
  { "свежие комментарии", X | F }, { "архивы", X | F }, { "поиск", X },
  { "читать далее", X }, { "ответить", X },

  /* Ukrainian */
  { "пошук у цьому блозі", X }, { "читачі", X }, { "підписники", X },
  { "опубліковано користувачем", P | F }, { "опублікував", P | F }, { "опублікувала", P | F },
  { "немає коментарів", X | F }, { "коментарів немає", X | F },
  { "коментарі", X | F }, { "коментарів", X | F }, { "коментар", X | F },
  { "надіслати електронною поштою", P | F }, { "опублікувати в блозі", P | F },
  { "поділитися в", P | F }, { "опублікувати у", P | F }, { "мітки", P | F },
  { "ярлики", P | F }, { "новіша публікація", P | F }, { "старіша публікація", P | F },
  { "новіші публікації", P | F }, { "старіші публікації", X | F },
  { "головна сторінка", X }, { "головна", X }, { "підписатися на", P | F },
  { "дописати коментарі", P | F }, { "архів блогу", X | F }, { "про мене", X | F },
  { "переглянути мій повний профіль", X | F }, { "технології blogger", P | F },
  { "тема прості", P | F }, { "дописати коментар", X | F },
  { "популярні публікації", X | F }, { "повідомити про порушення", X | F },
  { "поділитися", X | F }, { "отримати посилання", X }, { "інші додатки", X },
  { "перейти до вмісту", X }, { "опубліковано", P }, { "категорії", P | F },
  { "позначки", P | F }, { "залишити коментар", X | F },
  { "залишити відповідь", X | F }, { "скасувати відповідь", X | F },
  { "подобається", X | F }, { "завантаження", X }, { "пов язане", X | F },
  { "повязане", X | F }, { "навігація записів", X | F },
  { "попередній запис", X | F }, { "наступний запис", X | F },
  { "останні записи", X | F }, { "останні коментарі", X | F },
  { "архіви", X | F }, { "пошук", X }, { "читати далі", X }, { "відповісти", X },

  /* Italian */
  { "cerca nel blog", X }, { "cerca in questo blog", X }, { "lettori fissi", X },
  { "pubblicato da", P | F }, { "nessun commento", X | F }, { "commenti", X | F },
  { "commento", X | F }, { "invia tramite email", P | F }, { "postalo sul blog", P | F },
  { "condividi su", P | F }, { "etichette", P | F }, { "post più recente", P | F },
  { "post più vecchio", P | F }, { "post più recenti", X | F },
  { "post più vecchi", X | F }, { "home page", X }, { "iscriviti a", P | F },
  { "commenti sul post", P | F }, { "archivio blog", X | F },
  { "informazioni personali", X | F }, { "chi sono", X | F },
  { "visualizza il mio profilo completo", X | F }, { "tecnologia blogger", P | F },
  { "tema semplice", P | F }, { "posta un commento", X | F },
  { "post più popolari", X | F }, { "segnala una violazione", X | F },
  { "condividi", X | F }, { "ottieni link", X }, { "altre app", X },
  { "mostra altro", X }, { "vai al contenuto", X }, { "pubblicato il", P },
  { "categorie", P | F }, { "tag", P | F }, { "lascia un commento", X | F },
  { "annulla risposta", X | F }, { "mi piace", X | F }, { "caricamento", X },
  { "correlati", X | F }, { "navigazione articoli", X | F },
  { "articolo precedente", X | F }, { "articolo successivo", X | F },
  { "articoli recenti", X | F }, { "commenti recenti", X | F }, { "archivi", X | F },
  { "cerca", X }, { "leggi tutto", X }, { "rispondi", X },

  /* Portuguese */
  { "pesquisar neste blog", X }, { "pesquisar este blog", X },
  { "postado por", P | F }, { "publicada por", P | F },
  { "nenhum comentário", X | F }, { "sem comentários", X | F },
  { "comentários", X | F }, { "comentário", X | F }, { "enviar por e mail", P | F },
  { "postar no blog", P | F }, { "compartilhar no", P | F },
  { "compartilhar com o", P | F }, { "partilhar no", P | F }, { "marcadores", P | F },
  { "postagem mais recente", P | F }, { "postagem mais antiga", P | F },
  { "postagens mais recentes", X | F }, { "postagens mais antigas", X | F },
  { "mensagem mais recente", P | F }, { "mensagem antiga", X | F },
  { "página inicial", X }, { "assinar", P | F }, { "subscrever", P | F },
  { "postar comentários", P | F }, { "enviar feedback", P | F },
  { "arquivo do blog", X | F }, { "quem sou eu", X | F }, { "acerca de mim", X | F },
  { "ver meu perfil completo", X | F }, { "ver o meu perfil completo", X | F },
  { "tecnologia do blogger", P | F }, { "tema simples", P | F },
  { "postar um comentário", X | F }, { "enviar um comentário", X | F },
  { "postagens populares", X | F }, { "mensagens populares", X | F },
  { "compartilhar", X | F }, { "partilhar", X | F }, { "gerar link", X },
  { "outros aplicativos", X }, { "pular para o conteúdo", X },
  { "saltar para o conteúdo", X }, { "publicado em", P }, { "categorias", P | F },
  { "deixe um comentário", X | F }, { "deixe uma resposta", X | F },
  { "cancelar resposta", X | F }, { "curtir isso", X | F }, { "gosto disto", X | F },
  { "carregando", X }, { "relacionado", X | F }, { "navegação de posts", X | F },
  { "post anterior", X | F }, { "próximo post", X | F }, { "posts recentes", X | F },
  { "comentários recentes", X | F }, { "arquivos", X | F }, { "pesquisar", X },
  { "leia mais", X }, { "responder", X },
};

#undef X
#undef P
#undef F

typedef struct
{
  const char *word;
  guint8      month;
} MonthName;

/* Every form a month name takes in a date: nominative, genitive (lt, pl,
 * ru, uk: "27 listopada", "lapkričio 27 d."), locative, and the usual
 * abbreviations. Numbers agree across languages, so one table serves all. */
static const MonthName months[] = {
  /* English */
  { "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 },
  { "may", 5 }, { "june", 6 }, { "july", 7 }, { "august", 8 },
  { "september", 9 }, { "october", 10 }, { "november", 11 }, { "december", 12 },
  { "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 }, { "jun", 6 },
  { "jul", 7 }, { "aug", 8 }, { "sep", 9 }, { "sept", 9 }, { "oct", 10 },
  { "nov", 11 }, { "dec", 12 },
  /* Lithuanian */
  { "sausis", 1 }, { "vasaris", 2 }, { "kovas", 3 }, { "balandis", 4 },
  { "gegužė", 5 }, { "birželis", 6 }, { "liepa", 7 }, { "rugpjūtis", 8 },
  { "rugsėjis", 9 }, { "spalis", 10 }, { "lapkritis", 11 }, { "gruodis", 12 },
  { "sausio", 1 }, { "vasario", 2 }, { "kovo", 3 }, { "balandžio", 4 },
  { "gegužės", 5 }, { "birželio", 6 }, { "liepos", 7 }, { "rugpjūčio", 8 },
  { "rugsėjo", 9 }, { "spalio", 10 }, { "lapkričio", 11 }, { "gruodžio", 12 },
  { "saus", 1 }, { "vas", 2 }, { "kov", 3 }, { "bal", 4 }, { "geg", 5 },
  { "birž", 6 }, { "liep", 7 }, { "rugp", 8 }, { "rugs", 9 }, { "spal", 10 },
  { "lapkr", 11 }, { "gruod", 12 },
  /* Polish */
  { "styczeń", 1 }, { "luty", 2 }, { "marzec", 3 }, { "kwiecień", 4 },
  { "maj", 5 }, { "czerwiec", 6 }, { "lipiec", 7 }, { "sierpień", 8 },
  { "wrzesień", 9 }, { "październik", 10 }, { "listopad", 11 }, { "grudzień", 12 },
  { "stycznia", 1 }, { "lutego", 2 }, { "marca", 3 }, { "kwietnia", 4 },
  { "maja", 5 }, { "czerwca", 6 }, { "lipca", 7 }, { "sierpnia", 8 },
  { "września", 9 }, { "października", 10 }, { "listopada", 11 }, { "grudnia", 12 },
  { "styczniu", 1 }, { "lutym", 2 }, { "marcu", 3 }, { "kwietniu", 4 },
  { "maju", 5 }, { "czerwcu", 6 }, { "lipcu", 7 }, { "sierpniu", 8 },
  { "wrześniu", 9 }, { "październiku", 10 }, { "listopadzie", 11 }, { "grudniu", 12 },
  { "sty", 1 }, { "lut", 2 }, { "kwi", 4 }, { "cze", 6 }, { "lip", 7 },
  { "sie", 8 }, { "wrz", 9 }, { "paź", 10 }, { "lis", 11 }, { "gru", 12 },
  /* German */
  { "januar", 1 }, { "jänner", 1 }, { "februar", 2 }, { "feber", 2 },
  { "märz", 3 }, { "mai", 5 }, { "juni", 6 }, { "juli", 7 }, { "oktober", 10 },
  { "dezember", 12 }, { "mär", 3 }, { "mrz", 3 }, { "okt", 10 }, { "dez", 12 },
  /* French */
  { "janvier", 1 }, { "février", 2 }, { "mars", 3 }, { "avril", 4 },
  { "juin", 6 }, { "juillet", 7 }, { "août", 8 }, { "septembre", 9 },
  { "octobre", 10 }, { "novembre", 11 }, { "décembre", 12 }, { "janv", 1 },
  { "févr", 2 }, { "fév", 2 }, { "avr", 4 }, { "juil", 7 }, { "déc", 12 },
  /* Spanish */
  { "enero", 1 }, { "febrero", 2 }, { "marzo", 3 }, { "abril", 4 },
  { "mayo", 5 }, { "junio", 6 }, { "julio", 7 }, { "agosto", 8 },
  { "septiembre", 9 }, { "setiembre", 9 }, { "octubre", 10 },
  { "noviembre", 11 }, { "diciembre", 12 }, { "ene", 1 }, { "abr", 4 },
  { "ago", 8 }, { "dic", 12 },
  /* Russian */
  { "январь", 1 }, { "февраль", 2 }, { "март", 3 }, { "апрель", 4 },
  { "май", 5 }, { "июнь", 6 }, { "июль", 7 }, { "август", 8 },
  { "сентябрь", 9 }, { "октябрь", 10 }, { "ноябрь", 11 }, { "декабрь", 12 },
  { "января", 1 }, { "февраля", 2 }, { "марта", 3 }, { "апреля", 4 },
  { "мая", 5 }, { "июня", 6 }, { "июля", 7 }, { "августа", 8 },
  { "сентября", 9 }, { "октября", 10 }, { "ноября", 11 }, { "декабря", 12 },
  { "январе", 1 }, { "феврале", 2 }, { "марте", 3 }, { "апреле", 4 },
  { "мае", 5 }, { "июне", 6 }, { "июле", 7 }, { "августе", 8 },
  { "сентябре", 9 }, { "октябре", 10 }, { "ноябре", 11 }, { "декабре", 12 },
  { "янв", 1 }, { "фев", 2 }, { "февр", 2 }, { "мар", 3 }, { "апр", 4 },
  { "июн", 6 }, { "июл", 7 }, { "авг", 8 }, { "сен", 9 }, { "сент", 9 },
  { "окт", 10 }, { "ноя", 11 }, { "нояб", 11 }, { "дек", 12 },
  /* Ukrainian */
  { "січень", 1 }, { "лютий", 2 }, { "березень", 3 }, { "квітень", 4 },
  { "травень", 5 }, { "червень", 6 }, { "липень", 7 }, { "серпень", 8 },
  { "вересень", 9 }, { "жовтень", 10 }, { "листопад", 11 }, { "грудень", 12 },
  { "січня", 1 }, { "лютого", 2 }, { "березня", 3 }, { "квітня", 4 },
  { "травня", 5 }, { "червня", 6 }, { "липня", 7 }, { "серпня", 8 },
  { "вересня", 9 }, { "жовтня", 10 }, { "листопада", 11 }, { "грудня", 12 },
  { "січні", 1 }, { "лютому", 2 }, { "березні", 3 }, { "квітні", 4 },
  { "травні", 5 }, { "червні", 6 }, { "липні", 7 }, { "серпні", 8 },
  { "вересні", 9 }, { "жовтні", 10 }, { "листопаді", 11 }, { "грудні", 12 },
  { "січ", 1 }, { "лют", 2 }, { "бер", 3 }, { "квіт", 4 }, { "трав", 5 },
  { "черв", 6 }, { "лип", 7 }, { "серп", 8 }, { "вер", 9 }, { "жовт", 10 },
  { "лист", 11 }, { "груд", 12 },
  /* Italian */
  { "gennaio", 1 }, { "febbraio", 2 }, { "aprile", 4 }, { "maggio", 5 },
  { "giugno", 6 }, { "luglio", 7 }, { "settembre", 9 }, { "ottobre", 10 },
  { "dicembre", 12 }, { "gen", 1 }, { "mag", 5 }, { "giu", 6 }, { "lug", 7 },
  { "set", 9 }, { "sett", 9 }, { "ott", 10 },
  /* Roman numerals, as Polish and Lithuanian dates write them: "27 XI 2025" */
  { "i", 1 }, { "ii", 2 }, { "iii", 3 }, { "iv", 4 }, { "v", 5 }, { "vi", 6 },
  { "vii", 7 }, { "viii", 8 }, { "ix", 9 }, { "x", 10 }, { "xi", 11 }, { "xii", 12 },
  /* Portuguese */
  { "janeiro", 1 }, { "fevereiro", 2 }, { "março", 3 }, { "maio", 5 },
  { "junho", 6 }, { "julho", 7 }, { "setembro", 9 }, { "outubro", 10 },
  { "novembro", 11 }, { "dezembro", 12 }, { "fev", 2 }, { "out", 10 },
};

static const char * const weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  "pirmadienis", "antradienis", "trečiadienis", "ketvirtadienis",
  "penktadienis", "šeštadienis", "sekmadienis",
  "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
  "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
  "sonnabend", "sonntag",
  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
  "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
  "понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
  "воскресенье", "пн", "вт", "ср", "чт", "пт", "сб", "вс",
  "понеділок", "вівторок", "середа", "четвер", "п'ятниця", "пятниця",
  "субота", "неділя",
  "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
  "lunedi", "martedi", "mercoledi", "giovedi", "venerdi",
  "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira",
  "sexta-feira", "segunda", "terça", "quarta", "quinta", "sexta",
};

/* Words a date line may carry around the date itself. */
static const char * const fillers[] = {
  "posted", "published", "updated", "last", "modified", "on", "at", "am", "pm",
  "date", "the", "uhr", "um", "veröffentlicht", "aktualisiert", "datum", "den",
  "publié", "mis", "à", "jour", "le", "h", "publicado", "actualizado", "el",
  "fecha", "a", "las", "pubblicato", "aggiornato", "il", "alle", "ore",
  "atualizado", "em", "às", "opublikowano", "zaktualizowano", "dodano",
  "godz", "r", "roku", "опубликовано", "обновлено", "дата", "г", "года",
  "в", "опубліковано", "оновлено", "р", "року", "о", "об", "paskelbta",
  "atnaujinta", "val", "m", "d", "st", "nd", "rd", "th", "er", "º", "ª",
  "utc", "gmt", "cet", "cest", "eet", "eest", "est", "edt", "pst", "pdt",
  "msk", "et", "bst", "t", "z", "mėn",
};

/* Words between the parts of a date: "27 de noviembre de 2025",
 * "2025 m. lapkričio 27 d.", "the 27th of November". */
static const char * const joiners[] = {
  "de", "del", "of", "the", "m", "d", "den", "st", "nd", "rd", "th", "er",
  "º", "ª", "mėn",
};

static const char * const by_words[] = {
  "by", "von", "par", "por", "di", "da", "de", "przez", "autor", "autorius",
  "autorė", "autoriai", "автор", "авторы", "автори", "від", "от",
  "texto", "text", "tekstas", "текст",
};

static const char * const and_words[] = {
  "and", "und", "et", "y", "e", "i", "ir", "и", "і", "та", "oraz",
};

static const char * const not_name_words[] = {
  "the", "press", "news", "times", "post", "journal", "agency", "staff",
  "writer", "writers", "reporter", "reporters", "correspondent", "editor",
  "editors", "contributor", "bureau", "chief", "senior", "associated",
  "reuters", "bloomberg", "afp", "ap", "service", "desk", "team", "wire",
  "korrespondent", "korrespondentin", "redaktion", "redakteur", "redakteurin",
  "rédaction", "correspondant", "correspondante", "envoyé", "envoyée",
  "redacción", "corresponsal", "корреспондент", "редакция", "кореспондент",
  "редакція", "redakcja", "korespondent", "korespondentas", "korespondentė",
  "redakcija", "redazione", "corrispondente", "redação", "correspondente",
  "agencia", "agenzia", "agentur", "agence", "agência", "agencja", "агентство",
  "агенція", "naujienų", "agentūra",
};

static const char * const source_labels[] = {
  "source", "sources", "šaltinis", "šaltiniai", "źródło", "źródła", "quelle",
  "quellen", "fuente", "fuentes", "источник", "источники", "джерело",
  "джерела", "fonte", "fontes", "via", "originally published in",
  "originally published at", "first published in", "published in",
  "paskelbta leidinyje", "opublikowano w", "erschienen in", "paru dans",
  "publicado en", "publicado em", "pubblicato su", "опубликовано в",
  "опубліковано в",
};

static const char * const edition_words[] = {
  "edition", "ed", "ausgabe", "édition", "edición", "edizione", "edição",
  "wydanie", "leidimas", "издание", "выпуск", "видання", "випуск",
};

/* Short, frequent function words; enough to tell the languages apart on a
 * few hundred words of body text. */
static const char * const stop_en[] = {
  "the", "and", "of", "to", "in", "is", "that", "for", "it", "was", "on",
  "with", "he", "as", "said", "his", "they", "at", "by", "this", "from",
  "have", "has", "are", "were", "would", "not", "but", "an", "which", NULL
};
static const char * const stop_lt[] = {
  "ir", "kad", "yra", "su", "į", "iš", "buvo", "tai", "bet", "kaip", "jis",
  "ji", "o", "taip", "nuo", "apie", "dėl", "už", "jo", "jų", "kuris",
  "kurie", "bus", "ne", "tačiau", "jog", "šis", "per", "prie", "metų", NULL
};
static const char * const stop_pl[] = {
  "i", "w", "nie", "na", "się", "że", "z", "do", "to", "jest", "jak", "o",
  "ale", "po", "co", "tak", "za", "od", "przez", "jego", "był", "była",
  "które", "który", "już", "dla", "oraz", "tym", "są", "także", NULL
};
static const char * const stop_de[] = {
  "der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des",
  "auf", "für", "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch",
  "es", "an", "er", "hat", "aus", "bei", "sie", "nach", "wurde", NULL
};
static const char * const stop_fr[] = {
  "le", "la", "les", "de", "des", "et", "en", "du", "un", "une", "est",
  "que", "qui", "dans", "pour", "pas", "sur", "au", "il", "par", "ne",
  "plus", "avec", "se", "ce", "a", "aux", "ont", "été", "sont", NULL
};
static const char * const stop_es[] = {
  "el", "la", "de", "que", "y", "en", "los", "del", "se", "las", "por",
  "un", "una", "para", "con", "no", "es", "al", "lo", "como", "más", "su",
  "pero", "sus", "le", "ha", "fue", "este", "entre", "también", NULL
};
static const char * const stop_ru[] = {
  "и", "в", "не", "на", "что", "с", "по", "он", "как", "это", "к", "из",
  "у", "за", "от", "о", "так", "его", "но", "для", "был", "была", "были",
  "же", "который", "также", "уже", "или", "чтобы", "ещё", NULL
};
static const char * const stop_uk[] = {
  "і", "в", "у", "не", "на", "що", "з", "та", "до", "як", "це", "за", "від",
  "й", "його", "але", "для", "був", "була", "були", "який", "також", "вже",
  "чи", "щоб", "ще", "із", "про", "під", "має", NULL
};
static const char * const stop_it[] = {
  "il", "di", "che", "e", "la", "in", "per", "un", "una", "del", "della",
  "non", "con", "le", "si", "da", "dei", "al", "è", "sono", "ha", "gli",
  "anche", "nel", "alla", "più", "come", "ma", "questo", "stato", NULL
};
static const char * const stop_pt[] = {
  "o", "a", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "com",
  "não", "os", "as", "no", "na", "por", "mais", "dos", "das", "se", "ao",
  "foi", "como", "mas", "é", "seu", "sua", "também", NULL
};

static const DossierLanguageData languages[] = {
  { "en", stop_en, NULL },
  { "lt", stop_lt, "ąčęėįšųūž" },
  { "pl", stop_pl, "ąćęłńśźż" },
  { "de", stop_de, "äöüß" },
  { "fr", stop_fr, "çœèêëîïûù" },
  { "es", stop_es, "ñ¿¡" },
  { "ru", stop_ru, "ыэъё" },
  { "uk", stop_uk, "іїєґ" },
  { "it", stop_it, "ìò" },
  { "pt", stop_pt, "ãõ" },
};

/**
 * _dossier_text_lexicon_normalize:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1
 *
 * The form in which lines are compared with the lexicon: lower case,
 * letters and digits only, one space between words, counters at either end
 * ("12 comments", "Comments (3)") removed.
 *
 * Returns: (transfer full): the normalised text
 */
char *
_dossier_text_lexicon_normalize (const char *text,
                                 gssize      length)
{
  GString *out = g_string_sized_new (length < 0 ? 64 : (gsize)length);
  const char *p = text;
  const char *end = length < 0 ? text + strlen (text) : text + length;
  gboolean space = FALSE;
  char *s;
  char *e;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          p++;
          continue;
        }
      p = g_utf8_next_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, g_unichar_tolower (c));
        }
      else if (c == '\'' || c == 0x2019 || c == 0x02BC)
        {
          /* "s'abonner", "п’ятниця": keep the word together */
          if (out->len > 0 && !space)
            {
              space = TRUE;
            }
        }
      else
        space = TRUE;
    }

  s = g_string_free (out, FALSE);

  /* drop counters at either end */
  e = s + strlen (s);
  while (e > s)
    {
      char *w = e;

      while (w > s && w[-1] != ' ')
        w--;
      if (!g_ascii_isdigit (*w) || w == s)
        break;
      for (char *q = w; q < e; q++)
        if (!g_ascii_isdigit (*q))
          goto done_tail;
      e = w > s ? w - 1 : w;
      *e = '\0';
    }
done_tail:
  {
    char *b = s;

    while (g_ascii_isdigit (*b))
      {
        char *q = b;

        while (g_ascii_isdigit (*q))
          q++;
        if (*q == ' ')
          b = q + 1;
        else
          break;
      }
    if (b != s)
      memmove (s, b, strlen (b) + 1);
  }

  return s;
}

static GHashTable *exact_table;
static GPtrArray  *prefix_list;
static GHashTable *word_table;
static GHashTable *source_table;
static GHashTable *edition_table;

static GHashTable *
normalized_set (const char * const *list,
                guint               n)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    g_hash_table_add (set, _dossier_text_lexicon_normalize (list[i], -1));

  return set;
}

static void
add_words (const char * const *list,
           guint               n,
           guint               flag)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_utf8_casefold (list[i], -1);
      DossierWordInfo *info = g_hash_table_lookup (word_table, key);

      if (info == NULL)
        {
          info = g_new0 (DossierWordInfo, 1);
          g_hash_table_insert (word_table, g_steal_pointer (&key), info);
        }
      info->flags |= flag;
    }
}

static gpointer
init_tables (gpointer data)
{
  exact_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  prefix_list = g_ptr_array_new ();
  word_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (chrome); i++)
    {
      char *norm = _dossier_text_lexicon_normalize (chrome[i].phrase, -1);

      if (chrome[i].flags & DOSSIER_CHROME_PREFIX)
        {
          /* kept as a pair: normalised phrase, flags */
          g_ptr_array_add (prefix_list, norm);
          g_ptr_array_add (prefix_list, GUINT_TO_POINTER (chrome[i].flags));
        }
      else
        {
          guint old = GPOINTER_TO_UINT (g_hash_table_lookup (exact_table, norm));

          g_hash_table_replace (exact_table, norm,
                                GUINT_TO_POINTER (old | chrome[i].flags | DOSSIER_CHROME_MATCH));
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_autofree char *key = g_utf8_casefold (months[i].word, -1);
      DossierWordInfo *info = g_hash_table_lookup (word_table, key);

      if (info == NULL)
        {
          info = g_new0 (DossierWordInfo, 1);
          g_hash_table_insert (word_table, g_steal_pointer (&key), info);
        }
      info->flags |= DOSSIER_WORD_MONTH;
      info->month = months[i].month;
    }

  add_words (weekdays, G_N_ELEMENTS (weekdays), DOSSIER_WORD_WEEKDAY);
  add_words (fillers, G_N_ELEMENTS (fillers), DOSSIER_WORD_FILLER);
  add_words (joiners, G_N_ELEMENTS (joiners), DOSSIER_WORD_JOINER);
  add_words (by_words, G_N_ELEMENTS (by_words), DOSSIER_WORD_BY);
  add_words (and_words, G_N_ELEMENTS (and_words), DOSSIER_WORD_AND);
  add_words (not_name_words, G_N_ELEMENTS (not_name_words), DOSSIER_WORD_NOT_NAME);

  source_table = normalized_set (source_labels, G_N_ELEMENTS (source_labels));
  edition_table = normalized_set (edition_words, G_N_ELEMENTS (edition_words));

  return NULL;
}

static void
ensure_tables (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_tables, NULL);
}

/**
 * _dossier_text_lexicon_chrome:
 * @normalized: a line normalised with _dossier_text_lexicon_normalize()
 *
 * Returns: 0 when the line is not page furniture, else
 *   %DOSSIER_CHROME_MATCH and the #DossierChromeFlags of the entry
 */
guint
_dossier_text_lexicon_chrome (const char *normalized)
{
  gpointer found;
  gsize len = strlen (normalized);

  ensure_tables ();

  if (len == 0)
    return DOSSIER_CHROME_MATCH;

  found = g_hash_table_lookup (exact_table, normalized);
  if (found != NULL)
    return GPOINTER_TO_UINT (found);

  for (guint i = 0; i < prefix_list->len; i += 2)
    {
      const char *phrase = g_ptr_array_index (prefix_list, i);
      gsize plen = strlen (phrase);

      gboolean one_word = strchr (phrase, ' ') == NULL;

      /* several words may run into the next button ("Email ThisBlogThis!");
       * one word must end where a word ends */
      if (len >= plen && memcmp (normalized, phrase, plen) == 0 &&
          (normalized[plen] == '\0' || normalized[plen] == ' ' || (!one_word && plen >= 8)))
        return GPOINTER_TO_UINT (g_ptr_array_index (prefix_list, i + 1)) | DOSSIER_CHROME_MATCH |
               (one_word ? DOSSIER_CHROME_ONE_WORD : 0) |
               (plen <= 12 ? DOSSIER_CHROME_SHORT : 0);
    }

  return 0;
}

/**
 * _dossier_text_lexicon_word:
 * @word: one word of a line, as written
 * @length: its length in bytes
 *
 * Returns: what the lexicon knows about @word
 */
DossierWordInfo
_dossier_text_lexicon_word (const char *word,
                            gsize       length)
{
  DossierWordInfo none = { 0, 0 };
  g_autofree char *key = NULL;
  DossierWordInfo *info;

  ensure_tables ();

  if (length == 0 || length > 64)
    return none;

  key = g_utf8_casefold (word, length);
  /* "п’ятниця" and "p'ятниця" are the same word */
  if (strstr (key, "\xe2\x80\x99") != NULL || strstr (key, "\xca\xbc") != NULL)
    {
      GString *s = g_string_new (key);

      g_string_replace (s, "\xe2\x80\x99", "'", 0);
      g_string_replace (s, "\xca\xbc", "'", 0);
      g_free (key);
      key = g_string_free (s, FALSE);
    }

  info = g_hash_table_lookup (word_table, key);

  return info ? *info : none;
}

gboolean
_dossier_text_lexicon_is_source_label (const char *normalized)
{
  ensure_tables ();

  return g_hash_table_contains (source_table, normalized);
}

gboolean
_dossier_text_lexicon_is_edition_word (const char *normalized)
{
  ensure_tables ();

  return g_hash_table_contains (edition_table, normalized);
}

const DossierLanguageData *
_dossier_text_lexicon_languages (guint *n_languages)
{
  *n_languages = G_N_ELEMENTS (languages);

  return languages;
}
