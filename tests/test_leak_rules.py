"""Boilerplate that used to leak into the kept text (WCXB dev), one small page per rule."""
from __future__ import annotations

import pytest

from boilerstrip import score
from boilerstrip.score import Options, phrase_reason
from boilerstrip.segment import segment_markup

PROSE = (
    "The committee met on Tuesday to discuss the plan for the new library, and after a long "
    "debate the members agreed that the work should begin in the spring of next year. "
)


def scored(markup: str) -> dict[str, str | None]:
    seg, _ = segment_markup(markup.encode("utf-8"))
    score.score(seg, Options())
    return {b.text: b.reason for b in seg.blocks}


def article(*middle: str) -> str:
    paras = [f"<p>{i} {PROSE}</p>" for i in range(4)]
    return "<html><body><article>" + paras[0] + paras[1] + "".join(middle) + paras[2] + paras[3] + "</article></body></html>"


def test_a_row_of_call_to_action_buttons_is_a_control():
    reasons = scored(article(
        "<div><a href='/trial'>Start free trial</a><a href='/demo'>Get a demo</a></div>",
        "<p>Talk to a specialist <a href='/p'>Explore products</a></p>",
        "<p><a href='https://shop.example/x'>Check price at Example Outdoor</a></p>",
    ))
    assert reasons["Start free trialGet a demo"] == "control"
    assert reasons["Talk to a specialist Explore products"] == "control"
    assert reasons["Check price at Example Outdoor"] == "control"
    assert sum(r is None for r in reasons.values()) == 4  # the prose stays


def test_an_affiliate_disclosure_is_an_ad_label():
    disclosure = ("Products are chosen independently by our editors. Purchases made through our "
                  "links may earn us a commission.")
    reasons = scored(article(f"<p>{disclosure}</p>", "<p>This post contains affiliate links.</p>"))
    assert reasons[disclosure] == "ads"
    assert reasons["This post contains affiliate links."] == "ads"
    assert sum(r is None for r in reasons.values()) == 4


def test_a_guest_notice_under_a_thread_is_login_and_a_closed_notice_is_comments():
    reasons = scored(article("<div class='block-outer'><a href='/login'>You must log in or register to reply here.</a></div>",
                             "<p>This topic was automatically closed after 30 days. New replies are no longer allowed.</p>"))
    assert reasons["You must log in or register to reply here."] == "login"
    assert reasons["This topic was automatically closed after 30 days. New replies are no longer allowed."] == "comments"


def test_newsletter_calls_are_newsletter():
    reasons = scored(article("<p>Join our mailing list! Get a newsletter when an episode is published.</p>",
                             "<p>Get the best of our site, directly in your inbox.</p>",
                             "<h2>Sign up for Newsletters</h2>"))
    assert reasons["Join our mailing list! Get a newsletter when an episode is published."] == "newsletter"
    assert reasons["Get the best of our site, directly in your inbox."] == "newsletter"
    assert reasons["Sign up for Newsletters"] == "newsletter"


def test_more_related_headings_are_related():
    reasons = scored(article("<h2>Related blog posts</h2>", "<h3>People who viewed this item also viewed</h3>",
                             "<h3>Other Posts You May Enjoy</h3>", "<h3>Related to the plan</h3>"))
    assert reasons["Related blog posts"] == "related"
    assert reasons["People who viewed this item also viewed"] == "related"
    assert reasons["Other Posts You May Enjoy"] == "related"
    assert reasons["Related to the plan"] is None  # a heading about what something relates to


def test_an_author_box_named_inside_a_longer_class_is_a_byline_box():
    bio = "Jane Doe is a content writer at Example with more than five years of experience in food."
    reasons = scored(article(f"<div class='hero-author--bio'><p>{bio}</p></div>"))
    assert reasons[bio] == "byline-box"


@pytest.mark.parametrize("klass, reason", [
    ("signature", "meta"),                 # a forum member's signature under the post
    ("page-disclaimer", "footer"),         # legal small print
    ("promo-bar__carousel-slide", "promo"),
    ("c-pdtlist-crosssell", "related"),
])
def test_more_container_hints(klass, reason):
    text = "Free standard shipping on all orders over fifty dollars, every day of the year."
    reasons = scored(article(f"<div class='{klass}'><p>{text}</p></div>"))
    assert reasons[text] == reason


