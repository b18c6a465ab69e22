"""No means no, end to end: a "no" ingested in one campaign blocks the person in a later one.

Runs the real ``pitchfit`` program (a subprocess per command, as a user would): ``replies
ingest`` stores the reply, then ``check`` and ``campaign preflight`` (a different campaign,
given the same ``--db``) must block that prospect and only that prospect.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pitchfit.replies.classify", reason="pitchfit.replies.classify not built yet")
for _module, _what in (("pitchfit.cli.check", "check"), ("pitchfit.cli.campaign", "campaign")):
    pytest.importorskip(_module, reason=f"`pitchfit {_what}` not built yet")

REPLY = b"""From: Ann Lee <ann@acme.io>
To: seller@us.io
Subject: Re: month-end close
Date: Tue, 03 Mar 2026 10:00:00 +0000
Message-ID: <no-1@acme.io>
Content-Type: text/plain; charset=utf-8

No thanks, we are not interested.
"""
OFFER = """name: CloseFast
one_liner: Month-end close in three days
needs:
  - need: slow month-end close
    signals: [close takes, late close]
industries: [manufacturing]
roles: [CFO, Controller]
"""
BODY = (
    "Your Q3 report says the close takes nine days. CloseFast cut that to three for Brill, "
    "because it matches invoices automatically.\n\nWorth a 15-minute call on Thursday?\n\nSam\n"
)


def pitchfit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PITCHFIT_DB"}
    return subprocess.run(
        [sys.executable, "-m", "pitchfit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def prospect(path: Path, name: str, email: str, title: str) -> Path:
    path.write_text(
        f"name: {name}\nemail: {email}\ntitle: {title}\ncompany: Acme\n"
        "industry: manufacturing\ncompany_size: 400\n"
    )
    return path


def test_a_no_blocks_the_prospect_in_check_and_a_later_campaign(
    tmp_path: Path, db_url: str
) -> None:
    (tmp_path / "no.eml").write_bytes(REPLY)
    (tmp_path / "offer.yaml").write_text(OFFER)
    ann = prospect(tmp_path / "ann.yaml", "Ann Lee", "Ann@Acme.io", "CFO")
    bob = prospect(tmp_path / "bob.yaml", "Bob Stone", "bob@acme.io", "Controller")

    stored = pitchfit(
        "replies", "ingest", "no.eml", "--db", db_url, "--campaign", "spring", cwd=tmp_path
    )
    assert stored.returncode == 0, stored.stderr
    assert "suppressed ann@acme.io (declined)" in stored.stdout

    # check: the suppressed prospect is blocked with the reason; the colleague is not
    (tmp_path / "email.txt").write_text("Subject: Your close\n\nHi Ann,\n\n" + BODY)
    blocked = pitchfit(
        "check", "email.txt", "--prospect", str(ann), "--offer", "offer.yaml",
        "--db", db_url, "--format", "json", cwd=tmp_path,
    )  # fmt: skip
    assert blocked.returncode == 1, blocked.stderr
    report = json.loads(blocked.stdout)
    codes = {f["name"]: f for f in report["findings"]}
    assert "suppressed-contact" in codes
    assert codes["suppressed-contact"]["severity"] == "error"
    assert "not interested" in codes["suppressed-contact"]["message"]
    assert report["band"] == "block"

    (tmp_path / "email-bob.txt").write_text("Subject: Your close\n\nHi Bob,\n\n" + BODY)
    clear = pitchfit(
        "check", "email-bob.txt", "--prospect", str(bob), "--offer", "offer.yaml",
        "--db", db_url, "--format", "json", cwd=tmp_path,
    )  # fmt: skip
    assert "suppressed-contact" not in {f["name"] for f in json.loads(clear.stdout)["findings"]}

    # a later, different campaign: preflight blocks Ann's row and lets Bob's go
    with (tmp_path / "autumn.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "email", "title", "company", "industry", "company_size"])
        writer.writerow(["Ann Lee", "ANN@acme.io", "CFO", "Acme", "manufacturing", "400"])
        writer.writerow(["Bob Stone", "bob@acme.io", "Controller", "Acme", "manufacturing", "400"])
    (tmp_path / "autumn.txt").write_text("Subject: Your close\n\nHi {{ first_name }},\n\n" + BODY)
    run = pitchfit(
        "campaign", "preflight", "--prospects", "autumn.csv", "--template", "autumn.txt",
        "--offer", "offer.yaml", "--db", db_url, "--out", "autumn-out", "--quiet", cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    rows = {
        row["email"].lower(): row
        for row in map(json.loads, (tmp_path / "autumn-out" / "results.jsonl").open())
    }
    assert rows["ann@acme.io"]["band"] == "block"
    assert "declined" in rows["ann@acme.io"]["blocked_reason"]
    assert rows["bob@acme.io"]["blocked_reason"] is None
    with (tmp_path / "autumn-out" / "send.csv").open(newline="") as handle:
        to_send = [row["email"].lower() for row in csv.DictReader(handle)]
    assert to_send == ["bob@acme.io"]
