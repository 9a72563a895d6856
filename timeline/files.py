"""Writing outputs safely: a build's files are staged, then each renamed into place atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from types import TracebackType

from .errors import OutputError


def check_folder(out: Path) -> None:
    """Fail early, before any parsing, when ``out`` cannot be an output folder."""
    if out.exists() and not out.is_dir():
        raise OutputError(str(out), "exists and is not a folder")


class Staging:
    """A hidden folder inside ``out`` where a build's files are written before they replace the old ones.

    On success every staged file is renamed into ``out``; on any error the staging folder is removed
    and ``out`` keeps its previous files untouched.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.folder = out

    def __enter__(self) -> Staging:
        check_folder(self.out)
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
