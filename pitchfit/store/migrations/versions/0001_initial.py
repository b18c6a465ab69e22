"""Initial store: prospects, campaigns, messages, replies, outcomes and the suppression ledger.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pitchfit.store.schema import UTCDateTime

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _fk(name: str, table: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), sa.ForeignKey(f"{table}.id"), nullable=True)


def upgrade() -> None:
    op.create_table(
        "prospects",
        _id(),
        sa.Column("email", sa.String(320), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("company", sa.String(200), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "campaigns",
        _id(),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "messages",
        _id(),
        sa.Column("message_id", sa.String(998), nullable=True, unique=True),
        _fk("campaign_id", "campaigns"),
        _fk("prospect_id", "prospects"),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.String(998), nullable=True),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_messages_campaign_id", "messages", ["campaign_id"])
    op.create_index("ix_messages_prospect_id", "messages", ["prospect_id"])
    op.create_table(
        "replies",
        _id(),
        sa.Column("message_id", sa.String(998), nullable=False, unique=True),
        sa.Column("in_reply_to", sa.String(998), nullable=True),
        sa.Column("from_address", sa.String(320), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("quoted", sa.Text(), nullable=False),
        sa.Column("is_auto_reply", sa.Boolean(), nullable=False),
        sa.Column("intent", sa.String(40), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("classification", sa.JSON(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        _fk("prospect_id", "prospects"),
        _fk("campaign_id", "campaigns"),
        sa.Column("ingested_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_replies_from_address", "replies", ["from_address"])
    op.create_index("ix_replies_prospect_id", "replies", ["prospect_id"])
    op.create_index("ix_replies_campaign_id", "replies", ["campaign_id"])
    op.create_table(
        "outcomes",
        _id(),
        _fk("reply_id", "replies"),
        _fk("prospect_id", "prospects"),
        _fk("campaign_id", "campaigns"),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("next_action", sa.Text(), nullable=False),
        sa.Column("return_date", sa.String(10), nullable=True),
        sa.Column("objection_type", sa.String(40), nullable=True),
        sa.Column("referral", sa.JSON(), nullable=True),
        sa.Column("at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_outcomes_reply_id", "outcomes", ["reply_id"])
    op.create_index("ix_outcomes_prospect_id", "outcomes", ["prospect_id"])
    op.create_index("ix_outcomes_campaign_id", "outcomes", ["campaign_id"])
    op.create_table(
        "suppressions",
        _id(),
        sa.Column("email", sa.String(320), nullable=False, unique=True),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("campaign", sa.String(200), nullable=True),
        _fk("reply_id", "replies"),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in ("suppressions", "outcomes", "replies", "messages", "campaigns", "prospects"):
        op.drop_table(table)
