"""Metadata of the user's own files reaches the sheet: `slant export --format pdf -o x.pdf seeds/*.txt`."""
import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]


def export(tmp_path, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "desktop.cli", "export", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=600)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages).split())


def test_seed_files_given_by_name_take_their_outlets_from_seeds_toml(tmp_path):
    out = tmp_path / "x.pdf"
    seeds = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").glob("*.txt"))
    done = export(tmp_path, "--format", "pdf", "--no-texts", "-o", str(out), *seeds)
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert "Breitbart News" in text and "Kyodo News" in text
    assert "001_26f462c9792fffd3.txt" not in text  # outlets, not file names


def test_front_matter_and_cli_metadata_reach_the_outlet_column(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("---\noutlet: Front Matter Herald\n---\nKishida said on Friday he would attend the summit.\n",
                 encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Officials said talks could resume next week, according to a statement.\n", encoding="utf-8")
    out = tmp_path / "fm.pdf"
    assert export(tmp_path, "--format", "pdf", "-o", str(out), str(a), str(b)).returncode == 0
    assert "Front Matter Herald" in pdf_text(out)
    out2 = tmp_path / "cli.pdf"
    assert export(tmp_path, "--format", "pdf", "-o", str(out2), "--outlet", "Command Line Daily",
                  "--byline", "R. Porter", str(b)).returncode == 0
    text = pdf_text(out2)
    assert "Command Line Daily" in text and "By R. Porter" in text
