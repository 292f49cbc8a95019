"""End to end on the real article in ../shared/eval: import, suggest, export, score.

Skipped when the evaluation folder is not beside the project."""

import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from annotator.cli import main
from tests.conftest import SHARED

EVAL = SHARED / "eval"
pytestmark = pytest.mark.skipif(
    not (EVAL / "score.py").exists(), reason="../shared/eval is not available"
)


def test_suggestions_on_the_evaluation_article_meet_the_quality_target(tmp_path):
    project = ["--project", str(tmp_path / "eval.speechmark")]
    runner = CliRunner()
    for args in (
        ["import", str(EVAL / "articles")],
        ["suggest", "--all"],
        ["export", "--format", "jsonl", "--status", "any", "-o", str(tmp_path / "eval.jsonl")],
    ):
        result = runner.invoke(main, [*project, *args])
        assert result.exit_code == 0, result.output
    scored = subprocess.run(
        [sys.executable, str(EVAL / "score.py"), str(tmp_path / "eval.jsonl")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    summary = dict(re.findall(r"(\w+)=([\d.]+)", scored.stdout.strip().splitlines()[-1]))
    assert float(summary["quote_f1"]) >= 0.95, scored.stdout
    assert float(summary["speaker_acc"]) >= 0.90, scored.stdout
