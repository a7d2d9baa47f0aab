"""Plain-text pages: headline choice, short title and rating lines, furniture wordings, comment
headers, bylines and contributor bios -- each rule with a case that must stay untouched."""

from __future__ import annotations

import pytest

from criticscope.extract import extract_text
from criticscope.extract.comments import parse_header
from criticscope.extract.furniture import furniture_kind, is_caption_shape, is_credit, is_rating_line
from criticscope.extract.headline import headline_score, is_generic
from criticscope.extract.meta import bio_name, parse_byline, role_byline

P1 = ("Kelly Reichardt's First Cow follows a cook and a Chinese immigrant in 1820s Oregon who steal milk "
      "from the only cow in the territory to make the best biscuits anyone there has tasted.")
P2 = ("John Magaro and Orion Lee play the two friends with a gentleness that the film's rough frontier never "
      "manages to crush, and Reichardt lets their business grow one batch at a time.")
P3 = ("The ending is there in the first scene, two skeletons found side by side in the woods, and knowing it "
      "only makes the small pleasures of the story more precious.")
BODY = f"{P1}\n\n{P2}\n\n{P3}\n"


def paras(text: str) -> list[str]:
    return text.split("\n\n")


# --- 1. the headline is the title, not a kicker, promo or tagline ---------------------------------

@pytest.mark.parametrize(
    ("head", "headline"),
    [
        ("SUBSCRIBE NOW — 99¢ for your first month\nMovie Review\nFIRST COW\n"
         "Kelly Reichardt's frontier fable is a quiet miracle of friendship", "FIRST COW"),
        ("Weekend | At the Movies\n‘First Cow’ review: biscuits, friendship and a stolen cup of milk\n"
         "A small film about the start of American capitalism",
         "‘First Cow’ review: biscuits, friendship and a stolen cup of milk"),
        ("FROM THE ARCHIVE\nFirst Cow\nReichardt's gentle western about two men and a cow", "First Cow"),
        ("Movie Review\nMilk and honey\nKelly Reichardt's gentle western about two friends, a cow and the "
         "business of making biscuits in the Oregon woods, is her warmest film", "Milk and honey"),
        ("Critic's Pick\nNOW STREAMING\nFirst Cow (2019)\nThe best film of the year is about baking",
         "First Cow (2019)"),
        ("The Celluloid Attic\nFilm writing since 2008\nFirst Cow review: Reichardt's frontier bakery",
         "First Cow review: Reichardt's frontier bakery"),
    ],
)
def test_headline_is_the_title_line(head, headline):
    page = extract_text(f"{head}\nBy Lena Hart\n\n{BODY}")
    assert page.headline == headline
    assert page.critic == "Lena Hart"
    assert P1 in paras(page.text)
    for line in head.splitlines():
        if line != headline and (is_generic(line) or furniture_kind(line)):
            assert line not in paras(page.text)


def test_the_dek_under_a_title_stays_as_text():
    page = extract_text("Movie Review\nFIRST COW\nKelly Reichardt's frontier fable is a quiet miracle\n"
                        f"By Lena Hart\n\n{BODY}")
    assert page.headline == "FIRST COW"
    assert paras(page.text)[0] == "Kelly Reichardt's frontier fable is a quiet miracle"
    assert "Movie Review" in page.removed


def test_a_site_name_the_review_never_names_loses_to_a_headline_sentence():
    page = extract_text("Northern Frames\nReichardt's frontier fable is a quiet miracle of friendship\n"
                        f"By Lena Hart\n\n{BODY}")
    assert page.headline == "Reichardt's frontier fable is a quiet miracle of friendship"


KICKERS = ["Movie Review", "Weekend | At the Movies", "FROM THE ARCHIVE", "Critic's Pick", "Film of the week",
           "Arts & Entertainment | Movies", "NOW STREAMING", "K-dramaK-movies"]


