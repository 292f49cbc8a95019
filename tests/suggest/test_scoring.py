"""The in-process scorer agrees with the evaluation rules: 80% overlap, one to one, names."""

from __future__ import annotations

from annotator.suggest import Suggestion
from annotator.suggest.scoring import GoldArticle, same_speaker, score_article

TEXT = '“We will win,” said Sen. Jo Marsh. The “reset” failed. "No," Ray Dunn said.'


def suggestion(quote: str, speaker: str | None) -> Suggestion:
    start = TEXT.index(quote)
    return Suggestion(start, start + len(quote), quote, speaker)


def gold(quote: str, speaker: str | None) -> dict[str, object]:
    start = TEXT.index(quote)
    return {"start": start, "end": start + len(quote), "text": quote, "speaker": speaker}


def test_names_match_without_titles_by_surname_or_by_words() -> None:
    assert same_speaker("Sen. Jo Marsh", "Jo Marsh")
    assert same_speaker("Marsh", "Jo Marsh")
    assert not same_speaker("Jo Marsh", "Ray Dunn")
    assert not same_speaker(None, "Ray Dunn")


def test_matches_count_once_and_optional_spans_are_neutral() -> None:
    article = GoldArticle(
        "a.txt",
        TEXT,
        (gold("“We will win,”", "Jo Marsh"), gold('"No,"', "Ray Dunn")),
        (gold("“reset”", None),),
    )
    found = [
        suggestion("“We will win,”", "Jo Marsh"),
        suggestion("“We will win,”", "Jo Marsh"),  # a duplicate is an extra
        suggestion("“reset”", None),  # optional: neither right nor wrong
        suggestion('"No,"', "Jo Marsh"),  # found, wrong speaker
    ]
    outcome = score_article(article, found)
    assert (outcome.gold, outcome.predicted, outcome.matched) == (2, 3, 2)
    assert (outcome.known, outcome.right) == (2, 1)
    assert len(outcome.extra) == 1 and len(outcome.wrong) == 1
    assert outcome.precision == 2 / 3 and outcome.recall == 1.0
