"""One visit moves a contact at most one stage; an introduction marks the introducer
(kacli.domain.relationship)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kacli.domain import relationship as r

kinds = st.sampled_from(r.VISIT_KIND.codes)
stages = st.sampled_from(r.LADDER)


def test_a_visit_that_moved_a_contact_suggests_nothing_more():
    assert r.suggestion("dating", "social") == "trust"
    assert r.suggestion("dating", "social", moved_by_this_visit=True) is None


@given(stages, kinds)
def test_applying_a_visits_suggestions_again_and_again_moves_one_stage_at_most(start, kind):
    stage, moved = start, False
    for _ in range(5):  # "visit update ID --advance", five times
        suggested = r.suggestion(stage, kind, moved_by_this_visit=moved)
        if suggested is not None:
            stage, moved = suggested, True
    assert r.stage_rank(stage) - r.stage_rank(start) <= 1


def test_an_introduction_marks_the_introducer_not_the_people_introduced():
    assert r.marked_for("introduction") == "alliance"
    assert r.marked_for("introduction", introduced=True) == "acquainted"  # met, not advanced
    assert r.suggestion("trust", "introduction") == "alliance"
    for stage in r.LADDER:
        assert r.suggestion(stage, "introduction", introduced=True) is None


def test_being_introduced_changes_nothing_at_other_kinds_of_visit():
    assert r.marked_for("meal", introduced=True) == "dating"


def test_who_was_introduced():
    assert r.introduced_ids("introduction", [1, 2, 3], 1) == {2, 3}
    assert r.introduced_ids("introduction", [1, 2], None) == frozenset()  # all count as introducers
    assert r.introduced_ids("meal", [1, 2], 1) == frozenset()
