"""Reading drafts: TOML validation, relative media paths, CSV rows that fail alone, encodings, columns."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tonecheck.model import InputError
from tonecheck.sources import DraftSource, SourceError, decode, media_file, read_drafts, scheduler_platform

ROOT = Path(__file__).parent.parent
GIF = ROOT / "samples" / "media" / "strobe-4-per-second.gif"


def _drafts(path: Path, platform: str | None = None) -> list[DraftSource]:
    return list(read_drafts(str(path), platform=platform))


def _write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A content repo: drafts/ with a media/ folder holding a GIF."""
    media = tmp_path / "drafts" / "media"
    media.mkdir(parents=True)
    (media / "x.gif").write_bytes(GIF.read_bytes())
    return tmp_path


# -- media paths -----------------------------------------------------------------------------


def test_toml_media_paths_are_relative_to_the_draft_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = _write(folder / "drafts" / "post.toml", 'text = "Hi"\n[[media]]\npath = "media/x.gif"\nalt = "A cat"\n')
    monkeypatch.chdir(folder.parent)  # anywhere but the draft's folder
    [src] = _drafts(draft)
    assert src.error is None
    assert Path(str(src.media[0].path)) == folder / "drafts" / "media" / "x.gif"
    assert src.media[0].alt == "A cat"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("media/none.gif", "does not exist"),
        ("media", "is a folder, not a file"),
        ("https://example.org/x.gif", "is a web address"),
    ],
)
def test_toml_media_that_cannot_be_found_is_an_input_error(folder: Path, value: str, message: str) -> None:
    draft = _write(folder / "drafts" / "post.toml", f'text = "Hi"\n[[media]]\npath = "{value}"\n')
    with pytest.raises(SourceError) as caught:
        _drafts(draft)
    assert message in str(caught.value)
    assert str(draft) in str(caught.value)
    assert value.split("/")[-1] in str(caught.value)  # the message names the path


def test_unreadable_media_file_is_an_input_error(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = folder / "locked.png"
    locked.write_bytes(b"\x89PNG")

    def refuse(path: object, flags: int) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tonecheck.sources.os.open", refuse)  # as if chmod 000 (root ignores that)
    with pytest.raises(InputError, match=r"cannot read media file .*locked.png' \(Permission denied\)"):
        media_file(str(locked))


def test_media_file_absolute_paths_ignore_the_base(folder: Path) -> None:
    gif = folder / "drafts" / "media" / "x.gif"
    assert media_file(str(gif), folder / "elsewhere") == str(gif)


# -- TOML validation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('text = "Hi"\nplaform = "x"\n', "unknown key 'plaform'. Did you mean 'platform'?"),
        ('text = "Hi"\nalt_text = "A"\n', "unknown key 'alt_text'. An attachment's 'alt' goes in a [[media]] table."),
        ('text = "Hi"\nfile = "x.gif"\n', "An attachment's 'path' goes in a [[media]] table."),
        ('text = "Hi"\n[[media]]\nfile = "x.gif"\n', "[[media]] item 1: unknown key 'file'. Did you mean 'path'?"),
        ('text = "Hi"\n[[media]]\nkind = "image"\nalt_text = "A"\n', "unknown key 'alt_text'. Did you mean 'alt'?"),
        ('text = "Hi"\n[[media]]\nkind = "image"\nalts = "A"\n', "unknown key 'alts'. Did you mean 'alt'?"),
        ('text = 3\n', "'text' must be a string, not a number"),
        ('platform = "x"\n', "needs a 'text' string"),
        ('text = "Hi"\nplatform = ["x"]\n', "'platform' must be a string, not a list"),
        ('text = "Hi"\nplatform = "myspace"\n', "unknown platform 'myspace'"),
        ('text = "Hi"\ncontent_warning = true\n', "'content_warning' must be a string, not a boolean"),
        ('text = "Hi"\nmedia = "x.gif"\n', "'media' must be a list"),
        ('text = "Hi"\n[[media]]\nkind = "image"\nalt = 5\n', "'alt' must be a string, not a number"),
        ('text = "Hi"\n[[media]]\nkind = "image"\ncaptions = "yes"\n', "'captions' must be a boolean"),
        ('text = "Hi"\n[[media]]\nkind = "picture"\n', "unknown kind 'picture'"),
        ('text = "Hi"\n[[media]]\nalt = "A cat"\n', "needs a 'path' (the file) or a 'kind'"),
        ('text = "Hi\n', "not valid TOML"),
    ],
)
def test_toml_drafts_are_validated_like_config(tmp_path: Path, content: str, message: str) -> None:
    draft = _write(tmp_path / "post.toml", content)
    with pytest.raises(SourceError) as caught:
        _drafts(draft)
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{draft}: ")


def test_toml_draft_keeps_its_fields(tmp_path: Path) -> None:
    draft = _write(tmp_path / "post.toml", 'platform = "Mastodon"\ncontent_warning = "Food"\ntext = "Lunch"\n'
                   '[[media]]\nkind = "video"\ncaptions = true\n')
    [src] = _drafts(draft, platform="x")
    assert (src.platform, src.content_warning, src.text) == ("mastodon", "Food", "Lunch")
    assert src.media[0].kind == "video" and src.media[0].captions is True


