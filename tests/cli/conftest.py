"""Fixtures of the command-line tests: a click runner and an archive of the five samples."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from viewer.cli import main

from ..conftest import SAMPLES


def run(runner: CliRunner, db, *args: str, status: int = 0) -> str:
    """Run one command on the archive ``db``, check its exit status and give back what it printed."""
    result = runner.invoke(main, ["--db", str(db), *args])
    assert result.exit_code == status, result.output
    return result.output


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
