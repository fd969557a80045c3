"""Fixtures of the command-line tests: a click runner and an archive of the five samples."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from viewer.cli import main

from ..conftest import SAMPLES


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def db(tmp_path, runner):
    path = tmp_path / "cli.db"
    result = runner.invoke(main, ["--db", str(path), "import", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    assert "5 imported, 0 updated, 0 unchanged, 0 refused" in result.output
    return path
