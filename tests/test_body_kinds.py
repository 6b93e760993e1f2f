"""The body extractor on the kinds of page it used to get wrong, one small hand-written page per
kind: what must be in the body and what must not.

Kinds (issue 17): tables dropped; headings inside the body dropped; an article spread over sibling
blocks (page-builder widgets, landing-page sections, Q&A posts) read as one piece; a longer block
that is no article (comments, reviews, a credits list, shipping terms, a cookie notice, a
newsletter form) chosen over a short article; text inside ``<header>`` components and the base
text of ``<ruby>`` annotations lost.
"""

from __future__ import annotations

import pytest

from scraper.parsers.common.body import read_body
from scraper.parsers.generic import GenericParser, parse_tree

FETCHED = "2026-11-24T05:00:00+00:00"
URL = "https://news.example.org/2026/06/01/bowerman-mile"

P1 = (
    "Josh Kerr took the lead with 600 meters to go and held on to win the Bowerman Mile at "
    "Hayward Field on Saturday."
)
P2 = "The Scot ran 3:45.34, a British record, ahead of Yared Nuguse and Jakob Ingebrigtsen."
P3 = "Kerr said afterwards that the move was a gamble he had planned with his coach for weeks."
P4 = "He will now turn to the Olympic final in Paris, where the same three men are favourites."


def page(article: str, aside: str = "", after: str = "", title: str = "Kerr wins the mile") -> str:
    """A news page: site header and navigation, the article, a rail of teasers, a footer."""
    teasers = "".join(
        f"<li><a href='/s/{i}'>Another story about a race number {i}</a></li>" for i in range(6)
    )
    return (
        f"<!doctype html><html lang='en'><head><title>{title} | Track News</title></head><body>"
        "<header class='site-header'><a href='/'>Track News</a><nav><a href='/results'>Results"
        "</a> <a href='/news'>News</a></nav></header>"
        f"<main><h1>{title}</h1>{article}</main>{after}"
        f"<div class='rail'><h3>Most read</h3><ul>{teasers}</ul>{aside}</div>"
        "<footer><p>Track News, 1 Stadium Way. Contact us for corrections.</p></footer>"
        "</body></html>"
    )


def body(html: str) -> str:
    art = GenericParser().parse(html, URL, FETCHED)
    return art.body or ""


