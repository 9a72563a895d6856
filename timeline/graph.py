"""The graph stage: the build as networkx graphs, and the way back from a saved graph to records.

- :func:`knowledge_graph`: actor nodes and event nodes, an edge from each actor to each event it takes
  part in, with its role.
- :func:`actor_network`: one directed, weighted edge per (source, target) actor pair.
- :func:`build_from_graph`: the records a knowledge graph holds (read back from ``graph.graphml``).

Node and edge attributes are plain Python values here (lists, None); making them safe for a file format
is the exporter's job (:mod:`timeline.export.graphml`).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .records import (
    SOURCE,
    TARGET,
    Actor,
    Build,
    Document,
    Event,
    EventTime,
    Participant,
    Trigger,
    is_actor,
)

ACTOR, EVENT = "actor", "event"
#: How lists are joined into one text value in the graph files, and split again when read back.
LIST_SEPARATOR = "; "


#: One node as a graph file writes it: its id and attributes.
Node = tuple[str, dict[str, Any]]
#: One edge: source, target, key (unique among the edges between the two nodes) and attributes.
Edge = tuple[str, str, str, dict[str, Any]]
#: A node, with the place of what it is made from (see :attr:`GraphStreams.placed_nodes`) and its
#: attributes made when called.
PlacedNode = tuple[str, int, Callable[[], dict[str, Any]]]
#: An edge: source, target, key, place and attributes made when called.
PlacedEdge = tuple[str, str, str, int, Callable[[], dict[str, Any]]]


@dataclass(frozen=True)
class GraphStreams:
    """A directed multigraph as two streams that can each be read more than once, built on demand.

    A writer can go over a big build's graph twice (once to learn each attribute's type, once to
    write) without the whole graph in memory. The order is the one networkx gives for the same graph:
    nodes in the order added, edges grouped by source node in node order.
    """

    nodes: Callable[[], Iterator[Node]]
    edges: Callable[[], Iterator[Edge]]
    #: the same nodes, each with the place of the event it is made from in ``build.events`` (-1: none),
    #: and its attributes made only when called: a writer that keeps an event's element as a piece
    #: between builds (see :mod:`timeline.pieces`) need not make them; None: no node is kept
    placed_nodes: Callable[[], Iterator[PlacedNode]] | None = None
    #: the same edges, each with the place of its participant among all the events' participants,
    #: in event order (see :func:`timeline.piece_keys.participant_keys`), and its attributes made only
    #: when called; None: no edge is kept
    placed_edges: Callable[[], Iterator[PlacedEdge]] | None = None


def knowledge_graph(build: Build) -> nx.MultiDiGraph:
    """Actors and events as nodes; an edge ``actor -> event`` per participant, keyed ``<event>:<n>``."""
    streams = knowledge_streams(build)
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(streams.nodes())
    graph.add_edges_from(streams.edges())
    return graph


def knowledge_streams(build: Build) -> GraphStreams:
    """The nodes and edges of :func:`knowledge_graph`, in its order, made as they are read."""
    activity = _activity(build)
    docs = {d.id: d for d in build.documents}
    # which events each node is the source of an edge in: event indexes, in event order, once each
    by_source: dict[str, list[int]] = defaultdict(list)
    for index, event in enumerate(build.events):
        for actor in dict.fromkeys(p.actor for p in event.participants):
            by_source[actor].append(index)

    def order() -> Iterator[tuple[str, int, Actor | Event | None]]:
        """Node ids in order, each with its record (None: a participant the build lost track of) and
        the place of its event (-1: not an event)."""
        seen: set[str] = set()
        for actor in filter(is_actor, build.actors):
            seen.add(actor.id)
            yield actor.id, -1, actor
        for index, event in enumerate(build.events):
            seen.add(event.id)
            yield event.id, index, event  # an event node: its id's first record, the others' data learned
            for p in event.participants:
                if p.actor not in seen:
                    seen.add(p.actor)
                    yield p.actor, -1, None

    def placed_nodes() -> Iterator[PlacedNode]:
        for node, index, record in order():
            if isinstance(record, Actor):
                yield node, index, functools.partial(_actor_data, record, activity[node])
            elif isinstance(record, Event):
                yield node, index, functools.partial(_event_data, record, docs.get(record.doc))
            else:  # still gets a named node
                yield node, index, functools.partial(_lost_actor_data, node)

    def sources() -> Iterator[str]:
        """The nodes that are the source of an edge, each once, in node order (where its id first comes)."""
        if {event.id for event in build.events}.isdisjoint(by_source):
            # the actors, then the participants the build lost track of, as the events first name them
            actors = dict.fromkeys(actor.id for actor in filter(is_actor, build.actors))
            yield from (node for node in actors if node in by_source)
            yield from (node for node in by_source if node not in actors)
        else:  # an actor with an event's id (a hand-edited events.json): one node, where the id first comes
            yield from (node for node in dict.fromkeys(node for node, _, _ in order()) if node in by_source)

    def participants() -> Iterator[tuple[str, int, int, Participant]]:
        """Each edge's source node, the place of its event, and its participant's position and record,
        in edge order."""
        for node in sources():
            for index in by_source.get(node, ()):
                for position, p in enumerate(build.events[index].participants):
                    if p.actor == node:
                        yield node, index, position, p

    def edges() -> Iterator[Edge]:
        for node, index, position, p in participants():
            event_id = build.events[index].id
            yield node, event_id, f"{event_id}:{position}", _participant_data(p, position)

    def placed_edges() -> Iterator[PlacedEdge]:
        before = build.participant_starts()
        for node, index, position, p in participants():
            event_id, data = build.events[index].id, functools.partial(_participant_data, p, position)
            yield node, event_id, f"{event_id}:{position}", before[index] + position, data

    return GraphStreams(
        lambda: ((node, data()) for node, _, data in placed_nodes()),
        edges,
        placed_nodes,
        placed_edges,
    )


def _actor_data(actor: Actor, events: int) -> dict[str, Any]:
    return {
        "node_type": ACTOR,
        "name": actor.name,
        "label": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "roles": list(actor.roles),
        "country": actor.country,
        "sector": actor.sector,
        "mentions": len(actor.mentions),
        "events": events,
    }


def _lost_actor_data(node: str) -> dict[str, Any]:
    return {"node_type": ACTOR, "name": node, "label": node, "kind": ""}


def _event_data(event: Event, doc: Document | None) -> dict[str, Any]:
    name = f"{event.trigger.text} ({event.type})"
    return {
        "node_type": EVENT,
        "name": name,
        "label": name,
        "trigger": event.trigger.text,
        "trigger_lemma": event.trigger.lemma,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "type": event.type,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "date": event.time.value,
        "granularity": event.time.granularity,
        "date_basis": event.time.basis,
        "date_text": event.time.text,
        "doc": event.doc,
        "title": doc.title if doc else None,
        "published": doc.date if doc else None,
        "url": doc.url if doc else None,
        "article_source": doc.source if doc else None,  # the file (and line) it was read from
        "sentence": event.sentence,
        "sentence_start": event.sentence_start,
        "sentence_text": event.sentence_text,
        "modality": event.modality,
        "negated": event.negated,
        "sources": len(event.sources) or 1,  # how many reports of the event were merged
    }


def _participant_data(p: Participant, position: int) -> dict[str, Any]:
    return {
        "role": p.role,
        "label": p.role,
        "position": position,
        "text": p.text,
        # not "start"/"end": Gephi and others read those names as a time interval
        "mention_start": p.start,
        "mention_end": p.end,
    }


@dataclass(frozen=True)
class Pair:
    """Every event in which ``source`` acted on ``target``."""

    source: str
    target: str
    events: tuple[Event, ...]

    @property
    def goldstein(self) -> float | None:
        scores = [e.goldstein for e in self.events if e.goldstein is not None]
        return sum(scores) / len(scores) if scores else None


def interactions(events: Sequence[Event]) -> list[Pair]:
    """Directed (source, target) pairs with their events, most events first."""
    found: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in events:
        sources = [p.actor for p in event.participants if p.role == SOURCE]
        targets = [p.actor for p in event.participants if p.role == TARGET]
        for s in dict.fromkeys(sources):
            for t in dict.fromkeys(targets):
                if s != t:
                    found[(s, t)].append(event)
    pairs = [Pair(s, t, tuple(evs)) for (s, t), evs in found.items()]
    return sorted(pairs, key=lambda p: (-len(p.events), p.source, p.target))


def actor_network(build: Build) -> nx.DiGraph:
    """Who acted on whom: edge weight is the number of events, ``goldstein`` their mean score."""
    pairs = {(p.source, p.target): list(p.events) for p in interactions(build.events)}
    graph = nx.DiGraph()
    activity = _activity(build)
    for a in filter(is_actor, build.actors):
        graph.add_node(
            a.id, name=a.name, label=a.name, kind=a.kind, events=activity[a.id], mentions=len(a.mentions)
        )
    for (s, t), events in sorted(pairs.items()):
        for actor in (s, t):
            if actor not in graph:
                graph.add_node(actor, name=actor, label=actor, kind="", events=activity[actor], mentions=0)
        scores = [e.goldstein for e in events if e.goldstein is not None]
        graph.add_edge(
            s,
            t,
            weight=len(events),
            goldstein=sum(scores) / len(scores) if scores else None,
            types=sorted({e.type for e in events}),
            events=[e.id for e in events],
        )
    return graph


def _activity(build: Build) -> dict[str, int]:
    """The number of events each actor takes part in."""
    activity: dict[str, int] = defaultdict(int)
    for event in build.events:
        for actor in {p.actor for p in event.participants}:
            activity[actor] += 1
    return activity


def build_from_graph(graph: nx.MultiDiGraph) -> Build:
    """The records a knowledge graph holds, in the order of its nodes and edges.

    The graph keeps less than ``events.json``: actors come back without their mentions, events without
    their individual reports, documents only as far as an event names them, and no time expressions.
    """
    actors: list[Actor] = []
    events: list[Event] = []
    documents: dict[str, Document] = {}
    for node, data in graph.nodes(data=True):
        if data.get("node_type") == ACTOR:
            actors.append(
                Actor(
                    id=str(node),
                    name=_text(data, "name"),
                    kind=_text(data, "kind"),
                    mentions=(),
                    aliases=_split(data.get("aliases")),
                    roles=_split(data.get("roles")),
                    country=_optional(data, "country"),
                    sector=_optional(data, "sector"),
                )
            )
        elif data.get("node_type") == EVENT:
            edges = sorted(graph.in_edges(node, data=True), key=lambda e: int(e[2].get("position", 0)))
            events.append(_event(str(node), data, [(str(u), d) for u, _, d in edges]))
            doc = _text(data, "doc")
            documents.setdefault(
                doc,
                Document(
                    id=doc,
                    text="",
                    title=_text(data, "title"),
                    date=_optional(data, "published"),
                    url=_text(data, "url"),
                    source=_text(data, "article_source"),
                ),
            )
    return Build(documents=tuple(documents.values()), actors=tuple(actors), timexes=(), events=tuple(events))


def _event(node: str, data: dict[str, Any], edges: list[tuple[str, dict[str, Any]]]) -> Event:
    quad = data.get("quad_class")
    goldstein = data.get("goldstein")
    return Event(
        id=node,
        doc=_text(data, "doc"),
        sentence=int(data.get("sentence", 0)),
        sentence_text=_text(data, "sentence_text"),
        sentence_start=int(data.get("sentence_start", 0)),
        trigger=Trigger(
            _text(data, "trigger"),
            int(data.get("trigger_start", 0)),
            int(data.get("trigger_end", 0)),
            _text(data, "trigger_lemma"),
        ),
        participants=tuple(
            Participant(
                actor,
                _text(d, "role"),
                int(d.get("mention_start", 0)),
                int(d.get("mention_end", 0)),
                _text(d, "text"),
            )
            for actor, d in edges
        ),
        time=EventTime(
            _optional(data, "date"),
            _optional(data, "granularity"),
            _text(data, "date_basis") or "none",
            _optional(data, "date_text"),
        ),
        type=_text(data, "type") or "OTHER",
        cameo=_optional(data, "cameo"),
        quad_class=None if quad is None else int(quad),
        goldstein=None if goldstein is None else float(goldstein),
        negated=bool(data.get("negated", False)),
        modality=_text(data, "modality") or "asserted",
    )


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return "" if value is None else str(value)


def _optional(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return None if value is None else str(value)


def _split(value: object) -> tuple[str, ...]:
    """A joined list read back; an absent or empty value is the empty list."""
    if value is None or value == "":
        return ()
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    return tuple(str(value).split(LIST_SEPARATOR))
