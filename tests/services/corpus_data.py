"""A handful of small, distinct articles for the corpus tests (three outlets, three months)."""

from __future__ import annotations

from pathlib import Path

#: The small pipelines, for speed (the English default is already the small one).
PIPELINES = {"fr": "fr_core_news_sm"}

ARTICLES = [
    (
        "Le maire défend son budget",
        "Le Courrier du Nord",
        "2024-01-12",
        "Mme Claire Dubois, maire de Lille, a défendu mardi un budget en hausse de 4 %. "
        "« Nous investissons dans les écoles avant tout », a déclaré Claire Dubois devant "
        "le conseil municipal. L'opposition juge la dette trop lourde.",
    ),
    (
        "Grève dans les transports lillois",
        "Le Courrier du Nord",
        "2024-02-03",
        "Les conducteurs de bus ont cessé le travail samedi matin. « La direction refuse de "
        "négocier », a affirmé M. Paul Lefèvre, délégué syndical. Aucun métro ne circulait "
        "avant midi et les usagers attendaient sous la pluie.",
    ),
    (
        "La récolte de pommes s'annonce maigre",
        "La Gazette de l'Ouest",
        "2024-01-25",
        "Le gel d'avril a détruit une partie des vergers normands. Selon Marie Lambert, "
        "présidente de la chambre d'agriculture, la production baissera d'un tiers. Les "
        "cidreries craignent une saison difficile et des prix plus élevés.",
    ),
    (
        "Un nouveau musée à Rennes",
        "La Gazette de l'Ouest",
        "2024-03-08",
        "Le musée des arts numériques ouvrira ses portes en juin. « C'est un lieu pour toutes "
        "les générations », a expliqué sa directrice, Sophie Martin. Les travaux ont coûté "
        "douze millions d'euros financés par la région.",
    ),
    (
        "Council approves new cycle lanes",
        "The Morning Post",
        "2024-02-14",
        "Leeds councillors approved twelve kilometres of protected cycle lanes on Monday. "
        '"This will make our streets safer for children," said Mr David Clarke, the '
        "transport chairman. Shop owners fear the loss of parking spaces.",
    ),
    (
        "Hospital waiting times rise again",
        "The Morning Post",
        "2024-03-21",
        "Patients in Yorkshire waited longer for surgery this winter than at any time since "
        "records began. Dr Helen Ward, who leads the regional health board, said that staff "
        "shortages were to blame. The ministry promised extra funding.",
    ),
    (
        "Flood defences completed in York",
        "The Morning Post",
        "2024-01-30",
        "Engineers finished the new flood wall along the River Ouse last week. "
        '"We can finally sleep when it rains," said Margaret Hill, who lost her kitchen in '
        "the floods of 2015. The barrier cost forty million pounds.",
    ),
    (
        "Les bibliothèques ouvrent le dimanche",
        "Le Courrier du Nord",
        "2024-03-02",
        "Trois médiathèques de Roubaix accueilleront le public chaque dimanche dès avril. "
        "« Les familles nous le demandaient depuis longtemps », a indiqué Jean Moreau, "
        "adjoint à la culture. Six agents supplémentaires seront recrutés.",
    ),
]


def write_sources(folder: Path) -> list[Path]:
    """The articles as .txt files with their metadata, as `annotator import` reads them."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, (title, outlet, date, text) in enumerate(ARTICLES):
        path = folder / f"article-{number:02d}.txt"
        path.write_text(f"{title}\n\nOutlet: {outlet}\nDate: {date}\n\n{text}\n", encoding="utf-8")
        paths.append(path)
    return paths
