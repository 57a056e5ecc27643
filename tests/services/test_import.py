"""The import service on real files with the real pipelines."""

from annotator.services.importer import Progress, import_files
from annotator.store import Project


def _write_articles(folder, count):
    paths = []
    for n in range(count):
        path = folder / f"story-{n}.txt"
        path.write_text(
            f"Council vote number {n}\n\n"
            f'LEEDS – "We will decide on item {n} tonight," said council leader Sarah Collins.\n',
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def test_progress_is_reported_batch_by_batch_and_cancel_keeps_what_was_stored(tmp_path):
    paths = _write_articles(tmp_path, 5)
    seen: list[Progress] = []
    with Project.create(tmp_path / "p.annotator") as project:
        report = import_files(
            project,
            paths,
            progress=seen.append,
            is_cancelled=lambda: len(seen) >= 2,
            batch_size=2,
        )
        assert report.cancelled
        assert [(p.done, p.total) for p in seen] == [(2, 5), (4, 5)]
        assert len(report.imported) == 4
        assert project.article_count() == 4
        assert "cancelled" in report.lines()[-1]
        assert [status for _file, status, _detail in report.rows()] == ["imported"] * 4 + [
            "not imported"
        ]
        stored = project.articles()[0]
        assert project.quotes(stored.id)[0].speaker == "Sarah Collins"
        assert stored.language == "en"


def test_folders_are_walked_for_text_files(tmp_path):
    nested = tmp_path / "corpus" / "2025"
    nested.mkdir(parents=True)
    _write_articles(nested, 2)
    (nested / "notes.md").write_text("not an article")
    with Project.create(tmp_path / "p.annotator") as project:
        report = import_files(project, [tmp_path / "corpus"])
        assert len(report.imported) == 2 and not report.skipped


AFP_STORY = """\
Grève à la SNCF : le trafic perturbé ce week-end

Date: vendredi 15 août 2025
Outlet: Le Progrès

LYON (AFP) – Le trafic sera fortement perturbé samedi et dimanche sur les lignes TER de la \
région, a annoncé la SNCF vendredi, au lendemain de l'appel à la grève lancé par plusieurs \
syndicats de cheminots.

« Nous demandons une vraie négociation sur les salaires », a déclaré Marie Lefèvre, \
secrétaire régionale de la CGT-Cheminots.

Lire aussi : Les prix des billets de TGV augmentent de 3 % en 2026

La direction régionale a promis de publier les horaires dès samedi matin.

© 2025 AFP. Tous droits réservés.
"""


def test_import_cleans_normalizes_the_date_and_keeps_the_original(tmp_path):
    story = tmp_path / "greve.txt"
    story.write_text(AFP_STORY, encoding="utf-8")
    odd = tmp_path / "odd.txt"
    odd.write_text(
        "Bilan de l'été\n\nDate: été 2025\nLanguage: English\n\n"
        "PARIS – Le gouvernement a présenté son bilan, a indiqué le ministère.\n",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "p.annotator") as project:
        report = import_files(project, [story, odd])
        assert report.rows() == [
            (str(story), "imported", "Grève à la SNCF : le trafic perturbé ce week-end"),
            (
                str(odd),
                "imported",
                "Bilan de l'été; date 'été 2025' not understood, kept as written",
            ),
        ]
        assert report.lines() == [
            f"note {odd}: date 'été 2025' not understood, kept as written",
            "imported 2 article(s), skipped 0 file(s)",
        ]
        stored = {a.source_file: a for a in project.iter_articles()}

    article = stored[str(story)]
    assert article.date == "2025-08-15" and article.language == "fr"
    assert "LYON (AFP) – Le trafic" in article.text  # the dateline stays
    assert "Lire aussi" not in article.text and "©" not in article.text
    assert article.text.endswith("dès samedi matin.\n")
    assert "Tous droits réservés" in article.original_text
    assert "Lire aussi : Les prix" in article.original_text
    # Coders' offsets are into the cleaned text, which the suggestions also use.
    with Project.open(tmp_path / "p.annotator") as project:
        quotes = project.quotes(article.id)
        assert all(article.text[q.start : q.end] == q.text for q in quotes)
        said = {(q.kind, q.speaker) for q in quotes}
        assert ("direct", "Marie Lefèvre") in said
        # The report before « a annoncé la SNCF » is the company's, without marks.
        assert ("indirect", "SNCF") in said
    # A language given by the source is kept; the date it could not read is kept as written.
    assert stored[str(odd)].date == "été 2025" and stored[str(odd)].language == "en"
    assert stored[str(odd)].original_text == ""
