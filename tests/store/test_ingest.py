"""``pitchfit replies ingest``: idempotent, one transaction per message, bad input reported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pitchfit.store import ledger

if TYPE_CHECKING:
    from conftest import RunCli

pytest.importorskip("pitchfit.replies.classify", reason="pitchfit.replies.classify not built yet")

NO = "No thanks, we are not interested."
UNSUB = "Please unsubscribe me and remove me from your mailing list."
YES = "Yes, that sounds interesting. Could we talk on Tuesday at 3pm?"


def eml(
    sender: str,
    body: str,
    msgid: str,
    *,
    date: str = "Tue, 03 Mar 2026 10:00:00 +0000",
    charset: str = "utf-8",
    headers: str = "",
) -> bytes:
    head = (
        f"From: {sender}\nTo: seller@us.io\nSubject: Re: month-end close\n"
        f"Date: {date}\nMessage-ID: {msgid}\nMIME-Version: 1.0\n{headers}"
        f"Content-Type: text/plain; charset={charset}\n\n"
    )
    return head.encode() + body.encode("utf-8") + b"\n"


def mbox(*messages: bytes) -> bytes:
    return b"".join(b"From sender@x Tue Mar  3 10:00:00 2026\n" + m + b"\n" for m in messages)


def count_replies(db: str) -> int:
    from sqlalchemy import func, select

    from pitchfit.store.engine import session_scope
    from pitchfit.store.schema import ReplyRow

    with session_scope(ledger.resolve_db_url(db), write=False) as session:
        return int(session.scalar(select(func.count()).select_from(ReplyRow)) or 0)


def test_a_no_and_an_unsubscribe_suppress_across_campaigns(
    cli: RunCli, tmp_path: Path, db_url: str
) -> None:
    (tmp_path / "no.eml").write_bytes(eml("Ann Lee <Ann@Acme.io>", NO, "<no-1@acme.io>"))
    (tmp_path / "unsub.eml").write_bytes(eml("bo@beta.io", UNSUB, "<u-1@beta.io>"))
    (tmp_path / "yes.eml").write_bytes(eml("cy@gamma.io", YES, "<y-1@gamma.io>"))
    files = [str(tmp_path / n) for n in ("no.eml", "unsub.eml", "yes.eml")]
    ran = cli("replies", "ingest", *files, "--db", db_url, "--campaign", "spring")
    assert ran.code == 0, ran.err
    assert "3 stored, 0 already stored, 0 failed, 2 newly suppressed" in ran.err
    ann = ledger.lookup("ann@acme.io", db=db_url)
    assert ann is not None
    assert ann.reason == "declined"
    assert ann.evidence == NO
    assert ann.at == datetime(2026, 3, 3, 10, 0, tzinfo=UTC)
    assert ann.campaign == "spring"
    bo = ledger.lookup("bo@beta.io", db=db_url)
    assert bo is not None and bo.reason == "unsubscribed"
    assert ledger.lookup("cy@gamma.io", db=db_url) is None


def test_the_same_message_id_twice_is_one_reply(cli: RunCli, tmp_path: Path, db_url: str) -> None:
    message = eml("ann@acme.io", NO, "<twice@acme.io>")
    box = tmp_path / "box.mbox"
    box.write_bytes(mbox(message, message))
    first = cli("replies", "ingest", str(box), "--db", db_url)
    assert first.code == 0, first.err
    assert "1 stored, 1 already stored" in first.err
    again = cli("replies", "ingest", str(box), "--db", db_url, "--campaign", "other")
    assert "0 stored, 2 already stored" in again.err
    assert count_replies(db_url) == 1


def test_bad_input_is_reported_per_message_and_the_rest_is_stored(
    cli: RunCli, tmp_path: Path
) -> None:
    good = eml("ann@acme.io", NO, "<good@acme.io>")
    multipart = (
        b"From: bo@beta.io\nSubject: Re: x\nMessage-ID: <cut@beta.io>\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/alternative; boundary="BB"\n\n--BB\n'
        b"Content-Type: text/plain; charset=utf-8\n\nNot interested, thank"
    )
    (tmp_path / "a-good.eml").write_bytes(good)
    (tmp_path / "b-truncated.eml").write_bytes(multipart)
    (tmp_path / "c-charset.eml").write_bytes(
        eml("cy@gamma.io", NO, "<cs@gamma.io>", charset="x-klingon")
    )
    (tmp_path / "d-empty.eml").write_bytes(b"")
    (tmp_path / "e-noheaders.txt").write_text("no thanks\n")
    box = tmp_path / "f-box.mbox"
    box.write_bytes(
        mbox(eml("di@delta.io", UNSUB, "<m1@delta.io>"), b"", eml("ed@eps.io", YES, "<m3@eps.io>"))
    )
    db = str(tmp_path / "store.db")
    ran = cli("replies", "ingest", *sorted(str(p) for p in tmp_path.iterdir()), "--db", db)
    assert ran.code == 2
    errors = [line for line in ran.err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 5, ran.err
    assert any("b-truncated.eml: truncated or malformed message" in e for e in errors)
    assert any("c-charset.eml: unknown charset 'x-klingon'" in e for e in errors)
    assert any("d-empty.eml: empty file" in e for e in errors)
    assert any("e-noheaders.txt: no From address" in e for e in errors)
    assert any("f-box.mbox#2: " in e for e in errors)
    assert "Traceback" not in ran.err
    assert "3 stored, 0 already stored, 5 failed" in ran.err
    assert sorted(ledger.load_suppressions(db=db)) == ["ann@acme.io", "di@delta.io"]
    assert ledger.lookup("bo@beta.io", db=db) is None  # the truncated "no" is not half-stored
    assert count_replies(db) == 3


def test_a_bounce_suppresses_the_failed_address(cli: RunCli, tmp_path: Path) -> None:
    dsn = (
        b"From: Mail Delivery System <MAILER-DAEMON@mx.example>\nTo: seller@us.io\n"
        b"Subject: Undelivered Mail Returned to Sender\nMessage-ID: <dsn@mx.example>\n"
        b"Date: Wed, 04 Mar 2026 08:00:00 +0000\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="R"\n\n'
        b"--R\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n"
        b"--R\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example\n\n"
        b"Final-Recipient: rfc822; gone@acme.io\nAction: failed\nStatus: 5.1.1\n"
        b"Diagnostic-Code: smtp; 550 5.1.1 user unknown\n\n--R--\n"
    )
    (tmp_path / "bounce.eml").write_bytes(dsn)
    db = str(tmp_path / "s.db")
    ran = cli("replies", "ingest", str(tmp_path / "bounce.eml"), "--db", db, "--format", "jsonl")
    assert ran.code == 0, ran.err
    row = json.loads(ran.out.splitlines()[0])
    assert row["intent"] == "bounce"
    assert [s["email"] for s in row["suppressed"]] == ["gone@acme.io"]
    entry = ledger.lookup("gone@acme.io", db=db)
    assert entry is not None and entry.reason == "bounced"
    assert ledger.lookup("mailer-daemon@mx.example", db=db) is None


PEAK_RSS = """
import resource, sys
from pitchfit.cli.main import main
try:
    main(["replies", "ingest", *sys.argv[1:]])