@pytest.mark.parametrize("line", KICKERS)
def test_kickers_are_generic_and_score_below_titles(line):
    assert is_generic(line)
    title = headline_score("The Iron Claw", body="The Iron Claw is a wrestling tragedy.")
    assert headline_score(line) < title


@pytest.mark.parametrize("line", ["First Cow", "Love in the cloud", "OLD", "Godzilla Minus One"])
def test_titles_are_not_generic(line):
    assert not is_generic(line)


def test_two_name_shaped_lines_title_then_critic():
    page = extract_text(f"Home › Reviews › Drama\nFirst Cow\nLena Hart\n12 Feb 2024\n\n{BODY}")
    assert (page.headline, page.critic, page.published) == ("First Cow", "Lena Hart", "2024-02-12")


# --- 2. short title and rating lines are kept ---------------------------------------------------

@pytest.mark.parametrize("line", ["Nosferatu (15) 4/5", "(15) ★★★★", "Movie: 5/5", "Video: 4/5", "Audio: 3/5",
                                  "Extras: 2/5", "5 stars", "Picture quality – 4.5/5", "The Iron Claw – 3/5"])
def test_rating_expressions(line):
    assert is_rating_line(line)


@pytest.mark.parametrize("line", ["Part 2/5", "Chapter 1/4 of the story", "Nosferatu (15)"])
def test_not_rating_expressions(line):
    assert not is_rating_line(line)


def test_title_with_certificate_and_rating_is_kept_and_names_the_headline():
    page = extract_text("Film of the week\nFirst Cow (12A) 4/5\n"
                        f"Reichardt's gentle western is a small miracle\nBy Lena Hart\n\n{BODY}")
    assert "First Cow (12A) 4/5" in paras(page.text)
    assert page.headline == "First Cow"
    assert "Film of the week" not in page.text


def test_score_block_of_a_disc_review_is_kept_in_the_head_and_the_body():
    block = "Movie: 5/5\nVideo: 4/5\nAudio: 3/5\nExtras: 2/5"
    page = extract_text(f"First Cow Blu-ray review\nby frontierfan\n\n{block}\n\n{BODY}\n{block}\n")
    for line in block.splitlines():
        assert paras(page.text).count(line) == 2
    assert page.critic == "frontierfan"


# --- 3. furniture in other wordings -------------------------------------------------------------

@pytest.mark.parametrize(
    "line",
    [
        "Get our best film writing delivered to your inbox every Friday.",
        "Want more reviews like this? Sign up to The Weekly Reel for free",
        "Like what you read? Support independent film criticism — become a member today.",
        "The Reel newsletter: the week's new films, every Thursday in your inbox.",
        "SUBSCRIBE NOW — 99¢ for your first month", "Unlimited digital access. Cancel anytime.",
        "More reviews", "Next: Inside Llewyn Davis review", "Previous: The Wolf of Wall Street review",
        "Next week: Dune: Part Two", "« Previous post", "Newer Post Older Post Home", "Further reading",
        "Share on X", "Tweet", "Copy link", "Email", "Share to Facebook", "Share on X Facebook Email",
        "Share: Facebook / X / Email", "Email this article", "Share on X (formerly Twitter)",
        "Print this page", "[Advertisement]", "- Advertisement -", "Sponsored content",
        "Sponsored: Stream every film free for 30 days",
        "Tags: horror, remake", "Tagged: courtroom drama", "Labels: 4K, horror", "Comments are closed.",
        "About the author", "Follow her on Letterboxd.",
    ],
)
def test_furniture_wordings(line):
    assert furniture_kind(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Every morning his inbox fills with letters from strangers he will never meet.",
        "He paid $5 a month to join the club and never went back.",
        "Next week, the sequel opens in the same cinemas.",
        "The film plays like a corporate newsletter written by a poet.",
        "What does it mean to grow old? Become a parent, and you find out.",
        "Tagged as a comedy, the film is really a tragedy.",
        "The film doesn't tell us much about what lies below the surface.",
    ],
)
def test_prose_with_furniture_words_is_not_furniture(line):
    assert furniture_kind(line) is None


