"""Near-duplicates: the same wire story edited by two outlets, against different stories."""

import random
import time

import openpyxl
import pytest

from annotator.services.cleaning import NEAR_DUPLICATE_THRESHOLD, NearDuplicateIndex
from annotator.services.cleaning.duplicates import jaccard, shingles
from annotator.services.exports import export_xlsx
from annotator.services.importer import import_files
from annotator.store import Project

WIRE = [
    "Incendies dans le Var : 400 hectares brûlés, les pompiers toujours mobilisés",
    "TOULON (AFP) – Un incendie qui a parcouru environ 400 hectares de garrigue et de forêt dans "
    "le Var depuis jeudi après-midi n'était toujours pas fixé vendredi matin, a indiqué la "
    "préfecture, qui a fait évacuer plusieurs centaines de personnes pendant la nuit.",
    "Quelque 600 sapeurs-pompiers venus de toute la région étaient engagés sur le feu, appuyés "
    "par huit bombardiers d'eau Canadair et deux hélicoptères, selon le service départemental "
    "d'incendie et de secours (Sdis).",
    "« La nuit a été difficile, avec un vent qui a tourné plusieurs fois et des reprises de feu "
    "sur le flanc est », a déclaré le colonel Philippe Martin, qui dirige les opérations de "
    "secours. « Nous espérons fixer l'incendie dans la journée si le mistral faiblit comme "
    "prévu. »",
    "Le feu s'est déclaré vers 15 heures jeudi en bordure d'une route départementale entre "
    "Vidauban et Le Luc, pour une raison encore inconnue. Une enquête a été ouverte par le "
    "parquet de Draguignan pour déterminer son origine.",
    "Près de 800 habitants de deux lotissements et les clients d'un camping ont été évacués à "
    "titre préventif et hébergés dans des gymnases des communes voisines. Aucune habitation n'a "
    "été détruite, mais deux pompiers ont été légèrement blessés, a précisé la préfecture.",
    "Le préfet du Var, Jean Dupont, s'est rendu sur place dans la nuit. Il a appelé la "
    "population à la plus grande prudence et rappelé que l'accès aux massifs forestiers était "
    "interdit dans tout le département en raison d'un risque d'incendie jugé très sévère.",
    "Le département connaît depuis le début de l'été une sécheresse exceptionnelle, avec des "
    "précipitations inférieures de moitié aux normales de saison, selon Météo-France, qui a "
    "placé le Var en vigilance rouge canicule jusqu'à samedi.",
    "En 2021, l'incendie de Gonfaron, dans le même secteur, avait parcouru plus de 7 000 "
    "hectares et coûté la vie à deux personnes.",
    "bur-jp/fio/mm",
    "© 2025 AFP",
]
# The same dispatch in another outlet: a new headline, a sentence added, the last
# paragraph cut, another footer.
EDITED = [
    "Var : l'incendie toujours pas fixé, 800 personnes évacuées",
    *WIRE[1:5],
    WIRE[5] + " La circulation reste coupée sur l'autoroute A8 entre Le Cannet-des-Maures et "
    "Brignoles.",
    *WIRE[6:8],
    "Lire aussi : Sécheresse, les restrictions d'eau étendues à 60 départements",
    "Tous droits de reproduction réservés",
]
# A different story on the same fire, with the same facts and names.
OTHER = [
    "Feu dans le Var : la colère des habitants évacués",
    "VIDAUBAN – Dans le gymnase de Vidauban où ils ont passé la nuit sur des lits de camp, les "
    "habitants évacués jeudi soir attendaient vendredi de savoir s'ils pourraient rentrer chez "
    "eux, alors que l'incendie qui ravage le massif voisin n'était toujours pas maîtrisé.",
    "« On nous a dit de partir en dix minutes, j'ai juste pris les papiers et le chat », raconte "
    "Monique, 72 ans, qui habite depuis trente ans un lotissement en lisière de forêt.",
    "Le maire de Vidauban, Claire Lemoine, rejette les critiques. « Nous avons respecté toutes "
    "les obligations légales de débroussaillement », a-t-elle déclaré à la presse.",
    "Les pompiers, au nombre de 600, ont lutté toute la nuit contre les flammes, aidés au petit "
    "matin par des bombardiers d'eau. Selon la préfecture, le feu a déjà parcouru environ 400 "
    "hectares.",
]


