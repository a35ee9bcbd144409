"""Spec tests: the same widgets, in text a scraper already flattened (no markup to help).

Paragraphs are separated by blank lines in most fixtures, by single line breaks in
view-counter-fr.txt and promo.txt. Fixtures are described in fixtures/widgets/README.md.
"""
from __future__ import annotations

import pytest

from boilerstrip import REASONS, clean_article
from conftest import (
    FIXTURES, Case, W, assert_case_removed, assert_kept, clean_fixture, norm, read_fixture,
)

# Without markup, chrome lines are told apart by position and shape only; these are the
# defensible reasons for them.
NAV = {"navigation", "header", "link-list", "outside-main", "low-score"}
FOOT = {"footer", "after-end", "outside-main", "low-score", "link-list"}
PAGER = {"navigation", "after-end", "link-list", "low-score", "related"}
RELATED = {"related", "teaser", "after-end"}
# In flattened text nothing marks where a comment section ends: what follows it may be
# counted as part of it.
AFTER_COMMENTS = FOOT | {"comments"}
# Comment openers ("3 thoughts on ...", "Leave a Reply" opening a form) and comment content
# (author lines, bodies) are always "comments", even after the article's end:
# include_comments depends on it. The rest of a comment widget may just be past the end.
COMMENT_CHROME = {"comments", "after-end"}

