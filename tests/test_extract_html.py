"""HTML: the JSON-LD -> trafilatura -> baseline cascade, DOM comments, captions and metadata."""

from __future__ import annotations

import json

import pytest

from criticscope.extract import ExtractionError, extract_html
from criticscope.extract import html as html_mod

P1 = ("Dario Argento's Suspiria drowns its dance academy in reds and blues so saturated they seem to bleed, "
      "and the plot, such as it is, barely matters next to the colour.")
P2 = ("Jessica Harper plays Suzy Bannion, an American student who arrives in Freiburg on a night of torrential "
      "rain and soon suspects the teachers of something far worse than strictness.")
P3 = ("Goblin's score, all whispers and pounding drums, is as much a character as any of the witches, and it "
      "makes even a walk down a corridor feel like an attack.")


def page_html(body: str = "", head: str = "", *, lang: str = "en") -> str:
    body = body or f"<article><h1>Suspiria review</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
    return f"<html lang='{lang}'><head><title>Suspiria review</title>{head}</head><body>{body}</body></html>"


def ld(obj) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


def test_jsonld_review_is_read_first():
    head = ld({"@context": "https://schema.org", "@type": "Review",
               "author": [{"@type": "Person", "name": "Nadia Ricci"}],
               "reviewRating": {"@type": "Rating", "ratingValue": "4.5", "bestRating": "5"},
               "itemReviewed": {"@type": "Movie", "name": "Suspiria", "dateCreated": "1977",
                                "director": [{"@type": "Person", "name": "Dario Argento"}]},
               "datePublished": "2017-02-01T09:00:00Z",
               "publisher": {"@type": "Organization", "name": "Giallo Weekly"}})
    page = extract_html(page_html(head=head + "<meta property='og:site_name' content='Other Name'>"),
                        url="https://www.giallo.example/suspiria")
    assert page.structured == {
        "author": "Nadia Ricci",
        "reviewRating": {"ratingValue": "4.5", "bestRating": "5"},
        "itemReviewed": {"@type": "Movie", "name": "Suspiria", "dateCreated": "1977", "director": "Dario Argento"},
        "datePublished": "2017-02-01",
        "publisher": "Giallo Weekly",
    }
    assert (page.critic, page.outlet, page.published) == ("Nadia Ricci", "Giallo Weekly", "2017-02-01")
    assert page.url == "https://www.giallo.example/suspiria"


def test_jsonld_review_nested_in_a_movie_inside_a_graph():
    head = ld({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Giallo Weekly"},
        {"@type": "Movie", "name": "Suspiria", "dateCreated": "2018",
         "director": {"@type": "Person", "name": "Luca Guadagnino"},
         "review": [{"@type": "Review", "author": "Sam Lowe", "reviewRating": {"ratingValue": 7, "bestRating": 10}}]},
    ]})
    page = extract_html(page_html(head=head))
    assert page.structured["itemReviewed"] == {"@type": "Movie", "name": "Suspiria", "dateCreated": "2018",
                                               "director": "Luca Guadagnino"}
    assert page.structured["reviewRating"] == {"ratingValue": 7, "bestRating": 10}
    assert page.critic == "Sam Lowe"


def test_broken_jsonld_is_skipped_and_trailing_commas_tolerated():
    head = ("<script type='application/ld+json'>{not json at all</script>"
            "<script type='application/ld+json'>{\"@type\": \"Review\", \"author\": {\"name\": \"Ann Lee\"},}</script>")
    page = extract_html(page_html(head=head))
    assert page.critic == "Ann Lee"


def test_article_jsonld_when_there_is_no_review():
    head = ld({"@type": "NewsArticle", "headline": "Suspiria review", "author": {"name": "Ola Berg"},
               "datePublished": "2018-11-02", "publisher": {"name": "Nordic Screen"}})
    page = extract_html(page_html(head=head))
    assert (page.critic, page.outlet, page.published, page.structured) == ("Ola Berg", "Nordic Screen", "2018-11-02", {})


def test_outlet_from_site_name_then_domain():
    head = "<meta property='og:site_name' content='Giallo Weekly'>"
    assert extract_html(page_html(head=head), url="https://giallo.example/x").outlet == "Giallo Weekly"
    assert extract_html(page_html(), url="https://www.giallo.example/x").outlet == "giallo.example"


