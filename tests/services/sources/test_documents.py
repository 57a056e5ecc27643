"""Word, OpenDocument, PDF, RTF and saved web pages: real files built here, good and bad."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from annotator.services.errors import FileProblem
from annotator.services.sources import office, read_article, read_path

from .document_builders import (
    replace_zip_member,
    write_docx,
    write_encrypted_pdf,
    write_odt,
    write_pdf,
)

TITLE = "Grève à Lyon : les agents cessent le travail"
P1 = (
    "LYON – Les agents municipaux ont cessé le travail mardi, a déclaré la syndicaliste"
    " Jeanne Roux."
)
P2 = "« Nous ne lâcherons rien », a-t-elle affirmé. “C’est un été difficile”, dit-elle."


def problem(path: Path) -> FileProblem:
    """The one FileProblem importing ``path`` gives; its message names the file."""
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], FileProblem), items
    assert str(items[0]) == f"{path}: {items[0].reason}"
    assert "\n" not in str(items[0])
    return items[0]


# --- Word and OpenDocument -------------------------------------------------------------


def test_docx_paragraphs_metadata_and_table(tmp_path):
    path = write_docx(
        tmp_path / "article.docx",
        [TITLE, "", "Outlet: Le Progrès", "Date: 2025-08-15", P1, "", P2],
        table=[["Encadré", "Chiffres clés"], ["300 grévistes", "12 services"]],
    )
    article = read_article(path)
    assert article.title == TITLE
    assert (article.outlet, article.date) == ("Le Progrès", "2025-08-15")
    assert article.text == "\n\n".join(
        [TITLE, P1, P2, "Encadré", "Chiffres clés", "300 grévistes", "12 services"]
    )


def test_odt_heading_and_paragraphs(tmp_path):
    path = write_odt(tmp_path / "article.odt", TITLE, [P1, P2])
    article = read_article(path)
    assert article.title == TITLE
    assert article.text == f"{TITLE}\n\n{P1}\n\n{P2}"


def test_pdf_renamed_docx_says_what_it_is(tmp_path):
    pdf = write_pdf(tmp_path / "real.pdf", [[TITLE]])
    path = tmp_path / "report.docx"
    path.write_bytes(pdf.read_bytes())
    assert problem(path).reason == "not a Word file (it looks like a PDF)"


def test_old_word_doc_renamed_docx(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    assert "old Word 97-2003 .doc; save it as .docx" in problem(path).reason


def test_zip_that_is_not_a_docx(tmp_path):
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8\xff" + bytes(100))
    assert problem(path).reason == "not a Word file (a zip archive without a document in it)"


def test_truncated_docx(tmp_path):
    whole = write_docx(tmp_path / "whole.docx", [TITLE, P1]).read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(whole[: len(whole) // 2])
    assert problem(path).reason.startswith("damaged file: not a readable zip archive")


def test_docx_missing_its_parts(tmp_path):
    path = write_docx(tmp_path / "broken.docx", [TITLE, P1])
    with zipfile.ZipFile(path) as source:
        kept = {n: source.read(n) for n in source.namelist() if n != "[Content_Types].xml"}
    with zipfile.ZipFile(path, "w") as target:
        for name, data in kept.items():
            target.writestr(name, data)
    assert problem(path).reason.startswith("damaged Word file (")


def test_xlsx_renamed_docx(tmp_path):
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert problem(path).reason == "not a Word file (it is an Excel workbook)"


_XXE_DOCUMENT = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>Titre</w:t></w:r></w:p><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body>
</w:document>"""


def _passwd_lines() -> list[str]:
    try:
        return [line for line in Path("/etc/passwd").read_text().splitlines() if line.strip()]
    except OSError:
        return ["root:x:0:0"]


def test_docx_with_external_entity_is_refused_without_reading_the_target(tmp_path):
    path = write_docx(tmp_path / "xxe.docx", [TITLE, P1])
    replace_zip_member(path, "word/document.xml", _XXE_DOCUMENT)
    found = problem(path)
    assert found.reason.startswith("refused: word/document.xml declares XML entities")
    assert not any(line in str(found) for line in _passwd_lines())


