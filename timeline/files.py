"""Writing outputs safely: every file atomically, and a set of files swapped in together at the end."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from types import TracebackType

from .errors import OutputError


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Staging:
    """A hidden folder inside ``out`` where a build's files are written before they replace the old ones.

    On success every staged file is renamed into ``out``; on any error the staging folder is removed
    and ``out`` keeps its previous files untouched.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.folder = out

    def __enter__(self) -> Staging:
        if self.out.exists() and not self.out.is_dir():
            raise OutputError(str(self.out), "exists and is not a folder")
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            self.folder = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.out))
        except OSError as err:
            raise OutputError(str(self.out), f"cannot write: {err.strerror or err}") from err
        return self

    def path(self, name: str) -> Path:
        return self.folder / name

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            if kind is None:
                for staged in sorted(self.folder.iterdir()):
                    os.replace(staged, self.out / staged.name)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