def _text(paragraphs):
    return "\n\n".join(paragraphs) + "\n"


def _write(folder, name, paragraphs):
    path = folder / name
    path.write_text(_text(paragraphs), encoding="utf-8")
    return path


def test_an_edited_wire_story_is_near_and_a_story_on_the_same_event_is_not():
    from annotator.services.cleaning import clean_text

    wire, edited, other = (clean_text(_text(p), "fr").text for p in (WIRE, EDITED, OTHER))
    same_story = jaccard(shingles(wire), shingles(edited))
    same_topic = jaccard(shingles(wire), shingles(other))
    assert same_story >= NEAR_DUPLICATE_THRESHOLD
    assert same_topic < 0.05
    # Still the same story had the footer rules missed both footers.
    raw = jaccard(shingles(_text(WIRE)), shingles(_text(EDITED)))
    assert NEAR_DUPLICATE_THRESHOLD <= raw < same_story

    index = NearDuplicateIndex()
    index.add("wire", "Incendies dans le Var", wire)
    assert index.find(other) is None
    found = index.find(edited)
    assert found is not None and found.key == "wire"
    assert found.similarity == pytest.approx(same_story)


def test_near_duplicates_are_refused_by_default_and_flagged_when_allowed(tmp_path):
    wire = _write(tmp_path, "lemonde.txt", WIRE)
    edited = _write(tmp_path, "varmatin.txt", EDITED)
    other = _write(tmp_path, "nicematin.txt", OTHER)
    with Project.create(tmp_path / "p.annotator") as project:
        # A later import compares against what the project already holds.
        assert len(import_files(project, [wire]).imported) == 1
        report = import_files(project, [edited, other])
        assert [path for path, _title in report.imported] == [str(other)]
        (problem,) = report.skipped
        assert str(problem).startswith(
            f"{edited}: near-duplicate of 'Incendies dans le Var : 400 hectares brûlés, les "
            "pompiers toujours mobilisés' (similarity 0."
        )
        assert str(problem).endswith("; use --allow-near-duplicates to import it")
        assert report.rows() == [
            (str(edited), "skipped", problem.reason),
            (str(other), "imported", OTHER[0]),
        ]

        report = import_files(project, [edited], allow_near_duplicates=True)
        assert len(report.imported) == 1 and report.flagged[0][0] == str(edited)
        assert report.rows()[0][:2] == (str(edited), "flagged")
        assert "flagged" in report.lines()[0]
        stored = {a.source_file: a for a in project.iter_articles()}
        assert stored[str(edited)].near_duplicate_of == stored[str(wire)].id
        assert stored[str(other)].near_duplicate_of == ""

        # Exact duplicates stay refused, whatever the option.
        report = import_files(project, [wire], allow_near_duplicates=True)
        assert not report.imported and "same text" in report.skipped[0].reason

        out = export_xlsx(project, tmp_path / "study.xlsx")
    sheet = openpyxl.load_workbook(out)["articles"]
    header = [c.value for c in sheet[1]]
    column = header.index("near_duplicate_of")
    flags = {
        row[header.index("source_file")]: row[column]
        for row in sheet.iter_rows(2, values_only=True)
    }
    assert flags[str(edited)] == stored[str(wire)].id and not flags[str(wire)]


@pytest.mark.slow
def test_five_thousand_articles_of_600_words_are_checked_in_seconds():
    rng = random.Random(4)
    vocabulary = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyzéè", k=rng.randint(2, 10)))
                  for _ in range(20_000)]  # fmt: skip
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]  # Zipf, like real words
    texts = [" ".join(rng.choices(vocabulary, weights, k=600)) for _ in range(5_000)]
    for n in range(100):
        words = texts[n].split()
        words[100:120] = rng.choices(vocabulary, weights, k=25)
        texts.append(" ".join(words))
    started = time.perf_counter()
    index, found = NearDuplicateIndex(), 0
    for number, text in enumerate(texts):
        hashes = shingles(text)
        if index.find(hashes):
            found += 1
        else:
            index.add(str(number), "", hashes)
    elapsed = time.perf_counter() - started
    print(f"near-duplicate check of {len(texts)} articles: {elapsed:.2f} s")
    assert found == 100
    assert elapsed < 15
