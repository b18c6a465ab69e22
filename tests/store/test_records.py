"""Storing one reply: idempotent, all-or-nothing, and a "no" suppresses across campaigns."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pitchfit.store import ledger, resolve_db_url
from pitchfit.store.engine import open_store, session_scope
from pitchfit.store.ingest import store_record
from pitchfit.store.records import ReplyRecord


def _count(url: str, table: str) -> int:
    from sqlalchemy import text

    with session_scope(url, write=False) as session:
        return int(session.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one())


def _no(message_id: str = "<r1@acme.io>", sender: str = "ann@acme.io") -> ReplyRecord:
    return ReplyRecord(
        message_id=message_id,
        from_address=sender,
        body="Thanks, but we're not interested.",
        subject="Re: invoices",
        received_at=datetime(2026, 4, 2, 8, 15, tzinfo=UTC),
        intent="not_interested",
        confidence=0.93,
        classification={"intent": "not_interested", "next_action": "ask what would make them buy"},
        source="inbox.mbox#3",
    )


@pytest.fixture
def url(db_url: str) -> str:
    return open_store(db_url)


def test_a_no_suppresses_with_date_and_words(url: str) -> None:
    result = store_record(url, _no(), campaign="spring")
    assert result.status == "stored"
    assert [s.email for s in result.suppressed] == ["ann@acme.io"]
    entry = ledger.lookup("Ann@Acme.io", db=url)
    assert entry is not None
    assert entry.reason == "declined"
    assert entry.at == datetime(2026, 4, 2, 8, 15, tzinfo=UTC)
    assert entry.evidence == "Thanks, but we're not interested."
    assert entry.campaign == "spring"
    assert "<r1@acme.io>" in entry.source
    # the ledger is global: a later, different campaign sees the same entry
    assert "ann@acme.io" in ledger.load_suppressions(db=url)


def test_same_message_id_twice_is_one_reply(url: str) -> None:
    assert store_record(url, _no(), campaign="spring").status == "stored"
    again = store_record(url, _no(), campaign="autumn")
    assert again.status == "duplicate"
    assert again.suppressed == []
    assert _count(url, "replies") == 1
    assert _count(url, "outcomes") == 1
    assert _count(url, "suppressions") == 1


def test_unsubscribe_and_interest(url: str) -> None:
    unsub = _no("<u@x>", "u@x.io")
    unsub.intent = "unsubscribe"
    store_record(url, unsub, campaign=None)
    keen = _no("<k@x>", "k@x.io")
    keen.intent = "interested"
    keen.body = "Sounds good, Tuesday works."
    store_record(url, keen, campaign=None)
    entry = ledger.lookup("u@x.io", db=url)
    assert entry is not None and entry.reason == "unsubscribed"
    assert ledger.lookup("k@x.io", db=url) is None
    assert _count(url, "replies") == 2


def test_bounce_suppresses_the_failed_recipient_not_the_robot(url: str) -> None:
    bounce = ReplyRecord(
        message_id="<dsn1@mx>",
        from_address="mailer-daemon@mx.example",
        body="550 5.1.1 user unknown",
        intent="bounce",
        bounced=("gone@acme.io",),
    )
    result = store_record(url, bounce, campaign="spring")
    assert [s.email for s in result.suppressed] == ["gone@acme.io"]
    assert ledger.lookup("gone@acme.io", db=url) is not None
    assert ledger.lookup("mailer-daemon@mx.example", db=url) is None


def test_nothing_is_half_stored(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from pitchfit.store import records

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(records, "add_in_session", boom)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store_record(url, _no(), campaign="spring")
    for table in ("replies", "outcomes", "suppressions", "prospects", "campaigns"):
        assert _count(url, table) == 0, table


def test_reply_from_another_address_also_suppresses_the_prospect_written_to(url: str) -> None:
    from pitchfit.store.schema import CampaignRow, MessageRow, ProspectRow

    with session_scope(url) as session:
        person = ProspectRow(email="cfo@acme.io", name="C", company="Acme", title="CFO")
        camp = CampaignRow(name="spring")
        session.add_all([person, camp])
        session.flush()
        session.add(MessageRow(message_id="<out1@us>", prospect_id=person.id, campaign_id=camp.id))
    reply = _no("<r9@acme.io>", "assistant@acme.io")
    reply.in_reply_to = "<out1@us>"
    result = store_record(url, reply, campaign=None)
    assert sorted(s.email for s in result.suppressed) == ["assistant@acme.io", "cfo@acme.io"]
    entry = ledger.lookup("cfo@acme.io", db=url)
    assert entry is not None and entry.campaign == "spring"


def test_open_store_resolves_a_bare_path(tmp_path: object) -> None:
    url = open_store(str(tmp_path) + "/deep/er/x.db")
    assert url == resolve_db_url(str(tmp_path) + "/deep/er/x.db")
    assert ledger.list_suppressions(db=url) == []
