"""Records: the quick copies linking makes keep every field but the ones they change."""

from __future__ import annotations

import dataclasses

from timeline.records import Event, EventTime, Participant, Source, Trigger


def test_a_linked_participant_changes_its_actor_only() -> None:
    local = Participant("k3", "target", 10, 15, "Egypt")
    assert local.linked("a1f2") == dataclasses.replace(local, actor="a1f2")


def test_a_linked_event_changes_its_id_and_participants_only() -> None:
    # every field set away from its default, so a field the copy forgot would show
    event = Event(
        "x1",
        "d1",
        2,
        "Egypt rejected the plan.",
        Trigger("rejected", 6, 14, "reject"),
        (Participant("k1", "source", 0, 5, "Egypt"),),
        EventTime("2025-03-03", "day", "explicit", "Monday"),
        "REJECT",
        "120",
        3,
        -4.0,
        True,
        "negated",
        (Source("d1", 2, 6, 14, "rejected"),),
        40,
    )
    assert {f.name for f in dataclasses.fields(Event)} == {
        f.name for f in dataclasses.fields(Event) if getattr(event, f.name) != f.default
    }
    participants = (Participant("a9", "source", 0, 5, "Egypt"),)
    assert event.linked("e7", participants) == dataclasses.replace(event, id="e7", participants=participants)
