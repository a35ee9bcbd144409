"""Spec tests: every HTML widget fixture keeps its article and drops its widget, for the right reason.

Each case lists sentences of the article that must be in ``art.text``, widget texts that
must be in ``art.removed`` with one of a small set of acceptable reasons (and not in
``art.text``), and texts that must simply not survive. Fixtures are described in
fixtures/widgets/README.md.
"""
from __future__ import annotations

import pytest

from boilerstrip import REASONS, clean_article
from conftest import (
    FIXTURES, Case, W, assert_case_removed, assert_kept, clean_fixture, norm, read_fixture,
)

# Acceptable reasons for page chrome: several are defensible, any removal reason is not.
NAV = {"navigation", "header", "outside-main", "link-list"}
FOOT = {"footer", "after-end", "outside-main", "link-list", "navigation"}
PAGER = {"navigation", "link-list", "after-end", "footer", "related"}
SIDEBAR = {"sidebar", "outside-main", "link-list", "navigation", "related"}
# Teasers of other stories, after a "Related" heading: the heading says "related"; each
# teaser is "related", "teaser", or simply past the end of the article.
RELATED = {"related", "teaser", "after-end"}
# Comment openers ("2 Comments", "Leave a Reply") and comment content (author lines, bodies)
# are always "comments", even after the article's end: include_comments depends on it.
# Comment-widget chrome outside the comment container may just be past the end.
COMMENT_CHROME = {"comments", "after-end"}