def test_utf16_xxe_is_seen_too(tmp_path):
    path = write_docx(tmp_path / "xxe16.docx", [TITLE, P1])
    utf16 = _XXE_DOCUMENT.replace(b'encoding="UTF-8"', b'encoding="UTF-16"')
    replace_zip_member(path, "word/document.xml", utf16.decode().encode("utf-16"))
    assert problem(path).reason.startswith("refused: word/document.xml declares XML entities")


@pytest.mark.parametrize("padding", [b"<!--" + b"x" * 8192 + b"-->\n", b" " * 100_000])
def test_a_doctype_after_a_long_prolog_is_seen_too(tmp_path, padding):
    # Comments and spaces may come before the DOCTYPE: the whole prolog is read.
    path = write_docx(tmp_path / "padded.docx", [TITLE, P1])
    declaration, rest = _XXE_DOCUMENT.split(b"\n", 1)
    replace_zip_member(path, "word/document.xml", declaration + b"\n" + padding + rest)
    found = problem(path)
    assert found.reason.startswith("refused: word/document.xml declares XML entities")
    assert not any(line in str(found) for line in _passwd_lines())


def test_odt_with_external_entity_is_refused(tmp_path):
    path = write_odt(tmp_path / "xxe.odt", TITLE, [P1])
    content = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        b' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        b"<text:p>&xxe;</text:p></office:text></office:body></office:document-content>"
    )
    replace_zip_member(path, "content.xml", content)
    found = problem(path)
    assert found.reason.startswith("refused: content.xml declares XML entities")
    assert not any(line in str(found) for line in _passwd_lines())


def test_zip_bomb_inside_a_docx(tmp_path, monkeypatch):
    monkeypatch.setattr(office, "MAX_UNPACKED", 1024 * 1024)
    path = write_docx(tmp_path / "bomb.docx", [TITLE, P1])
    replace_zip_member(path, "word/media/padding.bin", bytes(3 * 1024 * 1024))
    assert problem(path).reason.startswith("refused: expands to 3 MB when unpacked")


def test_docx_without_text(tmp_path):
    path = write_docx(tmp_path / "blank.docx", ["", "   "])
    assert problem(path).reason == "empty file (no text in the document)"


FIXTURES = Path(__file__).parent / "fixtures" / "newsdb"
EXPORT_TITLES = [
    "Council approves new tram line after four-hour debate",
    "Le conseil régional adopte un plan pour les écoles rurales",
    "Harbour strike enters its third week",
    "Library to stay open late on Thursdays",
]


def _rtf_escape(line: str) -> str:
    out = []
    for ch in line:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?")
    return "".join(out)


def test_nexis_uni_word_export_is_split_into_its_articles(tmp_path):
    lines = (FIXTURES / "nexis_uni_docx.txt").read_text(encoding="utf-8").split("\n")
    path = write_docx(tmp_path / "Files (4).docx", lines)
    assert [a.title for a in read_path(path)] == EXPORT_TITLES


def test_nexis_uni_rtf_export_is_split_into_its_articles(tmp_path):
    lines = (FIXTURES / "nexis_uni_rtf.txt").read_text(encoding="utf-8").split("\n")
    path = tmp_path / "Files (4).rtf"
    body = "".join(_rtf_escape(line) + "\\par\n" for line in lines)
    path.write_text("{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}\n" + body + "}")
    assert [a.title for a in read_path(path)] == EXPORT_TITLES


# --- PDF -------------------------------------------------------------------------------


def test_pdf_text_layer_paragraphs_and_pages(tmp_path):
    path = write_pdf(
        tmp_path / "article.pdf",
        [
            [
                TITLE,
                "",
                "LYON – Les agents municipaux ont cessé le travail",
                "mardi, a déclaré la syndicaliste Jeanne Roux.",
                "",
                "1",
            ],
            ["« Nous ne lâcherons rien », a-t-elle affirmé (devant", "l’hôtel de ville).", "", "2"],
        ],
    )
    article = read_article(path)
    assert article.title == TITLE
    assert article.text == (
        f"{TITLE}\n\n{P1}\n\n"
        "« Nous ne lâcherons rien », a-t-elle affirmé (devant l’hôtel de ville)."
    )


