"""Memory stays flat: rows are pulled only a bounded distance ahead of the results written."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from pitchfit.campaign.rows import Spec, Task
from pitchfit.campaign.runner import IN_FLIGHT_PER_WORKER, run_local
from pitchfit.campaign.template import load_template
from pitchfit.config import Settings
from pitchfit.io import load_offer
from pitchfit.models import Prospect

from .conftest import EXAMPLE, OFFER


@pytest.mark.parametrize("workers", [1, 2])
def test_rows_are_read_only_a_bounded_distance_ahead(workers: int) -> None:
    spec = Spec(
        token=f"stream-{workers}",
        template=load_template(EXAMPLE / "template.txt.j2"),
        offer=load_offer(OFFER),
        settings=Settings(),
        fit_method="lexical",
        start=datetime(2026, 11, 23, tzinfo=UTC),
        has_history=False,
    )
    pulled = 0

    def tasks() -> Iterator[Task]:
        nonlocal pulled
        for n in range(1, 301):
            pulled += 1
            email = f"p{n}@example.com"
            prospect = Prospect(email=email, first_name="Ann", company="Acme", title="VP Sales")
            yield Task(n, n + 1, email, prospect=prospect)

    chunk = 5
    bound = chunk * (IN_FLIGHT_PER_WORKER * workers + 1) if workers > 1 else chunk
    rows = []
    for result in run_local(spec, tasks(), workers=workers, chunk_size=chunk):
        rows.append(result["row"])
        assert pulled - len(rows) <= bound
    assert rows == list(range(1, 301))