def test_figcaptions_and_credits_are_kept_apart():
    body = (f"<article><h1>Suspiria review</h1><p>{P1}</p>"
            "<figure><img src='a.jpg'><figcaption>Jessica Harper in “Suspiria.”"
            "<span class='credit'>Photo: Seda Spettacoli</span></figcaption></figure>"
            f"<p>{P2}</p><div class='photo-credit'>Getty Images</div><p>{P3}</p></article>")
    page = extract_html(page_html(body))
    assert page.captions == ["Jessica Harper in “Suspiria.” Photo: Seda Spettacoli"]
    assert page.text.split("\n\n") == [P1, P2, P3]
    assert "Getty Images" in page.removed


def test_headings_and_headline_from_markup():
    body = (f"<article><h1>Suspiria review</h1><p>{P1}</p><h2>The colour of fear</h2><p>{P2}</p>"
            f"<h3>3 Comments</h3><p>{P3}</p></article>")
    page = extract_html(page_html(body))
    assert page.headline == "Suspiria review"
    assert page.headings == ["The colour of fear"]
    assert page.text.split("\n\n") == [P1, "The colour of fear", P2]
    assert [c.text for c in page.comments] == [P3]  # a comment-count header opens the comment section


def test_dom_comments_with_nested_replies():
    comments = (
        "<div id='comments' class='comments-area'><ol class='comment-list'>"
        "<li id='comment-1' class='comment'><article class='comment-body'>"
        "<div class='comment-author'><b class='fn'>Marta</b> <span class='says'>says:</span></div>"
        "<div class='comment-metadata'><time datetime='2020-03-01T10:00:00+00:00'>March 1, 2020</time></div>"
        "<div class='comment-content'><p>The opening taxi ride is pure dread.</p></div></article>"
        "<ol class='children'><li id='comment-2' class='comment'><article class='comment-body'>"
        "<div class='comment-author'><b class='fn'>Joe</b></div>"
        "<div class='comment-metadata'><time datetime='2020-03-02T11:30:00+00:00'>March 2, 2020</time></div>"
        "<div class='comment-content'><p>And the barbed wire room!</p></div></article></li></ol>"
        "</li></ol></div>"
    )
    body = f"<article><h1>Suspiria review</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>{comments}"
    page = extract_html(page_html(body))
    assert [(c.author, c.posted_at, c.text) for c in page.comments] == [
        ("Marta", "2020-03-01T10:00", "The opening taxi ride is pure dread."),
        ("Joe", "2020-03-02T11:30", "And the barbed wire room!"),
    ]
    assert "taxi ride" not in page.text and "barbed wire" not in page.text


def test_article_wrapper_classed_with_comments_is_not_pruned():
    body = (f"<article class='post has-comments'><h1>Suspiria review</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
            "</article>")
    page = extract_html(page_html(body))
    assert page.text.split("\n\n") == [P1, P2, P3]


def test_plain_comment_section_inside_the_article_uses_the_text_rules():
    body = (f"<article><h1>Suspiria review</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
            "<p>2 thoughts on “Suspiria review”</p><p>Ruth Baines</p><p>April 4, 2021 at 8:15 pm</p>"
            "<p>Best score ever written for a horror film.</p></article>")
    page = extract_html(page_html(body))
    assert page.text.split("\n\n") == [P1, P2, P3]
    assert [(c.author, c.posted_at) for c in page.comments] == [("Ruth Baines", "2021-04-04T20:15")]


def test_baseline_rescues_when_trafilatura_returns_nothing(monkeypatch):
    monkeypatch.setattr(html_mod.trafilatura, "bare_extraction", lambda *a, **k: None)
    page = extract_html(page_html())
    assert page.text.split("\n\n") == [P1, P2, P3]
    assert page.headline == "Suspiria review"


def test_baseline_rescues_when_trafilatura_crashes(monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(html_mod.trafilatura, "bare_extraction", boom)
    body = f"<nav><p>Home</p></nav><div><p>{P1}</p><ul><li>{P2}</li></ul><footer><p>Footer text</p></footer></div>"
    page = extract_html(page_html(body))
    assert page.text.split("\n\n") == [P1, P2]


def test_jsonld_body_is_the_last_resort():
    head = ld({"@type": "Review", "reviewBody": f"{P1}\n\n{P2}", "author": {"name": "Ann Lee"}})
    page = extract_html(page_html("<div id='app'></div>", head=head))
    assert page.text.split("\n\n") == [P1, P2]


def test_language_from_the_html_attribute_or_guessed():
    assert extract_html(page_html(lang="en-GB")).language == "en"
    assert extract_html(page_html(lang="")).language == "en"


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "<html><body><script>x()</script></body></html>"])
def test_html_without_any_text(html):
    with pytest.raises(ExtractionError):
        extract_html(html)


def test_xml_declaration_is_accepted():
    page = extract_html("<?xml version='1.0' encoding='utf-8'?>" + page_html())
    assert P1 in page.text
