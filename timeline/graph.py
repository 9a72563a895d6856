"""The graph stage: the build as networkx graphs.

- :func:`knowledge_graph`: actor nodes and event nodes, an edge from each actor to each event it takes
  part in, with its role.
- :func:`actor_network`: one directed, weighted edge per (source, target) actor pair.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from .records import SOURCE, TARGET, Build, Event


def knowledge_graph(build: Build) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for actor in build.actors:
        graph.add_node(
            actor.id,
            node_type="actor",
            name=actor.name,
            kind=actor.kind,
            aliases=list(actor.aliases),
            mentions=len(actor.mentions),
        )
    for event in build.events:
        graph.add_node(
            event.id,
            node_type="event",
            name=f"{event.trigger.text} ({event.type})",
            trigger=event.trigger.text,
            type=event.type,
            cameo=event.cameo,
            quad_class=event.quad_class,
            goldstein=event.goldstein,
            date=event.time.value,
            granularity=event.time.granularity,
            date_basis=event.time.basis,
            doc=event.doc,
            sentence=event.sentence,
            sentence_text=event.sentence_text,
            modality=event.modality,
            negated=event.negated,
            sources=len(event.sources) or 1,
        )
        for p in event.participants:
            graph.add_edge(p.actor, event.id, key=f"{p.actor}-{p.role}-{event.id}", role=p.role)
    return graph


def actor_network(build: Build) -> nx.DiGraph:
    """Who acted on whom: edge weight is the number of events, ``goldstein`` their mean score."""
    pairs: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in build.events:
        sources = [p.actor for p in event.participants if p.role == SOURCE]
        targets = [p.actor for p in event.participants if p.role == TARGET]
        for s in sources:
            for t in targets:
                if s != t:
                    pairs[(s, t)].append(event)
    graph = nx.DiGraph()
    activity: dict[str, int] = defaultdict(int)
    for event in build.events:
        for actor in {p.actor for p in event.participants}:
            activity[actor] += 1
    for a in build.actors:
        graph.add_node(a.id, name=a.name, kind=a.kind, events=activity[a.id], mentions=len(a.mentions))
    for (s, t), events in sorted(pairs.items()):
        scores = [e.goldstein for e in events if e.goldstein is not None]
        graph.add_edge(
            s,
            t,
            weight=len(events),
            goldstein=sum(scores) / len(scores) if scores else None,
            events=[e.id for e in events],
        )
    return graph
