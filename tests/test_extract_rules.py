"""Line-cleaning rules one at a time: furniture, widgets, captions, headings, bylines, comments, dates."""

from __future__ import annotations

import re

import pytest

from criticscope.extract import extract_text
from criticscope.extract.comments import parse_header
from criticscope.extract.dates import find_timestamp, parse_date
from criticscope.extract.furniture import compile_alternation, furniture_kind
from criticscope.extract.meta import guess_language, is_person_name, parse_byline

P1 = ("Park Chan-wook's Oldboy opens with a man locked in a hotel room for fifteen years without being told why, "
      "and the film never quite lets him, or us, out again.")
P2 = ("Choi Min-sik plays Oh Dae-su as a man who has turned his rage into a daily exercise routine, "
      "punching the wall of his cell until it bleeds.")
P3 = ("The corridor fight, shot in a single sideways take as Dae-su hammers his way through a crowd of thugs, "
      "is as exhausting to watch as it must have been to stage.")


def paras(text: str) -> list[str]:
    return text.split("\n\n")


def test_empty_alternatives_are_refused():
    with pytest.raises(ValueError):
        compile_alternation(["advertisement", ""])
    with pytest.raises(ValueError):
        compile_alternation(["advertisement|"])  # matches the empty line
    with pytest.raises(ValueError):
        compile_alternation([])
    assert compile_alternation(["ad(?:vertisement)?"]).fullmatch("Advertisement")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Advertisement", "ad"), ("ADVERTISEMENT", "ad"), ("Sponsored", "ad"),
        ("Story continues below advertisement", "ad"), ("Select Voice", "audio"),
        ("Choose your listening speed", "audio"), ("Get through articles 3x faster", "audio"),
        ("1.25x", "audio"), ("250 WPM", "audio"), ("Reading Time:2 minutes", "reading_time"),
        ("5 min read", "reading_time"), ("Share this article", "share"), ("Share on Facebook", "share"),
        ("Sign up for our newsletter", "subscribe"), ("Follow us on Instagram", "subscribe"),
        ("Why you can trust The Film Weekly", "trust"), ("Skip to content", "nav"),
        ("Variety Top Stories", "nav"), ("Related: Ten films to watch", "nav"), ("Tags: horror, Cronenberg", "tags"),
        ("Copyright © 2024 Film Weekly", "legal"), ("Leave a comment", "comments_header"),
        ("Leave a Reply", "comments_header"), ("12 thoughts on “Suspiria (2018)”", "comments_header"),
        ("7 Comments", "comments_header"), ("Comments", "comments_label"), ("Post Comment", "comment_form"),
        ("Reply", "reply"), ("* * *", "separator"),
    ],
)
def test_furniture_kinds(line, kind):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Slow", "Average", "Fast",  # only furniture inside a listen widget
        "The advertisement for the film promised more than it delivered.",
        "Share this article with anyone who still thinks Cronenberg is only about gore, because the film proves otherwise.",
        "3/5 stars",
    ],
)
def test_not_furniture_on_its_own(line):
    assert furniture_kind(line) is None


def test_widget_words_only_removed_inside_the_widget():
    page = extract_text(f"{P1}\n\nSelect Voice\nSlow\nAverage\nFast\n1.25x\n\n{P2}\n\nFast\n\n{P3}\n")
    assert "Slow" not in paras(page.text) and "Average" not in paras(page.text)
    assert paras(page.text).count("Fast") == 1  # the lone heading-like "Fast" between paragraphs stays
    assert {"Select Voice", "Slow", "Average", "1.25x"} <= set(page.removed)


def test_breadcrumbs_before_the_headline_are_dropped_and_standfirst_kept():
    page = extract_text(
        "World cinema: Korean films\nThrillersRevenge\n\n"
        "Oldboy (2003) review | Park Chan-wook's operatic revenge\n\n"
        "  • A hammer, a corridor and one of the great twists in modern cinema\n\n"
        f"{P1}\n{P2}\n"
    )
    assert page.headline == "Oldboy (2003) review | Park Chan-wook's operatic revenge"
    assert paras(page.text)[0] == "A hammer, a corridor and one of the great twists in modern cinema"
    assert "World cinema: Korean films" in page.removed and "ThrillersRevenge" in page.removed
    assert P1 in page.text and P2 in page.text


@pytest.mark.parametrize("rating", ["★★★½", "B+", "Grade: B+", "7/10", "3 out of 4 stars", "Rating: 4/5"])
def test_rating_line_stays_in_the_text(rating):
    page = extract_text(f"Oldboy review\nJane Doe\n\n{rating}\n\n{P1}\n\n{P2}\n")
    assert rating in paras(page.text)
    assert rating not in page.headings


