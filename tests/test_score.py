"""Unit tests of stage 2, scoring (src/boilerstrip/score.py), on small made-up pages."""
from __future__ import annotations

from boilerstrip import clean_article, rules, score
from boilerstrip.score import Options, phrase_reason
from boilerstrip.segment import segment_markup, segment_text

PROSE = (
    "The committee met on Tuesday to discuss the plan for the new library, and after a long "
    "debate the members agreed that the work should begin in the spring of next year. "
)


def scored(markup: str, **opts):
    seg, _ = segment_markup(markup.encode("utf-8"))
    score.score(seg, Options(**opts))
    return {b.text: b.reason for b in seg.blocks}


def test_widget_phrases():
    assert phrase_reason("Visited 12 times, 1 visit(s) today") == "view-counter"
    assert phrase_reason("READ MORE: Another story entirely") == "promo"
    assert phrase_reason("Related Articles") == "related"
    assert phrase_reason("Leave a Reply") == "comments"
    # a comment list's heading with a qualifier, and its pager
    for line in ("124 Reader Comments", "3 user comments", "Readers' comments:",
                 "Comments navigation", "Older comments"):
        assert phrase_reason(line) == "comments", line
    assert phrase_reason("124 readers commented on the plan within a day.") is None
    assert phrase_reason("We use cookies to improve your experience.") == "cookie"
    assert phrase_reason("Add to cart") == "control"
    assert phrase_reason("Tags: travel, food") == "tags"
    assert phrase_reason("© 2024 Some Site. All rights reserved.") == "footer"
    assert phrase_reason("Menu\nHome") == "navigation"          # any line of a block
    assert phrase_reason("Ähnliche Artikel") == "related"        # not only English
    assert phrase_reason(PROSE) is None
    assert phrase_reason("x" * 1000) is None                    # long text is never a widget
    # an author box's follow line, a newsletter box's prompt and its thank-you
    assert phrase_reason("Jane Doe\nSenior Editor\nFollow Jane Doe on X and LinkedIn.") == "byline-box"
    assert phrase_reason("Get the best of The Weekly in your inbox") == "newsletter"
    assert phrase_reason("Thank you for subscribing!") == "newsletter"
    assert phrase_reason("View all posts by Jane Doe") == "byline-box"
    # ... but a line that only mentions an inbox, or following someone, is none of them
    assert phrase_reason("CVs in your inbox within 72 hours") is None
    assert phrase_reason("We decided to follow the river on foot for the last two miles.") is None
    # a forum app's signature under a post; a sentence that says so is no signature
    assert phrase_reason("Sent from my iPhone using Tapatalk") == "meta"
    assert phrase_reason("Sent from my SM-S908U using AC Forums mobile app") == "meta"
    assert phrase_reason("I sent from my phone using the app a long note to my sister.") is None


def test_region_keeps_the_article_and_drops_page_chrome():
    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a> <a href='/c'>Contact</a></nav>"
        "<div class='layout'><div class='content'>" + "".join(f"<p>{i} {PROSE}</p>" for i in range(5)) +
        "</div><div class='sidebar'><p>Popular posts on this site this week</p></div></div>"
        "<footer><p>© 2024 The Site. All rights reserved.</p></footer></body></html>"
    )
    reasons = scored(page)
    kept = [t for t, r in reasons.items() if r is None]
    assert len(kept) == 5 and all(PROSE.strip() in t for t in kept)
    assert reasons["Home About Contact"] == "navigation"
    assert reasons["© 2024 The Site. All rights reserved."] == "footer"
    assert reasons["Popular posts on this site this week"] in ("sidebar", "outside-main")


def test_a_layout_hint_on_the_content_column_is_not_believed():
    page = ("<html><body><div class='sidebar-left'>" + "".join(f"<p>{i} {PROSE}</p>" for i in range(4)) +
            "</div></body></html>")
    assert all(r is None for r in scored(page).values())


POLICY = ("You may return unworn items within thirty days of delivery for a full refund, and "
          "the refund is issued to the original payment method once we have received them. ")


