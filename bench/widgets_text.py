"""Widget and teaser templates for the plain-text benchmark, as data.

Each template is what a scraper that flattened a post container (or a whole page)
to text saves for one kind of thing that sites put around an article: the strings
are written from how common plugins and themes render (WordPress core comment
form, wpDiscuz, Disqus' noscript notice, Jetpack sharing and "Like" buttons,
Post Views Counter, Mailchimp/Jetpack subscribe boxes, theme tag lines).

Placeholders, filled by ``bench/textdumps.py``:
``{site}`` site name, ``{n}`` / ``{m}`` numbers, ``{n:,}`` with thousands separators,
``{tags}`` comma-separated tags, ``{cat}`` a category, ``{author}`` a person's name.

Nothing here is read by the extractor: it only builds test inputs.
"""
from __future__ import annotations

#: Headings that open a related-teaser block, by language. Casing varies on purpose.
RELATED_MARKERS: dict[str, list[str]] = {
    "en": [
        "Related Article", "Related Articles", "RELATED ARTICLES", "Related Posts",
        "Related posts:", "related stories", "You may also like", "You Might Also Like",
        "YOU MAY ALSO LIKE", "More from {site}", "More From {site}", "MORE FROM {site}",
        "Read next", "Read Next", "READ NEXT", "Recommended for you", "More Stories",
        "Trending Now", "Don't Miss", "Popular Posts", "Recent Posts", "Latest News",
        "Also on {site}", "Keep Reading", "What to read next",
    ],
    "fr": ["Articles similaires", "À lire aussi", "Vous aimerez aussi", "Plus de {site}",
           "À LIRE AUSSI", "Sur le même sujet"],
    "de": ["Ähnliche Artikel", "Das könnte Sie auch interessieren", "Mehr von {site}",
           "Auch interessant", "WEITERE ARTIKEL"],
    "es": ["Artículos relacionados", "También te puede interesar", "Más de {site}",
           "Lee también", "TE PUEDE INTERESAR"],
    "it": ["Articoli correlati", "Potrebbe interessarti anche", "Altro da {site}", "Leggi anche"],
    "pt": ["Artigos relacionados", "Você também pode gostar", "Mais de {site}", "Leia também"],
    "nl": ["Gerelateerde artikelen", "Dit vind je misschien ook leuk", "Meer van {site}",
           "Lees ook"],
}

#: Headings for the held-out check (``run_text.py``: container dumps with every heading of
#: RELATED_MARKERS replaced by one of these): real-world wordings that boilerstrip's
#: tables do not hold, so teasers must be found by their shape and position alone.
UNSEEN_RELATED_MARKERS = ["Elsewhere on the site", "From our network", "Around the web",
                          "Our picks", "Before you go", "In other news"]

#: How a teaser's excerpt ends: "" = cut mid-sentence, the rest are appended.
TEASER_ENDINGS = ["", "", "", "…", " …", "...", " ...", " [...]", " […]"]

#: Optional line after a teaser's excerpt.
TEASER_AFTER: dict[str, list[str]] = {
    "en": ["Read more", "Read More »", "Continue reading →", "Read the full story"],
    "fr": ["Lire la suite"], "de": ["Weiterlesen"], "es": ["Leer más"], "it": ["Continua a leggere"],
    "pt": ["Leia mais"], "nl": ["Lees meer"],
}

#: View counters (one line each). ``{n}`` total views, ``{m}`` views today (m <= n).
VIEW_COUNTERS: dict[str, list[str]] = {
    "en": [
        "Visited {n} times, {m} visit(s) today", "{n:,} views", "{n} Views", "Views: {n}",
        "Post Views: {n}", "Post Views: {n:,}", "This post has been viewed {n} times.",
        "Hits: {n}", "{n:,} reads", "Read {n} times",
    ],
    "fr": ["{n} vues", "Vu {n} fois"],
    "de": ["{n} Aufrufe", "Aufrufe: {n}"],
    "es": ["{n} visitas", "Visto {n} veces"],
    "it": ["Visualizzazioni: {n}"],
    "pt": ["{n} visualizações"],
    "nl": ["{n} keer bekeken"],
}

