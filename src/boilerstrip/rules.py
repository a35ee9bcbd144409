"""Data tables: every keyword, phrase, weight and threshold the three stages use.

Nothing here is code that decides; `segment`, `score` and `clean` read these
tables. Patterns are generic (no site's domain or one site's class names) and,
where a phrase is language-bound, given in several languages.
"""
from __future__ import annotations

# --------------------------------------------------------------------------
# Reasons a block can be removed for (what ``Block.reason`` may hold).
# --------------------------------------------------------------------------
REASONS = (
    "related",       # "related articles", "you may also like", "more from ..."
    "teaser",        # a headline + cut-off summary of another story
    "comments",      # comment lists, comment forms, "leave a reply"
    "view-counter",  # "Visited 12 times", "1,234 views"
    "share",         # share bars, "share this", social follow buttons
    "newsletter",    # sign-up / subscribe boxes
    "navigation",    # menus, breadcrumbs, pagination, skip links
    "header",        # site header / masthead
    "footer",        # site footer, copyright lines
    "sidebar",       # side rails and widgets
    "cookie",        # cookie / consent banners
    "promo",         # in-body promos: "READ MORE: ...", "WATCH: ..."
    "ads",           # advertisement slots and labels
    "tags",          # tag lines, "Filed under", category lists
    "byline-box",    # author bio boxes
    "login",         # sign-in / account prompts, modals
    "placeholder",   # a template's filler text left on the page ("Lorem ipsum dolor sit amet")
    "form",          # form fields and labels (search, contact, sign-up forms)
    "caption",       # image captions and credits
    "table",         # table rows, when include_tables=False
    "control",       # buttons and controls: "Add to cart", "Show more", "Reply with quote"
    "meta",          # dates, bylines, ratings and member stats around the text
    "title",         # the page title, reported in ``Article.title`` instead
    "hidden",        # hidden or screen-reader-only text
    "link-list",     # a block made almost entirely of links
    "after-end",     # after the point where the article ends
    "outside-main",  # outside the main content region
    "low-score",     # short, link-heavy or stopword-poor text the scorer rejects
    "duplicate",     # the same text already kept
    "site-repeat",   # repeats across many pages of the same site (batch --site-profile)
)

# --------------------------------------------------------------------------
# Segmentation (HTML)
# --------------------------------------------------------------------------
#: Elements whose whole subtree is never text.
SKIP_TAGS = frozenset(
    "script style template svg math iframe object embed canvas video audio "
    "select option datalist input textarea head title meta link base map area "
    "source track picture dialog".split()
)

#: Elements that start and end a block of text.
BLOCK_TAGS = frozenset(
    "p div section article main header footer nav aside ul ol dl li dt dd "
    "h1 h2 h3 h4 h5 h6 blockquote pre table thead tbody tfoot tr td th caption "
    "figure figcaption form fieldset legend address details summary hr center "
    "body html menu hgroup noscript frame frameset".split()
)

#: Block kind per tag (anything else is a paragraph).
KIND_BY_TAG = {
    "h1": "heading", "h2": "heading", "h3": "heading",
    "h4": "heading", "h5": "heading", "h6": "heading",
    "li": "list_item", "dt": "list_item", "dd": "list_item",
    "blockquote": "quote", "pre": "code",
    "tr": "table_row", "td": "table_row", "th": "table_row",
    "caption": "caption", "figcaption": "caption", "summary": "heading", "legend": "heading",
}

#: Semantic elements that carry a hint by themselves (tag -> hint).
HINT_BY_TAG = {
    "nav": "navigation", "footer": "footer", "aside": "sidebar", "header": "header",
    "form": "form", "article": "content", "main": "main", "figcaption": "caption",
}

#: ARIA roles -> hint.
HINT_BY_ROLE = {
    "navigation": "navigation", "banner": "header", "contentinfo": "footer",
    "complementary": "sidebar", "main": "main", "article": "content",
    "menu": "navigation", "menubar": "navigation", "search": "navigation",
    "dialog": "login", "alertdialog": "cookie", "tablist": "navigation",
}

#: ARIA roles of panels a page hides until a click shows them (tabs): their ``hidden``
#: attribute or ``display: none`` does not make their text hidden.
SHOWN_ROLES = ("tabpanel",)

# Class / id / itemprop tokens -> hint. A token is matched whole after splitting
# the attribute on non-letters and camelCase; the *_PARTS lists also match inside
# longer tokens ("commentlist", "relatedposts").
HINT_TOKENS = {
    "content": "article articlebody post entry entrycontent postbody story storybody storytext "
               "prose markdown richtext hentry blogpost content maincontent postcontent "
               "pagecontent articlecontent",
    "main": "main",
    "navigation": "nav navbar navigation menu menubar breadcrumb breadcrumbs pagination pager "
                  "paging skiplink topbar submenu dropdown megamenu",
    "header": "header masthead topnav",
    "footer": "footer copyright colophon siteinfo disclaimer",
    "sidebar": "sidebar aside rail",
    "related": "related recommended recommendations recirc popular trending mostread "
               "morestories morefrom upnext readnext youmaylike",
    "comments": "comment comments respond replies commentlist commentform",
    "share": "share sharing social sharebar socialshare sharethis",
    "newsletter": "newsletter subscribe subscription signup optin",
    "cookie": "gdpr cmp consent cookieconsent cookienotice cookiebanner cookiebar cookielaw",
    "ads": "ad ads advert advertisement adslot adunit sponsored dfp",
    "promo": "promo cta calltoaction",
    "tags": "tags taglist tagcloud",
    "byline-box": "authorbio authorbox aboutauthor authorinfo",
    "login": "modal popup overlay login signin",
    "meta": "meta postmeta entrymeta articlemeta byline dateline timestamp avatar user userinfo "
            "userdetails userextras usertitle userbanner username postauthor authorname postedby signature",
    "caption": "caption captiontext figcaption photocredit imagecredit",
}
#: Class names (whole, compacted) that hide text from sight.
HIDDEN_CLASSES = frozenset(
    "hidden sronly visuallyhidden screenreadertext screenreaderonly elementinvisible "
    "offscreen dnone hide invisible".split()
)
#: Substrings matched anywhere in a compacted class name (distinctive words only).
HINT_PARTS = {
    "comments": ("comment", "disqus", "discuz"),
    "related": ("related", "recommend", "outbrain", "taboola", "crosssell", "upsell"),
    "share": ("share", "social"),
    "newsletter": ("newsletter",),
    "cookie": ("cookie", "consent"),
    "navigation": ("breadcrumb", "navbar", "navigation", "pagination"),
    "ads": ("advert", "adslot", "adunit"),
    "promo": ("promobar",),
    "byline-box": ("authorbio", "authorbox", "aboutauthor", "abouttheauthor", "authorabout"),
    "content": ("articlebody", "postcontent", "entrycontent", "storybody", "articlecontent"),
}