@pytest.mark.parametrize("markup, text, reason", [
    ("<h2>Table of Contents</h2>", "Table of Contents", "navigation"),
    ("<div>Article Continues Below</div>", "Article Continues Below", "ads"),
    ("<h2>This article is exclusive to Example+ subscribers</h2>",
     "This article is exclusive to Example+ subscribers", "login"),
    ("<h2>No responses yet</h2>", "No responses yet", "comments"),
    ("<p>You are viewing as a 'Guest'. Your progress will not be recorded.</p>",
     "You are viewing as a 'Guest'. Your progress will not be recorded.", "login"),
    ("<p>You're browsing the boards as a guest. Sign up for free.</p>",
     "You're browsing the boards as a guest. Sign up for free.", "login"),
    ("<p>Not a member? Join today for free.</p>", "Not a member? Join today for free.", "login"),
    ("<p>If you like it, please share it!</p>", "If you like it, please share it!", "share"),
    ("<p>Take our 1 minute survey</p>", "Take our 1 minute survey", "promo"),
    ("<p><a href='/m'>Download for macOS</a> <a href='/w'>Download for Windows</a></p>",
     "Download for macOS Download for Windows", "control"),
    ("<p><a href='/a'>Get it on Hugging Face</a> <a href='/b'>Get it on Kaggle</a></p>",
     "Get it on Hugging Face Get it on Kaggle", "control"),
])
def test_more_widget_lines(markup, text, reason):
    assert scored(article(markup))[text] == reason


