"""kiosk.toml: defaults, the shipped example, and one clear error per kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.core.kiosk_config import KioskConfig, KioskConfigError, load
from viewer.core.kiosk_pin import hash_pin

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "kiosk.example.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_and_an_empty_file_give_the_defaults(tmp_path):
    assert load(None) == KioskConfig()
    config = load(write(tmp_path, ""))
    assert config.search == "keyboard" and config.fullscreen and config.collection is None
    assert not config.exit_enabled and not config.check_pin("0000")


def test_the_example_file_is_valid_and_documents_every_option():
    config = load(EXAMPLE)
    assert config.collection == "korea-1950"
    assert config.check_pin("2468") and not config.check_pin("2469")
    docs = (EXAMPLE.parents[1] / "docs" / "kiosk.md").read_text(encoding="utf-8")
    from viewer.core.kiosk_config import OPTIONS

    for section, key in OPTIONS:
        assert f"`{key}`" in docs, f"docs/kiosk.md does not explain {section}.{key}"
        assert key in EXAMPLE.read_text(encoding="utf-8"), f"the example leaves out {key}"


def test_every_section_read(tmp_path):
    config = load(
        write(
            tmp_path,
            f"""
archive = "data/archive.db"
[exhibit]
collection = "korea"
title = "Korea, 1950"
introduction = "Telegrams."
[display]
fullscreen = false
size = [1280, 800]
point_size = 24
parts = ["translation", "transcript"]
start_part = "transcript"
timeline = false
hide_cursor = true
[idle]
reset_after = 30
attract_after = 0
attract_step = 5
transition_ms = 0
[search]
mode = "hidden"
layouts = ["cyrillic"]
[admin]
exit_chord = "Ctrl+Shift+F12"
pin_hash = "{hash_pin("1234")}"
max_attempts = 3
lockout = 10
[robust]
retry_after = 20
log_file = "logs/kiosk.log"
""",
        )
    )
    assert config.archive == tmp_path.resolve() / "data" / "archive.db"  # beside the file, not the cwd
    assert config.log_file == tmp_path.resolve() / "logs" / "kiosk.log"
    assert config.size == (1280, 800) and config.point_size == 24.0
    assert config.parts == ("translation", "transcript") and config.start_part == "transcript"
    assert config.attract_after == 0 and config.search == "hidden" and config.layouts == ("cyrillic",)
    assert config.check_pin("1234") and config.max_attempts == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[display]\npoint_sise = 20", "unknown option [display] point_sise"),
        ("[screen]\nsize = [1, 2]", "unknown section [screen]"),
        ("colour = 'red'", "unknown option colour"),
        ("[display]\nfullscreen = 'yes'", "[display] fullscreen must be true or false"),
        ("[display]\npoint_size = 200", "[display] point_size must be from 10 to 60"),
        ("[display]\nsize = [100, 100]", "[display] size must be [width, height]"),
        ("[display]\nparts = []", "[display] parts must be a non-empty list"),
        ("[display]\nparts = ['scan', 'scan']", "lists an entry twice"),
        ("[display]\nparts = ['scan']", "start_part 'translation' is not one of the parts shown"),
        ("[search]\nmode = 'voice'", "[search] mode must be one of"),
        ("[idle]\nreset_after = 120\nattract_after = 60", "attract_after (60 s) must be at least reset_after"),
        ("[idle]\ntransition_ms = 1.5", "[idle] transition_ms must be a whole number"),
        ("[admin]\npin = '1234'", "[admin] pin is refused"),
        ("[admin]\npin_sha256 = 'abc'", "[admin] pin_sha256 is refused"),
        ("[admin]\npin_hash = 'abc'", "[admin] pin_hash is not a PIN hash made by this program"),
        ("[admin]\nexit_chord = 'Q'", "[admin] exit_chord must be one key with modifiers"),
        ("[display\nfullscreen = true", "not valid TOML"),
    ],
)
def test_mistakes_name_the_key(tmp_path, text, message):
    with pytest.raises(KioskConfigError) as caught:
        load(write(tmp_path, text))
    assert message in str(caught.value)
    assert str(tmp_path / "kiosk.toml") in str(caught.value)


def test_a_missing_file_is_one_clear_error(tmp_path):
    with pytest.raises(KioskConfigError, match="no such kiosk configuration"):
        load(tmp_path / "nope.toml")