CASES = [
    Case(
        "widgets/related-jetpack.html",
        keep=(
            "When the committee agreed last spring to replace the twenty-odd private compost heaps "
            "scattered across the site with a single shared system, nobody expected the arrangement "
            "to survive the summer.",
            "The sheet has become something of a local attraction.",
            "Anyone interested can leave their name at the Saturday tea hut, which opens at nine and "
            "closes when the biscuits run out.",
        ),
        drop=(
            W("Related", "related", exact=True),
            W("Building raised beds from reclaimed scaffold boards", RELATED),
            W("Our old beds were rotting at the corners", RELATED),
            W("The great slug debate: beer traps versus nematodes", RELATED),
            W("Short days are no excuse to stay indoors", RELATED),
            W("Plots & waiting list", NAV),
            W("Registered charity no. 1098765", FOOT),
        ),
        absent=("17 September 2023", 'In "Growing"', "Skip to content"),
    ),
    Case(
        "widgets/related-plain-de.html",
        keep=(
            "Zum ersten Mal seit 1984 hat am Sonntagmorgen wieder ein planmäßiger Personenzug den "
            "kleinen Bahnhof von Kirchwald verlassen.",
            "„Wir wurden oft belächelt“, sagt die Vorsitzende Renate Hollerbach.",
            "Die Fahrradwerkstatt bleibt, zieht aber in den ehemaligen Güterschuppen um.",
        ),
        drop=(
            W("Das könnte Sie auch interessieren", "related", exact=True),
            W("Busverbindung ins Nachbartal wird ausgedünnt", RELATED),
            W("Ab Dezember fährt die Linie 412 nur noch alle zwei Stunden", RELATED),
            W("Kommentar: Die Schiene braucht mehr als Symbolpolitik", RELATED),
            W("Eine reaktivierte Strecke ist ein guter Anfang", RELATED),
            W("Wirtschaft", NAV),
            W("Alle Rechte vorbehalten", FOOT),
            W("Impressum", FOOT),
        ),
    ),
    Case(
        "widgets/view-counter-wp.html",
        keep=(
            "The synthesizer arrived in a cardboard box that had once held bananas",
            "Tuning was the slow part.",
            "But it sounds warm, a little unruly and entirely like itself, which is all I wanted.",
        ),
        drop=(
            W("Post Views: 1,234", "view-counter", exact=True),
            W("About Rob", NAV),
            W("Re-spring a reverb tank in an afternoon", PAGER),
            W("Built with GeneratePress", FOOT),
        ),
    ),
    Case(
        "widgets/view-counter-plain-fr.html",
        keep=(
            "Chaque premier samedi du mois, une vingtaine de kayaks quittent le ponton de l'île Barbe "
            "un peu avant neuf heures.",
            "« Le plus frappant, ce sont les petits morceaux », explique Claire Dumas",
            "L'association espère désormais essaimer vers d'autres rivières de la région",
        ),
        drop=(
            W("1 234 vues", "view-counter", exact=True),
            # the share bar follows the counter: its own reason, or past the article's end
            W("Partager cet article", {"share", "after-end"}, exact=True),
            W("Environnement", NAV),
            W("Tous droits réservés", FOOT),
        ),
        absent=("E-mail",),
    ),
    Case(
        "widgets/comments-wpdiscuz.html",
        keep=(
            "The first thing most new beekeepers learn about winter is that cold is not the enemy.",
            "Damp is another matter.",
            "But I will be cutting two more pieces of insulation board before next autumn.",
        ),
        drop=(
            W("2 Comments", "comments", exact=True),
            W("Inline Feedbacks", "comments"),
            W("View all comments", "comments"),
            W("Tomasz W.", "comments", exact=True),
            W("Interesting comparison. I have used a thin sheet of cork", "comments"),
            W("Did you leave the mesh floors fully open over winter", "comments"),
            W("Would love your thoughts, please comment.", COMMENT_CHROME),
            W("Swarm Collection", NAV),
            W("Powered by Astra WordPress Theme", FOOT),
        ),
        absent=("Notify of", "Most Voted", "2 months ago"),
        comments=(
            "Interesting comparison. I have used a thin sheet of cork on top of the crown board for years",
            "Did you leave the mesh floors fully open over winter, or slide the inspection boards in?",
        ),
    ),
    Case(
        "widgets/comments-disqus.html",
        keep=(
            "When Brenford’s bike-share scheme launched in early March, the city promised a bike "
            "within five minutes’ walk of ninety per cent of homes.",
            "Finding one was harder.",
            "whether it fulfils the city’s promise will depend less on the bikes than on those vans.",
        ),
        drop=(
            W("Join the discussion", "comments", exact=True),
            W("comments powered by Disqus", COMMENT_CHROME),
            W("Archive", NAV),
            W("Notes on getting around a small English city", FOOT),
        ),
        absent=("Please enable JavaScript to view the", "disqus_config"),
    ),
    Case(
        "widgets/comment-form-es.html",
        keep=(
            "Durante casi treinta años, la acequia de la Solana fue poco más que una zanja cubierta "
            "de zarzas al pie del pueblo.",
            "«Cuando se abandonó, no fue por falta de agua, sino de gente», explica Amparo Vidal",
            "donde ya han vuelto a verse ranas y libélulas.",
        ),
        drop=(
            W("Deja una respuesta", "comments"),
            W("Tu dirección de correo electrónico no será publicada.", "comments"),
            W("Nombre *", "comments", exact=True),
            W("Correo electrónico *", "comments", exact=True),
            W("Pueblos", NAV, exact=True),
            W("Funciona gracias a", FOOT),
        ),
        absent=("Guarda mi nombre, correo electrónico y web", "Publicar el comentario", "Saltar al contenido"),
    ),
    Case(
        "widgets/comment-list.html",
        keep=(
            "For two years my sourdough starter, a jar of flour paste I have named Gerald, behaved impeccably.",
            "The real culprit, it turned out, was my kitchen.",
            "A cheap thermometer on the counter will save you a lot of dense bread.",
        ),
        drop=(
            W("3 thoughts on", "comments"),
            W("Hannah Okafor", "comments"),
            W("March 4, 2024 at 6:52 pm", "comments"),
            W("Same thing happened to mine!", "comments"),
            W("Did you change the feeding ratio at all while it was cold", "comments"),
            W("Just the temperature, Luis.", "comments"),
            W("Leave a Reply", "comments"),
            W("Your email address will not be published.", "comments"),
            W("Website", "comments", exact=True),
            W("Recipes", NAV, exact=True),
            W("Proudly powered by WordPress.", FOOT),
        ),
        absent=("Save my name, email, and website in this browser", "Post Comment"),
        comments=(
            "Same thing happened to mine! I ended up keeping it in the oven with just the light switched on",
            "Did you change the feeding ratio at all while it was cold, or just the temperature?",
            "Just the temperature, Luis. The extra sourness is normal when fermentation runs slower",
        ),
    ),
    Case(
        "widgets/share-bar.html",
        keep=(
            "There is a particular kind of silence on Caldmoor after midnight.",
            "Between midnight and two o’clock I counted sixty-three meteors",
            "The sky will do the rest.",
        ),
        drop=(
            W("Share this story", "share", exact=True),
            W("Share this:", "share", exact=True),
            W("Facebook", {"share", "link-list"}, exact=True),
            W("Print", {"share", "link-list"}, exact=True),
            W("About the Journal", NAV),
            W("independent writing about the hills since 2011", FOOT),
        ),
        absent=("Like this:", "Loading..."),
    ),
    Case(
        "widgets/newsletter-mailchimp.html",
        keep=(
            "On a grey Sunday in late September, eleven volunteers in wellington boots picked their way "
            "across the rocks at Saltmarsh Bay",
            "a small colony of snakelocks anemones that had not been seen on this shore before.",
            # after the sign-up box: the article goes on
            "Survey leader Ayesha Grant cautions against reading too much into a single year.",
            "the only equipment required is a pair of boots and a tolerance for cold fingers.",
        ),
        drop=(
            W("Get the Shoreline newsletter", "newsletter", exact=True),
            W("Tide tables, survey dates and the best of our coastal reporting", "newsletter"),
            W("Coastal walks", NAV),
            W("Published by Saltmarsh Community Media CIC", FOOT),
        ),
        absent=("indicates required", "Email Address"),
    ),
    Case(
        "widgets/tags-hugo.html",
        keep=(
            "The wall along the top of our lane had been leaning for years",
            "you should never pick up the same stone twice.",
            "It is hard on the back and wonderful for the mind.",
        ),
        drop=(
            W("Filed under Countryside, DIY", "tags"),
            W("Dry Stone Walling", "tags", exact=True),
            W("Weekend Projects", "tags", exact=True),
            W("Learning to lay a hedge in the Midland style", PAGER),
            W("About", NAV, exact=True),
            W("Powered by", FOOT),
        ),
    ),
    Case(
        "widgets/promo-inline.html",
        keep=(
            "GREYHAVEN — The city’s regional airport will close completely for three weeks this autumn",
            # between and after the promos: the article is not cut at a promo
            "Two of the three airlines that serve Greyhaven said they would move flights to Port Ardley",
            "The resurfacing is expected to cost about $48 million",
            "Passengers with bookings during the closure are advised to contact their airline directly.",
        ),
        drop=(
            W("READ MORE: Greyhaven airport passenger numbers climb back to pre-pandemic levels", "promo"),
            W("WATCH: Drone footage shows the scale of the cracks in Greyhaven’s runway", "promo"),
            W("Obituaries", NAV),
            W("Sign In", NAV | {"login"}),
            W("All rights reserved", FOOT),
        ),
    ),
    Case(
        "widgets/promo-plain-es.html",
        keep=(
            "Las altas temperaturas de las últimas semanas han obligado a las bodegas de Valdeolmos",
            "La cosecha nocturna no es nueva en la zona, pero este año se ha generalizado.",
            "Algunas bodegas ya han empezado a plantar en las laderas orientadas al norte",
        ),
        drop=(
            W("LEE TAMBIÉN: Los embalses del Cerro caen por debajo del 30% de su capacidad", "promo"),
            W("TE PUEDE INTERESAR: Las cooperativas piden un precio mínimo", {"promo", "related"}),
            W("Economía", NAV),
            W("Todos los derechos reservados", FOOT),
        ),
    ),
    Case(
        "widgets/cookie-banner.html",
        keep=(
            "Tucked between the large-print novels and the local history shelves at Millbrook Public Library",
            "“We thought of it as a gift, and if a little came back, that was a bonus,” she says.",
            "planted entirely from the catalogue drawers.",
        ),
        drop=(
            W("We value your privacy", "cookie", exact=True),
            W("We use cookies to improve your browsing experience", "cookie"),
            W("Schools", NAV, exact=True),
            W("Copyright © 2024 Millbrook Community News", FOOT),
        ),
        absent=("Reject All",),
    ),
    Case(
        "widgets/cookie-plain-fr.html",
        keep=(
            "Il est cinq heures du matin rue des Tanneurs",
            "Le pari semble réussi.",
            "je sais pourquoi je me lève",
        ),
        drop=(
            W("Ce site utilise des cookies pour mesurer l'audience", "cookie"),
            W("Portraits", NAV),
            W("© 2024 La Gazette des Pentes", FOOT),
        ),
        absent=("En savoir plus", "Tout accepter"),
    ),
    # ---- whole pages with many widgets ----
    Case(
        "pages/blog-wordpress.html",
        keep=(
            "Twelve months ago a handful of us borrowed the church hall on Alder Street",
            "Most things are easier to fix than people think",
            "Security bit sets, because manufacturers love unusual screw heads",
            "If you would like to help, come along to the next session and introduce yourself at the welcome desk.",
        ),
        drop=(
            W("Session dates", NAV),
            W("A year of repair", NAV),
            W("Share this:", "share", exact=True),
            W("Related posts:", "related", exact=True),
            W("Anatomy of a toaster: why they fail and how to fix them", RELATED),
            W("zero waste", {"tags", "footer"}),
            W("About the author:", "byline-box"),
            W("Jo coordinates the repair café", "byline-box"),
            W("2 thoughts on", "comments"),
            W("You fixed my grandmother’s sewing machine in March", "comments"),
            W("Do you take laptops?", "comments"),
            W("Leave a Reply", "comments"),
            W("Spring bike clinic this Saturday", SIDEBAR),
            W("How-to guides", SIDEBAR),
            W("Proudly powered by WordPress", FOOT),
            # the consent banner is marked hidden until a script shows it: either reason fits
            W("Manage Cookie Consent", {"cookie", "hidden"}),
            W("we use technologies like cookies", {"cookie", "hidden"}),
        ),
        comments=(
            "You fixed my grandmother’s sewing machine in March and it has not skipped a stitch since.",
            "Do you take laptops? Mine has a hinge that cracked last winter",
        ),
    ),
    Case(
        "pages/news-plain.html",
        keep=(
            "The passenger ferry that shuttles commuters across Kestrel Harbour will switch to battery "
            "power next spring",
            "Harbour master Colm Reddy said the schedule had been designed",
            "Reddy said a heritage group had already asked about keeping Marram in the harbour as a "
            "floating museum.",
        ),
        drop=(
            W("1,234 views", "view-counter", exact=True),
            W("Advertisement", "ads", exact=True),
            W("READ MORE: Kestrel Harbour dredging plan approved after two-year delay", "promo"),
            W("Filed under: Transport, Environment, Kestrel Harbour", "tags"),
            # widgets after the first end-of-article widget may also count as "after-end"
            W("Sign up for our morning briefing", {"newsletter", "after-end"}),
            W("delivered to your inbox at 7am", {"newsletter", "after-end"}),
            W("12 comments", {"comments", "after-end"}, exact=True),
            W("Most read", {"related", "after-end", "sidebar"}, exact=True),
            W("Lifeboat crew rescue two kayakers off Gull Point", RELATED | SIDEBAR),
            W("What's on", NAV),
            # "Subscribe  Sign in" top bar: the account links of a paid paper
            W("Sign in", NAV | {"login", "newsletter"}),
            W("All rights reserved", FOOT),
        ),
    ),
]