#: Comment widgets as flattened lines; "" marks a blank line inside the widget.
COMMENT_WIDGETS: dict[str, list[list[str]]] = {
    "en": [
        # wpDiscuz, collapsed (as in the seed document)
        ["0", "Would love your thoughts, please comment.x", "()", "x"],
        # wpDiscuz, open form
        ["Subscribe", "Login", "Notify of", "new follow-up comments",
         "new replies to my comments", "", "Name*", "Email*", "Website", "",
         "{n} Comments", "Inline Feedbacks", "View all comments",
         "Would love your thoughts, please comment.x", "()", "x"],
        # WordPress core comment form
        ["Leave a Reply Cancel reply",
         "Your email address will not be published. Required fields are marked *",
         "Comment", "Name *", "Email *", "Website",
         "Save my name, email, and website in this browser for the next time I comment.",
         "Post Comment"],
        ["Leave a Comment Cancel reply",
         "Your email address will not be published. Required fields are marked *",
         "Type here..", "Name*", "Email*", "Website",
         "Save my name, email, and website in this browser for the next time I comment.",
         "Δ",
         "This site uses Akismet to reduce spam. Learn how your comment data is processed."],
        ["{n} thoughts on “{title}”", "", "Comments are closed."],
        ["Leave a Reply", "You must be logged in to post a comment."],
        # Disqus (its iframe is not in the page text, only the notices)
        ["comments powered by Disqus"],
        ["Please enable JavaScript to view the comments powered by Disqus."],
        ["{n} Comments", "", "comments powered by Disqus"],
        # Facebook comments plugin and generic themes
        ["{n} comments", "Sort by", "Oldest", "Facebook Comments Plugin"],
        ["Comments", "No comments yet. Be the first to share your thoughts!"],
        ["Join the conversation", "Add a comment", "{n} Comments"],
    ],
    "fr": [["Laisser un commentaire Annuler la réponse",
            "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
            "Commentaire", "Nom *", "E-mail *", "Site web",
            "Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire.",
            "Laisser un commentaire"]],
    "de": [["Schreibe einen Kommentar Antworten abbrechen",
            "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
            "Kommentar", "Name *", "E-Mail *", "Website",
            "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser für die nächste Kommentierung speichern.",
            "Kommentar abschicken"]],
    "es": [["Deja una respuesta Cancelar la respuesta",
            "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *",
            "Comentario", "Nombre *", "Correo electrónico *", "Web",
            "Guarda mi nombre, correo electrónico y web en este navegador para la próxima vez que comente.",
            "Publicar el comentario"]],
}

#: Share bars (Jetpack and friends). "" marks a blank line inside the widget.
SHARE_BARS: dict[str, list[list[str]]] = {
    "en": [
        ["Share this:", "Facebook", "X", "Email", "Print", "", "Like this:", "Like Loading..."],
        ["Share this:", "Click to share on X (Opens in new window)",
         "Click to share on Facebook (Opens in new window)",
         "Click to email a link to a friend (Opens in new window)", "",
         "Like this:", "Like Loading..."],
        ["Share", "Tweet", "Pin", "Email"],
        ["SHARE", "Facebook", "Twitter", "WhatsApp", "Telegram", "Copy Link"],
        ["Share on Facebook", "Share on X", "Share on LinkedIn", "Copy link"],
        ["Share this article", "Facebook Twitter LinkedIn Email"],
        ["Share:", "Facebook", "Pinterest", "Reddit"],
        ["Like this:", "Like Loading...", "", "Related"],
    ],
    "fr": [["Partager :", "Facebook", "X", "E-mail", "Imprimer", "", "J’aime ça :", "J’aime chargement…"]],
    "de": [["Teilen mit:", "Facebook", "X", "E-Mail", "Drucken", "", "Gefällt mir:", "Gefällt mir Wird geladen …"]],
    "es": [["Compartir:", "Facebook", "X", "Correo electrónico", "Imprimir", "", "Me gusta esto:", "Me gusta Cargando..."]],
}

#: Newsletter boxes.
NEWSLETTERS: dict[str, list[list[str]]] = {
    "en": [
        ["Subscribe to our newsletter", "Get the latest stories delivered to your inbox every week.",
         "Email address", "Subscribe"],
        ["Sign up for our newsletter", "Enter your email", "Sign Up",
         "By signing up, you agree to our Terms of Use and Privacy Policy."],
        ["Never miss a story", "Get our free daily newsletter with the top headlines from {site}.",
         "Your email", "Subscribe now"],
        ["Subscribe to Blog via Email",
         "Enter your email address to subscribe to this blog and receive notifications of new posts by email.",
         "Email Address", "Subscribe", "Join {n:,} other subscribers"],
        ["NEWSLETTER", "Stay in the loop! Sign up for the {site} newsletter.", "Sign me up"],
        ["Get the best of {site} in your inbox", "Thank you for subscribing!",
         "Something went wrong. Please try again."],
    ],
    "fr": [["Abonnez-vous à notre newsletter", "Recevez chaque semaine nos meilleurs articles.",
            "Adresse e-mail", "S’abonner"]],
    "de": [["Newsletter abonnieren", "Die wichtigsten Nachrichten jeden Morgen in Ihrem Postfach.",
            "E-Mail-Adresse", "Anmelden"]],
    "es": [["Suscríbete a nuestro boletín", "Recibe las mejores historias en tu correo.",
            "Correo electrónico", "Suscribirme"]],
}

