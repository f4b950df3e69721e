"""The tone model's weights file and the script that fits it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.measures import tone, tone_features

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_weights_parse_and_name_their_corpus_and_licence():
    model = tone.get_model()
    assert model.sentence.names == tone_features.SENTENCE_FEATURES
    assert model.target.names == tone_features.SENTENCE_FEATURES + tone_features.TARGET_FEATURES
    assert "NewsMTSC" in model.meta["corpus"] and "MIT" in model.meta["licence"]
    assert len(model.lexicon) > 100 and "say" in model.speech_verbs
    readme = (ROOT / "resources" / "tone" / "README.md").read_text(encoding="utf-8")
    assert "NewsMTSC" in readme and "MIT" in readme


def test_a_damaged_weights_file_is_refused_with_its_reason():
    raw = json.loads(tone.MODEL_PATH.read_text(encoding="utf-8"))
    raw["target"]["features"] = raw["target"]["features"][:-1]
    with pytest.raises(tone.ModelFileError, match="refit with bench/fit_tone.py"):
        tone.parse_model(json.dumps(raw))
    with pytest.raises(tone.ModelFileError, match="not a valid tone model"):
        tone.parse_model("{}")


def test_the_most_likely_class_decides_the_side_of_plus_minus_0_05():
    assert tone.probabilities_to_tone(0.1, 0.3, 0.6) == pytest.approx(0.05 + 0.95 * 0.3)
    assert tone.probabilities_to_tone(0.5, 0.45, 0.05) == pytest.approx(-(0.05 + 0.95 * 0.05))
    assert tone.probabilities_to_tone(0.0, 0.0, 1.0) == pytest.approx(1.0)
    assert tone.probabilities_to_tone(1.0, 0.0, 0.0) == pytest.approx(-1.0)
    for p_neg, p_neu, p_pos in ((0.2, 0.41, 0.39), (0.39, 0.41, 0.2), (0.0, 0.5, 0.5 - 1e-9), (0.3, 0.4, 0.3)):
        assert -0.05 < tone.probabilities_to_tone(p_neg, p_neu, p_pos) < 0.05
    # the sign of a tone follows the model's class, whatever the logits
    import itertools

    for ln, lp in itertools.product([-3, -0.4, -0.1, 0.3, 2.5], repeat=2):
        if ln == lp:
            continue
        t = tone.Block.tone_from_logits(ln, lp)
        best = max((ln, "negative"), (0.0, "neutral"), (lp, "positive"))[1]
        assert (t >= 0.05) == (best == "positive") and (t <= -0.05) == (best == "negative"), (ln, lp, t)


SAMPLE = [
    ("The senator praised the mayor for her hard work.", "mayor", 6.0),
    ("Critics blasted the governor for the failed policy.", "governor", 2.0),
    ("The mayor will attend the meeting on Tuesday.", "mayor", 4.0),
    ("The governor was charged with fraud and corruption.", "governor", 2.0),
    ("Residents thanked the mayor for the wonderful new park.", "mayor", 6.0),
    ("The governor spoke to reporters on Monday.", "governor", 4.0),
    ("The scandal has badly damaged the senator.", "senator", 2.0),
    ("The senator won praise for the generous plan.", "senator", 6.0),
    ("The senator arrived in the capital on Friday.", "senator", 4.0),
    ("Voters blamed the mayor for the terrible crisis.", "mayor", 2.0),
]


def test_refitting_on_a_fixed_sample_gives_the_same_file(tmp_path):
    folder = tmp_path / "newsmtsc"
    folder.mkdir()
    lines = []
    for k in range(3):  # the same ten sentences three times over, so every fold has each class
        for text, who, label in SAMPLE:
            start = text.index(who)
            lines.append(json.dumps({"sentence_normalized": text, "targets": [
                {"from": start, "to": start + len(who), "mention": who, "polarity": label}]}))
    (folder / "train.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    outs = []
    for n in range(2):
        out = tmp_path / f"model{n}.json"
        subprocess.run([sys.executable, str(ROOT / "bench" / "fit_tone.py"), "--eval-dir", str(tmp_path),
                        "--out", str(out)], check=True, cwd=ROOT, capture_output=True, timeout=600)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    fitted = tone.parse_model(outs[0])
    assert "praise" in fitted.lexicon or "praised" in fitted.lexicon