IDS = [c.id for c in CASES]


def test_every_html_fixture_has_a_case():
    on_disk = {p.relative_to(FIXTURES).as_posix() for d in ("widgets", "pages") for p in (FIXTURES / d).glob("*.html")}
    assert on_disk == {c.file for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_case_texts_exist_in_fixture(case):
    """Guard against typos in this table: every snippet is really in the fixture."""
    import lxml.html

    page = norm(lxml.html.fromstring(read_fixture(case.file).encode("utf-8")).text_content())
    for s in list(case.keep) + [w.snippet for w in case.drop] + list(case.comments):
        assert norm(s) in page, s
    for w in case.drop:
        assert w.reasons <= set(REASONS), w


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_html_detected(case):
    assert clean_fixture(case.file).input_kind == "html"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_article_kept(case):
    assert_kept(clean_fixture(case.file), case.keep)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_widgets_removed(case):
    assert_case_removed(clean_fixture(case.file), case)


COMMENT_CASES = [c for c in CASES if c.comments]


@pytest.mark.parametrize("case", COMMENT_CASES, ids=[c.id for c in COMMENT_CASES])
def test_comments_not_collected_by_default(case):
    art = clean_fixture(case.file)
    for s in case.comments:
        assert norm(s) not in norm(art.comments)
        assert norm(s) not in norm(art.text)


@pytest.mark.parametrize("case", COMMENT_CASES, ids=[c.id for c in COMMENT_CASES])
def test_include_comments_puts_them_in_comments(case):
    art = clean_fixture(case.file, include_comments=True)
    for s in case.comments:
        assert norm(s) in norm(art.comments), f"{s!r} not in art.comments"
        assert norm(s) not in norm(art.text), f"{s!r} leaked into art.text"
    assert_kept(art, case.keep)


def test_include_comments_changes_nothing_else():
    """Collecting comments must not change the article text."""
    rel = "widgets/comment-list.html"
    assert clean_fixture(rel, include_comments=True).text == clean_fixture(rel).text


def test_fixture_as_bytes_gives_same_text():
    rel = "widgets/related-plain-de.html"
    assert clean_article((FIXTURES / rel).read_bytes()).text == clean_fixture(rel).text
