"""The generic parser on small hand-written pages: each signal; what stays out of the body.

Trafilatura-style "must contain / must not contain" assertions. The quality floor on the real
pages of ../shared/data/articles-dev is at the end (skipped when ../shared is absent).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from scraper.parsers.base import ParseError
from scraper.parsers.generic import GenericParser
from tests.goldens import extract

FETCHED = "2026-11-24T05:00:00+00:00"
URL = "https://news.example.org/sport/kerr-wins-mile"

PARAS = [
    "EUGENE -- Josh Kerr took the lead with 600 meters to go and held on to win the Bowerman Mile.",
    "The Scot ran 3:45.34, a British record, ahead of Jakob Ingebrigtsen and a standout field.",
    "It was a dumb decision, Kerr said afterwards, but one that paid off in the end for him.",
    "Kerr will now turn his attention to the Olympic Games in Paris later this summer season.",
]


def page(
    head: str = "",
    body: str = "",
    article_extra: str = "",
    after: str = "",
    h1: str = "Kerr wins the Bowerman Mile",
) -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<!doctype html><html lang='en'><head><title>{h1} | Example News</title>{head}"
        f"</head><body><header><nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        f"</header>{body}<main><article><h1>{h1}</h1>{article_extra}{paras}{after}"
        f"</article></main><footer>Copyright Example News 2026</footer></body></html>"
    )


def jsonld(obj: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def meta(prop: str, content: str, attr: str = "property") -> str:
    return f'<meta {attr}="{prop}" content="{content}">'


def parse(html: str, url: str = URL):
    return GenericParser().parse(html, url, FETCHED)


# --- JSON-LD ------------------------------------------------------------------------------------


def test_jsonld_gives_headline_authors_dates_publisher_image_tags():
    art = parse(
        page(
            jsonld(
                {
                    "@context": "https://schema.org",
                    "@type": "NewsArticle",
                    "headline": "Kerr wins the Bowerman Mile",
                    "author": [
                        {"@type": "Person", "name": "Lori Shontz"},
                        {"@type": "Person", "name": "Jo Doe"},
                    ],
                    "datePublished": "2024-05-26T02:29:00-05:00",
                    "dateModified": "2024-05-27T10:00:00-05:00",
                    "publisher": {"@type": "Organization", "name": "Example News"},
                    "image": {
                        "@type": "ImageObject",
                        "url": "https://news.example.org/kerr.jpg",
                        "caption": "Josh Kerr at Hayward Field",
                    },
                    "keywords": "athletics, mile",
                    "isAccessibleForFree": "False",
                }
            )
        )
    )
    assert art.headline == "Kerr wins the Bowerman Mile"
    assert art.authors == ["Lori Shontz", "Jo Doe"]
    assert art.published_raw == "2024-05-26T02:29:00-05:00"
    assert art.modified_raw == "2024-05-27T10:00:00-05:00"
    assert art.publisher == "Example News"
    assert art.image_url == "https://news.example.org/kerr.jpg"
    assert art.image_caption == "Josh Kerr at Hayward Field"
    assert art.tags == ["athletics", "mile"]
    assert art.paywalled is True
    assert "jsonld:headline" in art.signals["headline"]
    assert art.signals["authors"] == "jsonld:author"
    assert art.signals["published_raw"] == "jsonld:datePublished"
    assert art.signals["paywalled"] == "jsonld:isAccessibleForFree"


def test_jsonld_in_a_graph_with_html_entities():
    art = parse(
        page(
            jsonld(
                {
                    "@graph": [
                        {"@type": "WebSite", "name": "Example News"},
                        {
                            "@type": "NewsArticle",
                            "headline": "Kerr&#039;s &quot;dumb&quot; move pays off",
                            "datePublished": "2024-05-26",
                        },
                    ]
                }
            ),
            h1='Kerr\'s "dumb" move pays off',
        )
    )
    assert art.headline == 'Kerr\'s "dumb" move pays off'
    assert art.published_raw == "2024-05-26"


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        ("<!--", "-->"),  # an HTML comment
        ("<![CDATA[", "]]>"),  # a CDATA section (XHTML-minded templates)
        ("//<![CDATA[", "//]]>"),  # the same behind a JS comment
        ("\n  <![CDATA[\n", "\n  ]]>\n"),
    ],
)
def test_jsonld_inside_a_comment_or_cdata_wrapper(head, tail):
    obj = {
        "@type": "NewsArticle",
        "headline": "Kerr wins the Bowerman Mile",
        "datePublished": "2024-05-26",
    }
    art = parse(page(f'<script type="application/ld+json">{head}{json.dumps(obj)}{tail}</script>'))
    assert art.published_raw == "2024-05-26"
    assert art.signals["published_raw"] == "jsonld:datePublished"


def test_jsonld_article_body_when_the_markup_holds_little():
    long_body = "\n".join(PARAS * 4)
    html = (
        "<html><head>"
        + jsonld({"@type": "NewsArticle", "headline": "Kerr wins", "articleBody": long_body})
        + "</head><body><h1>Kerr wins</h1><p>Subscribe to read.</p></body></html>"
    )
    art = parse(html)
    assert PARAS[2] in art.body
    assert art.signals["body"] == "jsonld:articleBody"


# --- OpenGraph / meta -------------------------------------------------------------------------


def test_opengraph_and_meta_when_no_jsonld():
    art = parse(
        page(
            meta("og:title", "Kerr wins the Bowerman Mile")
            + meta("article:published_time", "2024-05-26T07:29:00Z")
            + meta("author", "Lori Shontz", "name")
            + meta("og:image", "https://news.example.org/kerr.jpg")
            + meta("article:tag", "athletics")
            + meta("article:tag", "Prefontaine Classic")
        )
    )
    assert art.headline == "Kerr wins the Bowerman Mile"
    assert art.published_raw == "2024-05-26T07:29:00Z"
    assert art.authors == ["Lori Shontz"]
    assert art.image_url == "https://news.example.org/kerr.jpg"
    assert art.tags == ["athletics", "Prefontaine Classic"]
    assert art.signals["published_raw"] == "meta:article:published_time"


def test_headline_is_the_articles_own_not_the_social_teaser_nor_the_site_title():
    # og:title is a short teaser, another text than the headline: the headline wins
    # (the rules between the title signals are specified in tests/test_titles.py)
    art = parse(
        page(
            meta("og:title", "Kerr stuns Eugene")
            + jsonld({"@type": "NewsArticle", "headline": "Kerr wins the Bowerman Mile"})
        )
    )
    assert art.headline == "Kerr wins the Bowerman Mile"


@pytest.mark.parametrize(
    ("title", "site"),
    [
        ("Kerr wins the Bowerman Mile | Example News", "Example News"),
        ("Example News - Kerr wins the Bowerman Mile", "Example News"),
        ("Kerr wins the Bowerman Mile – EXAMPLE NEWS", "Example News"),
    ],
)
def test_site_name_removed_from_titles(title, site):
    html = (
        f"<html><head>{meta('og:title', title)}{meta('og:site_name', site)}</head>"
        f"<body>{''.join(f'<p>{p}</p>' for p in PARAS)}</body></html>"
    )
    assert parse(html).headline == "Kerr wins the Bowerman Mile"


# --- dates ------------------------------------------------------------------------------------


def test_time_element_gives_date():
    art = parse(page(article_extra='<time datetime="2024-05-26T02:29:00-05:00">May 26</time>'))
    assert art.published_raw == "2024-05-26T02:29:00-05:00"
    assert art.signals["published_raw"] == "time[datetime]"


def test_url_gives_date_when_the_page_has_none():
    art = parse(page(), "https://news.example.org/2024/05/26/kerr-wins-mile")
    assert art.published_raw == "2024-05-26"
    assert art.signals["published_raw"] == "url"


@pytest.mark.parametrize(
    "printed",
    ["<li><strong>Datum</strong> 28.04.2023</li>", "<span>Published April 28, 2023</span>"],
)
def test_labelled_date_printed_on_the_page(printed):
    art = extract(
        page(after=f"<ul>{printed}</ul>" if printed.startswith("<li") else printed), URL, FETCHED
    )
    assert art.published_at.startswith("2023-04-28")
    assert art.signals["published_raw"] == "label:text"


def test_date_is_normalized_with_its_zone_and_never_after_fetch():
    art = extract(page(meta("article:published_time", "2024-05-26T02:29:00-05:00")), URL, FETCHED)
    assert art.published_at == "2024-05-26T02:29:00-05:00"
    future = extract(page(meta("article:published_time", "2031-01-01T00:00:00Z")), URL, FETCHED)
    assert future.published_at is None or future.published_at <= FETCHED


# --- bylines ----------------------------------------------------------------------------------


def test_byline_text_gives_people_without_by_and_outlet():
    art = extract(
        page(article_extra="<p class='story-byline'>By Lori Shontz and Jo Doe, Example News</p>"),
        URL,
        FETCHED,
    )
    assert art.authors == ["Lori Shontz", "Jo Doe"]
    assert art.signals["authors"].startswith("byline")


def test_rel_author_link():
    art = extract(
        page(article_extra="<div>Story: <a rel='author' href='/people/lori'>Lori Shontz</a></div>"),
        URL,
        FETCHED,
    )
    assert art.authors == ["Lori Shontz"]


def test_outlet_as_jsonld_author_gives_way_to_the_printed_byline():
    art = extract(
        page(
            jsonld(
                {
                    "@type": "NewsArticle",
                    "headline": "Kerr wins the Bowerman Mile",
                    "author": {"@type": "Organization", "name": "Example News"},
                }
            )
            + meta("og:site_name", "Example News"),
            article_extra="<div class='meta'><span>Von Max Muster</span></div>",
        ),
        URL,
        FETCHED,
    )
    assert art.authors == ["Max Muster"]


def test_a_teaser_cards_byline_is_not_the_articles():
    art = extract(
        page(
            after="<aside><a href='/other'><h3>Other story</h3><span>By Someone Else"
            "</span></a></aside>"
        ),
        URL,
        FETCHED,
    )
    assert art.authors == []


# --- body -------------------------------------------------------------------------------------


def test_body_is_paragraphs_separated_by_blank_lines_without_chrome():
    art = parse(page())
    assert art.body.startswith(PARAS[0])
    assert f"{PARAS[0]}\n\n{PARAS[1]}" in art.body
    assert PARAS[-1] in art.body
    assert "Copyright Example News" not in art.body
    assert "Home" not in art.body.split()
    assert "Kerr wins the Bowerman Mile" not in art.body  # the headline is not body text


BOILERPLATE = [
    (
        "<figure><img src='k.jpg'><figcaption>Josh Kerr celebrates his win. Photo: John Nepolitan"
        "</figcaption></figure>",
        "Josh Kerr celebrates",
    ),
    (
        "<div class='related-articles'><h3>Related</h3><ul><li><a href='/a'>Ingebrigtsen plans "
        "his season around the Olympic final</a></li></ul></div>",
        "Ingebrigtsen plans",
    ),
    (
        "<div class='share-tools'><a href='#'>Share on Facebook</a> <a href='#'>Share on "
        "X</a></div>",
        "Share on Facebook",
    ),
    (
        "<div class='newsletter-signup'><p>Get the best of track and field in your inbox every "
        "single morning, free.</p></div>",
        "in your inbox",
    ),
    (
        "<div id='comments'><p>Great race! I watched it live from the stands and it was amazing "
        "to see.</p></div>",
        "Great race",
    ),
    ("<div class='ad-slot'>Advertisement</div>", "Advertisement"),
    ("<p class='caption'>Kerr on the final lap (Photo: Getty Images)</p>", "final lap"),
    (
        "<blockquote class='twitter-tweet'><p>Huge run by Kerr tonight in Eugene, what a finish "
        "that was from the Scot</p>&mdash; Fan (@fan) May 26, 2024</blockquote>",
        "Huge run",
    ),
    ("<p>Copyright 2026 Example News. All rights reserved.</p>", "All rights reserved"),
    (
        "<div style='display:none'><p>Hidden text that no reader sees on the page at all, ever, "
        "here.</p></div>",
        "Hidden text",
    ),
]


@pytest.mark.parametrize(
    ("box", "needle"),
    BOILERPLATE,
    ids=[
        "caption",
        "related",
        "share",
        "newsletter",
        "comments",
        "ad",
        "caption-class",
        "tweet",
        "copyright",
        "hidden",
    ],
)
def test_boilerplate_stays_out_of_the_body(box, needle):
    art = parse(page(article_extra=box))
    assert PARAS[0] in art.body
    assert PARAS[-1] in art.body
    assert needle not in art.body


def test_a_paragraph_of_mostly_links_is_still_prose():
    linked = (
        "<p>Kerr had lost to <a href='/a'>Jakob Ingebrigtsen at the world championships "
        "in Budapest last summer</a> and to <a href='/b'>Yared Nuguse over the mile at the "
        "Millrose Games in New York</a> before this race.</p>"
    )
    art = parse(page(after=linked))
    assert "Yared Nuguse over the mile" in art.body


def test_teaser_cards_beside_the_article_stay_out():
    cards = "".join(
        f"<div class='card'><h3><a href='/s{i}'>Another headline number {i}</a></h3>"
        f"<p>An excerpt of another story that is long enough to read like a paragraph {i}.</p>"
        "</div>"
        for i in range(6)
    )
    art = parse(page(after=f"<section>{cards}</section>"))
    assert PARAS[-1] in art.body
    assert "An excerpt of another story" not in art.body


def test_subheadings_lists_and_quotes_are_body():
    extra = (
        "<h2>The last lap</h2><blockquote><p>It was a dumb decision, but it worked out "
        "for me today.</p></blockquote><ul><li>Josh Kerr 3:45.34</li>"
        "<li>Jakob Ingebrigtsen 3:45.60</li></ul>"
    )
    art = parse(page(after=extra))
    for needle in ("The last lap", "It was a dumb decision, but", "Jakob Ingebrigtsen 3:45.60"):
        assert needle in art.body


def test_paragraphs_separated_by_double_line_breaks_stay_paragraphs():
    text = "<br><br>".join(PARAS) + "<br>"
    html = (
        f"<html><body><h1>Kerr wins the Bowerman Mile</h1><div class='story'>{text}</div>"
        "</body></html>"
    )
    art = parse(html)
    assert art.body == "\n\n".join(PARAS)


def test_visible_standfirst_leads_the_body():
    dek = "The Scot beat the Olympic champion with a bold move and a British record in Eugene."
    art = parse(page(meta("og:description", dek), article_extra=f"<div class='intro'>{dek}</div>"))
    assert art.body.startswith(dek)
    assert art.dek == dek


def test_a_short_post_of_sentences_is_the_body_not_what_surrounds_it():
    # a video's blurb: under 200 characters, sentences; the trafilatura fallback would add the
    # tags line and the sidebar's popular posts
    post = (
        "Kerr shows how he warms up before a mile. Watch the drills, then try them before your "
        "next session on the track!"
    )
    side = "".join(f"<li>- Popular post number {i} - {i * 1000} views</li>" for i in range(1, 9))
    html = (
        "<!doctype html><html><head><title>Warm up like Kerr</title></head><body>"
        f"<div id='main'><h1>Warm up like Kerr</h1><div class='entry'><p>{post}</p></div></div>"
        "<div id='side'><p>Tags: warm-up, drills, mile</p><p>Posted by Sam Lee in Video</p>"
        "<p>Get our training plan, with 50 sessions for the whole year.</p>"
        f"<ul>{side}</ul></div></body></html>"
    )
    assert parse(html).body == post


def test_a_description_repeating_the_texts_opening_does_not_lead_it():
    # a feed's excerpt shown on the page: "<who> posted a new article, <title>.<first words>"
    dek = f"Sam Lee posted a new article, Kerr wins the Bowerman Mile.{PARAS[0][:70]}"
    art = parse(page(meta("og:description", dek), body=f"<aside><p>{dek}</p></aside>"))
    assert art.body.startswith(PARAS[0])


# --- image, paywall --------------------------------------------------------------------------


def test_lead_image_caption_and_credit_from_its_figure():
    fig = (
        "<figure><img src='https://news.example.org/img/kerr-finish-line.jpg'>"
        "<figcaption>Josh Kerr crosses the line first. <span class='image-credit'>"
        "Photo: John Nepolitan</span></figcaption></figure>"
    )
    art = parse(
        page(
            meta("og:image", "https://news.example.org/img/kerr-finish-line.jpg"), article_extra=fig
        )
    )
    assert art.image_caption == "Josh Kerr crosses the line first."
    assert art.photo_credit == "John Nepolitan"
    assert art.signals["photo_credit"] == "figure:credit"
    assert "crosses the line" not in art.body


def test_credit_at_the_end_of_a_caption():
    fig = (
        "<figure><img src='/a.jpg'><figcaption>Kerr after the race (Foto: Jane Roe)"
        "</figcaption></figure>"
    )
    art = parse(page(article_extra=fig))
    assert art.photo_credit == "Jane Roe"
    assert art.image_caption == "Kerr after the race"


def test_paywall_from_content_tier():
    art = parse(page(meta("article:content_tier", "locked")))
    assert art.paywalled is True
    assert art.signals["paywalled"] == "meta:article:content_tier"


# --- other fields -----------------------------------------------------------------------------


def test_canonical_link_same_site_only():
    same = parse(page('<link rel="canonical" href="https://www.news.example.org/a?utm_source=x">'))
    assert same.canonical_url == "https://www.news.example.org/a"
    other = parse(page('<link rel="canonical" href="https://aggregator.example.com/a">'))
    assert other.canonical_url == URL


def test_language_from_html_lang():
    art = parse(page())
    assert art.language == "en"
    assert art.signals["language"] == "html[lang]"


def test_language_guessed_from_the_text_when_undeclared():
    html = page().replace("<html lang='en'>", "<html>")
    art = parse(html)
    assert art.language == "en"
    assert art.signals["language"] == "text:function-words"


def test_every_field_found_names_its_signal():
    art = parse(
        page(
            meta("og:title", "Kerr wins the Bowerman Mile")
            + meta("article:published_time", "2024-05-26T07:29:00Z")
        )
    )
    for field in ("headline", "published_raw", "body", "language", "canonical_url"):
        assert art.signals.get(field), field


def test_empty_page_is_a_parse_error():
    with pytest.raises(ParseError):
        parse("   ")


# --- quality floor on real pages ------------------------------------------------------------

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "data" / "articles-dev"
HARNESS = SHARED / "tools" / "extract_eval.py"

# a little below the scores measured when these floors were set (see bench/README.md)
FLOORS = {
    "body_f1": 0.962,
    "title_exact": 0.78,
    "title_fuzzy": 0.925,
    "date_day": 0.98,
    "authors_f1": 0.895,
}


@pytest.mark.slow
@pytest.mark.skipif(
    not (DEV / "truth.jsonl").exists() or not HARNESS.exists(),
    reason="../shared/data/articles-dev not available",
)
def test_quality_floor_on_articles_dev():
    from scraper.cli.extract import article_record, extract_article

    spec = importlib.util.spec_from_file_location("extract_eval", HARNESS)
    ee = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ee)
    rows = ee.load_dataset(DEV)
    preds = []
    for r in rows:
        art = extract_article(r["_path"], r["url"], FETCHED)
        preds.append(article_record(art))
    res, _ = ee.score(rows, preds, 0, 0)
    got = {
        "body_f1": res["body"]["f1"],
        "title_exact": res["title"]["exact"],
        "title_fuzzy": res["title"]["fuzzy"],
        "date_day": res["date"]["day_acc"],
        "authors_f1": res["authors"]["f1"],
    }
    low = {k: round(v, 4) for k, v in got.items() if v < FLOORS[k]}
    assert not low, f"below the floor: {low} (floors {FLOORS})"