def test_a_footer_element_holding_most_of_the_text_is_still_the_footer():
    # a product page: a short description, and the site's policies in hidden dialogs
    # inside its <footer>, which then holds most of the page's prose
    page = ("<html><body><main><h1>Wool Runner</h1>"
            + "".join(f"<p>{i} {PROSE}</p>" for i in range(2)) + "</main>"
            "<footer><div class='links'><a href='/terms'>Terms</a></div>"
            "<div role='dialog' id='modal-refund-policy'>"
            + "".join(f"<p>{i} {POLICY}</p>" for i in range(12)) + "</div></footer></body></html>")
    reasons = scored(page)
    assert [t for t, r in reasons.items() if r is None and PROSE.strip() in t] == [
        f"{i} {PROSE.strip()}" for i in range(2)]
    policy = [r for t, r in reasons.items() if POLICY.strip() in t]
    assert len(policy) == 12 and set(policy) == {"footer"}
    # only the element is believed at any share: a "footer" class on the box that
    # holds the article says nothing about its text
    page = ("<html><body><div class='site-footer-wrap'>"
            + "".join(f"<p>{i} {PROSE}</p>" for i in range(4)) + "</div></body></html>")
    assert all(r is None for r in scored(page).values())


def test_a_hidden_tab_panel_is_content_and_other_hidden_text_is_not():
    # tabs: the panel not shown yet has the ``hidden`` attribute or display: none; a
    # hidden box that is no tab panel (a popup) stays hidden
    page = ("<html><body><article><h1>Install the tools</h1><p>0 " + PROSE + "</p>"
            "<div role='tablist'><button role='tab'>Linux</button><button role='tab'>macOS</button></div>"
            "<section role='tabpanel'><p>1 " + PROSE + "</p></section>"
            "<section role='tabpanel' hidden><p>2 " + PROSE + "</p></section>"
            "<section role='TabPanel' style='display: none'><p>3 " + PROSE + "</p></section>"
            "<p>4 " + PROSE + "</p>"
            "<div style='display:none'><p>Get our deals first: join the list today.</p></div>"
            "<div hidden><p>5 " + PROSE + "</p></div></article></body></html>")
    reasons = scored(page)
    for i in range(5):
        assert reasons[f"{i} {PROSE.strip()}"] is None, i
    assert reasons[f"5 {PROSE.strip()}"] == "hidden"
    assert reasons["Get our deals first: join the list today."] == "hidden"


def test_one_or_two_headings_after_the_last_kept_text_head_nothing():
    body = "".join(f"<h2>Part {i}</h2><p>{i} {PROSE}</p>" for i in range(3))
    # a widget's title left at the end (its links went as a link list)
    reasons = scored("<html><body><article>" + body + "<h3>Spring catalogue</h3></article></body></html>")
    assert reasons["Spring catalogue"] == "after-end"
    assert all(reasons[f"Part {i}"] is None for i in range(3))
    reasons = scored("<html><body><article>" + body + "<h3>Our partners</h3><h4>In the press</h4>"
                     "</article></body></html>")
    assert reasons["Our partners"] == reasons["In the press"] == "after-end"
    # a longer run of headings is a list of titles, kept
    titles = ["A fox at the gate", "Rain over the valley", "The last train home"]
    reasons = scored("<html><body><article>" + body + "".join(f"<h3>{t}</h3>" for t in titles)
                     + "</article></body></html>")
    assert all(reasons[t] is None for t in titles)
    # a page of headings alone keeps them
    reasons = scored("<html><body><main><h2>Contact the office</h2></main></body></html>")
    assert reasons["Contact the office"] is None


def test_a_short_paragraph_stays_between_prose_and_goes_at_the_edges(monkeypatch):
    def prose(n, at=0):
        return "".join(f"<p>{at + i} {PROSE}</p>" for i in range(n))
    run = ["Short one here.", "Short two here.", "Short three here."]
    closing = ("Photographs: Anna Berg, Tom Field, Lee Marsh, Sam Stone, Kim North, "
               "Pat West, Jo Lane")  # (longer than a short line, and no prose)
    page = ("<html><body><article><p>Lead line.</p>" + prose(5) + "".join(f"<p>{t}</p>" for t in run)
            + prose(5, 5) + "<p>Notes from the hill.</p><h3>Plans for the spring</h3>"
            + f"<p>{closing}</p></article>"
            "<footer><p>&copy; 2024 The Site. All rights reserved.</p></footer></body></html>")
    reasons = scored(page)
    # a run of short lines between kept prose stays whole
    assert all(reasons[t] is None for t in run), reasons
    # a short line before the first prose has no kept prose on its other side and goes;
    # after the last prose, short headings go too; a longer line there is no short one
    assert reasons["Lead line."] == "low-score"
    assert reasons["Notes from the hill."] == reasons["Plans for the spring"] == "low-score"
    assert reasons[closing] is None
    # too little prose on the page: the short lines are its content
    small = "<html><body><article><p>Lead line.</p>" + prose(1) + "<p>Notes from the hill.</p></article></body></html>"
    reasons = scored(small)
    assert reasons["Lead line."] is None and reasons["Notes from the hill."] is None
    # favor="recall" does not revise
    reasons = scored(page, favor="recall")
    assert reasons["Lead line."] is None and reasons["Notes from the hill."] is None
    # without the edge rule, a short line next to prose but outside the kept text still
    # goes (being near prose keeps nothing); favor="precision" reads the same
    monkeypatch.setitem(rules.THRESHOLDS, "revise_tail", False)
    for favor in ("balanced", "precision"):
        got = scored(page, favor=favor)
        assert got["Notes from the hill."] == "low-score", favor
        assert all(got[t] is None for t in run), favor


