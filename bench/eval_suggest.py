"""Run the suggestion engine on a folder of articles and score it against the gold.

Usage: python bench/eval_suggest.py [ARTICLES_DIR] [--gold GOLD.jsonl] [--score SCORE.py]

Writes the suggestions as a JSONL corpus export (one object per document) to a temporary
file, then runs the scorer on it with -v and prints its output.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from annotator.suggest import suggest

EVAL = Path("/work/shared/eval")


def document(path: Path, created: str) -> dict[str, object]:
    """One corpus-format document with the engine's suggestions as annotations."""
    text = path.read_text(encoding="utf-8")
    annotations = [
        {
            "id": f"{path.stem}-{n}",
            "start": s.start,
            "end": s.end,
            "quote": s.quote,
            "speaker": s.speaker,
            "tone": s.tone,
            "devices": list(s.devices),
            "note": s.why,
            "status": "suggested",
            "confidence": s.confidence,
            "annotator": "suggest",
            "created": created,
            "modified": created,
        }
        for n, s in enumerate(suggest(text), start=1)
    ]
    return {
        "id": path.stem,
        "title": path.stem,
        "source": path.name,
        "outlet": None,
        "author": None,
        "published": None,
        "language": None,
        "text": text,
        "annotations": annotations,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", default=str(EVAL / "articles"))
    parser.add_argument("--gold", default=None, help="default: gold.jsonl beside the folder")
    parser.add_argument("--score", default=str(EVAL / "score.py"))
    args = parser.parse_args()
    folder = Path(args.articles)
    gold = Path(args.gold) if args.gold else folder.parent / "gold.jsonl"
    created = datetime.now(UTC).isoformat(timespec="seconds")
    docs = [document(path, created) for path in sorted(folder.glob("*.txt"))]
    with tempfile.NamedTemporaryFile(
        "w", suffix=".jsonl", prefix="suggest-eval-", delete=False, encoding="utf-8"
    ) as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"{len(docs)} documents, {sum(len(d['annotations']) for d in docs)} suggestions")  # type: ignore[arg-type]
    print(f"written to {out.name}")
    command = [sys.executable, args.score, out.name, "--gold", str(gold), "--articles", str(folder)]
    result = subprocess.run([*command, "-v"], capture_output=True, text=True, check=False)
    print(result.stdout, end="")
    print(result.stderr, end="", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