def test_password_protected_pdf(tmp_path):
    plain = write_pdf(tmp_path / "plain.pdf", [[TITLE, "", P1]])
    path = write_encrypted_pdf(tmp_path / "locked.pdf", plain)
    assert problem(path).reason.startswith("password-protected PDF")


def test_pdf_restricted_by_its_owner_still_imports(tmp_path):
    plain = write_pdf(tmp_path / "plain.pdf", [[TITLE, "", P1]])
    path = write_encrypted_pdf(tmp_path / "restricted.pdf", plain, user_password="")
    assert read_article(path).text == f"{TITLE}\n\n{P1}"


def test_scanned_pdf_without_text_layer(tmp_path):
    path = write_pdf(tmp_path / "scan.pdf", [[], []], drawing_only=True)
    assert problem(path).reason == "no text layer (a scanned PDF? run OCR first)"


def test_blank_pdf_page(tmp_path):
    path = write_pdf(tmp_path / "blank.pdf", [[]])
    assert problem(path).reason == "no text layer (a scanned PDF? run OCR first)"


def test_truncated_pdf(tmp_path):
    whole = write_pdf(tmp_path / "whole.pdf", [[TITLE, "", P1]]).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[:60])
    assert problem(path).reason.startswith(("damaged PDF", "no text layer"))


def test_word_file_renamed_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(write_docx(tmp_path / "report.docx", [TITLE, P1]).read_bytes())
    assert problem(path).reason == "not a PDF (it looks like a Word file)"


def test_text_renamed_pdf(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_text("just some notes\n", encoding="utf-8")
    assert problem(path).reason == "not a PDF"


# --- RTF -------------------------------------------------------------------------------

RTF = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}"
    r"{\info{\title ignored}}"
    "\n"
    r"\f0\fs24 Gr\'e8ve \'e0 Lyon : les agents cessent le travail\par"
    "\n"
    r"\par Outlet: Le Progr\'e8s\par Date: 2025-08-15\par"
    "\n"
    r"\par LYON \endash  Les agents ont cess\'e9 le travail, a d\'e9clar\'e9 l\rquote \'e9lue.\par"
    "\n"
    r"{\b \ldblquote C\rquote est un \'e9t\'e9 difficile\rdblquote},"
    r" dit-elle \u8212? \'ab non \'bb.\par"
    "\n}"
)


def test_rtf_accents_paragraphs_and_metadata(tmp_path):
    path = tmp_path / "article.rtf"
    path.write_bytes(RTF.encode("ascii"))
    article = read_article(path)
    assert article.title == TITLE
    assert (article.outlet, article.date) == ("Le Progrès", "2025-08-15")
    assert article.text == (
        f"{TITLE}\n\nLYON – Les agents ont cessé le travail, a déclaré l’élue.\n\n"
        "“C’est un été difficile”, dit-elle — « non »."
    )


def test_rtf_without_text(tmp_path):
    path = tmp_path / "blank.rtf"
    path.write_bytes(rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\par\par}")
    assert problem(path).reason == "empty file (no text in the document)"


# --- Saved web pages -------------------------------------------------------------------

PAGE = f"""<!DOCTYPE html>
<!-- saved from url=(0052)https://www.exemple-journal.fr/politique/greve-lyon -->
<html lang="fr"><head><meta charset="{{charset}}">
<title>{TITLE} - Le Progrès Exemple</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="Le Progrès Exemple">
<meta name="author" content="Jeanne Roux">
<meta property="article:published_time" content="2025-08-15T09:30:00+02:00">
</head><body>
<header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li>
<li><a href="/sport">Sport et loisirs du week-end</a></li></ul></nav></header>
<div class="ad banner">Publicité : achetez la nouvelle voiture électrique maintenant</div>
<main><article>
<h1>{TITLE}</h1>
<p>{P1} Elle s’exprimait devant plusieurs centaines de personnes rassemblées place Bellecour.</p>
<p>{P2} Le mouvement pourrait durer jusqu’à la fin de la semaine selon les syndicats.</p>
<p>Le maire, Paul Martin, a répondu qu’il recevrait les représentants syndicaux jeudi.</p>
</article></main>
<aside class="related"><h3>À lire aussi</h3>
<ul><li><a href="/a">Les transports perturbés</a></li></ul></aside>
<section id="comments" class="comments"><h3>Commentaires</h3>
<div class="comment"><p>Marcel59 : encore une grève, quelle honte pour notre ville !</p></div>
</section>
<footer><p>© 2025 Le Progrès Exemple – Mentions légales</p></footer>
</body></html>
"""


