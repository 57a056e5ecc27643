"""Real document files built in tests: minimal PDFs written by hand, DOCX zips, RTF."""

from __future__ import annotations

from pathlib import Path


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def write_pdf(path: Path, pages: list[list[str]], *, drawing_only: bool = False) -> Path:
    """A PDF with Helvetica text, one list of lines a page ("" leaves a paragraph gap).

    With ``drawing_only`` each page holds only a filled rectangle: no text layer,
    like a scanned page.
    """
    objects: list[bytes] = []
    page_ids: list[int] = []
    font_id = 3
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"")  # the page tree, filled in once the pages are known
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for lines in pages:
        if drawing_only:
            stream = b"0.2 0.2 0.2 rg 72 400 300 200 re f"
        else:
            parts = [b"BT /F1 11 Tf"]
            y = 760
            for line in lines:
                if line:
                    parts.append(b"1 0 0 1 72 %d Tm %s Tj" % (y, _pdf_string(line)))
                    y -= 14
                else:
                    y -= 10
            parts.append(b"ET")
            stream = b"\n".join(parts)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font_id, content_id)
        )
        page_ids.append(len(objects))
    kids = b" ".join(b"%d 0 R" % i for i in page_ids)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def write_encrypted_pdf(path: Path, source: Path, user_password: str = "secret") -> Path:
    """An encrypted copy of ``source`` (pypdf, as Acrobat would write it).

    With an empty ``user_password`` it opens without one: only printing or
    copying is restricted, as publishers often do.
    """
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def write_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    """A real Word document written by python-docx; the table, if any, comes last."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(str(path))
    return path


def replace_zip_member(path: Path, name: str, content: bytes) -> Path:
    """Rewrite one member of a zip (an Office file) in place."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    members[name] = content
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member, data in members.items():
            target.writestr(member, data)
    return path


def write_odt(path: Path, heading: str, paragraphs: list[str]) -> Path:
    """A real OpenDocument text file written by odfdo."""
    import odfdo

    document = odfdo.Document("text")
    document.body.append(odfdo.Header(1, heading))
    for text in paragraphs:
        document.body.append(odfdo.Paragraph(text))
    document.save(str(path))
    return path