#: Hint -> reason used when a block is dropped because of that hint.
#: In priority order: a widget's own hint names it better than a layout hint around
#: or inside it (a comment's author line in a <header> is still the comments).
REASON_BY_HINT = {
    "cookie": "cookie", "comments": "comments", "related": "related", "share": "share",
    "newsletter": "newsletter", "ads": "ads", "tags": "tags", "byline-box": "byline-box",
    "promo": "promo",
    "footer": "footer", "header": "header", "navigation": "navigation", "sidebar": "sidebar",
    "login": "login", "form": "form", "hidden": "hidden", "caption": "caption", "meta": "meta",
}

#: Hints about page layout: trusted only on a container that holds less than
#: THRESHOLDS["layout_hint_max_share"] of the page's prose (a "sidebar-first" class on
#: the content column says nothing about its text).
LAYOUT_HINTS = ("navigation", "header", "footer", "sidebar", "hidden", "tags", "login", "form", "caption",
                "meta")
#: Hints an element's own tag (or role) gives that are trusted whatever its share of the
#: page's prose, and over a content box inside it: a <footer> holding most of a page's
#: text holds its terms and policies (in hidden dialogs), never its article.
ALWAYS_TRUSTED_TAG_HINTS = ("footer",)
#: Hints naming a widget: trusted up to THRESHOLDS["widget_hint_max_share"].
WIDGET_HINTS = ("comments", "share", "newsletter", "cookie", "ads", "related", "byline-box", "promo")
POSITIVE_HINTS = ("content", "main")
#: Widget hints trusted whatever the size of their box once its text confirms them
#: (THRESHOLDS["widget_confirm_blocks"] blocks matching the widget's phrases): consent
#: centers and teaser grids hold pages of text, and a "content" box inside one is not
#: the article. (Comments, newsletters: no; their phrases also occur around articles.)
CONFIRMABLE_HINTS = ("cookie", "related", "share")

# --------------------------------------------------------------------------
# Controls: button and link labels that are a whole line (matched lower-cased).
# --------------------------------------------------------------------------
#: Buttons and UI controls.
CONTROL_LABELS = (
    r"add to (cart|bag|basket|wishlist|wish list|compare|favou?rites|list)|buy now|shop now|"
    r"quick ?view|quick shop|show (more|less|all)|see (more|all|less)|view (more|all|less|fullsize|"
    r"full size|details|larger image|gallery)|load more|read more|continue reading|learn more|"
    r"read (the )?full (story|article|post|review)|"
    r"find out more|more info|download( now| pdf)?|print( this)?( page| article)?|expand( all)?|"
    r"collapse( all)?|toggle \w+( \w+)?|close|open|report( post| abuse)?|upvote|downvote|"
    r"reply with quote|quote|like|unlike|mark as (read|watched|unread)|rate this( \w+)?|"
    r"clear rating|write a review|be the first to review( this product)?|get (a|your) (free )?"
    r"(quote|demo|estimate)|request a (quote|demo|callback)|book a demo|get started|start (free|"
    r"your free) trial|try (it )?(for )?free|free trial|sign up( for free| now)?|join now( for free)?|"
    r"copy link|copy code( block)?|copied!?|jump to( recipe| section)?|"
    r"skip( ad| to \w+)?|view this post on instagram|in den warenkorb|jetzt kaufen|mehr anzeigen|"
    r"weiterlesen|mehr erfahren|ajouter au panier|voir plus|lire la suite|en savoir plus|"
    r"añadir al carrito|ver más|leer más|saber más|continuar leyendo|aggiungi al carrello|"
    r"leggi di più|leggi tutto|continua a leggere|leia mais|continue lendo|lees meer|verder lezen"
)
#: Calls to action of a marketing or shop page (what a button says, not a sentence).
CALL_TO_ACTION_LABELS = (
    r"contact (us|sales|our team|an expert|the team)( today| now| for (more )?(details|information|info))?|"
    r"talk to (an? |our )?(expert|specialist|sales|advisor|team|sales team)|"
    r"speak (to|with) (an? |our )?(expert|specialist|advisor|team|sales team)|"
    r"(schedule|book|request|get) (a |an |your )?(free )?(demo|call|consultation|discovery call|meeting)"
    r"( today| now)?|"
    r"(apply|book|donate|register|enroll|enrol) (now|today)|get in touch( today| with (us|our (team|experts|specialists)))?|"
    r"contact us about your (project|needs|business)|"
    r"explore (our )?products|(check|see|compare) (the )?(latest )?(price|prices|deals?) at [\w.&'’ -]{1,30}|"
    r"add to registry|favou?rite|save (this|for later)( story| article| post| recipe| event)?|"
    r"continue shopping|your (shopping )?(cart|bag|basket) is (currently )?empty|"
    r"send feedback|feedback|live chat|chat (with us|now)|how can we help( you)?( today)?\??|"
    r"was this (page |article )?(helpful|useful)\??|view less|"
    r"filter (&|and) sort|sort by|filters?|pin (it|this)( for later)?|follow( publication)?|"
    r"summarize with ai|start (a |your )?free trial|sign up for (a )?free( trial)?|"
    r"get started( for free| today| free| - free)?|tell me more|"
    r"download for (mac|macos|windows|linux|ios|android|iphone|ipad)|"
    r"(get|access|download) it (on|from) [\w.]+( [\w.]+)?|"
    r"kontaktieren sie uns|kontakt aufnehmen|demo anfordern|contactez-nous|demander une démo|filtres|"
    r"trier par|contáctanos|contáctenos|solicitar (una )?demo|ordenar por|contattaci|richiedi (una )?demo|"
    r"ordina per|neem contact op|sorteer op|sortieren nach"
)
_CONTROL = CONTROL_LABELS + "|" + CALL_TO_ACTION_LABELS
_CONTROL_ROW = r"(" + _CONTROL + r")(\s*([|·•/–»›→-]\s*)?(" + _CONTROL + r")){0,3}\s*[!.:»›→>+…·]*$"
#: A line of one to four labels ...
CONTROL_LINE = r"^" + _CONTROL_ROW
#: ... or one of these alone: a placeholder shown while a widget loads, save and follow
#: buttons, a stock alert's sign-up, the toggle under a folded quote or image. (A pattern of
#: its own: added to the labels above, its many spellings would cut the literal prefixes
#: every text is screened with shorter.)
LONE_CONTROL_LINE = (r"^(loading|pin for later|"
                     r"click to (expand|collapse|enlarge)|"
                     r"(get notified|notify me)( by e-?mail)? when (this product is |this item is |it is |"
                     r"it's |it’s )?(back )?(in stock|available)|"
                     # a shop's option picker, a reference page's toggle
                     r"select (a|your) (size|colou?r|option|quantity|style)|"
                     # a cart button with its note ("Add to cart Select a color to add to cart")
                     r"add to (cart|bag|basket|wish ?list)\b.{0,60}|"
                     r"(show|hide) (child )?(attributes|properties|parameters|fields)|"
                     # a product tile's button with its swatch count; Google's "preferred source"
                     r"quick ?(shop|view) \d+ (colou?rs?|sizes?)|view (the )?(whole|full|entire) list( ?view less)?|"
                     r"add ([\w .'’]{1,30} )?as a (preferred|trusted) source on google\b.{0,80}|"
                     # an affiliate box's button ("Compare used car deals with Example.com")
                     r"compare (new |used )?(\w+ )?(deals|prices|quotes|rates) (with|at|on|from) "
                     r"[\w.&'’ -]{1,30})\s*[!.:»›→>+…·]*$")
