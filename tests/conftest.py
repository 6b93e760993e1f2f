"""Suite-wide hooks: the hostile and fault suites' summary at the end of the run."""

from __future__ import annotations

from typing import Any

from tests.hostile_report import MEASURES, RSS_LIMIT_MB

_SUITES = (
    "tests/test_hostile.py",
    "tests/test_hostile_crawl.py",
    "tests/test_hostile_way_in.py",
    "tests/test_hostile_escapes.py",
    "tests/test_hostile_archives.py",
    "tests/test_hostile_warc.py",
    "tests/test_hostile_memory.py",
    "tests/test_faults.py",
    "tests/test_reparse_kill.py",
    "tests/test_export_kill.py",
    "tests/test_warc_kill.py",
    "tests/test_export_targets.py",
    "tests/test_boundaries.py",
    "tests/test_properties.py",
)
_OUTCOMES: dict[str, dict[str, str]] = {}


def pytest_runtest_logreport(report: Any) -> None:
    suite = report.nodeid.split("::", 1)[0]
    if suite not in _SUITES:
        return
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        _OUTCOMES.setdefault(suite, {})[report.nodeid] = report.outcome


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _OUTCOMES and not MEASURES.peak_rss_mb and not MEASURES.notes:
        return
    write = terminalreporter.write_line
    terminalreporter.section("hostile inputs and faults")
    for suite, outcomes in sorted(_OUTCOMES.items()):
        passed = sum(1 for o in outcomes.values() if o == "passed")
        write(f"{suite}: {len(outcomes)} cases tried, {passed} passed")
    if MEASURES.peak_rss_mb:
        peak = max(MEASURES.peak_rss_mb.values())
        write(
            f"peak RSS of a measured process: {peak:.0f} MB (limit {RSS_LIMIT_MB} MB; "
            + ", ".join(f"{k} {v:.0f}" for k, v in sorted(MEASURES.peak_rss_mb.items()))
            + ")"
        )
    for note in MEASURES.notes:
        write(note)
