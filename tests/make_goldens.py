"""Write the golden JSON of every fixture page listed in tests/fixtures/*/meta.json.

python tests/make_goldens.py              # write missing goldens, report changed ones
python tests/make_goldens.py --overwrite  # rewrite every golden (review the git diff!)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.goldens import cases, dump  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--overwrite", action="store_true", help="rewrite goldens that differ")
    args = ap.parse_args(argv)
    stale = 0
    for case in cases():
        text = dump(case.record())
        path = case.golden_path
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        if path.exists() and not args.overwrite:
            print(f"differs (use --overwrite): {path}")
            stale += 1
            continue
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
