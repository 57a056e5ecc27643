"""Wires the Actors tab to the window: highlighting in the reader and undoable edits."""

from __future__ import annotations

import copy
from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from annotator.core import GENDERS, Actor, Gender
from annotator.ui.actor_panel import (
    ActorEdit,
    ActorPanel,
    SplitDialog,
    actor_decision,
    ask_name,
    merged,
    renamed,
    split,
    with_gender,
)
from annotator.ui.spotlight import HIT, MENTION, QUOTE, clear_spotlight, search_hits, spotlight

if TYPE_CHECKING:
    from annotator.ui.host import WindowHost


class ActorActions(QObject):
    """Shows the current article's actors and carries out the coder's edits to them."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.panel = ActorPanel()
        self.panel.highlight.connect(self.highlight)
        self.panel.rename_button.clicked.connect(self.rename)
        self.panel.merge_button.clicked.connect(self.merge)
        self.panel.split_button.clicked.connect(self.split)
        self.panel.accept_button.clicked.connect(self.accept)
        self.panel.reject_button.clicked.connect(self.reject)
        self.panel.gender_menu.triggered.connect(
            lambda action: self.set_gender(action.data()) if action.data() in GENDERS else None
        )
        self.panel.key_action.connect(
            lambda action: self.accept() if action == "accept" else self.reject()
        )
        for key, slot in (
            ("F2", self.rename),
            ("Ctrl+M", self.merge),
        ):
            action = QAction(self.panel)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.panel.addAction(action)
        # Every do, undo and redo may have changed the actors.
        window.coding.stack.indexChanged.connect(self.panel.mark_stale)
        self.panel.stale.connect(self.refresh)

    def refresh(self) -> None:
        article = self.window.reader.article
        project = self.window.project
        if article is None or project is None:
            self.panel.set_actors([], {})
            return
        actors = project.actors(article.id)
        counts = Counter(q.actor_id for q in project.quotes(article.id) if q.actor_id)
        self.panel.set_actors(actors, dict(counts))
        self.window.tabs.setTabText(
            self.window.tabs.indexOf(self.panel), self.tr("Actors ({0})").format(len(actors))
        )

    def show_article(self) -> None:
        """A new article: its actors, and the words of the current search highlighted."""
        self.refresh()
        article = self.window.reader.article
        terms = self.window.navigator.terms
        if article is not None and terms:
            spotlight(
                self.window.reader,
                [(s, e, HIT) for s, e in search_hits(article.text, terms)],
            )
        else:
            clear_spotlight(self.window.reader)

    def highlight(self, actors: list[Actor]) -> None:
        """Every mention and quote of the actors picked, in the reader."""
        reader = self.window.reader
        project = self.window.project
        if not actors or project is None or reader.article is None:
            clear_spotlight(reader)
            return
        ids = {a.id for a in actors}
        spans = [(m.start, m.end, MENTION) for a in actors for m in a.mentions]
        spans += [
            (q.start, q.end, QUOTE) for q in project.quotes(reader.article.id) if q.actor_id in ids
        ]
        shown = spotlight(reader, spans)
        self.window.statusBar().showMessage(
            self.tr("{0} mention(s) and quote(s) highlighted").format(shown), 4000
        )

    # -- edits -----------------------------------------------------------------------------

    def _current(self) -> tuple[str, list[Actor]] | None:
        article = self.window.reader.article
        if article is None or self.window.project is None:
            return None
        return article.id, self.window.project.actors(article.id)

    def accept(self) -> bool:
        """Confirm the selected machine actors as they are."""
        current = self._current()
        chosen = [a for a in self.panel.selected() if a.source == "machine"]
        if current is None or not chosen:
            return False
        article_id, actors = current
        ids = {a.id for a in chosen}
        after = copy.deepcopy(actors)
        for actor in after:
            if actor.id in ids:
                actor.source = "coder"
        coder = self.window.settings.coder
        decisions = [actor_decision(a, coder, "accepted", a) for a in chosen]
        command = ActorEdit(
            self.window.coding,
            self.tr("accept %n actor(s)", "", len(chosen)),
            article_id,
            after,
            decisions=[d for d in decisions if d is not None],
        )
        return self.window.coding.run(command)

    def set_gender(self, gender: Gender) -> bool:
        """Give the selected persons a gender (undoable; a decision on machine actors)."""
        current = self._current()
        chosen = [a for a in self.panel.selected() if a.type == "PERSON"]
        if current is None or not chosen:
            return False
        article_id, actors = current
        after = with_gender(actors, {a.id for a in chosen}, gender)
        coder = self.window.settings.coder
        results = {a.id: a for a in after}
        decisions = [actor_decision(a, coder, "corrected", results[a.id]) for a in chosen]
        return self.window.coding.run(
            ActorEdit(
                self.window.coding,
                self.tr("set gender of %n actor(s)", "", len(chosen)),
                article_id,
                after,
                decisions=[d for d in decisions if d is not None],
            )
        )

    def reject(self) -> bool:
        """Remove the selected actors; their quotes keep their speaker name but no actor."""
        current = self._current()
        chosen = self.panel.selected()
        if current is None or not chosen:
            return False
        article_id, actors = current
        ids = {a.id for a in chosen}
        coder = self.window.settings.coder
        decisions = [actor_decision(a, coder, "rejected") for a in chosen]
        command = ActorEdit(
            self.window.coding,
            self.tr("reject %n actor(s)", "", len(chosen)),
            article_id,
            [a for a in actors if a.id not in ids],
            relink=lambda actor_id: None if actor_id in ids else actor_id,
            decisions=[d for d in decisions if d is not None],
        )
        return self.window.coding.run(command)

    def rename(self) -> None:
        chosen = self.panel.selected()
        current = self._current()
        if len(chosen) != 1 or current is None:
            return
        name = ask_name(self.window, self.tr("Rename actor"), chosen[0].name)
        if name:
            self.rename_to(chosen[0].id, name)

    def rename_to(self, actor_id: str, name: str) -> bool:
        current = self._current()
        if current is None:
            return False
        article_id, actors = current
        after = renamed(actors, actor_id, name)
        before = next(a for a in actors if a.id == actor_id)
        result = next(a for a in after if a.id == actor_id)
        decision = actor_decision(before, self.window.settings.coder, "corrected", result)
        return self.window.coding.run(
            ActorEdit(
                self.window.coding,
                self.tr("rename actor to {0}").format(name),
                article_id,
                after,
                decisions=[decision] if decision is not None else [],
            )
        )

    def merge(self) -> None:
        chosen = self.panel.selected()
        if len(chosen) < 2:
            return
        longest = max(chosen, key=lambda a: (len(a.name), len(a.mentions)))
        name = ask_name(self.window, self.tr("Merge actors"), longest.name)
        if name:
            self.merge_into(chosen[0].id, [a.id for a in chosen[1:]], name)

    def merge_into(self, keep_id: str, others: list[str], name: str) -> bool:
        current = self._current()
        if current is None:
            return False
        article_id, actors = current
        after = merged(actors, keep_id, others, name)
        gone = set(others)
        command = ActorEdit(
            self.window.coding,
            self.tr("merge {0} actors as {1}").format(len(others) + 1, name),
            article_id,
            after,
            relink=lambda actor_id: keep_id if actor_id in gone else actor_id,
        )
        return self.window.coding.run(command)

    def split(self) -> None:
        chosen = self.panel.selected()
        if len(chosen) != 1:
            return
        dialog = SplitDialog(chosen[0], self.window)
        if dialog.exec() and dialog.moved() and dialog.name.text().strip():
            self.split_off(chosen[0].id, dialog.moved(), dialog.name.text().strip())

    def split_off(self, actor_id: str, moved: list, name: str) -> bool:
        current = self._current()
        if current is None:
            return False
        article_id, actors = current
        after, new = split(actors, actor_id, moved, name)
        # A quote whose speaker mention moved goes with it.
        project = self.window.project
        assert project is not None
        moved_spans = {(m.start, m.end) for m in moved}
        speakers = {
            (q.start, q.end)
            for q in project.quotes(article_id)
            if (q.speaker_start, q.speaker_end) in moved_spans
        }
        links = project.quote_links(article_id)
        command = ActorEdit(
            self.window.coding, self.tr("split {0} off").format(name), article_id, after
        )
        command.links_before = links
        command.before = actors
        command.links_after = {
            span: (new.id if span in speakers else actor) for span, actor in links.items()
        }
        return self.window.coding.run(command)