@pytest.mark.parametrize("line, reason", [
    # a shop's labels and buttons
    ("Notify me when back in stock", "control"),
    ("Select a size", "control"),
    ("Quick Shop 4 colors", "control"),
    ("Show child attributes", "control"),
    ("Compare used car deals with Example.co.uk", "control"),
    ("Add Example News as a preferred source on Google to see more of our coverage.", "control"),
    ("current price $148.02", "meta"),
    ("Est. delivery Wed, Apr 22 - Fri, May 15", "meta"),
    ("Registered User", "meta"),
    ("Site Team | 5 min read", "meta"),
    ("1 point by someone 9 minutes ago | hide | past | discuss", "meta"),
    # offers, sponsors, small print
    ("Members earn 179 points on this purchase.", "promo"),
    ("Limited Time", "promo"),
    ("MUST USE OFFER CODE: 6FREE", "promo"),
    ("Migrate from Example and get up to $10k in credits", "promo"),
    ("Sign up and get $300 in free credits", "promo"),
    ("New customers get $200 in credits", "promo"),
    ("This story is funded by readers like you", "promo"),
    ("Sponsor this newsletter", "ads"),
    ("Advertisement: New AI Book!", "ads"),
    ("in partnership with", "ads"),
    ("View on Example Links to Example.com", "ads"),
    ("By using the editor, you agree to its license and privacy statement.", "footer"),
    ("Investment products are: NOT FDIC INSURED · MAY LOSE VALUE", "footer"),
    ("Your payment information is processed securely. We do not store card details.", "footer"),
    ("Join to see EXIF info for this image (if available)", "login"),
    ("How Was This Issue?", "newsletter"),
    ("Trending Courses and Certifications", "related"),
    ("Inbound Links", "related"),
    ("How did you hear about us?*", "form"),
    ("Get in touch today to see how we can help you!", "promo"),
    ("40,000 5-Star Reviews", "meta"),
    ("Our Guides", "navigation"),
    ("Explore Recipes", "navigation"),
    ("Product Name", "placeholder"),
    ("Sign up for free →Contact Sales →", "control"),
    ("View the whole listView less", "control"),
    ("Nearly 100,000 people subscribe. Your support is greatly appreciated!", "newsletter"),
    ("Love the newsletter? Tell your friends and get rewards.", "newsletter"),
    ("Get in touch with our team", "control"),
    ("Contact Us About Your Project", "control"),
    ("Latest Blogs", "navigation"),
    ("Shopping Guides", "navigation"),
    ("Buy now from one of our trusted retail partners:", "ads"),
    # an image's credit line
    ("Image credit: © Stockphotos.example/AndrewL", "caption"),
    ("Photo: Jane Doe / Example Agency", "caption"),
    ("Photo Credit: Maria Lopez / Getty Images", "caption"),
    ("Image Source: Example Institute", "caption"),
    ("Illustration: The Example Agency", "caption"),
    ("Photo by Sam Lee on Unsplash", "caption"),
    ("Feature image by Example Collective, all other images via brands mentioned. Our site rates "
     "the world's fashion brands on their impact on people, the planet and animals.", "caption"),
    ("Credit: Getty Images / someone", "caption"),
    # a licence notice, a reader's appeal for support, a donation button
    ("Except as otherwise noted, the content of this page is licensed under the Creative Commons "
     "Attribution 4.0 License, and code samples are licensed under the Apache 2.0 License. For "
     "details, see the Site Policies. Java is a registered trademark of Oracle.", "footer"),
    ("This work is licensed under a Creative Commons Attribution-NonCommercial-ShareAlike 4.0 "
     "International License.", "footer"),
    ("Example Review is a production of Example Press. If you liked this article, please consider "
     "liking, sharing, and subscribing to the newsletter. If you want to support us, please consider "
     "a one-off donation or becoming a regular supporter of Example Press on a membership site.", "promo"),
    ("Interviews are expensive to produce. If you've enjoyed this interview, please support us by "
     "donating a small amount.", "promo"),
    ("If you appreciate these free legal forms, please consider making a donation.", "promo"),
    ("♥ DONATE TODAY! ♥", "promo"),
    # a shop's cart button with its note, a status badge; a forum's welcome, a daily feature
    ("Add to cart Select A Color Or Plug Type To Add To Cart", "control"),
    ("Add to Cart+ wishlist", "control"),
    ("Coming Soon!", "meta"),
    ("Welcome to Example's Forum, THE in-place to be for everyone interested in DVD conversion.", "header"),
    ("Verse of the Week – Psalm 46:1", "sidebar"),
    # a guest notice longer than the old limit of login lines
    ("You're browsing the Example Message Boards as a guest. Sign Up for free (or Log In if you "
     "already have an account) to be able to post messages, change how messages are displayed, "
     "and view media in posts.", "login"),
])
def test_shop_offer_small_print_credit_and_badge_lines(line, reason):
    assert phrase_reason(line) == reason


@pytest.mark.parametrize("line", [
    "Members earn 1 point per dollar spent on rentals, with redemption from 500 points.",
    "Select a size that fits the room before you buy.",
    "The limited time we had meant we skipped the museum.",
    "Use the promo code field only once.",
    "Trending prices are based on the last 90 days.",
    "It takes 5 min read the manual first.",
    "By using a sharper knife, you cut cleaner.",
    "Ships in the region lost their signal.",
    "Our guides took us up the mountain at dawn.",
    "Product names change when a brand is sold.",
    "Nearly 100,000 people read the report in its first week, the agency said.",
    "Get in touch with our team of volunteers if the river floods again.",
    "Buy now from a dealer and you pay the list price, the survey found.",
    "The agency will pay the farms and get $300 in credits back over ten years, the report said.",
    "Photography taught her patience, she said.",
    "Image quality is excellent for the price.",
    "The photo by the door shows the house in 1920.",
    "Credits roll after a long final scene.",
    "If you liked this camera, consider the smaller model, which costs less.",
    "If you enjoy hiking, the northern trail is the better choice this time of year.",
    "If you find the recipe too sweet, cut the sugar by a third.",
    "Donate blood at the clinic on Saturdays, the nurse said.",
    "Add to cart buttons were redesigned last year, and sales rose by a fifth after the change.",
    "Coming soon after the winter, the bridge will carry trams as well as cars.",
    "Welcome to the neighbourhood, the mayor told the new residents at the market.",
    "Tip of the iceberg, the inspector called the leak.",
    "Register your bike with the police before the trip, and keep the receipt with your papers, "
    "because the insurance will ask for both if it is stolen while you are away.",
    "The code is licensed to three firms, none of which has shipped it yet.",
    # a config file's keys and a course's credits are no image credit
    "image: postgres:18",
    "image: nginx",
    "image: registry.example.com/team/app:1.2",
    "Credits: 4",
])
def test_sentences_with_those_words_are_no_widget(line):
    assert phrase_reason(line) is None


