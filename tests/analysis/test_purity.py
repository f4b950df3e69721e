"""analysis/ is a pure library: importing and running it never loads Qt or the desktop package."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_analysis_never_imports_qt_or_desktop():
    code = (
        "import sys, analysis\n"
        "from analysis import export\n"
        "import analysis.document, analysis.sources, analysis.export.safe\n"
        "a = analysis.analyze('Kishida said the summit went well. Critics claimed it failed.')\n"
        "analysis.compare([a, a])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'desktop'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == ""


def test_no_qt_import_statement_in_analysis_sources():
    offenders = []
    for path in (ROOT / "analysis").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")) and any(
                name in stripped.split()[1] for name in ("PySide6", "shiboken6", "desktop")
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {stripped}")
    assert offenders == []


def test_model_is_not_loaded_at_import_time():
    code = "import sys, analysis, analysis.pipeline; print('spacy' in sys.modules, 'vaderSentiment' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["False", "False"]