@pytest.mark.parametrize("line", ["Nobody in Hollywood.", "Zac Efron as Kevin in The Iron Claw is a revelation.",
                                  "Emma Stone in Poor Things"])
def test_short_prose_is_not_a_caption(line):
    assert not is_caption_shape(line)


@pytest.mark.parametrize(
    "line",
    [
        "Pictured: Orion Lee and John Magaro in the woods",
        "Still from First Cow, with the cow on a raft",
        "John Magaro, left, and Orion Lee in First Cow (A24)",
        "John Magaro as Cookie in First Cow",
        "Orion Lee as King-Lu (A24)",
        "Lily Gladstone in Certain Women.",
        "Above: the cow arrives by river",
    ],
)
def test_captions_without_a_photo_prefix(line):
    assert is_caption_shape(line)


@pytest.mark.parametrize("line", ["(Image: A24)", "(Image credit: A24)", "[Photo: A24]",
                                  "Photograph: Allyson Riggs"])
def test_credit_lines(line):
    assert is_credit(line)


def test_captions_and_credits_leave_the_text():
    page = extract_text(f"{P1}\n\nJohn Magaro and Orion Lee as the two friends\n(Image: A24)\n\n{P2}\n\n"
                        f"Still from First Cow, with the cow on a raft\n\n{P3}\n")
    assert page.captions == ["John Magaro and Orion Lee as the two friends",
                             "Still from First Cow, with the cow on a raft"]
    assert paras(page.text) == [P1, P2, P3]


def test_a_two_sentence_paragraph_above_a_credit_is_not_a_caption():
    short = "Orion Lee is quietly superb as the schemer. The cow is better."
    page = extract_text(f"{P1}\n\n{short}\n\n(Image: A24)\n\n{P2}\n")
    assert short in paras(page.text)
    assert page.captions == []


def test_sponsored_list_under_the_text_is_dropped():
    page = extract_text(f"First Cow review\n\n{BODY}\nSponsored\nThese 12 streaming deals end tonight\n"
                        "Why everyone is watching this thriller\n")
    assert paras(page.text) == [P1, P2, P3]


def test_headline_byline_and_widget_on_single_lines_are_not_merged():
    head = ("First Cow review – Kelly Reichardt's tender frontier tale of friendship\n"
            "John Magaro and Orion Lee make biscuits and history in 1820s Oregon\n"
            "By Lena Hart, Chief Film Critic\n"
            "Share on Facebook Share on Twitter Share via Email\n")
    page = extract_text(f"{head}\n{BODY}")
    assert page.headline == "First Cow review – Kelly Reichardt's tender frontier tale of friendship"
    assert page.critic == "Lena Hart"
    assert paras(page.text)[0] == "John Magaro and Orion Lee make biscuits and history in 1820s Oregon"
    assert not any("Share" in p for p in paras(page.text))


# --- 4. reader comments -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("line", "author", "posted_at"),
    [
        ("K on December 5, 2023 said:", "K", "2023-12-05"),
        ("D – 3 March 2024", "D", "2024-03-03"),
        ("J said...", "J", None),
        ("Marcus – December 20, 2013", "Marcus", "2013-12-20"),
        ("Sophie on 14 October 2023 at 18:20 said:", "Sophie", "2023-10-14T18:20"),
        ("Maria on March 3rd said:", "Maria", None),
    ],
)
def test_more_comment_header_forms(line, author, posted_at):
    header = parse_header(line)
    assert header is not None and (header.author, header.posted_at) == (author, posted_at)


@pytest.mark.parametrize("header", ["One comment", "One response to “First Cow”", "1 thought on “First Cow”",
                                    "Two comments"])
def test_spelled_out_comment_headers_open_the_section(header):
    page = extract_text(f"First Cow review\n\n{BODY}\n{header}\n\nR on May 2, 2024 said:\nThe raft scene!\n\n"
                        "Add your comment\n")
    assert paras(page.text) == [P1, P2, P3]
    assert [(c.author, c.text) for c in page.comments] == [("R", "The raft scene!")]