def test_a_linked_menu_on_one_line_is_navigation():
    def prose(n):
        return "".join(f"<p>{i} {PROSE}</p>" for i in range(n))
    links = " | ".join(f'<a href="/{w}">{w.title()}</a>' for w in ("guides", "faq", "lists", "api", "legal"))
    few = " | ".join(f'<a href="/{w}">{w.title()}</a>' for w in ("guides", "faq", "lists", "api"))
    long_items = " | ".join(f'<a href="/{i}">The {w} story we ran this week</a>'
                            for i, w in enumerate(("first", "second", "third", "fourth", "fifth")))
    page = (f"<html><body><article>{prose(3)}<p>{links}</p><p>{few}</p><p>{long_items}</p>{prose(3)}"
            "</article></body></html>")
    reasons = scored(page)
    assert reasons["Guides | Faq | Lists | Api | Legal"] == "navigation"
    # four items, or items of more than a few words, are no such menu
    assert reasons["Guides | Faq | Lists | Api"] != "navigation"
    assert reasons[" | ".join(f"The {w} story we ran this week"
                              for w in ("first", "second", "third", "fourth", "fifth"))] != "navigation"


def test_terminating_block_ends_the_article():
    page = ("<html><body><article>" + "".join(f"<p>{i} {PROSE}</p>" for i in range(4)) +
            "<h3>Related Articles</h3><p><a href='/1'>Another story about something else</a></p>"
            "<p><a href='/2'>A third story on another subject</a></p></article></body></html>")
    reasons = scored(page)
    assert reasons["Related Articles"] == "related"
    assert reasons["Another story about something else"] is not None
    assert reasons["A third story on another subject"] is not None


def test_include_tables_false_drops_rows_and_favor_changes_thresholds():
    page = ("<html><body><article>" + "".join(f"<p>{i} {PROSE}</p>" for i in range(3)) +
            "<table><tr><td>Size</td><td>Large</td></tr></table></article></body></html>")
    assert scored(page)["Size | Large"] is None  # a row is one block, kept by default
    assert scored(page, include_tables=False)["Size | Large"] == "table"
    assert score.rules.thresholds("recall")["boilerplate_weight"] < score.rules.thresholds()["boilerplate_weight"]
    assert score.rules.thresholds("precision")["boilerplate_weight"] > score.rules.thresholds()["boilerplate_weight"]


def test_text_best_run_title_and_tail():
    text = ("A headline about the library plan\n\n" + "\n\n".join(f"{i} {PROSE}" for i in range(4)) +
            "\n\nVisited 3 times, 1 visit(s) today\n\nRelated Article\n\nAnother headline\n\n"
            "The first words of another story that is cut off in the middle of")
    seg = segment_text(text)
    score.score(seg, Options())
    reasons = [b.reason for b in seg.blocks]
    assert reasons[0] == "title" and seg.title == "A headline about the library plan"
    assert reasons[1:5] == [None] * 4
    assert reasons[5] == "view-counter" and reasons[6] == "related"
    assert reasons[7:] == ["teaser", "teaser"]


_SUMMARY = ("The first words of another story about a different town and its council, cut off "
            "by the site in the middle of a sentence so that readers will click through to the")


def test_cut_units_counts_teasers_written_in_one_block():
    row = "\n".join(["Elsewhere this week", "A headline about the harbour", "12 May 2024", _SUMMARY,
                     "Continue reading →", "Another headline about the school", _SUMMARY + " […]"])
    assert score._cut_units(row) == 2
    # a table's rows, or a block of sentences, are no teasers
    table = "\n".join(["Year | Name | Prize"] + [f"19{i:02d} | " + " | ".join(["word"] * 12) for i in range(6)])
    assert score._cut_units(table) == 0
    assert score._cut_units(PROSE + "\n" + PROSE) == 0