#: ... or a price and then the labels ("$130 Add to cart"). (Two patterns: each keeps the
#: literal prefixes a text is screened with before the regex is tried.)
PRICED_CONTROL_LINE = r"^[$€£]\s?[\d.,]+\s*" + _CONTROL_ROW

# --------------------------------------------------------------------------
# Widget phrases (matched case-insensitively against a block's whole text or
# its start). Several languages each. Reason -> list of regex sources.
# --------------------------------------------------------------------------
#: A site credit, as it reads to the end of a short line (used by the footer phrases).
_CREDIT = r"(powered by|built with|proudly powered|funciona gracias a|propulsé par)\b.{0,40}$"

WIDGET_PHRASES = {
    # first: a marker followed by a headline is one in-body promo, not a section
    "promo": [
        r"^(read more|watch|related|see also|also read|read also|listen|more|click here|"
        r"sign up|subscribe|don't miss|must read|trending|recommended|live|video|photos|"
        r"lesen sie auch|mehr zum thema|lire aussi|à lire aussi|lee también|te puede interesar|leggi anche|"
        r"lees ook|zobacz też)\s*[:|\u2014\u2013>»]\s*\S",
        r"^take (our|the|a) (short |quick )?(\d+[- ]minute )?survey\b",
        # "Also read how to save on repairs.": a pointer to another story, written as a
        # sentence in the body
        r"^(also read|read also)\s+\w.{0,150}[.!]\W{0,3}$",
        # a free download or quote offered in a box: a lead magnet
        r"^(get|download|grab|claim) (our |your |the |a |my )?(free|complimentary)\b.{0,40}$",
        r"^(request|get) (a |an |your )?(free )?(quote|estimate|consultation)\b.{0,40}$",
        # a shop's loyalty line, a limited offer's badge, a donation appeal's heading
        r"^members earn \$?[\d,.]+ (points|rewards?) (on|for) (this|every)\b",
        r"^limited time( offer| only)?\s*!?$", r"^get in touch (today|now|with us)\b.{0,50}$",
        r"^(please )?(donate|give) (today|now)\b.{0,60}$",
        # a platform's credit offer, alone or after what it asks ("Sign up and get $300 in
        # credits", "Migrate from X and get up to $10k in credits")
        r"^(new (customers|users) )?get (up to )?\$[\d,.]+k? (in|of) (free )?credits?\b",
        r"^(sign up|signup|register|join|start|try|deploy|migrate|switch|move|upgrade)\b.{0,40}\band get "
        r"(up to )?\$[\d,.]+k? (in|of) (free )?credits?\b",
        r"^(must )?use (the )?(promo|offer|coupon|discount) code\s*:?\s*[\w-]{4,20}( or [\w-]{4,20})?\s*[!.]?$",
        r"^this (story|article|work|journalism|site|newsletter|podcast) is (funded|supported|made possible) "
        r"by (readers|you|our (readers|members|subscribers))\b",
        # a reader's appeal for support under the article ("If you enjoyed this post, please
        # consider a donation", "... support us by donating"): the request, not the condition
        # (the verbs are few and rare: a text is searched for floating phrases only when it
        # holds one of them, and "like" or "find" would let most prose through)
        r"\bif (you|you've|you’ve|you have) (enjoyed|enjoy|liked|appreciated?) "
        r"(this|these|our|my|the|what)\b[^.!?]{0,60}\b(consider(ed)? (supporting|donating|making a donation|"
        r"a (small |one-off |one-time )?(donation|contribution|gift)|becoming|liking|signing up|joining|"
        r"subscribing)|support (us|our|my|me)|(donate|donating|donation|patreon|contribute|contributing)\b)",
    ],
    "view-counter": [
        r"^(visited|viewed|read)\s+\d[\d,.]*\s+times?\b",
        r"^\d[\d,.\s]*[km]?\s(views?|visits?|reads?|visualizaciones|vues|aufrufe|visualizzazioni)$",
        r"\bvisit\(s\) today\b",
        r"^(post |page |article )?views?\s*:\s*\d[\d,.\s]*$",
        r"^(views?|page views|hits|visualizzazioni|aufrufe|vues|visualizaciones|visualizações|"
        r"weergaven|wyświetlenia|просмотры)\s*:?\s*[\d,.]+$",
        r"^(this (post|page|article|story) )?(has been|was) (viewed|read|visited) [\d,.]+ times\.?$",
        r"^[\d,.]+\s+(visitas|visualizações|visualizacoes|weergaven|keer bekeken|keer gelezen|"
        r"wyświetleń|просмотров)$",
        r"^(vu|lu|visto|visitado|gelesen|bekeken|gelezen) [\d,.]+ (fois|veces|vezes|mal|keer)\.?$",
    ],
    "comments": [
        r"^leave a (reply|comment)\b", r"^(post|add|write|submit) a comment\b",
        r"would love your thoughts", r"please comment", r"^join the (discussion|conversation)\b",
        r"^[\d,.]+\s+((reader|user|visitor|member)s?'?\s+)?(comments?|responses?|replies)\b",
        r"^(comments?|responses?|replies)\s*\(?[\d,.]+\)?$",
        r"^(reader|user|visitor)s?'? comments\s*:?$", r"^comments\s*:?$", r"^(comments? navigation|(older|newer) comments)$",
        r"^(no|view|show|load|hide) (more )?comments\b", r"^(be the first to comment)\b",
        r"^no (responses|replies)( yet)?\b",
        r"your email address will not be published", r"required fields are marked",
        r"^notify me of\b", r"^(log|sign) in to (comment|reply)\b", r"^cancel reply$",
        r"^(kommentar|kommentare|commentaires?|comentarios?|commenti)\s*\(?[\d]*\)?$",
        r"^(schreibe einen kommentar|hinterlasse einen kommentar|laisser un commentaire|"
        r"deja un comentario|deja una respuesta|lascia un commento)\b",
        r"^comments? (are )?closed\b", r"^reply$",
        r"^\d+ (thoughts|comments?|responses?|replies) (on|to)\b",
        r"^\d+ (kommentare?|commentaires?|réflexions?|comentarios?|respuestas?|commenti|risposte|reacties) "
        r"(zu|sur|au sujet de|en|a|para|su|op) [„“\"«‘']",
        r"\bcomments powered by\b", r"^(comment|name|email|website|e-mail)\s*\*?$",
        r"^save my name, email\b",
        r"^(this )?(topic|thread|discussion|question) (was|has been|is) (automatically )?(closed|locked|"
        r"archived)\b", r"^not open for further replies\b", r"^new replies are no longer allowed\b",
    ],
    "share": [
        r"^share( this| on| via| the| article| story| post|:|$)",
        r"^(tweet|pin it|email|print|whatsapp|linkedin|facebook|twitter|reddit|copy link)$",
        r"^(click to share|share this article|share on (facebook|twitter|x|linkedin|whatsapp))",
        r"^(teilen|partager|compartir|condividi|delen)\b",
        r"^follow us\b", r"^(suivez-nous|folgen sie uns|síguenos|seguici)\b",
        r"^like this:$", r"^like loading\b",
        r"^if you (like|liked|enjoyed) (it|this)( post| article)?,? (please )?share\b",
        r"^help (me|us) spread the word\b", r"^(connect|get social) with us\s*:?$", r"^share links\s*:?$",
    ],
    "newsletter": [
        r"\bsign up for (our|the|my)\b.*\bnewsletter", r"^subscribe( now| today| to)?\b",
        r"^how (was|did you like|would you rate) (this|today['’]s) (issue|newsletter|email|edition|post)\??$",
        # a list's subscriber count as its pitch; a referral programme's line
        r"^(nearly|over|more than|join) [\d,.]+k?\+? (people|readers|subscribers|others) (already )?"
        r"(subscribe|get (it|this|our)|receive (it|this|our))\b", r"^tell your friends and get rewards\b",
        r"^love [^?]{1,60}\? tell your friends and get rewards\b",
        r"^(get|join|sign up for|subscribe to) (our|the)( [\w'’-]+){0,3} "
        r"(newsletters?|briefings?|digest|bulletin|alerts|updates|e-?mails?)\b",
        r"\bsubscribe to (our|the|my)\b", r"^(get|join) (our|the) (free )?newsletter",
        r"enter your e-?mail", r"^newsletter\b", r"\bdelivered (straight )?to your inbox\b",
        r"^(abonnieren|newsletter abonnieren|inscrivez-vous|abonnez-vous|suscr[ií]bete|iscriviti)\b",
        r"^(join|sign up for|subscribe to) (our|the|my) (e-?mail |mailing )?(list|mailing list)\b",
        r"^(sign up|subscribe|register) for (our |the |free )?(e-?mail )?newsletters?\b",
        r"\bsubscribe for free\b", r"\b(directly|straight|right) (in|to|into) your inbox\b",
        r"^(would you like to|want to) (receive|get) (e-?mail )?(notifications|updates)\b",
        r"^get the latest (news|updates|articles|posts|stories|insights)\b.{0,80}$",
        r"^(keep|stay) up (to date )?with (the latest|our)\b", r"^stay (connected|in the loop|in touch)\b.{0,40}$",
        r"^(get|receive)\b.{0,60}\bin your inbox\b", r"^thanks? (you )?for (subscribing|signing up)\b",
    ],
    "cookie": [
        r"^we value your privacy\b", r"^(customi[sz]e|manage) (cookies|preferences|consent|settings)\b",
        r"^(accept|reject|decline|allow) all( cookies)?\b", r"\bcookies?\b.{0,120}\b(consent|accept|agree)",
        r"\bwe use cookies\b", r"\b(this|our) (web)?site uses cookies\b", r"^accept (all )?cookies",
        r"\bcookie (policy|settings|preferences)\b", r"\bby continuing to (use|browse)\b",
        r"\b(verwendet|nutzt) cookies\b", r"\butilise des cookies\b", r"\butiliza(mos)? cookies\b",
        r"\butilizza(mo)? (i )?cookie\b",
        # a consent panel's category headings and vendor list
        r"^(strictly necessary|necessary|functional|functionality|performance|targeting|analytics|"
        r"marketing|advertising|social media) cookies$", r"^cookie (list|declaration)$",
        r"^(list of )?iab vendors\b",
    ],
    "related": [
        r"^(inbound|incoming) links$",
        r"^(what['’]s )?trending (now|this week|today|courses|articles|posts|stories|topics|products|with)\b.{0,40}$",
        r"^related( articles?| posts?| stories| content| news| reading| links| coverage| topics)?\s*:?$",
        r"^related (articles?|posts?|stories|content|news|reading|links|coverage|topics|resources|"
        r"guides|products|videos|searches)\b.{0,30}$",
        r"^(you (may|might) (also )?(like|enjoy|be interested in))\b",
        # (a heading, not a sentence: "More on that in a later post." is the article's)
        r"^more (from|on|in|about|stories|articles|news|like this)\b(?!.*[^.][.?]$)",
        r"^read (next|more|also)\s*:?$",
        r"^(recommended|suggested)( for you| articles| stories| reading| posts| products| videos)?\s*:?$",
        r"^(popular|trending|most (read|popular|viewed|shared))( now| posts| articles| stories)?\s*:?$",
        # (a heading: "Keep reading to learn how..." or "Don't miss the view." is prose)
        r"^(also read|don't miss|further reading|keep reading|what to read next|up next)\b(?!.*[^.][.?]$).{0,50}$",
        r"^(ähnliche (artikel|beiträge)|das könnte sie auch interessieren|weitere artikel|mehr zum thema)",
        r"^(articles similaires|à lire aussi|lire aussi|sur le même sujet|vous aimerez aussi)",
        r"^(artículos relacionados|también te puede interesar|noticias relacionadas|te puede interesar)",
        r"^(articoli correlati|leggi anche|potrebbe interessarti)", r"^(gerelateerde artikelen|lees ook)",
        r"^(altro da|altri articoli|mehr von|plus de|más de|mais de|meer van|więcej od)\b.{0,60}$",
        r"^(latest|recent) (news|posts|articles|stories)\s*:?$", r"^also on\b.{0,60}$",
        r"^(other |more )?related (?!to\b)[\w-]+( [\w-]+)?\s*[:.…]*$",
        r"^more to (explore|read|discover|love|watch|see)\b.{0,20}$",
        r"^recently viewed( items| products| articles)?\s*:?$",
        r"\b(customers|people|shoppers) who (viewed|bought|purchased|liked) this\b",
        r"^(other |more )?(posts|articles|stories|guides|recipes|products) you (may|might|will|'ll) (also )?"
        r"(like|enjoy|love)\b",
        r"^what (others|other people|people) are (reading|watching|buying)\b",
        r"^read more (of our|from our|from the|posts|articles|stories)\b",
        r"^more (topics|threads|posts|articles|stories) (from|in|on) this\b",
        r"^(auch interessant|lesen sie auch|ver también|lee también|veja também|leia também|"
        r"artigos relacionados|notícias relacionadas|você também pode gostar|zie ook|"
        r"dit vind je misschien ook leuk|misschien ook interessant)\s*:?$",
    ],
    "tags": [
        r"^(filed|posted) (under|in) \w", r"^tagged( with)? \w",
        r"^(tags?|tagged( with)?|filed under|categories|category|topics?|posted in|schlagwörter|"
        r"étiquettes|etiquetas)\s*:", r"^(tags?|categories|topics)$",
    ],
    "byline-box": [
        r"^about the author\b", r"^(über den autor|à propos de l'auteur|sobre el autor)",
        r"^follow [\w.'’ -]{2,40} on (x|twitter|linkedin|facebook|instagram|threads|bluesky|mastodon)\b.{0,30}$",
        r"^(view|see|read) (all|more) (posts|articles|stories) by [\w.'’ -]{2,40}$",
    ],
    # an image's credit line ("Photo: Jane Doe / Agency", "Image credit: ...", "Feature image
    # by ..."): the caption's source, not the article
    "caption": [
        r"^((featured?|cover|header|top|lead|hero|main) )?(photo|picture|illustration|foto|bild)s?"
        r"( (source|credits?|courtesy))?\s*(:|courtesy\b|©)",
        # ("image:" alone is also a config file's key, "image: nginx:1.25": a credit names
        # someone in two words or more)
        r"^((featured?|cover|header|top|lead|hero|main) )?images?( (source|credits?|courtesy)\s*(:|©)|"
        r"\s*(:\s*[^\s:]+ [^:]*$|courtesy\b|©))",
        r"^(image|photo|picture|illustration)s? (by|via) .{1,60}$",
        r"^(featured?|cover|header|top|lead|hero|main) (image|photo|picture)s? (by|via)\b",
        r"^(credits?|courtesy)\s*:\s*[^\W\d]",  # (not "Credits: 4": a course's credits)
    ],
    # a forum's welcome banner over its boards; a side rail's daily feature
    "header": [r"^welcome to (the )?\S.{0,40}\b(forums?|message boards?)\b"],
    "sidebar": [r"^(verse|quote|word|tip|joke|photo|deal|recipe) of the (day|week|month)\b"],
    "navigation": [
        r"^skip to (the )?(main )?(site )?(content|navigation)\b", r"^(back to top|scroll to top|go to top)$",
        r"^(breadcrumbs?|navigation menu|main navigation|site navigation)$",
        r"^(previous|next|older|newer) (post|article|story|entry|page)\b",
        r"^(home|menu|search|close|open menu|toggle navigation|main menu)$", r"^you are here\s*:",
        r"^(quick|useful|helpful|important) links\s*:?$",
        r"^our (blogs?|guides|articles|stories|resources|insights)$", r"^(latest|recent) (blogs?|blog posts|guides)$",
        r"^shopping guides?$",
        r"^(explore|browse) (all |our |more )?(recipes|guides|articles|posts|blogs|products|courses|stories)$",
        r"^footer( navigation| menu| links)?$",
        r"^back to (blog|news|all (posts|articles|news))$",
        r"^(pagination|go to page|search for)\s*:?$",
        r"^(table of contents|contents|in this article|on this page|jump to section|inhaltsverzeichnis|"
        r"sommaire|índice|indice|inhoudsopgave)\s*:?$",
        # (a pattern that may start with an optional sign or a space is written as two:
        # words then have a literal prefix that texts are screened with)
        r"^(back|next|previous|prev|older|newer)( page| post| article)?\s*[»›>→]?$",
        r"^[«‹<←\s]\s*(back|next|previous|prev|older|newer)( page| post| article)?\s*[»›>→]?$",
    ],
    "footer": [
        r"\ball rights reserved\b", r"^(©|\(c\)|copyright)\s*\d{4}", r"^©",
        r"^(privacy policy|terms of (use|service)|cookie policy|imprint|impressum|sitemap)$",
        r"\b(impressum|datenschutz(erklärung)?|privacy policy|terms of (use|service)|mentions légales|"
        r"aviso legal|política de privacidad|informativa sulla privacy)\b.{0,60}$",
        # a credit line: at the start of the line (one word may come first: "Site powered by")
        # or after a separator ("© 2024 Name | Powered by ..."), never inside a sentence
        r"^((site|website|blog|theme|shop|store|forum) )?" + _CREDIT,
        r"(?:(?<=[|·•©])|(?<=[|·•©] ))" + _CREDIT,
        r"\btous droits réservés\b", r"\balle rechte vorbehalten\b", r"\btodos los derechos reservados\b",
        # the legal small print of a download, an investment product, a shop's checkout
        r"^by (using|downloading|signing up|subscribing|continuing|clicking)\b.{0,60}\byou agree to\b",
        r"\bnot fdic insured\b", r"^your payment information is processed securely\b",
        # a licence notice: the page's small print on what it may be used for
        r"\blicensed under (the |a )?(creative commons|cc[ -]by)\b",
    ],
    "ads": [
        r"^(advertisement|advertising|sponsored( content)?|ad|anzeige|publicité|publicidad|"
        r"pubblicità|reklame|paid (post|content)|partner content)$",
        r"^story continues below( this)? (ad|advertisement)", r"^continue reading below",
        r"^(article|story|content) continues below\b",
        # affiliate disclosures: the site earns from the links around them
        r"\b(this|our|the) (post|article|page|site|website|blog|review|guide|content)s? (may |might )?"
        r"(contains?|includes?|uses?|has|have) (some )?affiliate\b",
        r"\b(we|i) (may |might |could |will |can )?(earn|receive|get|make) (a |an )?(small |affiliate )?"
        r"(commissions?|compensation)\b",
        r"\bmay earn (us |me )?(a )?(small )?commission\b", r"\bas an amazon associate\b",
        r"\bearns? from qualifying purchases\b", r"\bsupported by commissions\b",
        r"\bpurchases made through (our|these) links\b",
        # a sponsor slot's own ad, an affiliate button that says where it goes
        r"^sponsor (this|our) (newsletter|podcast|site|blog)\b", r"^buy (it )?now from\b.{0,50}$",
        r"^(in partnership with|presented by|sponsored by|brought to you by)$",
        r"^(advertisement|sponsored|ad|anzeige|publicité)\s*[:|\u2014\u2013-]\s*\S.{0,80}$",
        r"^(view|shop|get|buy|see|check)\b.{0,40}\blinks to [\w.]+$",
    ],
    "form": [
        r"^indicates (a )?required( field)?", r"^[*\s]\s*indicates (a )?required( field)?", r"^[^\W\d][\w .'’/?-]{0,30}\s?\*$",
        r"^(first|last|full) name$", r"^(e-?mail|email address|phone( number)?|message|subject)$",
        r"^(submit|send|search)$",
    ],
    # Whole short lines only (anchored at both ends): UI controls and member/post stats.
    # A line of two or more labels run together ("Start free trialGet a demo", "Talk to a
    # specialist Explore products") is one row of buttons.
    "control": [CONTROL_LINE, PRICED_CONTROL_LINE, LONE_CONTROL_LINE],
    "meta": [
        r"^about \d+\s+(second|minute|hour|day|week|month|year)s?\s+ago$",
        r"^\d+\s+(second|minute|hour|day|week|month|year)s?\s+ago$",
        r"^(joined|join date|messages|posts|reaction score|points|trophy points|likes received|"
        r"best answers|location|member since|reputation|solutions|threads)\s*:?\s*[\w ,./-]{0,30}$",
        r"^\d[\d,.]*\s+(likes?|reviews?|ratings?|votes?|points?|answers?|upvotes?)$",
        r"^(written|posted|published|reviewed|updated|edited) by\b.{0,60}$",
        r"^(page|step|slide|image|photo) \d+ of \d+$", r"^showing \d+(\s*[-–]\s*\d+)? of \d+( results| items| products)?$",
        r"^\d+(\.\d+)? out of 5( stars)?$", r"^(reading time|read time)\b.{0,20}$", r"^\d+ min(ute)?s? read\b.{0,20}$",
        # a forum app's signature under a post ("Sent from my iPhone using Tapatalk")
        r"^sent from my [\w .,()+-]{1,40} using [\w .,()+-]{1,40}$",
        # a forum member's rank, a shop's price and delivery labels
        r"^(registered|new|junior|senior) (user|member)$",
        r"^\d+ points? by \S+ .{0,40}\bago\b", r"^[\d,.]+k?\+? (5|five)[- ]star (reviews|ratings)$",
        # ("Site Team | 5 min read": the number in the look-behind, so that the pattern starts
        # with a word the floating phrases' gate can read off it)
        r"(?:(?<=[|·•]\d )|(?<=[|·•] \d )|(?<=[|·•]\d\d )|(?<=[|·•] \d\d ))min(ute)?s? read$",
        r"^(current|sale|regular|original|list) price\b.{0,20}$", r"^(est\.|estimated) delivery\b",
        r"^coming soon\W*$",
    ],
    "login": [
        r"^(sign in|log in|login|register|create (an |your )?account|forgot (your )?password)\b.{0,130}$",
        r"^already (have an account|a subscriber)\b", r"^have an account\??$",
        r"^(this|the) (article|story|content|post) is (exclusive|only available|reserved) (to|for)\b",
        # what a guest sees under a thread: the reply box's stand-in
        r"^\(?you (must|need to|have to) (be )?(log ?in|logged in|sign ?in|signed in|login|register|"
        r"registered|sign up)\b",
        r"^sign up to (request clarification|answer|comment|reply|join the)\b",
        r"^join (for free|now|free) (or|and) (log ?in|sign ?in)\b",
        # a forum's or course site's notice to a visitor not signed in
        r"^you('re|’re| are) (browsing|viewing|visiting|reading)\b.{0,60}\bas an? ['‘’\"]?guest"
        r"['‘’\"]?\s*([.!,;:)]|$)",
        r"^not (yet )?(a member|registered)\s*\?", r"^join to (see|view|read|access|download|comment|reply)\b",
        r"^(du musst|vous devez|debes|devi) (dich |vous |te |)?(anmelden|eingeloggt|registrieren|"
        r"connecter|identificarte|registrarte|accedere|registrarti)\b",
    ],
    # a template's filler text, as it starts (an article about it may name it in a sentence)
    # ("Lorem ipsum dolor sit amet, ...", a heading "Lorem Ipsum", an item "Lorem ipsum 2";
    # a link "Lorem ipsum generator" is not filler)
    "placeholder": [r"^lorem ipsum( dolor\b|\s*\d*\s*$)",
                    # a shop theme's field names shown where a product's own text belongs
                    r"^product (name|link|title)$"],
}