#: Tag lines; each entry is a list of lines.
TAG_LINES: dict[str, list[list[str]]] = {
    "en": [
        ["Tags: {tags}"], ["Filed under: {cat}"], ["Tagged: {tags}"],
        ["Posted in {cat} | Tagged {tags} | Leave a comment"],
        ["Categories: {cat}", "Tags: {tags}"], ["Topics: {tags}"],
        ["TAGS", "{tags_lines}"], ["Filed Under: {cat} Tagged With: {tags}"],
    ],
    "fr": [["Mots-clés : {tags}"], ["Catégories : {cat}"]],
    "de": [["Schlagwörter: {tags}"], ["Kategorie: {cat}"]],
    "es": [["Etiquetas: {tags}"], ["Archivado en: {cat}"]],
}

CATEGORIES = ["News", "Business", "Lifestyle", "Technology", "Health", "World", "Opinion",
              "Food & Drink", "Travel", "Science", "Uncategorized", "Reviews", "Guides"]

#: Author boxes ("byline-box").
AUTHOR_BOXES: list[list[str]] = [
    ["About the Author", "{author}",
     "{author} is a staff writer at {site} covering {cat_lower} and culture.",
     "View all posts by {author}"],
    ["{author}", "Senior Editor", "Follow {author} on X and LinkedIn."],
    ["Written by {author}", "More articles by {author}"],
]

AUTHOR_NAMES = ["Maria Lopez", "James Carter", "Aisha Khan", "Tom Becker", "Sophie Martin",
                "Daniel Kim", "Laura Rossi", "Peter Novak", "Emma Wilson", "Lucas Silva"]

#: In-body promo prefixes; the promo line is "<prefix> <other page's title>".
PROMO_PREFIXES: dict[str, list[str]] = {
    "en": ["READ MORE:", "WATCH:", "ALSO READ:", "Related:", "RELATED:", "SEE ALSO:",
           "Read also:", "MORE:", "LISTEN:", "Also Read:", "Recommended:"],
    "fr": ["Lire aussi :", "À LIRE :"],
    "de": ["Lesen Sie auch:", "Mehr dazu:"],
    "es": ["Leer también:", "LEA TAMBIÉN:"],
}

#: Widget kinds a container dump can end with (``related`` carries the teasers).
WIDGET_KINDS = ["related", "view-counter", "comments", "share", "newsletter", "tags", "author-box"]

# --- site-wide boilerplate for the synthetic "many pages per site" dump -------------

SITE_WORDS = ["Harbor", "Summit", "Meadow", "Copper", "Lantern", "Orbit", "Willow", "Granite",
              "Cedar", "Beacon", "Falcon", "Prairie", "Atlas", "Nimbus", "Juniper", "Quartz"]
SITE_SUFFIXES = ["Times", "Daily", "Post", "Journal", "Review", "Chronicle", "Insider",
                 "Gazette", "Hub", "Weekly", "Notes", "Herald"]
MENU_ITEMS = ["Home", "News", "World", "Business", "Tech", "Science", "Health", "Sports",
              "Culture", "Opinion", "Travel", "Food", "Reviews", "Guides", "Video",
              "Podcasts", "Events", "Shop", "About", "Contact"]
MENU_EXTRAS = [["Skip to content"], ["Menu", "Search"], ["Subscribe", "Sign In"],
               ["Search for:", "Search"], ["Toggle navigation"]]
ABOUT_BOXES = [
    ["About us",
     "{site} is an independent publication covering {topic} since {year}.",
     "We are reader-supported and never publish sponsored posts without saying so."],
    ["About {site}",
     "Founded in {year}, {site} brings you thoughtful reporting on {topic} from a small team of editors.",
     "Learn more about our team"],
    ["Who we are",
     "{site} tells the stories behind {topic}, with new articles every week.",
     "Got a tip? Write to us."],
]
TOPICS = ["technology and society", "food and travel", "science and health",
          "business and the economy", "local news and culture", "the outdoors"]
FOOTERS = [
    ["© {year2} {site}. All rights reserved.", "Privacy Policy", "Terms of Use", "Contact Us"],
    ["Copyright © {year2} {site}", "About", "Advertise", "Careers", "Privacy",
     "Powered by WordPress"],
    ["{site}", "Follow us", "Facebook", "Instagram", "YouTube",
     "© {year2} {site} Media LLC", "Cookie Settings"],
    ["Back to top", "© {site} {year2}", "Sitemap", "Accessibility", "Do Not Sell My Personal Information"],
]
