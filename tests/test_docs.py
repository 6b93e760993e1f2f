"""The README stays honest about the command line."""

import re
from pathlib import Path

import pytest

from scraper.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text()


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme(command):
    assert f"meetarchive {command}" in README


def test_readme_starts_with_the_two_setup_commands():
    block = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert len(block) == 2
    assert block[0].endswith("meetarchive demo")
    assert block[1].endswith("python -m pytest")


def test_ci_runs_the_readme_test_command_and_nothing_before_it():
    """.ci/run runs the README's second command as written, with the pip `python3 -m venv`
    brings: no pip upgrade and no install of its own before it (a green CI must not hide a
    missing install step)."""
    block = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text()
    assert f"\n    {block[1]}\n" in ci
    before = ci[: ci.index(block[1])]
    assert "pip install" not in before.replace("apt-get install", "")
    assert "--upgrade" not in before


def test_exit_codes_in_the_readme_match_the_crawl_help():
    doc = cli.commands["crawl"].help or ""
    codes = re.findall(r"^\s+(\d)\s+(\w+)", doc, re.M)
    assert len(codes) >= 4
    for code, _meaning in codes:
        assert re.search(rf"^\| {code} \|", README, re.M), code