CASES = [
    Case(
        "widgets/related.txt",
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
            W("Winter jobs for a sleeping plot", RELATED),
            W("Short days are no excuse to stay indoors", RELATED),
            W("Plots & waiting list", NAV),
            W("Registered charity no. 1098765", FOOT),
        ),
        absent=('In "Growing"', "17 September 2023", "Forty plots, one tea hut"),
    ),
    Case(
        # a teaser row under a heading that no table holds: found by its shape alone
        "widgets/related-unnamed.txt",
        keep=(
            "The old boathouse doors, warped by two decades of spring floods, finally came off "
            "their hinges on Saturday morning",
            "Head coach Martin Osei said the new doors would do more than keep the river out.",
            "Suggestions can be left in the box beside the coffee machine.",
        ),
        drop=(
            W("Volunteers repaint the club's oldest sculling boat", RELATED),
            W("The single scull that has hung from the boathouse ceiling", RELATED),
            W("Juniors bring home three medals from the county head", RELATED),
            W("Anyone who has rowed at six in the morning", RELATED),
            W("© 2024 Riverside Rowing Club", FOOT),
        ),
        absent=("Before you leave",),
    ),
    Case(
        # the same kind of row in one block (no blank lines), excerpts ending "[…]" as
        # WordPress writes them, a "Continue reading →" line between teasers
        "widgets/related-unnamed-block.txt",
        keep=(
            "The harbour authority has published the winter timetable for the island ferry",
            "The full timetable is posted at the ticket office",
        ),
        drop=(
            W("Lifeboat crew rescues two kayakers off the north point", RELATED),
            W("The primary school's choir of thirty pupils", RELATED),
            W("Council approves new cycle path along the old railway line", RELATED),
            W("© 2025 Harbour Town Gazette", FOOT),
        ),
        absent=("From around our newsroom", "Continue reading"),
    ),
    Case(
        # an Italian row under a heading no table holds, "Continua a leggere" after each
        "widgets/related-unnamed-it.txt",
        keep=(
            "L'autorità portuale ha pubblicato il nuovo orario invernale del traghetto",
            "I commercianti dell'isola hanno accolto il piano con favore.",
        ),
        drop=(
            W("Il coro della scuola canterà al concerto di Natale in cattedrale", RELATED),
            W("La commissione urbanistica ha approvato giovedì una pista ciclabile", RELATED),
        ),
        absent=("Da non perdere", "Continua a leggere"),
    ),
    Case(
        # an author box after the article: name, job title, bio, then the one line a table
        # knows ("Follow <name> on X ..."); the lines from the name down are the box's
        "widgets/author-box.txt",
        keep=(
            "The town library will open on Sunday afternoons from next month",
            "Sunday opening will be reviewed again in the spring, when the committee sets next year's budget.",
        ),
        drop=(
            W("Rosa Delgado", "byline-box", exact=True),
            W("Local Government Reporter", "byline-box", exact=True),
            W("Rosa Delgado covers the council, schools and planning", "byline-box"),
            W("Follow Rosa Delgado on X and LinkedIn.", "byline-box"),
            W("© 2025 Millbrook Weekly", FOOT),
        ),
    ),
    Case(
        # an index of posts is a row of teasers too: here the posts are the content
        "widgets/post-index.txt",
        keep=(
            "Sowing sweet peas in autumn",
            "Autumn-sown sweet peas flower weeks earlier than those sown in spring",
            "Lifting and storing dahlia tubers",
            "A mixed native hedge does more for garden birds than any feeder",
            "Saving tomato seed the simple way",
            "All it takes is a jar, some water and a few days of [...]",
        ),
        drop=(
            W("Home\nBlog\nAbout\nContact", NAV),
            W("© 2024 Hillside Gardening Notes", FOOT),
        ),
    ),
    Case(
        "widgets/related-de.txt",
        keep=(
            "Zum ersten Mal seit 1984 hat am Sonntagmorgen wieder ein planmäßiger Personenzug den "
            "kleinen Bahnhof von Kirchwald verlassen.",
            "Pendler hoffen, dass der Takt bald verdichtet wird",
            "Die Fahrradwerkstatt bleibt, zieht aber in den ehemaligen Güterschuppen um.",
        ),
        drop=(
            W("Das könnte Sie auch interessieren", "related", exact=True),
            W("Busverbindung ins Nachbartal wird ausgedünnt", RELATED),
            W("Nach drei Jahren Bauzeit können Radfahrer", RELATED),
            W("Kommentar: Die Schiene braucht mehr als Symbolpolitik", RELATED),
            W("Startseite Region Wirtschaft Sport Kultur Service", NAV),
            W("Impressum · Datenschutz · Kontakt · Abo", FOOT),
            W("Alle Rechte vorbehalten", FOOT),
        ),
        absent=("Region / Kirchwald",),
    ),
    Case(
        "widgets/view-counter.txt",
        keep=(
            "The synthesizer arrived in a cardboard box that had once held bananas",
            "Tuning was the slow part.",
            "But it sounds warm, a little unruly and entirely like itself, which is all I wanted.",
        ),
        drop=(
            W("Visited 12 times, 1 visit(s) today", "view-counter", exact=True),
            W("Home Restorations Builds About Rob", NAV),
            W("Re-spring a reverb tank in an afternoon", PAGER),
            W("Built with GeneratePress", FOOT),
        ),
        absent=("Skip to content", "Old electronics, new noises", "Categories Restorations"),
    ),
    Case(
        "widgets/view-counter-fr.txt",
        keep=(
            "Chaque premier samedi du mois, une vingtaine de kayaks quittent le ponton de l'île Barbe "
            "un peu avant neuf heures.",
            "« Le plus frappant, ce sont les petits morceaux », explique Claire Dumas",
            "L'association espère désormais essaimer vers d'autres rivières de la région",
        ),
        drop=(
            W("1 234 vues", "view-counter", exact=True),
            W("Partager cet article", {"share", "after-end"}, exact=True),
            W("Actualités Environnement Culture Sorties Contact", NAV),
            W("Tous droits réservés", FOOT),
        ),
        absent=("E-mail",),
    ),
    Case(
        "widgets/comments-wpdiscuz.txt",
        keep=(
            "The first thing most new beekeepers learn about winter is that cold is not the enemy.",
            "Damp is another matter.",
            "But I will be cutting two more pieces of insulation board before next autumn.",
        ),
        drop=(
            W("2 Comments", COMMENT_CHROME, exact=True),
            W("Inline Feedbacks", COMMENT_CHROME),
            W("View all comments", COMMENT_CHROME),
            W("Interesting comparison. I have used a thin sheet of cork", "comments"),
            W("Did you leave the mesh floors fully open over winter", "comments"),
            W("Would love your thoughts, please comment.", COMMENT_CHROME),
            W("Powered by Astra WordPress Theme", AFTER_COMMENTS),
        ),
        absent=("Notify of", "Most Voted", "Tomasz W.", "2 months ago"),
        comments=(
            "Interesting comparison. I have used a thin sheet of cork on top of the crown board for years",
            "Did you leave the mesh floors fully open over winter, or slide the inspection boards in?",
        ),
    ),
    Case(
        "widgets/comments-disqus.txt",
        keep=(
            "When Brenford’s bike-share scheme launched in early March, the city promised a bike "
            "within five minutes’ walk of ninety per cent of homes.",
            "Finding one was harder.",
            "whether it fulfils the city’s promise will depend less on the bikes than on those vans.",
        ),
        drop=(
            W("Join the discussion", "comments", exact=True),
            W("Please enable JavaScript to view the comments powered by Disqus.", COMMENT_CHROME, exact=True),
            W("comments powered by Disqus", COMMENT_CHROME, exact=True),
            W("Notes on getting around a small English city", AFTER_COMMENTS),
        ),
        absent=("sam@twowheels.example", "About Routes Archive"),
    ),
    Case(
        "widgets/comment-form-es.txt",
        keep=(
            "Durante casi treinta años, la acequia de la Solana fue poco más que una zanja cubierta "
            "de zarzas al pie del pueblo.",
            "«Cuando se abandonó, no fue por falta de agua, sino de gente», explica Amparo Vidal",
            "donde ya han vuelto a verse ranas y libélulas.",
        ),
        drop=(
            W("Deja una respuesta", "comments", exact=True),
            W("Tu dirección de correo electrónico no será publicada.", COMMENT_CHROME),
            W("Nombre *", COMMENT_CHROME, exact=True),
            W("Correo electrónico *", COMMENT_CHROME, exact=True),
            W("Guarda mi nombre, correo electrónico y web", COMMENT_CHROME | {"cookie"}),
            W("Funciona gracias a WordPress.", AFTER_COMMENTS),
            W("Portada", NAV),
        ),
        absent=("Saltar al contenido",),
    ),
    Case(
        "widgets/comment-list.txt",
        keep=(
            "For two years my sourdough starter, a jar of flour paste I have named Gerald, behaved impeccably.",
            "The real culprit, it turned out, was my kitchen.",
            "A cheap thermometer on the counter will save you a lot of dense bread.",
        ),
        drop=(
            W("3 thoughts on “Why my sourdough starter stopped rising", "comments"),
            W("Hannah Okafor says:", "comments"),
            W("Same thing happened to mine!", "comments"),
            W("Did you change the feeding ratio at all while it was cold", "comments"),
            W("Just the temperature, Luis.", "comments"),
            W("Leave a Reply", "comments", exact=True),
            W("Your email address will not be published.", COMMENT_CHROME),
            W("Website", COMMENT_CHROME, exact=True),
            W("Save my name, email, and website in this browser", COMMENT_CHROME | {"cookie"}),
            W("Proudly powered by WordPress. Privacy Policy", AFTER_COMMENTS),
            W("Home Sourdough Recipes About", NAV),
        ),
        absent=("A home baker’s notebook",),
        comments=(
            "Same thing happened to mine! I ended up keeping it in the oven with just the light switched on",
            "Did you change the feeding ratio at all while it was cold, or just the temperature?",
            "Just the temperature, Luis. The extra sourness is normal when fermentation runs slower",
        ),
    ),
    Case(
        "widgets/share-bar.txt",
        keep=(
            "There is a particular kind of silence on Caldmoor after midnight.",
            "Between midnight and two o’clock I counted sixty-three meteors",
            "The sky will do the rest.",
        ),
        drop=(
            W("Share this story", "share", exact=True),
            W("Share this:", "share", exact=True),
            W("Facebook", {"share", "link-list", "low-score"}, exact=True),
            W("Print", {"share", "link-list", "low-score"}, exact=True),
            W("independent writing about the hills since 2011", FOOT),
        ),
        absent=("Like this:", "Like Loading..."),
    ),
    Case(
        "widgets/newsletter.txt",
        keep=(
            "On a grey Sunday in late September, eleven volunteers in wellington boots picked their way "
            "across the rocks at Saltmarsh Bay",
            "a small colony of snakelocks anemones that had not been seen on this shore before.",
            "Survey leader Ayesha Grant cautions against reading too much into a single year.",
            "the only equipment required is a pair of boots and a tolerance for cold fingers.",
        ),
        drop=(
            W("Get the Shoreline newsletter", "newsletter", exact=True),
            W("Tide tables, survey dates and the best of our coastal reporting", "newsletter"),
            W("* indicates required", {"newsletter", "low-score"}, exact=True),
            W("Email Address *", {"newsletter", "low-score", "login"}, exact=True),
            W("News | Wildlife | Tide tables | Coastal walks | About us", NAV),
            W("Published by Saltmarsh Community Media CIC", FOOT),
        ),
    ),
    Case(
        "widgets/tags.txt",
        keep=(
            "The wall along the top of our lane had been leaning for years",
            "you should never pick up the same stone twice.",
            "It is hard on the back and wonderful for the mind.",
        ),
        drop=(
            W("Filed under: Countryside, DIY", "tags", exact=True),
            W("Tags: dry stone walling, heritage skills, weekend projects", "tags", exact=True),
            W("Learning to lay a hedge in the Midland style", PAGER),
            W("Powered by Hugo & PaperMod", FOOT),
        ),
    ),
    Case(
        "widgets/promo.txt",
        keep=(
            "GREYHAVEN — The city’s regional airport will close completely for three weeks this autumn",
            "“We looked very hard at doing this at night and keeping the airport open during the day,” Ilves said.",
            "Two of the three airlines that serve Greyhaven said they would move flights to Port Ardley",
            "The resurfacing is expected to cost about $48 million",
            "Passengers with bookings during the closure are advised to contact their airline directly.",
        ),
        drop=(
            W("READ MORE: Greyhaven airport passenger numbers climb back to pre-pandemic levels", "promo", exact=True),
            W("WATCH: Drone footage shows the scale of the cracks in Greyhaven’s runway", "promo", exact=True),
        ),
    ),
    Case(
        "widgets/promo-es.txt",
        keep=(
            "Las altas temperaturas de las últimas semanas han obligado a las bodegas de Valdeolmos",
            "La cosecha nocturna no es nueva en la zona, pero este año se ha generalizado.",
            "Algunas bodegas ya han empezado a plantar en las laderas orientadas al norte",
        ),
        drop=(
            W("LEE TAMBIÉN: Los embalses del Cerro caen por debajo del 30% de su capacidad", "promo", exact=True),
            W("TE PUEDE INTERESAR: Las cooperativas piden un precio mínimo para la uva de este año",
              {"promo", "related"}, exact=True),
            W("Todos los derechos reservados", FOOT),
        ),
    ),
    Case(
        "widgets/cookie.txt",
        keep=(
            "Tucked between the large-print novels and the local history shelves at Millbrook Public Library",
            "“We thought of it as a gift, and if a little came back, that was a bonus,” she says.",
            "planted entirely from the catalogue drawers.",
        ),
        drop=(
            W("We value your privacy", "cookie", exact=True),
            W("We use cookies to improve your browsing experience", "cookie"),
            W("Customize Reject All Accept All", {"cookie", "low-score", "navigation"}, exact=True),
            W("Home Community Schools What’s On", NAV),
            W("Copyright © 2024 Millbrook Community News", FOOT),
        ),
        absent=("Skip to content",),
    ),
    Case(
        "pages/blog-wordpress.txt",
        keep=(
            "Twelve months ago a handful of us borrowed the church hall on Alder Street",
            "Most things are easier to fix than people think",
            "Security bit sets, because manufacturers love unusual screw heads",
            "If you would like to help, come along to the next session and introduce yourself at the welcome desk.",
        ),
        drop=(
            W("Session dates", NAV),
            W("Home » Blog » A year of repair", NAV),
            W("Share this:", "share", exact=True),
            W("Related posts:", "related", exact=True),
            W("Anatomy of a toaster: why they fail and how to fix them", RELATED),
            W("About the author: Jo Whitfield", {"byline-box", "after-end"}),
            W("Jo coordinates the repair café", {"byline-box", "after-end"}),
            W("2 thoughts on", "comments"),
            W("You fixed my grandmother’s sewing machine in March", "comments"),
            W("Do you take laptops?", "comments"),
            W("Leave a Reply", "comments", exact=True),
            W("Spring bike clinic this Saturday", AFTER_COMMENTS | {"sidebar", "navigation"} | RELATED),
            W("we use technologies like cookies", {"cookie", "after-end"}),
        ),
        absent=("Community, News repair, volunteering, zero waste", "Mending things, together"),
        comments=(
            "You fixed my grandmother’s sewing machine in March and it has not skipped a stitch since.",
            "Do you take laptops? Mine has a hinge that cracked last winter",
        ),
    ),
]