except SystemExit:
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def _ingest_peak_kib(*args: str) -> tuple[int, str]:
    ran = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, *args], capture_output=True, text=True, timeout=600
    )
    lines = ran.stderr.strip().splitlines()
    return int(lines[-1]), "\n".join(lines[:-1])


@pytest.mark.slow
def test_a_50_mb_mbox_is_streamed_message_by_message(tmp_path: Path) -> None:
    box = tmp_path / "big.mbox"
    attachment = (b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkwYWJjZGVmZ2hpamtsbW5vcHFy\n") * 6_500
    with box.open("wb") as handle:
        for i in range(120):
            handle.write(b"From sender@x Tue Mar  3 10:00:00 2026\n")
            handle.write(
                f"From: p{i}@big.io\nSubject: Re: x\nMessage-ID: <big-{i}@big.io>\n"
                'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="M"\n\n'
                f"--M\nContent-Type: text/plain; charset=utf-8\n\n{NO if i % 2 else YES}\n\n"
                "--M\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n"
                'Content-Disposition: attachment; filename="deck.pdf"\n\n'.encode()
            )
            handle.write(attachment)
            handle.write(b"--M--\n\n")
    assert box.stat().st_size > 50_000_000
    small = tmp_path / "small.mbox"
    small.write_bytes(mbox(eml("tiny@x.io", NO, "<tiny@x.io>")))
    baseline, _ = _ingest_peak_kib(str(small), "--db", str(tmp_path / "small.db"))
    db = str(tmp_path / "s.db")
    peak, err = _ingest_peak_kib(str(box), "--db", db)
    assert "120 stored, 0 already stored, 0 failed, 60 newly suppressed" in err, err
    assert set(ledger.load_suppressions(db=db)) == {f"p{i}@big.io" for i in range(1, 120, 2)}
    # streamed: memory grows by about one message (0.45 MB), far less than the 50 MB file
    assert peak - baseline < 25_000, (peak, baseline)


def test_two_processes_ingesting_at_once_lose_nothing(tmp_path: Path, db_url: str) -> None:
    """Each process ingests its own mailbox plus a shared one, into one fresh database."""
    shared = [eml(f"s{i}@shared.io", NO, f"<s{i}@shared.io>") for i in range(15)]
    own = {
        name: [
            eml(f"{name}{i}@x.io", NO if i % 3 else UNSUB if i % 2 else YES, f"<{name}{i}@x.io>")
            for i in range(25)
        ]
        for name in ("a", "b")
    }
    (tmp_path / "shared.mbox").write_bytes(mbox(*shared))
    for name, messages in own.items():
        (tmp_path / f"{name}.mbox").write_bytes(mbox(*messages))
    db = db_url
    env = {**os.environ, "PITCHFIT_DB": db}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pitchfit",
                "replies",
                "ingest",
                str(tmp_path / f"{name}.mbox"),
                str(tmp_path / "shared.mbox"),
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    results = [proc.communicate(timeout=240) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], results
    assert count_replies(db) == 15 + 25 + 25
    stored = sum(int(err.rsplit("\n", 2)[-2].split(" stored")[0]) for _out, err in results)
    assert stored == 65  # every message stored exactly once between the two
    suppressed = ledger.load_suppressions(db=db)
    expected_no = {f"s{i}@shared.io" for i in range(15)} | {
        f"{n}{i}@x.io" for n in ("a", "b") for i in range(25) if i % 3 or i % 2
    }
    assert set(suppressed) == expected_no


def test_jsonl_rows_carry_sender_and_id(cli: RunCli, tmp_path: Path) -> None:
    rows = [
        {"text": NO, "from": "Jo <jo@acme.io>", "message_id": "<j1@acme.io>",
         "received_at": "2026-05-01T09:00:00+02:00"},
        {"text": YES},
    ]  # fmt: skip
    source = tmp_path / "replies.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    db = str(tmp_path / "s.db")
    ran = cli("replies", "ingest", str(source), "--db", db)
    assert ran.code == 2
    assert f"error: {source}:2: no From address" in ran.err
    entry = ledger.lookup("jo@acme.io", db=db)
    assert entry is not None
    assert entry.at == datetime(2026, 5, 1, 7, 0, tzinfo=UTC)
    again = cli("replies", "ingest", str(source), "--db", db)
    assert "0 stored, 1 already stored, 1 failed" in again.err