def paras(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


RESULTS_TABLE = (
    "<table><thead><tr><th>Place</th><th>Athlete</th><th>Country</th><th>Time</th></tr></thead>"
    "<tbody><tr><td>1</td><td>Josh Kerr</td><td>GBR</td><td>3:45.34</td></tr>"
    "<tr><td>2</td><td>Yared Nuguse</td><td>USA</td><td>3:45.61</td></tr>"
    "<tr><td>3</td><td>Jakob Ingebrigtsen</td><td>NOR</td><td>3:45.87</td></tr></tbody></table>"
)


def test_a_table_in_the_article_is_kept_as_text_rows() -> None:
    text = body(page(paras(P1, P2) + RESULTS_TABLE + paras(P3, P4)))
    for needle in ("Josh Kerr", "Yared Nuguse", "3:45.87", "Athlete"):
        assert needle in text
    # one line per row, cells in order, the rows between the paragraphs where the page has them
    assert "1 | Josh Kerr | GBR | 3:45.34\n2 | Yared Nuguse | USA | 3:45.61" in text
    assert text.index(P2) < text.index("Jakob Ingebrigtsen") < text.index(P3)


def test_a_layout_table_is_no_data_table() -> None:
    # old sites lay the page out in a table: the article cell is read as paragraphs
    html = (
        "<html><body><table><tr><td class='menu'><a href='/'>Home</a><br><a href='/n'>News</a>"
        f"</td><td><h1>Kerr wins the mile</h1>{paras(P1, P2, P3, P4)}</td></tr></table>"
        "</body></html>"
    )
    text = body(html)
    assert text.startswith(P1)
    assert f"{P3}\n\n{P4}" in text
    assert " | " not in text


def test_headings_inside_the_body_are_kept_in_reading_order() -> None:
    article = (
        paras(P1, P2)
        + "<h2>The last lap</h2>"
        + paras(P3)
        + "<div class='subheading' role='heading'>What comes next</div>"
        + paras(P4)
    )
    text = body(page(article))
    assert text.index(P2) < text.index("The last lap") < text.index(P3)
    assert text.index(P3) < text.index("What comes next") < text.index(P4)


def test_an_article_spread_over_page_builder_widgets_is_joined() -> None:
    def widget(p: str) -> str:
        return (
            "<div class='elementor-element elementor-widget elementor-widget-text-editor'>"
            f"<div class='elementor-widget-container'><p>{p}</p></div></div>"
        )

    article = (
        "<div class='e-con'><div class='e-con-inner'>"
        + widget(P1)
        + widget(P2)
        + "<div class='elementor-widget elementor-widget-button'><a href='/tickets'>Tickets</a>"
        "</div>"
        + widget(P3)
        + "</div></div><div class='e-con'><div class='e-con-inner'>"
        + widget(P4)
        + "</div></div>"
    )
    text = body(page(article))
    assert text == "\n\n".join([P1, P2, P3, P4])


def test_landing_page_sections_are_one_text() -> None:
    article = "".join(
        f"<section class='block'><div class='inner'><h2>Part {n}</h2><p>{p}</p></div></section>"
        for n, p in enumerate([P1, P2, P3, P4], 1)
    )
    text = body(page(article))
    for n, p in enumerate([P1, P2, P3, P4], 1):
        assert f"Part {n}\n\n{p}" in text


def test_question_and_answers_are_one_text() -> None:
    def post(kind: str, who: str, text: str) -> str:
        return (
            f"<div class='{kind}'><div class='user'><a href='/u/{who}'>{who}</a></div>"
            f"<div class='post-text'><p>{text}</p></div></div>"
        )

    article = (
        post("question", "miler", "How did Kerr pace the Bowerman Mile? " + P1)
        + post("answer", "coach", "He waited behind the leaders. " + P2 + " " + P3)
        + post("answer", "fan", "Patience, then a long kick. " + P4)
    )
    text = body(page(article, title="How did Kerr pace the Bowerman Mile?"))
    for needle in ("How did Kerr pace", "He waited behind", "Patience, then a long kick"):
        assert needle in text


LONG = (
    "I have been following the sport for thirty years and I have never seen a finish like this "
    "one, it was simply the best race of the season and everyone in the stands knew it at once."
)


@pytest.mark.parametrize(
    ("block", "needle"),
    [
        (
            "<section class='comments'><h2>12 comments</h2>"
            + "".join(f"<article class='comment'><p>{LONG} {i}</p></article>" for i in range(4))
            + "</section>",
            "I have been following",
        ),
        (
            "<div class='blogComments'><h4>Comments:</h4>"
            + "".join(f"<div class='blogComment'><p>{LONG} {i}</p></div>" for i in range(4))
            + "</div>",
            "I have been following",
        ),
        (
            "<div id='reviews'><h2>Customer reviews</h2>"
            + "".join(f"<div class='review'><p>{LONG} {i}</p></div>" for i in range(4))
            + "</div>",
            "I have been following",
        ),
        (
            "<div class='credits'><h3>Credits</h3><ul>"
            + "".join(
                f"<li>Produced by the Track News video team with footage number {i} supplied by "
                "the meet organisers and the host broadcaster.</li>"
                for i in range(6)
            )
            + "</ul></div>",
            "Produced by",
        ),
        (
            "<div class='shipping-terms'><h3>Shipping and returns</h3>"
            + paras(
                "Orders ship within two working days from our warehouse; delivery takes three to "
                "five days inside the country and up to two weeks abroad.",
                "Returns are accepted within thirty days when the item is unused and in its "
                "original packaging; refunds are made to the original payment method.",
                "Customs duties for deliveries outside the country are paid by the customer on "
                "receipt, and we cannot ship to post office boxes or forwarding addresses.",
            )
            + "</div>",
            "Orders ship within",
        ),
        (
            "<div id='cookie-notice'><p>We use cookies and similar technologies to run this site, "
            "measure its audience and show you relevant content and offers. You can accept all "
            "cookies, refuse them or choose which ones you allow, and you can change your mind at "
            "any time from the privacy settings at the bottom of every page.</p>"
            "<p>Some of our partners process personal data on the basis of legitimate interest; "
            "you can object to this processing in the settings as well.</p></div>",
            "We use cookies",
        ),
        (
            "<form class='newsletter-form' action='/subscribe'><h3>The Track Letter</h3><p>Every "
            "Monday morning: the results that mattered, the races to watch and the stories behind "
            "them, written by our reporters for people who love the sport as much as they do.</p>"
            "<p>Free, no advertising, and you can unsubscribe with one click whenever you like; "
            "we never share your address with anyone.</p><input name='email'></form>",
            "Every Monday morning",
        ),
    ],
    ids=[
        "comments",
        "blogComments",
        "reviews",
        "credits",
        "shipping",
        "cookie-notice",
        "newsletter-form",
    ],
)
def test_a_longer_block_that_is_no_article_does_not_win(block: str, needle: str) -> None:
    text = body(page(paras(P1, P2, P3), after=block))
    assert P1 in text
    assert P3 in text
    assert needle not in text


def test_text_inside_header_components_is_kept() -> None:
    article = (
        "<article><header class='article-header'><p class='standfirst'>Three men broke 3:46 in "
        "the fastest mile on American soil, and the Scot held off the Olympic champion with a "
        "move he had rehearsed for weeks with his coach in Arizona.</p></header>"
        + paras(P1, P2)
        + "<section><header><h2>How the race was won</h2></header>"
        + paras(P3, P4)
        + "</section></article>"
    )
    text = body(page(article))
    assert "Three men broke 3:46" in text
    assert text.index(P2) < text.index("How the race was won") < text.index(P3)
    assert "Track News" not in text  # the page's own header stays out


def test_ruby_annotations_keep_their_base_text() -> None:
    ruby = (
        "<p>ジョシュ・カーが<ruby>大会<rp>(</rp><rt>たいかい</rt><rp>)</rp></ruby>"
        "<ruby>新記録<rt>しんきろく</rt></ruby>で優勝した。イギリス記録でもあり、"
        "彼はパリ五輪の決勝に向けて大きな自信を得たと語った。</p>"
    )
    text = body(page(ruby + paras(P1, P2)))
    assert "ジョシュ・カーが大会新記録で優勝した。" in text
    assert "たいかい" not in text
    assert "しんきろく" not in text


def test_a_body_after_a_closed_html_element_is_read() -> None:
    # some generators close </html> before <body>: the parser leaves <body> outside the root
    html = (
        "<!doctype html><html><head><title>Kerr wins the mile</title></head></html>"
        f"<body><main><h1>Kerr wins the mile</h1>{paras(P1, P2, P3, P4)}</main></body>"
    )
    assert body(html) == "\n\n".join([P1, P2, P3, P4])


def test_paragraphs_written_as_divs_between_paragraphs_are_kept() -> None:
    # text pasted from a word processor: one <div> per line, between real paragraphs
    lines = "".join(
        f"<div class='MsoNormal'>{t}</div>"
        for t in ("Splits of the winner:", "400m 57.2", "800m 1:53.9", "1200m 2:51.0")
    )
    article = (
        f"<div class='entry-content'>{paras(P1, P2)}{lines}{paras(P3)}"
        "<div class='MsoNormal'>Posted in Meets</div></div>"
    )
    text = body(page(article))
    assert "Splits of the winner:\n\n400m 57.2\n\n800m 1:53.9\n\n1200m 2:51.0" in text
    assert text.index(P2) < text.index("400m 57.2") < text.index(P3)
    assert "Posted in Meets" not in text  # a line after the text, not between paragraphs


def test_a_comment_prompt_after_the_article_is_no_text() -> None:
    # a comment form's notes and policy sit in paragraphs beside the form, often inside the
    # article's own box: their class names them, whatever box holds them
    form = (
        "<h3>Leave a Comment</h3><form id='commentform'><textarea name='comment'></textarea>"
        "</form><p class='comment_license'>We reserve the right to delete comments which contain "
        "profanity or personal attacks; the athletes we write about are real people, so please "
        "remember to be kind.</p><p class='comment-notes'>Your email address will not be "
        "published. Required fields are marked.</p>"
    )
    text = body(page(paras(P1, P2, P3, P4) + form))
    assert P1 in text
    assert P4 in text
    for needle in ("We reserve the right", "Your email address", "Leave a Comment"):
        assert needle not in text


@pytest.mark.parametrize("tag", ["abbr", "acronym", "dfn", "cite", "q"])
def test_an_inline_element_stays_inside_its_sentence(tag: str) -> None:
    # HTML4's <acronym> is as inline as <abbr>: its text is no block of its own
    sentence = (
        f"Kerr ran a <{tag} title='British record'>BR</{tag}> of 3:45.34 and said the move had "
        "been planned with his coach for weeks before the race."
    )
    text = body(page(paras(P1, sentence, P2)))
    assert "Kerr ran a BR of 3:45.34 and said" in text


STANDFIRST = (
    "The Scot ran down the Norwegian in the last 50 meters and broke a British record that had "
    "stood since 1985."
)


def test_a_standfirst_between_the_headline_and_the_text_leads_the_body() -> None:
    article = (
        "<article><div class='entry-header'><h1>Kerr wins the mile</h1>"
        f"<p class='standfirst'>{STANDFIRST}</p><span>June 1, 2026</span></div>"
        f"<div class='entry-content'>{paras(P1, P2, P3, P4)}</div></article>"
    )
    html = page(article).replace("<main><h1>Kerr wins the mile</h1>", "<main>")
    text = body(html)
    assert text.startswith(STANDFIRST + "\n\n" + P1)
    assert "June 1, 2026" not in text


@pytest.mark.parametrize("mark", ["", " role='heading'"])
def test_a_standfirst_under_a_headline_marked_as_a_heading_leads_the_body(mark: str) -> None:
    # an <h1> the page also marks role="heading" is still the headline, and a heading that
    # repeats it with a kicker is no standfirst
    article = (
        f"<article><div class='story'><h1{mark}>Kerr wins the mile</h1>"
        "<h2>Millrose Games in New York: Kerr wins the mile again, ahead of Nuguse!</h2>"
        f"<div class='body'><p class='description'>{STANDFIRST}</p>"
        "<aside class='related'><h3>Related</h3><a href='/s/x'>Nuguse sets a record</a></aside>"
        f"<div class='story-body'>{paras(P1, P2, P3, P4)}</div></div></div></article>"
    )
    html = page(article).replace("<main><h1>Kerr wins the mile</h1>", "<main>")
    text = body(html)
    assert text.startswith(STANDFIRST + "\n\n" + P1)
    assert "Millrose Games" not in text


def test_a_blogs_description_under_its_title_is_no_standfirst() -> None:
    # a blog names itself in an <h1> in its header, the post's title is the blog's too
    blog = (
        "<!doctype html><html><head><title>Track Notes</title></head><body><div id='wrap'>"
        "<div id='header'><h1>Track Notes</h1><p class='description'>Every week I write about "
        "the races I watched, the splits I timed and the runners I met.</p></div>"
        f"<div class='post'><div class='post-body entry-content'>{paras(P1, P2, P3)}</div></div>"
        "</div></body></html>"
    )
    text = GenericParser().parse(blog, URL, FETCHED).body or ""
    assert text.startswith(P1)
    assert "Every week" not in text


@pytest.mark.parametrize("site_name", ["<h1>Track Notes</h1>", "<h2>Track Notes</h2>"])
def test_the_sites_description_in_its_header_is_no_standfirst(site_name: str) -> None:
    # the page's description is the blog's own, shown under its name in the site's header
    about = "Every week I write about the races I watched, the splits I timed, the runners I met."
    blog = (
        "<!doctype html><html><head><title>Kerr wins the mile | Track Notes</title>"
        f"<meta name='description' content='{about}'></head><body><div id='wrap'>"
        f"<div id='header'>{site_name}<h2 class='description'>{about}</h2></div>"
        "<div class='post'><h1 class='entry-title'>Kerr wins the mile</h1>"
        f"<div class='post-body entry-content'>{paras(P1, P2, P3)}</div></div>"
        "</div></body></html>"
    )
    text = GenericParser().parse(blog, URL, FETCHED).body or ""
    assert text.startswith(P1)
    assert "Every week" not in text


ABOUT_BLOG = (
    "Phil Dawes, the writer of this blog, has timed races at Hayward Field for thirty years and "
    "wrote two books about the mile."
)


@pytest.mark.parametrize(
    "sidebar",
    [
        "<ul><li id='text-3' class='widget widget_text'><h2 class='widgettitle'>About this blog"
        f"</h2><div class='textwidget'><p>{ABOUT_BLOG}</p></div></li></ul>",
        f"<div class='right_column'><h3>About this blog</h3><p>{ABOUT_BLOG}</p></div>",
    ],
)
def test_a_blogs_sidebar_in_the_articles_box_is_no_article_text(sidebar: str) -> None:
    # an old blog layout: the post and the sidebar share one box
    blog = f"<div id='content'><div class='post'>{paras(P1, P2, P3, P4)}</div>{sidebar}</div>"
    text = body(page(blog))
    assert text.endswith(P4)
    assert "About this blog" not in text
    assert "Phil Dawes" not in text


def test_list_items_opening_in_plain_words_and_linking_the_rest_are_kept() -> None:
    items = (
        "<ul><li>Thanks to the meet staff, fans can now <a href='/live'>follow every heat with "
        "live splits</a></li><li>The timing crew has patches up to <a href='/b/1'>show the wind "
        "reading of every jump</a></li></ul>"
    )
    related = "<ul><li><a href='/s/1'>Nuguse sets an American record in the mile</a></li></ul>"
    text = body(page(paras(P1, P2) + items + paras(P3) + related + paras(P4)))
    assert "fans can now follow every heat with live splits" in text
    assert "show the wind reading of every jump" in text
    assert "Nuguse sets" not in text


def test_a_sentence_linking_most_of_its_words_is_kept_a_pointer_is_not() -> None:
    linked = (
        "You can watch <a href='/video/kerr'>the whole race again with the splits of every lap "
        "in our video</a> here."
    )
    pointer = "Related: <a href='/s/nuguse'>Nuguse sets an American record in the mile</a>."
    teaser = "<a href='/s/bol'>Femke Bol breaks the world record in the 400m hurdles again</a>."
    text = body(page(paras(P1, P2, linked, pointer, teaser, P3, P4)))
    assert "You can watch the whole race again" in text
    assert "Nuguse sets" not in text
    assert "Femke Bol" not in text


def test_a_short_post_in_a_layout_column_is_no_teaser_card() -> None:
    # the post's box holds the page's own (unlinked) <h1>, links after it (share, log in), and
    # its column has an alike sibling (the sidebar): a page's columns, not a run of cards
    html = (
        "<html><head><title>Training camp open thread</title></head><body>"
        "<div class='main'><div class='col col-content'><div class='entry'>"
        "<h1>Training camp open thread</h1>"
        f"<div class='entry-body'><p>{P1} <a href='/t/kerr'>Kerr</a> {P2}</p>"
        "<p>So let's keep it going, this is now an open thread!</p></div>"
        "<p class='footline'><a href='/c'>Tweet 334 comments</a> | <a href='/r'>0 recs</a></p>"
        "<ul><li><a href='/join'>Create a new Track News account</a></li>"
        "<li><a href='/login'>Already registered with Track News? Log in!</a></li></ul>"
        "</div></div><div class='col col-side'><h3>Recent posts</h3><ul>"
        "<li><a href='/p/1'>Diamond League preview</a></li>"
        "<li><a href='/p/2'>Indoor season schedule</a></li></ul></div></div></body></html>"
    )
    # read from the markup (not left to the fallback extractor, as a page of too little text)
    blocks = [text for _, text in read_body(parse_tree(html)).blocks]
    assert blocks[0].startswith(P1)
    assert not any("Log in" in b or "Diamond League" in b for b in blocks)


def test_linked_items_of_the_named_article_box_are_kept_between_its_text() -> None:
    # in the box the page names as the article's text: an item that says something after its
    # link (a result, an address and a price) is the article's; a label before a link
    # ("READ ALSO | <a>...</a>") and a list of links after the text are not
    finishers = "".join(
        f"<li><a href='/a/{i}'>{name}, {club} Athletic Club</a> – {mark}, a personal best</li>"
        for i, (name, club, mark) in enumerate(
            [("Josh Kerr", "Edinburgh", "3:45.34"), ("Yared Nuguse", "Boulder", "3:45.61")]
        )
    )
    related = "".join(
        f"<li><a href='/s/{i}'>Another mile story number {i}</a></li>" for i in range(4)
    )
    article = (
        f"<div class='entry-content'>{paras(P1)}<ul>{finishers}</ul>"
        f"{paras(P2)}"
        "<p>FUNDA FUTHI | <a href='/s/9'>Bol breaks the world record in the 400m hurdles</a></p>"
        f"{paras(P3)}<ul>{related}</ul></div>"
    )
    text = body(page(article))
    assert "Josh Kerr, Edinburgh Athletic Club – 3:45.34, a personal best" in text
    assert "Yared Nuguse" in text
    assert "FUNDA FUTHI" not in text
    assert "Bol breaks" not in text
    assert "Another mile story" not in text
