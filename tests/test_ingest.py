"""Reading articles: each input format, and every kind of bad input named with its problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.ingest import read_inputs, split_front_matter

BODY = "Egypt rejected the proposal on Tuesday.\n"


def read(*paths: Path, default_date: str | None = None):
    return list(read_inputs(paths, default_date=default_date))


def test_text_file_with_front_matter_keeps_body_offsets(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        f"---\ntitle: Cairo talks\ndate: 2025-03-03\nurl: https://example.org/a\nid: x1\n---\n{BODY}"
    )
    [(outcome, doc)] = read(path)
    assert outcome.status == "read"
    assert doc is not None
    assert (doc.id, doc.title, doc.date, doc.url, doc.date_basis) == (
        "x1",
        "Cairo talks",
        "2025-03-03",
        "https://example.org/a",
        "metadata",
    )
    assert doc.text == BODY
    assert doc.text[0:5] == "Egypt"


def test_plain_text_takes_its_id_from_the_path_and_title_from_the_first_line(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "b.txt").write_text("Talks stall\n\n" + BODY)
    [(_, doc)] = read(tmp_path)
    assert doc is not None
    assert (doc.id, doc.title, doc.date) == ("news/b", "Talks stall", None)


def test_utf8_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + BODY.encode())
    [(_, doc)] = read(path)
    assert doc is not None and doc.text == BODY


def test_jsonl_reads_each_line_and_names_the_bad_one(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    good = {"id": "7", "title": "t", "date": "2010-06-08", "url": "u", "text": BODY}
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({**good, "id": "8"}) + "\n")
    items = read(path)
    assert [(o.source, o.status) for o, _ in items] == [
        (f"{path}:1", "read"),
        (f"{path}:2", "skipped"),
        (f"{path}:3", "read"),
    ]
    assert "invalid JSON" in items[1][0].reason
    assert [d.id for _, d in items if d] == ["7", "8"]


def test_json_file_holds_one_article_or_a_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": 1, "text": BODY}))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "m1", "text": BODY}, {"id": "m2", "text": BODY}]))
    ids = [d.id for _, d in read(one, many) if d]
    assert ids == ["1", "m1", "m2"]


def test_folders_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ["b/2.txt", "a/1.txt", "c.md", "a/0.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BODY)
    assert [d.id for _, d in read(tmp_path) if d] == ["a/0", "a/1", "b/2", "c"]


def test_default_date_fills_only_articles_without_one(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        json.dumps({"id": "1", "text": BODY, "date": "2010-01-01"})
        + "\n"
        + json.dumps({"id": "2", "text": BODY})
        + "\n"
    )
    docs = [d for _, d in read(path, default_date="2025-03-03") if d]
    assert [(d.date, d.date_basis) for d in docs] == [("2010-01-01", "metadata"), ("2025-03-03", "option")]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "no text"),
        ("blank.txt", b"  \n\n", "no text"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("front.md", b"---\ntitle: x\nthis line has no colon\n---\nbody", "malformed front matter at line 3"),
        ("open.md", b"---\ntitle: x\nurl: y\n", "no closing '---' line"),
        ("bad.json", b'{"id": 1, "text": ', "invalid JSON"),
        ("notext.json", b'{"id": 1, "title": "t"}', "no 'text' string"),
        ("emptytext.jsonl", b'{"id": 1, "text": "  "}\n', "no text"),
        ("list.jsonl", b"[1, 2]\n", "expected a JSON object"),
        ("image.png", b"\x89PNG", "unsupported file type '.png'"),
    ],
)
def test_bad_input_is_skipped_with_its_problem(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    good = tmp_path / "zz-good.txt"
    good.write_text(BODY)
    items = read(path, good)
    skipped = [o for o, d in items if d is None]
    assert len(skipped) == 1
    assert str(path) in skipped[0].source
    assert problem in skipped[0].reason
    assert [d.id for _, d in items if d] == ["zz-good"]


def test_latin1_text_is_read_as_windows_1252_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 talks \u2013 Egypt\n".encode("cp1252"))
    [(outcome, doc)] = read(path)
    assert doc is not None and doc.text == "Caf\xe9 talks \u2013 Egypt\n"
    assert outcome.warnings == ("not valid UTF-8 (byte 0xe9 at offset 3); read as Windows-1252",)


def test_utf16_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(BODY.encode("utf-16"))
    [(_, doc)] = read(path)
    assert doc is not None and doc.text == BODY


def test_links_are_accounted_for(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text(BODY)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop").symlink_to(tmp_path)
    outcomes = {Path(o.source).name: (o.status, o.reason) for o, _ in read(tmp_path)}
    assert outcomes == {
        "dangling.txt": ("skipped", "dangling symbolic link"),
        "loop": ("skipped", "symbolic link to a folder, not followed"),
        "real.txt": ("read", ""),
    }


def test_a_date_that_is_not_a_date_is_ignored_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\ndate: last Tuesday\n---\n{BODY}")
    [(outcome, doc)] = read(path)
    assert doc is not None and doc.date is None
    assert outcome.status == "read"
    assert outcome.warnings == ("date 'last Tuesday' is not a date (YYYY-MM-DD); ignored",)


def test_missing_path_and_empty_folder_are_accounted_for(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    items = read(tmp_path / "nope.txt", tmp_path / "empty")
    assert [(o.status, o.reason) for o, _ in items] == [
        ("skipped", "no such file or folder"),
        ("skipped", "folder holds no files"),
    ]


def test_duplicate_ids_are_skipped_after_the_first(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps({"id": "1", "text": BODY}) for _ in range(2)) + "\n")
    outcomes = [o for o, _ in read(path)]
    assert [o.status for o in outcomes] == ["read", "skipped"]
    assert outcomes[1].reason == f"duplicate id '1' (already read from {path}:1)"


def test_front_matter_split_keeps_the_body_as_given() -> None:
    meta, body = split_front_matter("---\r\ntitle: 'A: B'\r\n---\r\nText\r\n", "x.md")
    assert meta == {"title": "A: B"}
    assert body == "Text\r\n"


def test_front_matter_error_names_the_file() -> None:
    with pytest.raises(InputError, match=r"^x\.md: malformed front matter"):
        split_front_matter("---\nno colon\n---\n", "x.md")


def test_lone_surrogates_are_replaced_one_for_one(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "s", "text": "Egypt \\udfff rejected it."}\n')
    [(outcome, doc)] = read(path)
    assert doc is not None and doc.text == "Egypt \ufffd rejected it."
    assert outcome.warnings == ("text holds lone surrogates (invalid Unicode); each replaced by U+FFFD",)


def test_a_100000_line_jsonl_file_streams(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    with path.open("w") as handle:
        for i in range(100_000):
            handle.write(json.dumps({"id": str(i), "text": "Egypt rejected it."}) + "\n")
    items = read_inputs([path])
    first, _ = next(items)  # the first article arrives before the rest of the file is read
    assert first.source == f"{path}:1"
    assert sum(1 for _ in items) == 99_999


def test_a_folder_of_20000_small_files_is_read_in_order(tmp_path: Path) -> None:
    for i in range(20_000):
        (tmp_path / f"{i:05d}.txt").write_text("Egypt rejected it.\n")
    ids = [d.id for _, d in read(tmp_path) if d]
    assert len(ids) == 20_000
    assert ids[:2] == ["00000", "00001"] and ids[-1] == "19999"


def test_a_file_that_disappears_mid_run_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text(BODY)
    real = Path.read_bytes

    def vanishing(self: Path) -> bytes:
        if self.name == "a.txt":  # deleted after the folder was listed
            self.unlink()
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", vanishing)
    outcomes = [(Path(o.source).name, o.status, o.reason) for o, _ in read(tmp_path)]
    assert outcomes == [("a.txt", "skipped", "cannot read: No such file or directory"), ("b.txt", "read", "")]