def test_byline_forms():
    assert parse_byline("By Jane Doe", bare_ok=False) == ("Jane Doe", "")
    assert parse_byline("By Jane Doe and John Roe", bare_ok=False) == ("Jane Doe, John Roe", "")
    assert parse_byline("By Jane Doe, Film Critic", bare_ok=False) == ("Jane Doe", "Film Critic")
    assert parse_byline("Jane Doe", bare_ok=False) is None
    assert parse_byline("Jane Doe", bare_ok=True) == ("Jane Doe", "")
    assert is_person_name("Ana de Armas") and is_person_name("Lee Chung-hyun")
    assert not is_person_name("Korean Films") and not is_person_name("Film Reviews") and not is_person_name("Oldboy")


def test_bare_byline_after_headline_becomes_critic():
    page = extract_text(f"Oldboy review: still a hammer blow\nKim Soo-jin\n\n{P1}\n\n{P2}\n")
    assert page.critic == "Kim Soo-jin"
    assert "Kim Soo-jin" not in page.text


def test_caption_before_credit_and_credit_removed():
    page = extract_text(
        f"{P1}\n"
        "Choi Min-sik in “Oldboy.”\nCredit: Show East\n"
        f"{P2}\n"
        "The hallway is the film's most famous set.\nPhoto: Tartan Films\n"
        f"{P3}\n"
    )
    assert page.captions == ["Choi Min-sik in “Oldboy.”", "The hallway is the film's most famous set."]
    assert "Credit: Show East" in page.removed and "Photo: Tartan Films" in page.removed
    assert paras(page.text) == [P1, P2, P3]


def test_question_heading_before_a_credit_is_not_a_caption():
    page = extract_text(f"{P1}\nWhat is Oldboy about?\nCredit: Show East\n{P2}\n")
    assert page.headings == ["What is Oldboy about?"]
    assert page.captions == []


def test_caption_shapes_without_credit():
    page = extract_text(f"{P1}\nChoi Min-sik as Oh Dae-su in a still from “Oldboy.”\n{P2}\n"
                        "Yoo Ji-tae and Kang Hye-jung in Oldboy (2003).\n" f"{P3}\n")
    assert len(page.captions) == 2
    assert paras(page.text) == [P1, P2, P3]


def test_headings_between_paragraphs_and_a_list_is_not_headings():
    page = extract_text(
        f"{P1}\n\nThe corridor\n\n{P2}\n\nIs it still shocking?\n\n{P3}\n\n"
        "Directed by Park Chan-wook\nStarring Choi Min-sik\nRunning time 120 minutes\n\n"
        f"{P1.replace('Oldboy', 'the film')}\n"
    )
    assert page.headings == ["The corridor", "Is it still shocking?"]
    assert "Directed by Park Chan-wook" in paras(page.text)
    assert "Directed by Park Chan-wook" not in page.headings


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = (
        "Park Chan-wook's Oldboy opens with a man locked in a hotel room for\n"
        "fifteen years without being told why, and the film never quite lets\n"
        "him, or us, out again.\n\n"
        "Choi Min-sik plays Oh Dae-su as a man who has turned his rage into a\n"
        "daily exercise routine, punching the wall of his cell until it bleeds.\n"
    )
    page = extract_text(wrapped)
    assert paras(page.text) == [P1, P2]


def test_sentence_with_furniture_words_is_never_dropped():
    sentence = "Advertisement was everywhere in the film's Seoul, and the share of screen time given to it is telling."
    page = extract_text(f"{P1}\n\n{sentence}\n\n{P2}\n")
    assert sentence in paras(page.text)


@pytest.mark.parametrize(
    ("line", "author", "posted_at"),
    [
        ("June 12th, 2025 at 1:57 pm", None, "2025-06-12T13:57"),
        ("12 June 2025 at 13:57", None, "2025-06-12T13:57"),
        ("March 3, 2024 at 9:02 am Reply", None, "2024-03-03T09:02"),
        ("Jane Smith on March 3, 2024 at 9:02 am said:", "Jane Smith", "2024-03-03T09:02"),
        ("Jane Smith | 2024-03-03 09:02", "Jane Smith", "2024-03-03T09:02"),
        ("Jane Smith says:", "Jane Smith", None),
        ("moviebuff99 · 3 days ago", "moviebuff99", None),
    ],
)
def test_comment_header_forms(line, author, posted_at):
    header = parse_header(line)
    assert header is not None
    assert (header.author, header.posted_at) == (author, posted_at)