#: Phrase reasons that name a text only when it is that one line: in a block of several
#: lines, a photo's credit ("Photo: Jane Doe") is the last line of its caption or of the
#: paragraph the caption sits in, and the block is not the credit.
ONE_LINE_PHRASES = ("caption",)

#: Phrase reasons that do not count against a container when the main region is sought
#: (buttons and member stats sit inside listings and forum posts).
REGION_NEUTRAL_PHRASES = ("control", "meta")
#: ... and the class hints that likewise do not count against a container.
REGION_NEUTRAL_HINTS = ("meta",)

#: Byline lines (text input): "By Jane Doe", "Par ...", a date line. Lower case: they are
#: matched on lower-cased text.
#: The words a byline line may start with (the first of BYLINE_PATTERNS); every other
#: pattern holds a digit and one of BYLINE_NEEDS (four digits in a row, a slash, or a
#: word that dates a post), and a line without is not searched.
BYLINE_STARTS = ("by", "par", "von", "por", "di", "door", "av", "af")
BYLINE_NEEDS = r"\d{4}|/|updated|published|posted"
BYLINE_PATTERNS = [
    r"^(" + "|".join(BYLINE_STARTS) + r")\s+\S",
    r"\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(tember)?|"
    r"oct(ober)?|nov(ember)?|dec(ember)?|janvier|février|mars|avril|mai|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)"
    r"\.?\s+\d{1,2}\b.{0,20}\d{4}",
    r"\b\d{1,2}\.?\s+\w{3,10}\.?\s+\d{4}\b",
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    r"\b(updated|published|posted)\b.{0,30}\d",
]

