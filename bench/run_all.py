"""Run every benchmark in bench/ and print their figures (make bench)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script in sorted(HERE.glob("bench_*.py")):
    print(f"== {script.name}", flush=True)
    rc = subprocess.run([sys.executable, str(script)]).returncode
    if rc:
        print(f"{script.name} exited with {rc}")
