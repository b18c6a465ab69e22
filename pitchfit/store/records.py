"""Storing one reply: one transaction that writes the reply, its outcome and any suppression.

Everything about a message is committed together or not at all, and the unique Message-ID
makes a second ingest of the same reply a no-op, even when two processes race for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from ..models import Suppression
from .ledger import add_in_session

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .schema import CampaignRow, ProspectRow

#: intent -> (ledger reason, prospect status); these replies suppress across all campaigns.
SUPPRESSING = {
    "not_interested": ("declined", "declined"),
    "unsubscribe": ("unsubscribed", "unsubscribed"),
    "bounce": ("bounced", "bounced"),
}


@dataclass
class ReplyRecord:
    """What ingest knows about one reply once it is parsed and classified."""

    message_id: str
    from_address: str
    body: str = ""
    subject: str = ""
    in_reply_to: str | None = None
    received_at: datetime | None = None
    signature: str = ""
    quoted: str = ""
    is_auto_reply: bool = False
    intent: str = ""
    confidence: float | None = None
    classification: dict[str, Any] = field(default_factory=dict)
    source: str = ""
    bounced: tuple[str, ...] = ()
    warnings: list[str] = field(default_factory=list)


@dataclass
class StoreResult:
    """What happened to one reply: stored (with any suppressions) or already there."""

    status: Literal["stored", "duplicate"]
    message_id: str
    suppressed: list[Suppression] = field(default_factory=list)


def _prospect(session: Session, email: str) -> ProspectRow:
    from sqlalchemy import select

    from .schema import ProspectRow

    row = session.scalars(select(ProspectRow).where(ProspectRow.email == email)).first()
    if row is None:
        row = ProspectRow(email=email, name="", company="", title="", status="active")
        session.add(row)
        session.flush()
    return row


def _campaign(session: Session, name: str) -> CampaignRow:
    from sqlalchemy import select

    from .schema import CampaignRow

    row = session.scalars(select(CampaignRow).where(CampaignRow.name == name)).first()
    if row is None:
        row = CampaignRow(name=name)
        session.add(row)
        session.flush()
    return row


def already_stored(session: Session, message_id: str) -> bool:
    """True when a reply with this Message-ID is in the store."""
    from sqlalchemy import select

    from .schema import ReplyRow

    found = session.scalar(select(ReplyRow.id).where(ReplyRow.message_id == message_id))
    return found is not None


def _targets(session: Session, record: ReplyRecord) -> list[tuple[str, str | None]]:
    """Addresses the reply speaks for, with the campaign they were written to (if known)."""
    from sqlalchemy import select

    from .schema import CampaignRow, MessageRow, ProspectRow

    if record.intent == "bounce":
        return [(address, None) for address in record.bounced]
    targets: list[tuple[str, str | None]] = []
    if record.from_address:
        targets.append((record.from_address, None))
    if record.in_reply_to:
        found = session.execute(
            select(ProspectRow.email, CampaignRow.name)
            .select_from(MessageRow)
            .join(ProspectRow, MessageRow.prospect_id == ProspectRow.id)
            .outerjoin(CampaignRow, MessageRow.campaign_id == CampaignRow.id)
            .where(MessageRow.message_id == record.in_reply_to)
        ).first()
        if found is not None:
            email, campaign = found
            if email == record.from_address:
                targets = [(email, campaign)]
            else:
                targets.append((email, campaign))
    return targets


def store_reply(session: Session, record: ReplyRecord, *, campaign: str | None) -> StoreResult:
    """Write one reply in the caller's open transaction (the caller commits or rolls back)."""
    from .schema import OutcomeRow, ReplyRow

    if already_stored(session, record.message_id):
        return StoreResult("duplicate", record.message_id)
    campaign_row = _campaign(session, campaign) if campaign else None
    robot = record.intent == "bounce"  # the sender is a mail server, not a person
    sender = _prospect(session, record.from_address) if record.from_address and not robot else None
    reply = ReplyRow(
        message_id=record.message_id,
        in_reply_to=record.in_reply_to,
        from_address=record.from_address,
        subject=record.subject,
        received_at=record.received_at,
        body=record.body,
        signature=record.signature,
        quoted=record.quoted,
        is_auto_reply=record.is_auto_reply,
        intent=record.intent,
        confidence=record.confidence,
        classification=record.classification,
        source=record.source,
        prospect_id=sender.id if sender else None,
        campaign_id=campaign_row.id if campaign_row else None,
    )
    session.add(reply)
    session.flush()
    info = record.classification
    at = record.received_at or datetime.now(UTC)
    result = StoreResult("stored", record.message_id)
    rule = SUPPRESSING.get(record.intent)
    for email, known_campaign in _targets(session, record):
        person = _prospect(session, email)
        session.add(
            OutcomeRow(
                reply_id=reply.id,
                prospect_id=person.id,
                campaign_id=reply.campaign_id,
                kind=rule[1] if rule else (record.intent or "unknown"),
                next_action=str(info.get("next_action") or ""),
                return_date=info.get("return_date"),
                objection_type=info.get("objection_type"),
                referral=info.get("referral"),
                at=at,
            )
        )
        if rule is None:
            continue
        person.status = rule[1]
        entry = Suppression(
            email=email,
            reason=rule[0],
            at=at,
            evidence=record.body.strip(),
            source=f"reply {record.message_id}" + (f" ({record.source})" if record.source else ""),
            campaign=campaign or known_campaign,
        )
        kept, new = add_in_session(session, entry, reply_id=reply.id)
        if new:
            result.suppressed.append(kept)
    session.flush()
    return result
