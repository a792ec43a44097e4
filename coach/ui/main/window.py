"""The main window: pick a routine, see its first stretch moving, its
exercises and how long it takes, and press Start."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach import APP_NAME
from coach.core.catalog.loader import Catalog, Routine
from coach.core.vocabulary import PosePhase
from coach.ui.figure.stage import FigureStage
from coach.ui.main.menus import MenuCommands, build_menus
from coach.ui.main.preview import preview_frame, routine_lines
from coach.ui.prompts import CautionBanner
from coach.ui.settings import AppSettings
from coach.ui.theme import keep_size_to_user
from coach.ui.wording import minutes_text

PREVIEW_FRAME_MS = 33
# The preview plays for this long after a routine is picked, then rests on the
# held pose: a window left open all day should not animate (and spend CPU) forever.
PREVIEW_PLAY_S = 30.0


class MainWindow(QMainWindow):
    start_requested = Signal(str)  # routine id
    history_requested = Signal()
    print_requested = Signal(str)  # routine id
    theme_chosen = Signal(str)
    mute_changed = Signal(bool)
    # The Routines menu and buttons; the app wires them to the editor.
    new_requested = Signal()
    duplicate_requested = Signal(str)  # routine id
    edit_requested = Signal(str)  # routine id (a user routine)
    delete_requested = Signal(str)  # routine id (a user routine); the editor asks first
    import_requested = Signal()
    export_requested = Signal(str)  # routine id

    def __init__(
        self, catalog: Catalog, settings: AppSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.settings = settings
        self._tips: dict[str, str] = {}
        self.setWindowTitle(APP_NAME)
        self.resize(1000, 680)
        settings.restore_geometry("main", self)
        self._preview_t = 0.0

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(16, 12, 16, 12)
        self.caution = CautionBanner(central)
        self.caution.setVisible(not settings.caution_seen)
        self.caution.acknowledged.connect(self._caution_seen)
        outer.addWidget(self.caution)
        body = QHBoxLayout()
        body.setSpacing(18)
        outer.addLayout(body, 1)

        self.routines = QListWidget(central)
        self.routines.setAccessibleName("Routines")
        self.routines.setToolTip("Choose a routine (Up/Down), then press Enter to start")
        font = self.routines.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.routines.setFont(font)
        self.routines.setMaximumWidth(300)
        self.routines.setSpacing(4)
        self._fill_routines()
        side = QVBoxLayout()
        side.addWidget(self.routines, 1)
        side.addLayout(self._routine_buttons(central))
        self.ownership = QLabel(central)  # says why Edit and Delete are off, without hovering
        self.ownership.setWordWrap(True)
        self.ownership.setMaximumWidth(300)
        self.ownership.setAccessibleName("Whether you can change this routine")
        side.addWidget(self.ownership)
        body.addLayout(side)

        detail = QVBoxLayout()
        self.title = QLabel(central)
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.9)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setAccessibleName("Routine name")
        self.description = QLabel(central)
        self.description.setWordWrap(True)
        self.description.setAccessibleName("Routine description")
        detail.addWidget(self.title)
        detail.addWidget(self.description)
        middle = QHBoxLayout()
        self.preview = FigureStage(central)
        self.preview.setMinimumSize(280, 260)
        self.preview.setAccessibleName("Preview of the first exercise")
        middle.addWidget(self.preview, 1)
        self.exercises = QLabel(central)
        self.exercises.setWordWrap(True)
        self.exercises.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.exercises.setAccessibleName("Exercises in this routine")
        middle.addWidget(self.exercises, 1)
        detail.addLayout(middle, 1)
        row = QHBoxLayout()
        self.duration = QLabel(central)
        self.duration.setAccessibleName("Estimated duration")
        dfont = self.duration.font()
        dfont.setPointSizeF(dfont.pointSizeF() * 1.3)
        self.duration.setFont(dfont)
        row.addWidget(self.duration, 1)
        self.start_button = QPushButton("Start", central)
        self.start_button.setAccessibleName("Start the routine")
        self.start_button.setToolTip("Start the selected routine (Ctrl+Return)")
        self.start_button.setDefault(True)
        self.start_button.setMinimumSize(160, 48)
        sfont = self.start_button.font()
        sfont.setPointSizeF(sfont.pointSizeF() * 1.4)
        sfont.setBold(True)
        self.start_button.setFont(sfont)
        self.start_button.clicked.connect(self._start)
        row.addWidget(self.start_button)
        detail.addLayout(row)
        body.addLayout(detail, 1)
        self.setCentralWidget(central)
        keep_size_to_user(self, 720, 480)

        self.menu_actions = build_menus(
            self,
            settings,
            MenuCommands(
                start=self.start_button.click,
                print_cards=self._print,
                quit=self.close,
                history=self.history_requested.emit,
                set_muted=self._set_muted,
                choose_theme=self.theme_chosen.emit,
                show_caution=self._show_caution_again,
                new_routine=self.new_requested.emit,
                duplicate_routine=lambda: self._emit_for(self.duplicate_requested),
                edit_routine=lambda: self._emit_for(self.edit_requested, user_only=True),
                delete_routine=lambda: self._emit_for(self.delete_requested, user_only=True),
                import_routine=self.import_requested.emit,
                export_routine=lambda: self._emit_for(self.export_requested),
            ),
        )
        self.routines.currentItemChanged.connect(self._on_selected)
        self.routines.itemActivated.connect(lambda _item: self._start())
        self._frames = QTimer(self)
        self._frames.setInterval(PREVIEW_FRAME_MS)
        self._frames.timeout.connect(self.step_preview)
        self._select(settings.last_routine)
        self._update_routine_buttons()
        self.routines.setFocus()  # Up/Down pick, Enter starts

    # -- the routine list ---------------------------------------------------------
    def _fill_routines(self) -> None:
        self.routines.clear()
        for routine in self.catalog.routines.values():
            mine = " · yours" if routine.user else ""
            item = QListWidgetItem(f"{routine.name}\n  about {self._minutes(routine)}{mine}")
            item.setData(Qt.ItemDataRole.UserRole, routine.id)
            item.setToolTip(routine.description)
            self.routines.addItem(item)

    def _routine_buttons(self, parent: QWidget) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(6)
        specs = (
            ("new", "&New…", "Make a new routine of your own (Ctrl+N)", self.new_requested.emit),
            ("duplicate", "D&uplicate", "Make an editable copy of this routine (Ctrl+D)",
             lambda: self._emit_for(self.duplicate_requested)),
            ("edit", "&Edit…", "Change this routine (Ctrl+E)",
             lambda: self._emit_for(self.edit_requested, user_only=True)),
            ("delete", "De&lete…", "Delete this routine (Delete)",
             lambda: self._emit_for(self.delete_requested, user_only=True)),
        )  # fmt: skip
        self.routine_buttons: dict[str, QPushButton] = {}
        for index, (key, text, tip, slot) in enumerate(specs):
            button = QPushButton(text, parent)
            button.setToolTip(tip)
            button.setAccessibleName(f"{text.replace('&', '').rstrip('…')} routine")
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            grid.addWidget(button, index // 2, index % 2)
            self.routine_buttons[key] = button
        return grid

    def refresh_routines(self, select_id: str = "") -> None:
        """Rebuild the list after a save, delete or import and select
        `select_id` (or the routine that was selected, or the first)."""
        current = self.current_routine
        keep = select_id or (
            current.id if current and current.id in self.catalog.routines else None
        )
        self.routines.blockSignals(True)
        self._fill_routines()
        self.routines.blockSignals(False)
        self._select(keep)
        self._on_selected()

    def _emit_for(self, signal: SignalInstance, *, user_only: bool = False) -> None:
        routine = self.current_routine
        if routine is not None and (routine.user or not user_only):
            signal.emit(routine.id)

    def _update_routine_buttons(self) -> None:
        routine = self.current_routine
        mine = routine is not None and routine.user
        why = "Shipped routines are read-only: Duplicate makes a copy you can edit."
        self.ownership.setText(
            "" if routine is None
            else "Your routine: Edit or Delete it." if mine
            else "A shipped routine: Duplicate it to make one you can change."
        )  # fmt: skip
        for key in ("edit", "delete"):
            button, action = self.routine_buttons[key], self.menu_actions[key]
            for control in (button, action):
                control.setEnabled(mine)
            tip = self._tips.setdefault(key, button.toolTip())
            button.setToolTip(tip if mine or routine is None else why)
            action.setStatusTip(tip if mine or routine is None else why)
            action.setToolTip(button.toolTip())
        for key in ("duplicate", "export"):
            self.menu_actions[key].setEnabled(routine is not None)
        self.routine_buttons["duplicate"].setEnabled(routine is not None)
        self.start_button.setEnabled(routine is not None)
        self.menu_actions["start"].setEnabled(routine is not None)
        self.menu_actions["print"].setEnabled(routine is not None)

    # -- selection --------------------------------------------------------------
    def _minutes(self, routine: Routine) -> str:
        return minutes_text(60 * round(self.catalog.estimated_seconds(routine) / 60) or 60)

    def _select(self, routine_id: str | None) -> None:
        for row in range(self.routines.count()):
            if self.routines.item(row).data(Qt.ItemDataRole.UserRole) == routine_id:
                self.routines.setCurrentRow(row)
                return
        if self.routines.count():
            self.routines.setCurrentRow(0)

    @property
    def current_routine(self) -> Routine | None:
        item = self.routines.currentItem()
        return (
            None if item is None else self.catalog.routines.get(item.data(Qt.ItemDataRole.UserRole))
        )

    def _on_selected(self, *_args: object) -> None:
        routine = self.current_routine
        self._update_routine_buttons()
        if routine is None:
            self._frames.stop()
            self.title.setText("No routines found" if not self.catalog.routines else "")
            self.description.setText("Press New to make a routine of your own.")
            self.exercises.clear()
            self.duration.clear()
            return
        self.settings.last_routine = routine.id
        self.title.setText(routine.name)
        self.description.setText(routine.description)
        self.exercises.setText("\n\n".join(routine_lines(self.catalog, routine)))
        often = f" · {routine.frequency.describe()}" if routine.frequency else ""
        self.duration.setText(
            f"About {self._minutes(routine)} · "
            f"{len(routine.items)} exercise{'s' if len(routine.items) != 1 else ''}{often}"
        )
        self._preview_t = 0.0
        self.step_preview()
        if self.isVisible():
            self._frames.start()

    @property
    def preview_playing(self) -> bool:
        """Whether the preview is moving (it rests after PREVIEW_PLAY_S)."""
        return self._frames.isActive()

    def step_preview(self) -> None:
        """The preview's next frame (its timer calls this every PREVIEW_FRAME_MS)."""
        routine = self.current_routine
        if routine is None or not routine.items:
            return
        exercise = self.catalog.exercise(routine.items[0].exercise)
        if self._preview_t >= PREVIEW_PLAY_S:
            self._frames.stop()
            self.preview.show_exercise(exercise, PosePhase.HOLD, 0.0)
            return
        phase, t = preview_frame(exercise, self._preview_t)
        self.preview.show_exercise(exercise, PosePhase(phase), t)
        self._preview_t += PREVIEW_FRAME_MS / 1000

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._preview_t = 0.0
        self._frames.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._frames.stop()
        super().hideEvent(event)

    # -- commands ---------------------------------------------------------------
    def _start(self) -> None:
        routine = self.current_routine
        if routine is not None:
            self.start_requested.emit(routine.id)

    def _print(self) -> None:
        routine = self.current_routine
        if routine is not None:
            self.print_requested.emit(routine.id)

    def _set_muted(self, muted: bool) -> None:
        self.settings.muted = muted
        self.mute_changed.emit(muted)

    def _caution_seen(self) -> None:
        self.settings.caution_seen = True

    def _show_caution_again(self) -> None:
        self.settings.caution_seen = False
        self.caution.show()

    def show_notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_geometry("main", self)
        super().closeEvent(event)
