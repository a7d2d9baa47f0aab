"""Build or inspect the verdict model artifact.

    python -m criticscope.verdicts train [--force] [--sample N]
    python -m criticscope.verdicts info
    python -m criticscope.verdicts predict FILE...
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from criticscope.config import load_settings
from criticscope.verdicts.model import artifact_paths, load_model, train


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m criticscope.verdicts", description="The verdict model.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_train = sub.add_parser("train", help="build the artifact unless an up-to-date one exists")
    p_train.add_argument("--force", action="store_true", help="rebuild even when up to date")
    p_train.add_argument("--sample", type=int, default=None, help="train on a subsample of N rows")
    sub.add_parser("info", help="print the artifact's metadata")
    p_predict = sub.add_parser("predict", help="verdicts of review text files")
    p_predict.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)

    settings = load_settings()
    if args.command == "train":
        print(train(settings, force=args.force, sample=args.sample))
    elif args.command == "info":
        meta_path = artifact_paths(settings)[1]
        print(meta_path.read_text(encoding="utf-8") if meta_path.is_file() else f"no artifact at {meta_path}")
    else:
        model = load_model(settings)
        for path in args.files:
            result = model.review(path.read_text(encoding="utf-8"))
            result.pop("sentence_p")
            print(path, json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