#: Text input: the reason given to the non-prose lines after a widget line, by the
#: widget's reason; a pair is (for other lines, for headlines and cut paragraphs).
#: Reasons not listed (promo, view-counter, ...) name only their own line.
TEXT_WIDGET_FOLLOWERS = {
    "related": ("related", "teaser"), "comments": "comments", "footer": "footer",
    "newsletter": "newsletter", "share": "share", "cookie": "cookie", "form": "form",
    "login": "login", "navigation": "navigation", "sidebar": "sidebar",
}

#: ... and the widgets whose section, after the article's end, runs over prose too
#: (teaser summaries, comment bodies) until the next widget line.
TEXT_SECTION_REASONS = ("related", "comments")
#: Text input: line starts that mark a list item written out ("- ", "* ", "• "): a block
#: of such lines is a list the text's author made, no menu flattened from the page.
TEXT_LIST_MARKERS = ("- ", "* ", "• ")
#: Text input: what separates the parts of a page's <title> (the first line of a whole-page
#: dump: "Headline | Site", "Site – Headline").
TEXT_TITLE_SEPARATORS = ("|", "–", "—", "-", ":", "·", "•")
#: Text input: widgets that, after enough text, end the article (what a scraper appends
#: after a post's text).
TEXT_END_REASONS = ("related", "comments", "view-counter", "share", "newsletter", "tags",
                    "byline-box")
