"""``pitchfit check`` through the real command: exit codes, formats, errors, fixes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = (
    "Subject: your Q3 SDR hiring\n\nHi Ana,\n\nSaw you're adding 3 SDRs this quarter.\n"
    "Worth 15 minutes on how Contoso cut ramp from 90 to 45 days?\n\nSam\n"
)
PLACEHOLDER = (
    "Subject: idea\n\nHi {first_name},\n\nWorth 15 minutes on your Q3 SDR ramp plan?\n\nSam\n"
)


def run(
    *args: str, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pitchfit", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture
def emails(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "bad.txt").write_text(PLACEHOLDER)
    (tmp_path / "ana.yaml").write_text("name: Ana Ruiz\nemail: ana@example.com\ntitle: VP Sales\n")
    return tmp_path


def test_exit_codes_clean_and_error_finding(emails: Path) -> None:
    assert run("check", str(emails / "good.txt")).returncode == 0
    bad = run("check", str(emails / "bad.txt"))
    assert bad.returncode == 1
    assert "H101" in bad.stdout and "unfilled-placeholder" in bad.stdout
    # the caret sits under the merge field, on the file's line 3 (after the Subject header)
    lines = bad.stdout.splitlines()
    row = next(i for i, ln in enumerate(lines) if "| Hi {first_name}," in ln)
    assert lines[row].lstrip().startswith("3 |")
    assert lines[row + 1].index("^") == lines[row].index("{")


def test_json_shape(emails: Path) -> None:
    out = run("check", "--format", "json", str(emails / "bad.txt"), str(emails / "good.txt"))
    docs = [json.loads(line) for line in out.stdout.splitlines()]
    assert [d["id"] for d in docs] == [str(emails / "bad.txt"), str(emails / "good.txt")]
    first = docs[0]
    assert first["schema"] == "pitchfit/1" and first["band"] == "block"
    assert set(first) >= {
        "score",
        "band",
        "language",
        "chars",
        "words",
        "findings",
        "strengths",
        "skipped",
    }
    finding = next(f for f in first["findings"] if f["code"] == "H101")
    assert set(finding["span"]) == {"start", "end", "line", "column"}
    assert set(finding) == {"code", "name", "severity", "message", "span", "fix", "points"}


def test_sarif_has_rules_table_and_file_lines(emails: Path) -> None:
    out = run("check", "--format", "sarif", str(emails / "bad.txt"))
    log = json.loads(out.stdout)
    assert log["version"] == "2.1.0"
    run_ = log["runs"][0]
    ids = {r["id"] for r in run_["tool"]["driver"]["rules"]}
    assert "H101" in ids
    result = next(r for r in run_["results"] if r["ruleId"] == "H101")
    assert run_["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "H101"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 3


def test_github_annotations(emails: Path) -> None:
    out = run("check", "--format", "github", str(emails / "bad.txt"))
    assert any(ln.startswith("::error file=") and "line=3" in ln for ln in out.stdout.splitlines())


def test_stdin_and_output_file(emails: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    proc = run("check", "--format", "json", "-o", str(target), "-", stdin=PLACEHOLDER)
    assert proc.returncode == 1 and proc.stdout == ""
    assert json.loads(target.read_text())["band"] == "block"


def test_fail_on_and_ignore(emails: Path) -> None:
    assert run("check", "--ignore", "H101", str(emails / "bad.txt")).returncode == 0
    assert (
        run(
            "check", "--fail-on", "suggestion", "--select", "H101", str(emails / "good.txt")
        ).returncode
        == 0
    )


def test_bad_input_is_one_line_exit_2(emails: Path, tmp_path: Path) -> None:
    missing = run("check", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"pitchfit: error: {tmp_path / 'nope.txt'}: no such file"
    (tmp_path / "p.yaml").write_text("name: Ana\ntitel: CFO\n")
    typo = run("check", "--prospect", str(tmp_path / "p.yaml"), str(emails / "good.txt"))
    assert typo.returncode == 2 and "titel" in typo.stderr and "Traceback" not in typo.stderr
    assert len(typo.stderr.strip().splitlines()) == 1
    unknown = run("check", "--select", "X999", str(emails / "good.txt"))
    assert unknown.returncode == 2 and "X999" in unknown.stderr


def test_jsonl_batch_keeps_order_and_reports_bad_lines(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "body": "Hi {first_name}, worth a look?"})
        + "\n"
        + "{not json}\n"
        + json.dumps(
            {
                "id": "c",
                "body": "Hi Ana, worth 15 minutes on ramp time?",
                "prospect": {"name": "Ana", "languages": ["en"]},
            }
        )
        + "\n"
    )
    out = run("check", "--format", "json", str(batch))
    assert out.returncode == 2
    assert [json.loads(ln)["id"] for ln in out.stdout.splitlines()] == ["a", "c"]
    assert f"{batch}:2: invalid JSON" in out.stderr


def test_fix_fills_placeholder_from_prospect_and_diff_changes_nothing(emails: Path) -> None:
    path = emails / "bad.txt"
    diff = run("check", "--diff", "--prospect", str(emails / "ana.yaml"), str(path))
    assert "-Hi {first_name}," in diff.stdout and "+Hi Ana," in diff.stdout
    assert path.read_text() == PLACEHOLDER
    fixed = run("check", "--fix", "--prospect", str(emails / "ana.yaml"), str(path))
    assert path.read_text().startswith("Subject: idea\n\nHi Ana,\n")
    assert fixed.returncode == 0


def test_rules_listing_and_one_rule_doc() -> None:
    listing = json.loads(run("rules", "--format", "json").stdout)
    by_name = {r["name"]: r for r in listing}
    assert by_name["unfilled-placeholder"]["severity"] == "error"
    assert {"code", "name", "severity", "needs", "doc"} <= set(by_name["too-long"])
    doc = run("rule", "H101")
    assert doc.returncode == 0 and "Why it matters" in doc.stdout
    assert run("rule", "no-such-rule").returncode == 2


def test_help_is_fast_path_and_lists_commands() -> None:
    out = run("--help")
    assert out.returncode == 0
    for name in ("check", "fit", "campaign", "replies", "suppress", "rules"):
        assert name in out.stdout


def test_plain_check_keeps_heavy_imports_off_the_start_up_path(emails: Path) -> None:
    probe = (
        "import sys\n"
        "from pitchfit.cli.main import main\n"
        "try:\n"
        f"    main(['check', {str(emails / 'good.txt')!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ['pydantic', 'sqlalchemy', 'onnxruntime', 'jinja2', 'dask', 'pitchfit.fit']\n"
        "print(','.join(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert proc.stderr.strip().splitlines()[-1:] in ([], [""]), proc.stderr


def _console(*args: str) -> subprocess.CompletedProcess[str]:
    """The console script's entry (``pitchfit.cli.run``), reporting whether click loaded."""
    probe = (
        "import sys, atexit\n"
        "def report():\n"
        "    sys.stderr.write('click loaded: %s\\n' % ('click' in sys.modules))\n"
        "atexit.register(report)\n"
        f"sys.argv = ['pitchfit', *{list(args)!r}]\n"
        "from pitchfit.cli import run\n"
        "run()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )


def test_plain_check_skips_click_and_matches_the_click_command(emails: Path) -> None:
    for name, code in (("good.txt", 0), ("bad.txt", 1)):
        path = str(emails / name)
        plain = _console("check", path)
        # an explicit default option sends the same run through the click command
        via_click = _console("check", "--format", "text", path)
        assert plain.returncode == via_click.returncode == code
        assert plain.stdout == via_click.stdout and plain.stdout
        assert "click loaded: False" in plain.stderr
        assert "click loaded: True" in via_click.stderr


def test_plain_check_of_a_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    plain = _console("check", missing)
    via_click = _console("check", "--format", "text", missing)
    assert plain.returncode == via_click.returncode == 2
    assert f"pitchfit: error: {missing}: no such file" in plain.stderr
    assert "Traceback" not in plain.stderr
    assert plain.stderr.splitlines()[0] == via_click.stderr.splitlines()[0]


def test_options_and_help_still_go_through_click(emails: Path) -> None:
    out = _console("check", "--help")
    assert out.returncode == 0 and "--prospect" in out.stdout
    assert "click loaded: True" in out.stderr
    out = _console("check", "--format", "json", str(emails / "good.txt"))
    assert json.loads(out.stdout.splitlines()[0])["schema"] == "pitchfit/1"


def test_plain_check_on_an_ascii_only_stream_matches_click(tmp_path: Path) -> None:
    email = tmp_path / "accents.txt"
    email.write_text("Subject: café\n\nHi Zoë,\n\nWorth 15 minutes on the Lyon café roll-out?\n")
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    outs = []
    for args in (["check", str(email)], ["check", "--format", "text", str(email)]):
        proc = subprocess.run(
            [sys.executable, "-m", "pitchfit", *args], capture_output=True, env=env, timeout=120
        )
        assert b"Traceback" not in proc.stderr, proc.stderr
        outs.append((proc.returncode, proc.stdout))
    assert outs[0] == outs[1]  # same exit code, same bytes
    assert "café roll-out".encode() in outs[0][1]  # written as UTF-8, as click does