@pytest.mark.parametrize("prompt", ["Add your comment", "Leave a reply", "Leave a Reply Cancel reply",
                                    "Share your thoughts", "Have your say",
                                    "What did you think? Let us know in the comments below."])
def test_a_comment_prompt_is_not_a_comment(prompt):
    page = extract_text(f"First Cow review\n\n{BODY}\n2 Comments\n\nAda – 2 May 2024\nLovely.\n\n"
                        f"Bo – 3 May 2024\nToo slow for me.\n\n{prompt}\nName (required)\nSubmit\n")
    assert [c.author for c in page.comments] == ["Ada", "Bo"]
    assert page.comments[-1].text == "Too slow for me."


def test_closed_comments_are_not_a_comment_section():
    page = extract_text(f"First Cow review\n\n{BODY}\nComments are closed.\n")
    assert page.comments == [] and paras(page.text) == [P1, P2, P3]


# --- 5. bylines ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("byline", "critic"),
    [
        ("By Lena Hart", "Lena Hart"), ("Words by Lena Hart", "Lena Hart"),
        ("Lena Hart | March 3, 2024", "Lena Hart"),
        ("Review by Lena Hart", "Lena Hart"), ("Lena Hart, Film Critic", "Lena Hart"),
        ("Posted by Lena Hart on March 3, 2024", "Lena Hart"), ("by velvetbasement", "velvetbasement"),
        ("Lena Hart, Chief Film Critic | March 3, 2024", "Lena Hart"),
        ("LENA HART, Staff Writer", "Lena Hart"),
        ("By Lena Hart @lenahart", "Lena Hart"),
    ],
)
def test_byline_forms_under_a_headline(byline, critic):
    page = extract_text(f"First Cow review: Reichardt's frontier bakery\n{byline}\n\n{BODY}")
    assert page.critic == critic
    assert byline not in page.text


def test_blog_footer_byline_with_a_time():
    assert parse_byline("Posted by velvetbasement at 9:14 PM", bare_ok=False) == ("velvetbasement", "")
    page = extract_text(f"First Cow review\n\n{BODY}\nPosted by velvetbasement at 9:14 PM\n"
                        "Labels: western, A24\n")
    assert page.critic == "velvetbasement"
    assert paras(page.text) == [P1, P2, P3]


def test_role_byline_needs_a_role():
    assert role_byline("Lena Hart, Film Critic") == ("Lena Hart", None)
    assert role_byline("Lena Hart, Oregon") is None
    assert role_byline("John Magaro, Orion Lee") is None


# --- contributor bio ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "bio",
    [
        "Lena Hart is a film critic based in Portland. Her work has appeared in Cinema Scope.",
        "— Lena Hart writes about film for The Northern Review and teaches in Leeds.",
        "Lena Hart is a freelance writer and podcaster. Follow her on Letterboxd.",
    ],
)
def test_contributor_bio_at_the_end_is_dropped(bio):
    page = extract_text(f"First Cow review\nBy Lena Hart\n\n{BODY}\n{bio}\n")
    assert paras(page.text) == [P1, P2, P3]
    assert bio in page.removed


def test_bio_names_the_critic_when_no_byline_did():
    page = extract_text(f"First Cow review\n\n{BODY}\nLena Hart is a film critic based in Portland.\n")
    assert page.critic == "Lena Hart"


@pytest.mark.parametrize(
    "last",
    [
        "Orion Lee is a writer's dream of an actor, and Reichardt gives him every scene he could want.",
        "John Magaro is the film's quiet heart, and the last shot belongs to him.",
    ],
)
def test_a_closing_sentence_about_an_actor_is_not_a_bio(last):
    assert bio_name(last, "Lena Hart") is None
    page = extract_text(f"First Cow review\nBy Lena Hart\n\n{BODY}\n{last}\n")
    assert paras(page.text)[-1] == last
