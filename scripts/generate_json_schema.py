"""Write the native JSON Schema shipped with the package.

Run after changing the model: ``python scripts/generate_json_schema.py``.
tests/test_native_json.py fails while the shipped file is out of date.
"""

import json
from pathlib import Path

from communique.native_json import _build_schema

TARGET = Path(__file__).resolve().parent.parent / "src" / "communique" / "schemas" / "communique-1.schema.json"

if __name__ == "__main__":
    TARGET.write_text(json.dumps(_build_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {TARGET}")
