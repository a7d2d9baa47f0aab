from __future__ import annotations

import importlib.util

import pytest

from criticscope.pipeline import ReviewDoc
from criticscope.sentences import SentenceSplitter, create_component, load_splitter, split_sentences

BACKENDS = [name for name in ("sentencex", "pysbd") if importlib.util.find_spec(name)]

# (paragraph, expected sentences) pairs covering what critic prose throws at a splitter.
TRICKY = [
    ("I watched Dr. No again last night. It holds up.", ["I watched Dr. No again last night.", "It holds up."]),
    ("Kramer vs. Kramer still wrecks me. So does this.", ["Kramer vs. Kramer still wrecks me.", "So does this."]),
    (
        "Writer-director M. Night Shyamalan returns to the woods. He twists again.",
        ["Writer-director M. Night Shyamalan returns to the woods.", "He twists again."],
    ),
    ("The film stars Samuel L. Jackson as a cop. He yells a lot.",
     ["The film stars Samuel L. Jackson as a cop.", "He yells a lot."]),
    (
        "The Bride, a.k.a. Black Mamba, wants her revenge. She gets it, slowly.",
        ["The Bride, a.k.a. Black Mamba, wants her revenge.", "She gets it, slowly."],
    ),
    ('She whispers, "I know." Then she walks out.', ['She whispers, "I know."', "Then she walks out."]),
    ("“Why?” he asks the empty room. Nobody answers.", ["“Why?” he asks the empty room.", "Nobody answers."]),
    ("It was... fine. Just fine.", ["It was... fine.", "Just fine."]),
    ("Wait — what? That’s the ending?", ["Wait — what?", "That’s the ending?"]),
    ("JAWS is the template. Everything since is a copy.", ["JAWS is the template.", "Everything since is a copy."]),
    ("Sgt. Pepper shows up late. The band plays on.", ["Sgt. Pepper shows up late.", "The band plays on."]),
    ("It stars Ana de Armas. She is great.", ["It stars Ana de Armas.", "She is great."]),
    (
        "He fights dozens of goons — many dozens? a few hundred? — without breaking a sweat. Wow.",
        ["He fights dozens of goons — many dozens? a few hundred? — without breaking a sweat.", "Wow."],
    ),
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("paragraph", "expected"), TRICKY, ids=[t[0][:24] for t in TRICKY])
def test_tricky_paragraphs(backend: str, paragraph: str, expected: list[str]) -> None:
    _, splitter = load_splitter(backend)
    got = [s["text"] for s in split_sentences(paragraph, splitter)]
    assert got == expected


def test_spans_are_exact_and_stripped() -> None:
    text = (
        "Heat (1995)\n\n"
        "  Michael Mann’s crime epic runs 170 minutes. Every one of them counts!  \n\n"
        "• Pacino shouts.\n"
        "• De Niro broods.\n"
    )
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s["start"]:s["end"]] == s["text"]
        assert s["text"] == s["text"].strip()
    assert [s["text"] for s in sentences] == [
        "Heat (1995)",
        "Michael Mann’s crime epic runs 170 minutes.",
        "Every one of them counts!",
        "Pacino shouts.",
        "De Niro broods.",
    ]
    assert [s["paragraph"] for s in sentences] == [0, 1, 1, 2, 3]
    assert sentences[0]["heading"] is True
    assert sentences[1]["heading"] is False


def test_headings_and_single_newlines_are_boundaries() -> None:
    text = (
        "Why the second act drags\n"
        "The heist takes forty minutes to set up. It is worth it.\n"
        "Credits roll"
    )
    sentences = split_sentences(text)
    assert [s["text"] for s in sentences] == [
        "Why the second act drags",
        "The heist takes forty minutes to set up.",
        "It is worth it.",
        "Credits roll",
    ]
    assert sentences[0]["heading"] and sentences[-1]["heading"]


def test_hard_wrapped_lines_are_joined() -> None:
    text = "Villeneuve shoots the desert as if it\nwere an ocean. The worms are terrifying."
    sentences = split_sentences(text)
    assert [s["text"] for s in sentences] == [
        "Villeneuve shoots the desert as if it\nwere an ocean.",
        "The worms are terrifying.",
    ]


def test_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n\n   \n") == []


def test_component_contract() -> None:
    comp = create_component(None)
    assert isinstance(comp, SentenceSplitter)
    assert comp.name == "sentences" and comp.requires == () and comp.assigns == ("sentences",)
    doc = ReviewDoc(review_id="r1", text="Parasite is a marvel. Bong Joon Ho controls every frame.")
    out = comp(doc)
    assert out is doc
    assert [s["text"] for s in doc.ext["sentences"]] == [
        "Parasite is a marvel.",
        "Bong Joon Ho controls every frame.",
    ]
    assert set(doc.ext["sentences"][0]) >= {"start", "end", "text", "paragraph"}