#: Text input: a copyright line (lower case, matched per line): after enough text, it ends
#: the article as a related line does (what follows is the page's footer, a consent
#: banner, a site's disclaimer); a credit inside a caption ("All rights reserved, DACS
#: 2024.") does not match.
TEXT_COPYRIGHT_PATTERNS = [
    r"^(©|\(c\)|copyright)\s*(©\s*)?\d{4}\b", r"^copyright ©",
    r"\b(all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|"
    r"tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|"
    r"wszelkie prawa zastrzeżone)\.?$",
]
#: Text input: a comment list's heading that names the post ("59 Comments on “Title”",
#: "3 thoughts on “Title”", "12 Kommentare zu „Titel“"; lower case, matched on the line):
#: it stands only under the post it names, so after enough text it ends the article
#: however long the comments below it run (a forum's "20 replies to this topic" names no
#: post and is judged as other comments lines are).
TEXT_COMMENT_LIST_PATTERNS = [
    r"^\d[\d,.]*\s+(thoughts?|comments?|responses?|replies|reactions?|kommentare?|commentaires?|"
    r"réflexions?|comentarios?|respuestas?|commenti|risposte|reacties)\s+"
    r"(on|to|zu|sur|au sujet de|en|a|para|su|op)\s*[“\"«‘'„]",
]
#: Text input: a comment's header in a blog's comment list, as a scraper flattens it: the
#: commenter's name and "says" on one line, the date on the next ("Sharon says" /
#: "July 14, 2015 at 3:53 pm"). Two such headers or more after enough text: the first ends
#: the article, however long the comments run. (A forum quotes a post with "... said:"
#: and no date under it: no match.) Lower case, matched per line.
TEXT_COMMENT_VERBS = ("says", "schreibt", "dit", "dice", "escribe", "scrive", "zegt")
TEXT_COMMENT_HEADER = r"^\S.{0,50}\s(" + "|".join(TEXT_COMMENT_VERBS) + r")\s*:?$"
TEXT_COMMENT_DATE = r"\b(19|20)\d\d\b|\b\d{1,2}:\d\d\b|\bago$"
#: Text input: a comment's "Reply" button (lower case, the whole line). Printed under each
#: comment it marks the comment list; other related or comments lines printed again and
#: again (THRESHOLDS' text_pointer_min_repeats) are each item's button.
TEXT_REPLY_LINE = r"^(reply|antworten|répondre|responder|rispondi|reageer|odpowiedz)$"
#: Text input: the headings over a footer's link columns (words an article rarely heads a
#: part with; "Contact us", "Get in touch" are buttons: controls). A block that starts with
#: one, alone on its line, and holds no other widget line is navigation: it stops the
#: article, and the link lines under it go with it. (A footer menu "About Us\nTerms of
#: Use\n..." is judged by its other lines first.) Lower case.
TEXT_FOOTER_HEADINGS = (r"^(company|about us|legal|careers|social|my account|customer (service|care)|"
                        r"help (center|centre))\s*:?(\n|$)")