@pytest.mark.parametrize(
    ("content", "origin"),
    [
        ('platform = "x"\ntext = "Hello #a"\n', (2, 9)),
        ("# comment\ntext = '''\nLine one\nLine two'''\n", (3, 1)),
        ('text = """Hello"""\n', (1, 11)),
        ('text = "Tab\\there"\n', None),  # an escape: positions are counted inside the text
    ],
)
def test_toml_text_origin_in_the_file(tmp_path: Path, content: str, origin: tuple[int, int] | None) -> None:
    [src] = _drafts(_write(tmp_path / "post.toml", content))
    assert src.origin == origin


# -- CSV rows --------------------------------------------------------------------------------


def test_csv_bad_rows_do_not_stop_the_batch(folder: Path) -> None:
    csv = _write(folder / "drafts" / "batch.csv", (
        "id,platform,images,text,alt1\n"
        "1,x,1,Good one,A cat\n"
        "2,myspace,0,Unknown platform,\n"
        "3,x,two,Bad count,\n"
        "4,x,1,Too many alts,A\n"
        "5,x,0,Alt but no images,B\n"
        "6,linkedin,0,Fine again,\n"
    ))
    rows = _drafts(csv)
    assert [r.row for r in rows] == [2, 3, 4, 5, 6, 7]
    errors = {r.row: r.error for r in rows if r.error}
    assert set(errors) == {3, 4, 6}
    assert "unknown platform 'myspace'" in str(errors[3])
    assert "whole number, not 'two'" in str(errors[4])
    assert "the images column says 0, but 1 alt text cells are filled in" in str(errors[6])
    assert rows[0].platform == "x" and rows[0].media[0].alt == "A cat"
    assert rows[-1].platform == "linkedin" and rows[-1].error is None