def test_a_sentence_about_guests_or_members_is_no_login_prompt():
    reasons = scored(article("<p>You are viewing the garden as a guest would see it in May.</p>",
                             "<p>Not a member of the club, he still came every week.</p>"))
    assert reasons["You are viewing the garden as a guest would see it in May."] is None
    assert reasons["Not a member of the club, he still came every week."] is None


def test_a_lead_magnet_heading_is_a_promo():
    reasons = scored(article("<h3>Get the FREE eBook!</h3>", "<h2>Request A Free Consultation for Accounting Services</h2>"))
    assert reasons["Get the FREE eBook!"] == "promo"
    assert reasons["Request A Free Consultation for Accounting Services"] == "promo"


def test_ui_placeholders_and_save_buttons_are_controls_and_prose_with_their_words_stays():
    reasons = scored(article(
        "<div>Loading...</div>", "<div>LOADING…</div>",
        "<p><a href='https://pin.example/x'>PIN FOR LATER</a></p>",
        "<p><a href='https://news.example/src'>Add as a preferred source on Google</a></p>",
        "<p>Get notified by email when this product is in stock.</p>",
        "<h3>Share Links</h3>", "<div class='bbCodeBlock-expandLink'><a>Click to expand...</a></div>",
        "<p>Loading the truck took two hours, so we left after lunch.</p>",
        "<p>Pin for later use the spare key under the mat.</p>",
    ))
    for text in ("Loading...", "LOADING…", "PIN FOR LATER", "Add as a preferred source on Google",
                 "Get notified by email when this product is in stock.", "Click to expand..."):
        assert reasons[text] == "control", text
    assert reasons["Share Links"] == "share"
    # the same words inside a sentence are no button
    assert reasons["Loading the truck took two hours, so we left after lunch."] is None
    assert reasons["Pin for later use the spare key under the mat."] is None
    assert sum(r is None for r in reasons.values()) == 6


def test_a_photo_credit_and_a_closing_appeal_go_and_the_prose_stays():
    reasons = scored(article(
        "<p>Photo: Jane Doe / Example Agency</p>",
        "<p>If you enjoyed this article, please consider supporting our work with a donation.</p>",
    ))
    assert reasons["Photo: Jane Doe / Example Agency"] == "caption"
    assert reasons["If you enjoyed this article, please consider supporting our work with a donation."] == "promo"
    assert sum(r is None for r in reasons.values()) == 4


def test_a_credit_names_only_a_block_that_is_the_credit_line():
    # a caption of two lines, the credit under it: the caption is no credit
    assert phrase_reason("From these charts, it is easy to see when prices go up.\n"
                         "Photo Credit: Screenshot from the Example website") is None
    assert phrase_reason("Photo Credit: Screenshot from the Example website") == "caption"
    # other widgets still name a block by any of its short lines
    assert phrase_reason("Sue Smith\nFollow Sue Smith on X") == "byline-box"


def test_in_flattened_text_a_credit_line_goes_and_the_article_runs_on_past_it():
    from boilerstrip import clean_article

    paras = [f"{i} {PROSE}" for i in range(3)]
    # (the credit under the last photo, then the article's short last line)
    text = "\n\n".join(["Library plan approved", *paras, "Photo: Jane Doe / Example Agency",
                        "The doors open at nine."])
    art = clean_article(text, input="text", metadata=False)
    assert {b.reason for b in art.removed if "Jane Doe" in b.text} == {"caption"}
    for p in paras + ["The doors open at nine."]:
        assert p.strip() in art.text