#: Text input: how the texts of a consent manager's panel start (the standard wording of
#: the IAB framework's notice and of common consent tools' category descriptions). They
#: run longer than a cookie phrase may (PHRASE_MAX_CHARS): a block that starts so is a
#: cookie widget at any length. Lower case.
TEXT_CONSENT_STARTS = [
    r"we and our \d[\d,.]* (partners|vendors) (store|process|use|and)\b",
    r"we and our (partners|vendors) (process|store|use) (your )?(personal )?data\b",
    r"use precise geolocation data\b",
    r"we process your data to deliver content or advertisements\b",
    r"when you visit any (web ?site|site)\b.{0,40}\bstore or retrieve information\b",
    r"these (cookies|technologies) (allow us to count|are necessary for the (web)?site to function|"
    r"may be set through our site by our advertising partners|enable the (web)?site to provide|"
    r"are set by a range of social media services)\b",
]
#: Text input, listing pages (no article found): widgets that end the listing too, as
#: a related/comments line does (the page's footer, a cookie notice).
TEXT_LISTING_END_REASONS = ("footer", "cookie")
#: Widget lines that belong to the widget around them (a form field in a newsletter box,
#: "Reply" or "2 days ago" in a comment list, a photo's credit) rather than starting a new one.
TEXT_INNER_REASONS = ("form", "control", "meta", "caption")

#: Reasons whose phrase, seen after the article body, may end the article
#: (boilerpipe's "terminating blocks"): the marker and the link run after it go;
#: everything after goes too when little prose follows (see _end_cut).
TERMINATING_REASONS = ("related", "comments", "view-counter")

#: Block kinds the context-sensitive pass (jusText's) judges by their neighbours when
#: short or link-heavy (see score._revise). Headings and list items are left alone: as
#: revised kinds they cost far more article text than boilerplate (2026-12-07: 2,009
#: headings dropped, 1,240 of them article text).
REVISED_KINDS = ("paragraph", "caption", "quote")
#: The kinds of short block that go after the article's last prose (THRESHOLDS
#: "revise_tail"): a widget's heading, a button, a name. (List items and table rows
#: there are more often the article's own list or table.)
TAIL_KINDS = ("paragraph", "heading")

#: Longest text (characters) a block may have to be judged by WIDGET_PHRASES
#: (``promo`` and ``footer`` are matched on longer text too).
WIDGET_MAX_CHARS = 140
#: ... except for these reasons, whose sentences run longer.
PHRASE_MAX_CHARS = {"promo": 400, "footer": 300, "caption": 300, "login": 260, "cookie": 400, "newsletter": 200, "ads": 300,
                    "placeholder": 400}

#: What joins the items of a menu written on one line ("Home | News | Jobs"); a table
#: row's cells are joined the same way. (Single spaces: block text is normalised, and
#: "\s+" on both sides would search a long run of spaces in quadratic time.)
MENU_ROW_SEPARATOR = r" [|\u00b7\u2022/\u00bb] "