@pytest.mark.parametrize("line", [P1, "The film premiered on May 20, 2003 at Cannes, where it won the Grand Prix."])
def test_prose_is_not_a_comment_header(line):
    assert parse_header(line) is None


def test_trailing_comments_split_with_authors_and_times():
    page = extract_text(
        f"Oldboy review\n\n{P1}\n\n{P2}\n\n{P3}\n\n"
        "2 Comments\n"
        "Hyun-woo Lee\nMarch 3, 2024 at 9:02 am\nThe twist still ruins me.\nReply\n"
        "Dana K says:\nMarch 4, 2024 at 10:15 pm\nI prefer Lady Vengeance, honestly.\nReply\n"
        "Leave a Reply\n"
    )
    assert paras(page.text) == [P1, P2, P3]
    assert [(c.author, c.posted_at, c.text) for c in page.comments] == [
        ("Hyun-woo Lee", "2024-03-03T09:02", "The twist still ruins me."),
        ("Dana K", "2024-03-04T22:15", "I prefer Lady Vengeance, honestly."),
    ]


def test_a_discussion_heading_does_not_swallow_critic_prose():
    page = extract_text(f"Oldboy review\n\n{P1}\n\n{P2}\n\nDiscussion\n\n{P3}\n")
    assert P3 in page.text
    assert page.comments == []
    assert "Discussion" in page.headings


def test_a_dated_section_inside_the_review_is_not_a_comment():
    page = extract_text(f"Festival diary\n\n{P1}\n\nMay 20, 2003\n\n{P2}\n\n{P3}\n")
    assert P2 in page.text and P3 in page.text
    assert page.comments == []


def test_outlet_cues():
    assert extract_text(f"{P1}\n\nThe Film Stage Top Stories\n\n{P2}\n").outlet == "The Film Stage"
    assert extract_text(f"{P1}\n\n{P2}\n\n© 2024 Reel Notes. All rights reserved.\n").outlet == "Reel Notes"
    assert extract_text(f"{P1}\n\n{P2}\n", url="https://www.filmpaper.example/oldboy").outlet == "filmpaper.example"
    assert extract_text(f"{P1}\n\nWhy you can trust FP\n\n{P2}\n").outlet is None


def test_metadata_arguments_win():
    page = extract_text(f"Oldboy review\nKim Soo-jin\n\n{P1}\n", author="Given Name", title="Given",
                        date="3 March 2024", outlet="Outlet")
    assert (page.critic, page.headline, page.published, page.outlet) == ("Given Name", "Given", "2024-03-03", "Outlet")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Published: 12 June 2025, 9:00 am", "2025-06-12T09:00"),
        ("Thu 17 Aug 2023 09.00 BST", "2023-08-17T09:00"),
        ("Updated: Nov 1, 2023, 10:30 IST", "2023-11-01T10:30"),
        ("2021-10-22T07:00:00-04:00", "2021-10-22T07:00"),
        ("25/12/2024", "2024-12-25"),
        ("12/25/2024", "2024-12-25"),
        ("1:57 pm, June 12, 2025", "2025-06-12T13:57"),
    ],
)
def test_dates(text, iso):
    assert find_timestamp(text).iso() == iso


def test_dates_refuse_impossible_values():
    assert parse_date("February 30, 2024") is None
    assert parse_date("3/5 stars") is None
    assert parse_date("the 1984 version") is None


def test_language_guess():
    assert guess_language(P1 + " " + P2) == "en"
    assert guess_language("Le film de Park Chan-wook est une tragédie et il ne laisse pas le spectateur en paix, "
                          "mais la mise en scène est superbe.") == "fr"
    assert guess_language("1 2 3") is None


def test_every_removed_line_is_a_whole_input_line():
    raw = f"Advertisement\nOldboy review\n5 min read\n\n{P1}\nSponsored\n{P2}\n"
    page = extract_text(raw)
    lines = {line.strip() for line in raw.splitlines()}
    assert set(page.removed) <= lines
    assert re.sub(r"\s+", " ", page.text) == re.sub(r"\s+", " ", f"{P1} {P2}")


@pytest.mark.parametrize("raw", ["Great film, go see it.", "Loved it", "Dune review\n\nGreat film."])
def test_very_short_pages_keep_their_words(raw):
    page = extract_text(raw)
    assert raw.split("\n")[-1] in page.text