def test_a_teaser_row_that_the_run_stopped_in_goes_whole():
    """The best run may end inside a row of teasers (its first summary shares words with
    the article): the row's units after the run's end count, and the whole row goes."""
    units = "\n\n".join(f"Headline number {n} of the row\n\n{_SUMMARY}" for n in range(3))
    text = "\n\n".join([PROSE * 3, PROSE * 2, "Picked for you", units])
    seg = segment_text(text)
    score._features(seg)
    kinds = [score._text_kind(b) for b in seg.blocks]
    assert kinds[2:] == ["headline"] + ["headline", "cut"] * 3
    cohesion = [0.0] * len(kinds)
    # the run ended after the first unit (index 5): the row, from its heading, goes
    assert score._teaser_tail(seg.blocks, kinds, cohesion, 0, 5) == 2
    # a single unit before the end and nothing after it: no row
    assert score._teaser_tail(seg.blocks[:5], kinds[:5], cohesion[:5], 0, 5) == 5


def test_a_headline_of_two_short_sentences_still_heads_a_teaser():
    """"Meditation is good! It heals the brain" reads as a cut line, not a headline: over
    a summary cut short it is still a teaser's headline; a long cut line is not."""
    text = "\n\n".join([PROSE * 3, "Meditation is not just for the soul! It helps heal the brain", _SUMMARY,
                        "Sleep matters more than you think! Here is why", _SUMMARY])
    seg = segment_text(text)
    score._features(seg)
    kinds = [score._text_kind(b) for b in seg.blocks]
    assert kinds == ["prose", "cut", "cut", "cut", "cut"]
    cohesion = [0.0] * len(kinds)
    assert score._teaser_unit(seg.blocks, kinds, cohesion, 2) == 1
    assert score._teaser_tail(seg.blocks, kinds, cohesion, 0, 5) == 1
    long_cut = segment_text(_SUMMARY + "\n\n" + _SUMMARY)
    score._features(long_cut)
    assert score._teaser_unit(long_cut.blocks, ["cut", "cut"], [0.0, 0.0], 1) == -1


def test_an_author_box_line_names_the_name_above_it_only():
    """The name line (in the box's line) and what lies between go with the box; a name
    further up, or a heading that is not the name, stays."""
    box = "Follow Jane Doe on X and LinkedIn."
    near = segment_text("\n\n".join([PROSE * 3, PROSE * 2, "Jane Doe", "Staff Writer", box]))
    score.score(near, Options())
    assert [b.reason for b in near.blocks][2:] == ["byline-box"] * 3
    other = segment_text("\n\n".join([PROSE * 3, PROSE * 2, "Our Town Desk", box]))
    score.score(other, Options())
    assert [b.reason for b in other.blocks][2:] == [None, "byline-box"]
    far = segment_text("\n\n".join([PROSE * 3, "Jane Doe", PROSE, PROSE * 2, PROSE, box]))
    score.score(far, Options())
    assert far.blocks[1].reason is None


def test_each_html_block_is_read_for_phrases_at_most_once(monkeypatch):
    """A block with no widget phrase is not read again (its 'none found' is kept while
    scoring) and what the features show for it is still None."""
    from pathlib import Path

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "widgets"
    calls: list[str] = []
    real = score._block_phrase

    def counting(b):
        calls.append(b.text)
        return real(b)

    monkeypatch.setattr(score, "_block_phrase", counting)
    for page in sorted(fixtures.glob("*.html")):
        seg, _ = segment_markup(page.read_bytes())
        calls.clear()
        score.score(seg, Options())
        read_twice = [t for t in set(calls) if calls.count(t) > sum(b.text == t for b in seg.blocks)]
        assert not read_twice, (page.name, read_twice[:3])
        assert calls, page.name  # (the test reads something)
        assert all(b.features["phrase"] != "" for b in seg.blocks)


def _paragraphs(n: int) -> list[str]:
    """``n`` paragraphs of article prose, each a little different."""
    return [PROSE + f"Paragraph {k} goes on about the plan and its cost to the town." for k in range(n)]