# --------------------------------------------------------------------------
# Scoring thresholds and weights
# --------------------------------------------------------------------------
THRESHOLDS = {
    # context-free block classes (jusText-style)
    "short_chars": 40,          # shorter than this is "short"
    "long_chars": 160,          # at least this is "long"
    "max_link_density": 0.45,   # above: the block is mostly links
    "stopword_low": 0.22,       # below: not running prose
    "stopword_high": 0.30,      # at least: running prose
    "menu_link_density": 0.6,   # a block this linky ...
    "menu_max_words": 4,        # ... with this few words is a menu item
    "menu_run": 3,              # this many menu items in a row are a menu
    "menu_row_items": 5,        # a block this linky made of this many menu items joined
                                # by separators ("About | FAQ | Jobs | ...") is a menu
    "revise_link_density": 0.35,  # a paragraph this linky is judged by its neighbours ...
    "revise_reach": 0,          # ... and kept if prose is this many blocks away (0: being
                                # near keeps none), or if it sits between kept prose
    "revise_min_prose": 1000,   # only on pages with this much prose ...
    "revise_min_share": 0.4,    # ... making this share of the kept text
    "revise": True,             # the context-sensitive pass runs at all
    "revise_tail": True,        # on such pages, lines after the last prose go ...
    "revise_tail_chars": 80,    # ... when shorter than this (paragraphs and headings)
    "lone_link_goes": True,     # a lone short link paragraph (a button) is removed
    # trusted hints
    "layout_hint_max_share": 0.5,
    "tag_hint_max_share": 0.8,  # ... for a hint given by the element itself (<nav>, <aside>)
    "widget_hint_max_share": 0.85,
    "wraps_content_share": 0.5,      # a hinted box whose content-marked child holds this
    "widget_confirm_blocks": 2,       # blocks reading as the widget that confirm its hint
    "wraps_content_min_share": 0.4,  # share of its prose (and this of the page's) wraps
                                      # the article: its boilerplate hints are not trusted
    "post_min_chars": 80,       # discussion page: the first post has this much prose ...
    "post_shared_share": 0.5,   # ... in a container class shared by this share of "comments"
    # main-region search
    "headline_min_words": 5,    # link text this long reads as a headline (listing pages)
    "headline_link_value": 0.5,  # value per character of such link text
    "boilerplate_weight": 0.75,  # cost per character of boilerplate inside a region
    "climb_levels": 20,          # levels above the best container searched for sibling runs
    "climb_min_gain": 0.1,      # a sibling run must add this share of the value held
    "main_min_share": 0.2,      # a <main> with this share of the page's content value
                                # holds the region
    # end-of-article cut
    "min_chars_before_end": 400,  # a terminator only counts after this much article text
    "text_comment_header_max_chars": 60,  # a blog comment's header: its name and date lines
    "end_rest_share": 0.25,       # ... and cuts the rest when the prose after it is below
                                  # this share of the prose before it
    # tidy
    "duplicate_min_chars": 30,   # a kept text this long seen again (a mobile copy) is dropped
    "trailing_headings_max": 2,  # this few headings after the last kept text head nothing
    # text input (one-dimensional region: the best-valued run of blocks)
    "text_prose_min_words": 12,     # a paragraph this long counts as prose
    "text_end_max_after_share": 0.5,  # a related/comments line ends the article when the
                                      # prose after it is at most this share of the prose
                                      # before it (menus, tables, forms not counted)
    "text_pointer_min_repeats": 3,  # a related line seen this often is a button, not a heading
    "text_pointer_max_chars": 30,   # ... when this short ("Read more")
    "text_menu_block_min_lines": 8,       # a block of this many lines is no paragraph
    "text_menu_block_max_stop_density": 0.25,  # ... when fewer of its words are stopwords
    "text_menu_block_max_ends": 0.02,  # ... and it ends fewer sentences per word than this
    "text_headline_max_words": 30,  # a line this short, unpunctuated, reads as a headline
    "text_title_max_words": 20,     # a headline kept alone, this short, is the page's <title>
    "text_widget_cost": 40,         # extra cost of a widget / marker line
    "text_tiny_cost": 60,           # cost of a crumb like "0", "()", "x"
    "text_cut_factor": -0.6,        # value per char of a paragraph cut mid-sentence / "…"
    "text_headline_factor": 0.0,   # value per char of a headline-like line
    "text_chrome_factor": 1.0,     # cost per char of a menu-like line (page chrome)
    "text_teaser_max_cohesion": 0.1,  # a teaser's summary under a "Related" heading shares less
    "text_teaser_min_words": 20,   # a teaser's summary is a sentence or two: no shorter
    "text_teaser_max_words": 120,  # ... and no longer than this
    "text_tail_teaser_min_units": 2,  # this many headline + cut-summary units end an article
    "text_tail_teaser_max_cohesion": 0.5,  # ... when each summary shares less than this with it
    "text_teaser_aside_max_words": 4,  # a date or "Read more" line between a teaser's parts
    "text_teaser_summary_ratio": 2,   # a summary runs this many times its headline's words
    "text_box_name_lines": 3,      # an author box's line names the author's name and bio
                                   # lines this far above it (the name in it, 2-4 words)
    "text_tail_listing_min_share": 0.25,  # ... ends a listing when what it keeps above them holds
                                          # this share of their text (an index of posts stays)
    "text_resume_cohesion": 0.7,  # a heading this close to the article ends a box in it
    "text_box_max_lines": 8,      # inside the article, a widget names at most this many lines
    "text_box_end_min_words": 60,   # ... and no block longer than this (no section's)
    "text_box_end_min_sentences": 3,  # ... holding this many sentence breaks: a post, a body
    "text_footer_heading_max_words": 3,  # a listing's footer: link-column headings this short
    "text_form_field_max_words": 4,  # a longer line after a form field is no field
    "text_min_article_value": 1250,  # a best run worth less is no article: keep the listing
    "text_min_article_share": 0.5,   # ... when it is also worth less than this share of the text
    "text_low_cohesion": 0.05,      # below: shares almost no vocabulary with the article
    "text_low_cohesion_factor": 0.5,  # prose of low cohesion is worth this much
    "text_menu_max_stop_share": 0.15,  # a capitalised line with fewer short stopwords is a menu
    "text_list_line_max_words": 6,  # a block of lines mostly this short, unpunctuated, is a list
    "text_list_min_share": 0.7,     # ... when this share of its (3+) lines' words are on such lines
    "text_list_min_cohesion": 0.3,  # ... and a list sharing less with the article costs as cut
    "text_stop_max_value": 300,     # a block after the article worth less than minus this
    "text_stop_max_cohesion": 0.1,  # ... sharing less than this with it, ends it (a form,
    "text_stop_max_prose_share": 0.8,  # listings), unless this share of it is prose lines
    "text_reread_per_block": 16,   # readings of what is kept read at most this many lines per
    "text_reread_min_lines": 64,   # line of the text, plus this many (linear time, adversarial
}                                  # repeats included; real dumps need one reading or two)

#: What ``favor="precision"`` / ``"recall"`` change in THRESHOLDS ("balanced" is THRESHOLDS).
FAVOR = {
    "precision": {"boilerplate_weight": 1.5, "revise_min_prose": 0, "revise_min_share": 0.0,
                  "revise_reach": 0},
    "recall": {"boilerplate_weight": 0.4, "revise": False, "lone_link_goes": False},
}


def thresholds(favor: str = "balanced") -> dict:
    """THRESHOLDS with the overrides of one ``favor`` setting."""
    over = FAVOR.get(favor)
    return {**THRESHOLDS, **over} if over else THRESHOLDS


#: Content value per non-link character, by context-free class.
CLASS_VALUE = {"good": 1.0, "near-good": 0.8, "short": 0.5, "bad": 0.2}