def test_csv_media_column_paths_are_relative_to_the_csv(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    csv = _write(folder / "drafts" / "batch.csv", (
        "text,media,alt1,alt2\n"
        'Two files,media/x.gif; media/x.gif,"A strobe",Another\n'
        "Pipe,media/x.gif|media/x.gif,,\n"
        "Missing,media/none.png,Alt,\n"
        "Folder,media,,\n"
        "Web,https://example.org/a.gif,,\n"
        "More alts than files,media/x.gif,A,B\n"
        "A count in the media column,2,,\n"
    ))
    monkeypatch.chdir(folder.parent)
    rows = _drafts(csv)
    first, pipe, missing, directory, web, extra, number = rows
    assert first.error is None and [m.alt for m in first.media] == ["A strobe", "Another"]
    assert all(Path(str(m.path)) == folder / "drafts" / "media" / "x.gif" for m in first.media)
    assert pipe.error is None and len(pipe.media) == 2 and pipe.media[0].alt is None
    assert "media file" in str(missing.error) and "none.png' does not exist" in str(missing.error)
    assert "is a folder" in str(directory.error)
    assert "web address" in str(web.error)
    assert "alt text is given for attachment 2, but the media column names 1 file" in str(extra.error)
    assert "use an 'images' column" in str(number.error)


def test_csv_row_numbers_are_where_each_record_starts(tmp_path: Path) -> None:
    csv = _write(tmp_path / "batch.csv", (
        "text,platform\n"
        '"Two\nlines",x\n'
        "\n"
        "After a blank line,x\n"
        ",\n"
        '"Three\nmore\nlines",x\n'
        "Last,x\n"
    ))
    rows = _drafts(csv)
    assert [(r.row, r.text.split("\n")[0]) for r in rows] == [(2, "Two"), (5, "After a blank line"), (7, "Three"),
                                                               (10, "Last")]
    assert rows[0].origin == (2, 2)  # after the opening quote
    assert rows[2].origin == (7, 2)


def test_csv_cell_with_doubled_quotes_has_no_origin(tmp_path: Path) -> None:
    [row] = _drafts(_write(tmp_path / "batch.csv", 'text\n"Say ""hi"""\n'))
    assert row.text == 'Say "hi"' and row.origin is None


def test_csv_semicolons_and_scheduler_columns(tmp_path: Path) -> None:
    csv = _write(tmp_path / "export.csv", (
        "Publish Date;Social Network;Post Text;Alt Text 1\n"
        "2026-12-01;X (Twitter);Hello, world;A cat\n"
        "2026-12-02;Instagram Business;Caption here;\n"
    ))
    first, second = _drafts(csv)
    assert (first.text, first.platform, first.tag, first.media[0].alt) == ("Hello, world", "x", "2026-12-01", "A cat")
    assert first.label == f"{csv}:2 (2026-12-01)"
    assert (second.platform, second.media) == ("instagram", ())


def test_csv_excel_sep_line(tmp_path: Path) -> None:
    [row] = _drafts(_write(tmp_path / "excel.csv", "sep=;\ntext;platform\nHello, world;x\n"))
    assert (row.text, row.platform, row.row, row.origin) == ("Hello, world", "x", 3, (3, 1))


@pytest.mark.parametrize("header", ["message_text", "Caption", "postText", "Body", "MESSAGE", "content", "Post Text"])
def test_csv_text_column_names(tmp_path: Path, header: str) -> None:
    [row] = _drafts(_write(tmp_path / "export.csv", f"{header},date\nHello,2026-12-01\n"))
    assert row.text == "Hello" and row.tag == "2026-12-01"


def test_csv_media_url_column_is_refused_per_row(tmp_path: Path) -> None:
    [row] = _drafts(_write(tmp_path / "publer.csv", "Date,Text,Media URL(s)\n2026-12-01,Hi,https://x.org/a.gif\n"))
    assert row.error is not None and "web address" in row.error  # "Media URL(s)" is the media column


def test_csv_without_a_text_column_names_the_columns(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"needs a text column.*found: 'title', 'date'"):
        _drafts(_write(tmp_path / "export.csv", "title,date\nhello,2024\n"))
    with pytest.raises(SourceError, match="Did you mean 'message'"):
        _drafts(_write(tmp_path / "export.csv", "mesage,date\nhello,2024\n"))
    with pytest.raises(SourceError, match="empty"):
        _drafts(_write(tmp_path / "export.csv", "\n\n"))


def test_csv_default_platform_fills_empty_cells(tmp_path: Path) -> None:
    rows = _drafts(_write(tmp_path / "b.csv", "text,platform\nA,\nB,bluesky\n"), platform="x")
    assert [r.platform for r in rows] == ["x", "bluesky"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Twitter", "x"),
        ("X (Twitter)", "x"),
        ("twitter.com", "x"),
        ("LinkedIn Page", "linkedin"),
        ("LinkedIn Company Page", "linkedin"),
        ("Linked In", "linkedin"),
        ("Facebook Page", "facebook"),
        ("Instagram Business", "instagram"),
        ("Instagram Professional Account", "instagram"),
        ("Threads", "threads"),
        ("Bluesky", "bluesky"),
        ("Mastodon", "mastodon"),
    ],
)
def test_scheduler_platform_names(value: str, expected: str) -> None:
    assert scheduler_platform(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("TikTok", "unknown platform 'TikTok'. Use one of:"),
        ("Twiter", "Did you mean 'twitter'?"),
        ("Instagram Reels", "Did you mean 'instagram'?"),  # a reel has other rules: not ours to guess
        ("Twitter, Facebook", "names several platforms (facebook, x)"),
        ("Facebook Page 2", "unknown platform"),
    ],
)
def test_scheduler_platform_refuses_what_is_not_clear(value: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        scheduler_platform(value)
    assert message in str(caught.value)


# -- encodings -------------------------------------------------------------------------------

CAFE = "text\nCafé “opening” – 5 €\n"


@pytest.mark.parametrize(
    "raw",
    [
        CAFE.encode("utf-8"),
        codecs.BOM_UTF8 + CAFE.encode("utf-8"),
        codecs.BOM_UTF16_LE + CAFE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + CAFE.encode("utf-16-be"),
        CAFE.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "cp1252"],
)
def test_encodings_that_are_clear(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes(raw)
    [row] = _drafts(path)
    assert row.text == "Café “opening” – 5 €"


@pytest.mark.parametrize(
    "raw",
    [
        "text\nПривет, мир\n".encode("cp1251"),  # Cyrillic: long runs of high bytes
        "text\nこんにちは\n".encode("shift_jis"),
        b"text\ncaf\x81\n",  # 0x81 is undefined in Windows-1252
        "text\nBrötchen\n".encode("mac_roman"),  # ö is 0x9A, Windows-1252's š
        b"t\x00e\x00x\x00t\x00",  # UTF-16 without a byte order mark
        # A UTF-8 em dash beside a Windows-1252 e-acute: as Windows-1252 the dash would read "â€”".
        b"text\nCaf\xe9 opens Monday \xe2\x80\x94 #newcafe\n",
    ],
    ids=["cp1251", "shift-jis", "undefined-byte", "mac-roman", "utf-16-no-bom", "issue-12: utf-8-and-cp1252-mixed"],
)
def test_encodings_that_are_unclear_say_how_to_save_as_utf8(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes(raw)
    with pytest.raises(SourceError, match=r'encoding is unclear.*"CSV UTF-8 \(Comma delimited\)".*Google Sheets'):
        _drafts(path)


def test_decode_text_files_hint_is_plain(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="Save it as UTF-8 text"):
        decode(b"caf\x81", "post.txt")


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read the file"):
        _drafts(tmp_path / "missing.txt")
    with pytest.raises(SourceError, match="a folder"):
        _drafts(tmp_path)
    bad = tmp_path / "post.toml"
    bad.write_bytes(b'text = "caf\xe9"\n')
    with pytest.raises(SourceError, match="must be UTF-8"):
        _drafts(bad)