@pytest.mark.parametrize(("suffix", "charset"), [(".html", "utf-8"), (".htm", "windows-1252")])
def test_saved_page_body_and_metadata(tmp_path, suffix, charset):
    path = tmp_path / f"page{suffix}"
    path.write_bytes(PAGE.replace("{charset}", charset).encode(charset))
    article = read_article(path)
    assert article.title == TITLE
    assert article.author == "Jeanne Roux"
    assert article.date == "2025-08-15"
    assert article.outlet == "Le Progrès Exemple"
    assert article.url == "https://www.exemple-journal.fr/politique/greve-lyon"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == TITLE
    assert paragraphs[1].startswith(P1) and paragraphs[2].startswith(P2)
    assert paragraphs[3].startswith("Le maire, Paul Martin")
    for noise in (
        "Accueil",
        "Sport et loisirs",
        "Publicité",
        "Marcel59",
        "Commentaires",
        "À lire aussi",
        "Mentions légales",
    ):
        assert noise not in article.text


def test_page_without_article_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Rien</title></head><body></body></html>", encoding="utf-8")
    assert problem(path).reason == "no article text found in the page"


def test_text_named_html(tmp_path):
    path = tmp_path / "notes.html"
    path.write_text("Just a note, no markup at all.\n", encoding="utf-8")
    assert problem(path).reason == "not a web page (no HTML markup in it)"


# --- Every format: empty and garbage ---------------------------------------------------

SUFFIXES = (".txt", ".html", ".htm", ".docx", ".odt", ".pdf", ".rtf")


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_zero_byte_file(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    assert problem(path).reason == "empty file (0 bytes)"


@pytest.mark.parametrize("suffix", (".txt", ".html", ".rtf"))
def test_blank_file(tmp_path, suffix):
    path = tmp_path / f"blank{suffix}"
    path.write_bytes(b" \r\n\n\t ")
    assert problem(path).reason == "empty file"


@pytest.mark.parametrize(
    ("suffix", "reason"),
    [
        (".txt", "binary data, not text"),
        (".html", "binary data, not text"),
        (".rtf", "not an RTF file (binary data)"),
        (".docx", "not a Word file (damaged, or another kind of file renamed)"),
        (".odt", "not an OpenDocument text file (damaged, or another kind of file renamed)"),
        (".pdf", "not a PDF"),
    ],
)
def test_binary_garbage(tmp_path, suffix, reason):
    path = tmp_path / f"garbage{suffix}"
    path.write_bytes(b"\x00\x07" + random.Random(7).randbytes(8192))
    assert problem(path).reason == reason


def test_merged_table_cells_are_read_once(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    grid = document.add_table(rows=2, cols=2)
    grid.cell(0, 0).merge(grid.cell(0, 1)).text = "Encadré sur deux colonnes"
    grid.cell(1, 0).text, grid.cell(1, 1).text = "gauche", "droite"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert read_article(path).text == f"{TITLE}\n\nEncadré sur deux colonnes\n\ngauche\n\ndroite"


@pytest.mark.parametrize(
    ("suffix", "limit_mb"),
    [(".txt", 20), (".html", 50), (".rtf", 50), (".docx", 200), (".pdf", 200)],
)
def test_too_large_files_are_refused_at_once(tmp_path, suffix, limit_mb):
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as handle:
        handle.truncate((limit_mb + 1) * 1024 * 1024)  # sparse: nothing is written
    assert problem(path).reason == f"too large ({limit_mb + 1}.0 MB; the limit is {limit_mb} MB)"