IDS = [c.id for c in CASES]


def test_every_text_fixture_has_a_case():
    on_disk = {p.relative_to(FIXTURES).as_posix() for d in ("widgets", "pages") for p in (FIXTURES / d).glob("*.txt")}
    assert on_disk == {c.file for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_case_texts_exist_in_fixture(case):
    """Guard against typos in this table: every snippet is really in the fixture."""
    page = norm(read_fixture(case.file))
    for s in list(case.keep) + [w.snippet for w in case.drop] + list(case.comments) + list(case.absent):
        assert norm(s) in page, s
    for w in case.drop:
        assert w.reasons <= set(REASONS), w


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_text_detected(case):
    assert clean_fixture(case.file).input_kind == "text"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_article_kept(case):
    assert_kept(clean_fixture(case.file), case.keep)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_widgets_removed(case):
    assert_case_removed(clean_fixture(case.file), case)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_forced_text_mode_is_the_same(case):
    art = clean_article(read_fixture(case.file), input="text")
    assert art.text == clean_fixture(case.file).text


COMMENT_CASES = [c for c in CASES if c.comments]


@pytest.mark.parametrize("case", COMMENT_CASES, ids=[c.id for c in COMMENT_CASES])
def test_include_comments_puts_them_in_comments(case):
    art = clean_fixture(case.file, include_comments=True)
    for s in case.comments:
        assert norm(s) in norm(art.comments), f"{s!r} not in art.comments"
        assert norm(s) not in norm(art.text), f"{s!r} leaked into art.text"
    assert_kept(art, case.keep)


@pytest.mark.parametrize("case", COMMENT_CASES, ids=[c.id for c in COMMENT_CASES])
def test_comments_not_collected_by_default(case):
    art = clean_fixture(case.file)
    for s in case.comments:
        assert norm(s) not in norm(art.comments)


def test_flattened_page_keeps_what_the_html_page_keeps():
    """The same page as HTML and flattened: the same long paragraphs are kept both ways."""
    def long_kept(art):
        return {norm(line) for b in art.blocks for line in b.text.split("\n") if len(line) > 150}

    from_html = long_kept(clean_fixture("pages/blog-wordpress.html"))
    from_text = long_kept(clean_fixture("pages/blog-wordpress.txt"))
    assert from_text == from_html
    assert len(from_html) >= 4


def test_headline_under_a_menu_with_a_byline_is_the_title():
    """A headline straight over its byline and the article is the title even when a
    menu widget ("Home ...") names the lines under it as navigation."""
    art = clean_fixture("widgets/related-unnamed.txt")
    assert art.title == "New boathouse doors open after twenty years of fundraising"
    assert "New boathouse doors" not in art.text


_PROSE = ("The council met on Tuesday evening to discuss the new bridge, and most of the "
          "members agreed that the budget had to be revised before any work could begin. "
          "Residents who came to the meeting asked why the plan had taken so long.")


@pytest.mark.parametrize("top", [
    # a title over a subheading: neither is taken alone, both stay
    ["Nine Fitness Trends To Watch This Year", "Fitness Trends: A Brief Look"],
    # a menu, then the headline (again under a crumb) over the article
    ["Home News Sport Weather", "News > Local > Bridge vote delayed again",
     "Bridge vote delayed again by the council"],
    # three headlines stacked over the article
    ["Tuition and fees for the coming year", "Consistent rates for a decade now",
     "Clear costs and strong values for students"],
])
def test_cleaning_the_cleaned_text_changes_nothing(top):
    doc = "\n\n".join(top + [_PROSE, _PROSE.replace("Tuesday", "Monday"), "Share this:", "Facebook"])
    first = clean_article(doc, input="text")
    second = clean_article(first.text, input="text")
    assert first.text and second.text == first.text
    assert _PROSE in first.text


def test_headline_over_prose_is_taken_at_once():
    """What a second cleaning would take as the title (the kept text's first line, a
    headline over prose) is the title of the first."""
    doc = "\n\n".join(["Home News Sport Weather", "Bridge vote delayed again by the council", _PROSE])
    art = clean_article(doc, input="text")
    assert art.title == "Bridge vote delayed again by the council"
    assert art.text.startswith("The council met")


def test_copyright_line_ends_the_article():
    """A whole-page dump: after the article, the footer's copyright line; the prose under
    it (a site's disclaimer, a consent banner) is no part of the article. A credit in a
    caption ("All rights reserved, ...") ends nothing."""
    body = [_PROSE, "Photo: the old bridge at dusk. All rights reserved, City Archive 2024.",
            _PROSE.replace("Tuesday", "Monday"), _PROSE.replace("Tuesday", "Friday")]
    disclaimer = ("The information on this website is provided for general purposes only and "
                  "does not constitute advice of any kind; please consult a qualified person "
                  "before you act on anything you read here.")
    doc = "\n\n".join(body + ["© 2025 Example Media Ltd. All rights reserved.", disclaimer])
    art = clean_article(doc, input="text", metadata=False)
    assert _PROSE in art.text and "Friday evening" in art.text
    assert "general purposes" not in art.text


def test_a_dump_of_only_the_page_title_holds_no_article():
    """A whole-page dump that holds nothing but the page's <title> line (a page that
    renders its body with scripts): no article, the line is the title; a sentence, or a
    line cut short too long for a title, is kept."""
    for line in ("Picking a first telescope - Beginners - Stargazers Forum",
                 "2025 in review: my favourite new-to-me games"):
        art = clean_article(line, input="text")
        assert art.text == "" and art.title == line
        assert "only a title line" in art.reason  # the reason says why the text is empty
        assert clean_article(art.text, input="text").text == ""
    for line in ("The council met on Tuesday to discuss the bridge.",
                 "The council met on Tuesday evening to discuss the new bridge over the river, and "
                 "after a long debate the members agreed that the work should begin in the s"):
        assert clean_article(line, input="text").text == line


def test_a_block_of_listings_after_the_article_ends_it():
    """A whole-page dump: after the article, a block of property listings (price, rooms,
    address, a line cut short) that shares no words with it and is worth far less than
    nothing: the article ended before it. A table (" | " cells), a list written out with
    markers and a paragraph of prose in the same place, sharing as little, are kept."""
    homes = ["$%d,000\n%d beds 2 baths 1,%d28 sq ft\n17%d6 F St, Sparks, NV 89431\n"
             "Finished basement with a new furnace, quartz counters and a fenced yard near" % (
                 380 + k, 2 + k % 3, k, k) for k in range(6)]
    body = [_PROSE.replace("Tuesday", day) for day in (
        "Tuesday", "Monday", "Friday", "Sunday", "Saturday", "Thursday", "Wednesday")]
    listings = "\n".join(homes)
    art = clean_article("\n\n".join(body + [listings]), input="text", metadata=False)
    assert "Friday evening" in art.text and "Finished basement" not in art.text
    assert clean_article(art.text, input="text", metadata=False).text == art.text
    table = "\n".join(h.replace("\n", " | ") for h in homes)
    marked = "\n".join("- " + h.replace("\n", ", ") for h in homes)
    prose = " ".join(["Finished basements with new furnaces, quartz counters and fenced yards "
                      "near Sparks sell quickly in spring, agents say, and buyers bid early."] * 6)
    for block in (table, marked, prose):
        art = clean_article("\n\n".join(body + [block]), input="text", metadata=False)
        assert "Finished basement" in art.text


_MEGA_MENU = "\n".join([
    "Shop By Category Guitars Basses Keyboards Drums Microphones",
    "Solidbody Guitars Semi-hollowbody Guitars Hollowbody Guitars Baritone Guitars",
    "Acoustic Guitars Classical Guitars Resonator Guitars Travel Guitars",
    "Guitar Amps Guitar Pedals Pedalboards Power Supplies Strings Cables",
    "Bass Guitars Bass Amps Bass Pedals Bass Strings Bass Cases",
    "Studio Monitors Audio Interfaces Studio Headphones Studio Furniture",
    "Dynamic Microphones Condenser Microphones Ribbon Microphones Wireless Systems",
    "Drum Sets Cymbals Snare Drums Electronic Drums Percussion",
    "Synthesizers Stage Pianos Controllers Workstations Organs",
    "Gift Cards Deals Clearance New Arrivals Best Sellers",
    "Call our friendly sales team on weekdays for advice on anything you need.",
])


def test_a_mega_menu_block_is_chrome_not_prose():
    """A whole-page dump whose menu came out as one block of many lines (link columns
    run together, a line ending with a stop at its foot) is page chrome, not the
    article: a comments line under it (before the article's prose) ends nothing, as
    the menu is no article text that came before. A list written out with markers, and
    prose broken over many lines, stay prose."""
    body = [_PROSE.replace("Tuesday", day) for day in (
        "Tuesday", "Monday", "Friday", "Sunday", "Saturday", "Thursday")]
    doc = "\n\n".join([_MEGA_MENU, "Leave a comment", *body, "Share this:", "Facebook"])
    art = clean_article(doc, input="text", metadata=False)
    assert "Friday evening" in art.text and "Tuesday evening" in art.text
    assert "Solidbody" not in art.text
    assert clean_article(art.text, input="text", metadata=False).text == art.text
    # a menu of short lines longer than the article: no more article text before the line
    columns = "\n".join([w for ln in _MEGA_MENU.split("\n")[:-1] for w in ln.split()] * 3)
    art = clean_article("\n\n".join([columns, "Leave a comment", *body]), input="text", metadata=False)
    assert len(columns) > len("".join(body)) and "Friday evening" in art.text
    # as lines of a list written out, or prose broken over lines, the same block is kept
    marked = "\n".join("- " + ln for ln in _MEGA_MENU.split("\n"))
    broken = "\n".join(" ".join(_PROSE.split()[k:k + 4]) for k in range(0, len(_PROSE.split()), 4))
    for block in (marked, broken):
        art = clean_article("\n\n".join([block, *body]), input="text", metadata=False)
        assert block.split("\n")[1] in art.text


def test_an_in_body_related_box_does_not_end_a_long_article():
    """A "Related Content:" box three fifths down a long article, its teasers cut short:
    the box goes, the article goes on under it. Under the same box near the article's
    end (little prose after it), what follows is cut."""
    days = ("Tuesday", "Monday", "Friday", "Sunday", "Saturday", "Thursday", "Wednesday",
            "January", "March", "April")
    body = [_PROSE.replace("Tuesday", day) for day in days]
    box = ["Related Content:",
           "Ten ways the council could fund the new bridge before the...\n"
           "Why the old ferry service stopped running last..."]
    art = clean_article("\n\n".join(body[:6] + box + body[6:]), input="text", metadata=False)
    assert "April evening" in art.text and "Friday evening" in art.text
    assert "Related Content" not in art.text and "old ferry" not in art.text
    art = clean_article("\n\n".join(body[:9] + box + body[9:]), input="text", metadata=False)
    assert "March evening" in art.text and "April evening" not in art.text


def test_a_read_more_under_each_item_is_a_button_not_a_heading():
    """An article's own list of reviews, each item closed by a "Read more" link: the
    line printed under every item is a button (removed), not a related heading over the
    items that follow it; the items stay. One "Read more" line alone still heads a
    related list."""
    body = [_PROSE.replace("Tuesday", day) for day in ("Tuesday", "Monday", "Friday", "Sunday")]
    items = []
    for name in ("Janome", "Bernette", "Brother", "Singer"):
        items += [f"{name} sewing machine review",
                  f"The council members who sew tested the {name} machine at the bridge "
                  "meeting, and most agreed it was the best budget choice for beginners.",
                  "Read more"]
    art = clean_article("\n\n".join(body + items + [_PROSE.replace("Tuesday", "Saturday")]),
                        input="text", metadata=False)
    assert "Singer sewing machine review" in art.text and "Bernette machine" in art.text
    assert "Read more" not in art.text and "Saturday evening" in art.text
    assert clean_article(art.text, input="text", metadata=False).text == art.text
    teasers = ["Read more", "Ten ways the city could pay for a new ferry before the...",
               "Why the old market hall closed its doors last..."]
    art = clean_article("\n\n".join(body + teasers), input="text", metadata=False)
    assert "Read more" not in art.text and "old market hall" not in art.text


def test_a_table_above_an_in_body_related_box_is_no_prose_before_it():
    """A price table (many lines, no sentence) above an in-body "More on ..." box, the
    article's prose going on under the box as long as above it: the box ends nothing,
    the table being no prose that came before it."""
    body = [_PROSE.replace("Tuesday", day) for day in ("Tuesday", "Monday", "Friday")]
    parts = ("deck", "piers", "cables", "railings", "lights", "drains", "joints", "paint")
    table = "\n".join(f"{part} of the bridge\tcouncil budget\tmembers agreed" for part in parts * 5)
    box = "More on the bridge\nWhy the ferry stopped\nWho pays for the new deck"
    rest = [_PROSE.replace("Tuesday", day) for day in ("Sunday", "Saturday", "Thursday")]
    art = clean_article("\n\n".join(body + [table, box] + rest), input="text", metadata=False)
    assert "Thursday evening" in art.text and "Tuesday evening" in art.text
    assert "Why the ferry stopped" not in art.text


def test_a_comment_list_naming_the_post_ends_the_article_however_long():
    """A blog's comment list under its heading "59 Comments on “Title”" runs longer than
    the post: the heading names the post, so it ends the article all the same, and no
    comment stays. A thread's "20 replies to this topic", which names no post, is judged
    as other comments lines are: the replies, longer than the first post, stay."""
    body = [_PROSE.replace("Tuesday", day) for day in ("Tuesday", "Monday", "Friday")]
    comments = []
    for k, name in enumerate(("Emma", "Chris S", "Max Battcher", "Pete", "Kent Bunn", "Marc") * 2):
        comments += [f"{name}\nDecember 18, 2025, 9:{10 + k} pm",
                     f"I read this twice, and reply number {k} agrees that the council should "
                     "pay for the bridge before the ferry stops running, as the members said "
                     "at the long meeting on the riverside last week."]
    for heading in ("59 Comments on “The council and the bridge”",
                    "12 Kommentare zu „Die Brücke“"):
        art = clean_article("\n\n".join(body + [heading] + comments), input="text", metadata=False)
        assert "Friday evening" in art.text and "Tuesday evening" in art.text
        assert "reply number" not in art.text and heading not in art.text
    art = clean_article("\n\n".join(body[:1] + ["20 replies to this topic"] + comments),
                        input="text", metadata=False)
    assert "reply number 11" in art.text


def test_footer_link_headings_cookie_panels_and_recently_viewed_are_widgets():
    """Headings a page's footer and consent panel print over their links ("Quick Links",
    "Connect with us", "Functional Cookies", "Recently viewed") name what they are."""
    from boilerstrip.score import phrase_reason
    for line, reason in (("Quick Links", "navigation"), ("Useful links:", "navigation"),
                         ("Footer navigation", "navigation"), ("Back to blog", "navigation"),
                         ("Connect with us", "share"), ("Functional Cookies", "cookie"),
                         ("Strictly Necessary Cookies", "cookie"), ("Cookie List", "cookie"),
                         ("List of IAB Vendors", "cookie"), ("Recently viewed products", "related"),
                         ("Pagination", "navigation"), ("Go to page", "navigation"),
                         ("Search for:", "navigation"), ("Live chat", "control"),
                         ("Feedback", "control"), ("How can we help?", "control"),
                         ("Skip to main site navigation", "navigation"), ("Breadcrumb", "navigation"),
                         ("Your cart is empty", "control"), ("Continue shopping", "control"),
                         ("Have an account?", "login")):
        assert phrase_reason(line) == reason, line
    for line in ("Quick links to the council's budget are in the report below.",
                 "We connect with us all through the bridge.", "Recently viewed as a success",
                 "How can we help the council pay for the bridge?", "Feedback from the members"):
        assert phrase_reason(line) is None, line


def test_blog_comment_headers_end_the_article_however_long_the_comments_run():
    """A blog's comments flattened without their heading: "Sharon says", the date on the
    next line, the comment; repeated more often than the post is long. The first header
    ends the article. A forum's "name said:" quote line, with no date under it, and one
    "Name says:" line introducing a quote in the article, end nothing."""
    body = [_PROSE.replace("Tuesday", day) for day in ("Tuesday", "Monday", "Friday")]
    comments = []
    for k, name in enumerate(("Sharon", "Jill Winger", "Amy", "Doris Adams-Boyd") * 4):
        comments += [f"{name} says", f"July {k + 1}, 2015 at 3:{10 + k} pm",
                     f"Comment number {k}: the council should pay for the bridge before the "
                     "ferry stops running, as the members said at the long meeting last week.",
                     "Reply"]
    for lines in (comments, [f"{a}\n{b}" if a.endswith("says") else a
                             for a, b in zip(comments, comments[1:] + [""])
                             if not _is_date(a)]):
        art = clean_article("\n\n".join(body + lines), input="text", metadata=False)
        assert "Friday evening" in art.text and "Tuesday evening" in art.text
        assert "Comment number" not in art.text and "Sharon says" not in art.text
    quoted = body[:1] + ["Mayor Jane Doe says:", body[1], "Ralston18 said:", body[2]]
    art = clean_article("\n\n".join(quoted), input="text", metadata=False)
    assert "Monday evening" in art.text and "Friday evening" in art.text


def _is_date(line: str) -> bool:
    return line.startswith("July ") and " at " in line


def test_a_bare_comments_heading_ends_the_article_but_one_under_each_item_is_a_button():
    """"Comments" alone over a short comment list after the article ends it. Printed
    under each item of a listing, the same line is each item's button: the listing
    stays whole. "Reply" under each comment still marks the comment list."""
    body = [_PROSE.replace("Tuesday", day) for day in ("Tuesday", "Monday", "Friday", "Sunday")]
    comment = ("Great read, the council should pay for the bridge before the ferry stops "
               "running, as the members said at the long meeting.")
    art = clean_article("\n\n".join(body + ["Comments", "Sheri\n" + comment]),
                        input="text", metadata=False)
    assert "Sunday evening" in art.text and "Great read" not in art.text
    items = []
    for name in ("Janome", "Bernette", "Brother", "Singer", "Juki", "Pfaff"):
        items += [f"{name} sewing machine review",
                  f"The council members who sew tested the {name} machine at the bridge "
                  "meeting, and most agreed it was the best budget choice for beginners.",
                  "Comments"]
    art = clean_article("\n\n".join(items), input="text", metadata=False)
    assert "Pfaff machine" in art.text and "Janome machine" in art.text
    assert "\nComments" not in art.text
    replies = []
    for name in ("Editor", "James", "Anonymous", "Mark"):
        replies += ["Reply", f"{name} September 15, 2008 at 9:19 PM",
                    f"Thanks {name}, my grandmother cooked rice this way for years and "
                    "loved every pot of it, so I shall try it soon."]
    art = clean_article("\n\n".join(body + replies), input="text", metadata=False)
    assert "Sunday evening" in art.text and "grandmother" not in art.text


def test_footer_column_headings_stop_the_article_with_their_links():
    """A footer flattened after the article: "Company" over its links, "Legal" over
    others. The headings and their links go; the same word inside a sentence, or a
    footer menu whose other lines name it ("About Us\\nTerms of Use"), is judged as
    before."""
    body = [_PROSE.replace("Tuesday", day) for day in ("Tuesday", "Monday", "Friday")]
    for footer in (["Company", "Learning Center About Us Service Area Memberships", "Legal",
                    "Accessibility Statement Sitemap Wholesale"],
                   ["Company", "Our Story Team Careers Affiliates Contact Us"]):
        art = clean_article("\n\n".join(body + footer), input="text", metadata=False)
        assert "Friday evening" in art.text
        assert "Memberships" not in art.text and "Wholesale" not in art.text
        assert "Affiliates" not in art.text
    from boilerstrip.score import _FOOTER_HEADING
    assert _FOOTER_HEADING.match("about us\nour story")
    assert not _FOOTER_HEADING.match("company news from the council")


def test_a_consent_panel_after_the_article_goes_however_long_its_texts():
    """A consent manager's panel flattened under the article: its notice and category
    texts run longer than a cookie phrase may, but their standard openings name them."""
    body = [_PROSE.replace("Tuesday", day) for day in ("Tuesday", "Monday", "Friday")]
    filler = (" This information might be about you, your preferences or your device and is "
              "mostly used to make the site work as you expect it to.") * 4
    panel = ["We and our 644 partners store and access personal data, like browsing data or "
             "unique identifiers, on your device." + filler,
             "Use precise geolocation data. Actively scan device characteristics for "
             "identification." + filler,
             "When you visit any website, it may store or retrieve information on your "
             "browser, mostly in the form of cookies." + filler]
    art = clean_article("\n\n".join(body + panel), input="text", metadata=False)
    assert "Friday evening" in art.text
    assert "partners" not in art.text and "geolocation" not in art.text
    assert "retrieve information" not in art.text
    assert all(b.reason == "cookie" for b in art.removed if "device" in b.text)