def test_reading_pointers_are_headings_only_when_they_read_as_one():
    # a section heading over teasers ...
    assert phrase_reason("Keep Reading") == "related"
    assert phrase_reason("Don't miss") == "related"
    assert phrase_reason("What to read next...") == "related"
    assert phrase_reason("Also read") == "related"
    # ... a pointer to one other story, written as a sentence: an in-body promo ...
    assert phrase_reason("Also read how to save money on car repairs.") == "promo"
    assert phrase_reason("[ Also read Remote work: 3 cultural benefits and risks. ]") == "promo"
    # ... and sentences of the article that start with the same words
    assert phrase_reason("Keep reading to find out which of the three designs won.") is None
    assert phrase_reason("Don't miss the view from the pier at sunset.") is None


def test_a_sentence_starting_keep_reading_does_not_end_the_article():
    paras = _paragraphs(6)
    paras.insert(3, "Keep reading to find out which of the three designs the members chose.")
    paras.insert(5, "Also read how the town paid for its last library.")
    art = clean_article("\n\n".join(paras), input="text")
    kept = art.text.split("\n\n")
    assert "Keep reading to find out which of the three designs the members chose." in kept
    assert all(p in kept for p in paras if not p.startswith("Also read"))
    assert [b.reason for b in art.removed if b.text.startswith("Also read")] == ["promo"]


def test_credit_lines_are_footer_only_at_a_line_start_or_after_a_separator():
    assert phrase_reason("Powered by WordPress") == "footer"
    assert phrase_reason("Proudly powered by WordPress | Theme: Twenty") == "footer"
    assert phrase_reason("Site built with Hugo") == "footer"
    assert phrase_reason("© 2024 Example Ltd | Powered by Ghost") == "footer"
    assert phrase_reason("Example Ltd · Built with Jekyll") == "footer"
    # the same words inside a sentence of the article
    assert phrase_reason("Cayenne is built with two core concepts:") is None
    assert phrase_reason("Higher quality content creation powered by AI.") is None
    assert phrase_reason("The new model is powered by a small V8 engine") is None


def test_a_sentence_starting_more_on_is_no_related_heading():
    assert phrase_reason("More from Example News") == "related"
    assert phrase_reason("More stories") == "related"
    assert phrase_reason("More on that in a follow-up post about the engine's performance.") is None
    assert phrase_reason("More about directives.") is None


def test_a_credit_sentence_does_not_end_a_text_article():
    paras = _paragraphs(6)
    paras.insert(3, "The new tram is built with two core ideas in mind:")
    art = clean_article("\n\n".join(paras), input="text")
    assert art.text.split("\n\n") == paras


LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
         "incididunt ut labore et dolore magna aliqua.")


def test_template_filler_is_a_placeholder():
    assert phrase_reason(LOREM) == "placeholder"
    assert phrase_reason("Lorem Ipsum") == "placeholder"
    assert phrase_reason("Lorem ipsum 2") == "placeholder"
    # a link to a filler generator, and an article's sentence about the filler
    assert phrase_reason("Lorem ipsum generator") is None
    assert phrase_reason("Designers have used lorem ipsum since the 1960s.") is None


def test_template_filler_is_removed_from_html_and_text():
    paras = _paragraphs(5)
    body = "".join(f"<p>{p}</p>" for p in paras[:3]) + f"<h2>Lorem Ipsum</h2><p>{LOREM}</p>" + \
        "".join(f"<p>{p}</p>" for p in paras[3:])
    art = clean_article(f"<html><body><article>{body}</article></body></html>", metadata=False)
    assert art.text.split("\n\n") == paras
    assert {b.text: b.reason for b in art.removed}[LOREM] == "placeholder"
    text = "\n\n".join(paras[:3] + ["Lorem Ipsum", LOREM] + paras[3:])
    art = clean_article(text, input="text")
    assert art.text.split("\n\n") == paras
    assert [b.reason for b in art.removed if b.text.startswith("Lorem")] == ["placeholder", "placeholder"]


def test_a_code_block_is_no_widget_because_of_one_of_its_lines():
    code = "class User(BaseModel):\n    name: str\n\ntry:\n    save()\nexcept Error:\n    name\nSubmit"
    page = f"<html><body><article><p>{PROSE * 3}</p><pre><code>{code}</code></pre><p>{PROSE * 2}</p></article></body></html>"
    reasons = scored(page)
    assert reasons[code] is None
    # (a block of lines of text is still judged line by line)
    assert phrase_reason("Leave a Reply\nName\nEmail") == "comments"
