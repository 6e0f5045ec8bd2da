"""Helpers shared by the test suite: the live workbench server, the browser, paths."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / 'artifacts'
