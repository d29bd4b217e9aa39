"""Write the sample department files under resources/samples/import/ (see app/store/demo/import_samples.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.store.demo.import_samples import SAMPLES, write_samples  # noqa: E402

if __name__ == "__main__":
    for name, info in write_samples().items():
        print(f"{name:<40} {info}")
    print(f"-> {SAMPLES}")
