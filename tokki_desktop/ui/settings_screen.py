"""Settings (officers only): watched folders, automatic quarantine, the terminal key, this
terminal's idle lock and language. Contract-level choices (seal box, 西暦 in brackets, check
intervals) live on the contract record, one click away.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.scanner.result import REPRESENTATIVES_ALL, REPRESENTATIVES_SOLE_PROPRIETORS
from tokki_desktop.ui.language import LANGUAGE_NAMES, SUPPORTED
from tokki_desktop.ui.problems import show_problem
from tokki_desktop.ui.shown_path import shown_path
from tokki_desktop.ui.workspace import ScreenContext


class SettingsScreen(QWidget):
    """What an officer sets for the monitor and this terminal."""

    def __init__(self, context: ScreenContext) -> None:
        super().__init__()
        from tokki_desktop.monitor import settings

        self.setObjectName("settingsScreen")
        self._context = context
        self._lang = context.lang
        self.keyring_store: Any = None  # None: the OS keyring (tests give a memory store)

        # -- watched folders
        self.folders = QListWidget()
        self.folders.setObjectName("watchedFolders")
        add_folder = QPushButton(self.tr("&Add a folder…"))
        add_folder.setObjectName("addFolder")
        add_folder.clicked.connect(self.ask_folder)
        self.remove_folder_button = QPushButton(self.tr("&Stop watching"))
        self.remove_folder_button.setObjectName("removeFolder")
        self.remove_folder_button.clicked.connect(self.remove_selected_folder)
        folder_buttons = QHBoxLayout()
        folder_buttons.addWidget(add_folder)
        folder_buttons.addWidget(self.remove_folder_button)
        folder_buttons.addStretch(1)
        folders_box = QGroupBox(self.tr("Watched folders"))
        folders_layout = QVBoxLayout(folders_box)
        folders_layout.addWidget(QLabel(self.tr("Copies of personal data saved in these folders are detected. "
                                                "Removable media are always watched.")))
        folders_layout.addWidget(self.folders)
        folders_layout.addLayout(folder_buttons)

        # -- monitor
        self.auto_quarantine = QCheckBox(self.tr("&Quarantine personal data found on unregistered media at once"))
        self.auto_quarantine.setObjectName("autoQuarantine")
        self.auto_quarantine.setChecked(settings.auto_quarantine(context.session.ledger))
        self.auto_quarantine.toggled.connect(self._set_auto_quarantine)
        # Whose representative the scanner counts as a person (docs/DETECTION.md, "debatable").
        self.representatives = QComboBox()
        self.representatives.setObjectName("scannerRepresentatives")
        self.representatives.addItem(self.tr("Sole proprietors only (a corporation's representative acts "
                                             "in a public role)"), REPRESENTATIVES_SOLE_PROPRIETORS)
        self.representatives.addItem(self.tr("Every representative, corporations' too"), REPRESENTATIVES_ALL)
        self.representatives.setCurrentIndex(max(0, self.representatives.findData(
            settings.representatives(context.session.ledger))))
        self.representatives.currentIndexChanged.connect(self._set_representatives)
        representatives_label = QLabel(self.tr("&Representatives (代表者, 開設者) counted as persons:"))
        representatives_label.setBuddy(self.representatives)
        monitor_box = QGroupBox(self.tr("Monitor"))
        monitor_layout = QVBoxLayout(monitor_box)
        monitor_layout.addWidget(self.auto_quarantine)
        monitor_layout.addWidget(representatives_label)
        monitor_layout.addWidget(self.representatives)

        # -- terminal key
        self.key_status = QLabel("")
        self.key_status.setObjectName("terminalKeyStatus")
        self.key_status.setWordWrap(True)
        self.key_on = QPushButton(self.tr("&Turn on"))
        self.key_on.setObjectName("terminalKeyOn")
        self.key_on.clicked.connect(self.enable_terminal_key)
        self.key_off = QPushButton(self.tr("T&urn off"))
        self.key_off.setObjectName("terminalKeyOff")
        self.key_off.clicked.connect(self.disable_terminal_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_status, 1)
        key_row.addWidget(self.key_on)
        key_row.addWidget(self.key_off)
        key_box = QGroupBox(self.tr("Terminal key (lets the monitor start before anyone logs in)"))
        QVBoxLayout(key_box).addLayout(key_row)

        # -- this terminal
        from tokki_desktop.ui.desktop import ui_settings

        prefs = ui_settings(Path(context.session.data_dir))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idleMinutes")
        self.idle_minutes.setRange(1, 60)
        self.idle_minutes.setValue(int(str(prefs.value("idle_minutes", 5))))
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.valueChanged.connect(self._set_idle_minutes)
        self.language = QComboBox()
        self.language.setObjectName("settingsLanguage")
        for code in SUPPORTED:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(SUPPORTED.index(self._lang))
        terminal_box = QGroupBox(self.tr("This terminal"))
        form = QFormLayout(terminal_box)
        idle_label = QLabel(self.tr("&Lock after idle time:"))
        idle_label.setBuddy(self.idle_minutes)
        lang_label = QLabel(self.tr("Lan&guage:"))
        lang_label.setBuddy(self.language)
        form.addRow(idle_label, self.idle_minutes)
        form.addRow(lang_label, self.language)
        self.language.currentIndexChanged.connect(self._language_chosen)

        # -- contract
        contract_box = QGroupBox(self.tr("Contract"))
        contract_layout = QHBoxLayout(contract_box)
        note = QLabel(self.tr("The seal box on forms, the western year next to 和暦 and the check intervals "
                              "are fields of the contract record."))
        note.setWordWrap(True)
        open_contract = QPushButton(self.tr("Open the &contract record"))
        open_contract.clicked.connect(lambda: context.open_screen("registers", kind="contracts", record_id=1))
        open_media = QPushButton(self.tr("Open the &media register"))
        open_media.setObjectName("openMedia")
        # Registering a USB stick before use (Art. 6) is the most frequent settings errand.
        open_media.clicked.connect(lambda: context.open_screen("registers", kind="media"))
        contract_layout.addWidget(note, 1)
        contract_layout.addWidget(open_contract)
        contract_layout.addWidget(open_media)

        holder = QWidget()
        column = QVBoxLayout(holder)
        title = QLabel(self.tr("Settings"))
        title.setObjectName("screenTitle")
        column.addWidget(title)
        for box in (folders_box, monitor_box, key_box, terminal_box, contract_box):
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.refresh()

    def refresh(self) -> None:
        """Read the folders and the terminal key's state again."""
        from tokki_desktop.monitor import settings

        self.folders.clear()
        for row in settings.watched_folders(self._context.session.ledger):
            item = QListWidgetItem(f"{row['place']} — {shown_path(row['path'])}")
            item.setData(256, row["path"])
            self.folders.addItem(item)
        self.remove_folder_button.setEnabled(self.folders.count() > 0)
        on = self._context.session.header.slot_of_type("terminal") is not None
        self.key_status.setText(self.tr("On: the monitor can open the ledger at login through the OS keyring.")
                                if on else self.tr("Off: the monitor runs only while someone is logged in."))
        self.key_on.setEnabled(not on)
        self.key_off.setEnabled(on)

    # -- folders -------------------------------------------------------------------------------
    def ask_folder(self) -> None:
        """Pick a folder to watch."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder to watch"), str(Path.home()))
        if folder:
            self.add_folder(Path(folder))

    def add_folder(self, folder: Path) -> None:
        """Watch ``folder`` (audited; a running monitor picks it up within seconds)."""
        from tokki_desktop.monitor import settings

        try:
            settings.add_folder(self._context.session, folder)
        except Exception as exc:  # noqa: BLE001 - known errors explain themselves
            show_problem(self, exc, self._lang, "adding a watched folder")
        self.refresh()

    def remove_selected_folder(self) -> None:
        """Stop watching the selected folder (the record is closed, not deleted)."""
        from tokki_desktop.monitor import settings

        item = self.folders.currentItem() or self.folders.item(0)
        if item is None:
            return
        try:
            settings.remove_folder(self._context.session, Path(item.data(256)))
        except Exception as exc:  # noqa: BLE001
            show_problem(self, exc, self._lang, "removing a watched folder")
        self.refresh()

    def _set_auto_quarantine(self, on: bool) -> None:
        from tokki_desktop.monitor import settings

        try:
            settings.set_auto_quarantine(self._context.session, on)
        except Exception as exc:  # noqa: BLE001
            show_problem(self, exc, self._lang, "changing automatic quarantine")

    def _set_representatives(self, _index: int) -> None:
        from tokki_desktop.monitor import settings

        try:
            settings.set_representatives(self._context.session, str(self.representatives.currentData()))
        except Exception as exc:  # noqa: BLE001
            show_problem(self, exc, self._lang, "changing how representatives are counted")

    # -- terminal key --------------------------------------------------------------------------
    def enable_terminal_key(self) -> None:
        """Put a terminal secret in the OS keyring; say plainly when there is no keyring."""
        try:
            status = self._context.session.enable_terminal_slot(self.keyring_store)
        except Exception as exc:  # noqa: BLE001
            show_problem(self, exc, self._lang, "turning on the terminal key")
            return
        self.refresh()
        if not status.available:
            reason = status.reason_en if self._lang == "en" else status.reason_ja
            self.key_status.setText(self.tr("Not available on this terminal: %1 Passphrases keep working.")
                                    .replace("%1", reason))

    def disable_terminal_key(self) -> None:
        """Remove the terminal slot and its secret from the keyring."""
        try:
            self._context.session.disable_terminal_slot(self.keyring_store)
        except Exception as exc:  # noqa: BLE001
            show_problem(self, exc, self._lang, "turning off the terminal key")
        self.refresh()

    # -- this terminal -------------------------------------------------------------------------
    def _set_idle_minutes(self, minutes: int) -> None:
        from tokki_desktop.ui.desktop import ui_settings

        prefs = ui_settings(Path(self._context.session.data_dir))
        prefs.setValue("idle_minutes", minutes)
        prefs.sync()
        watcher = getattr(self.window(), "idle", None)
        if watcher is not None:
            watcher.idle_seconds = minutes * 60

    def _language_chosen(self, index: int) -> None:
        code = self.language.itemData(index)
        chooser = getattr(self.window(), "language_chosen", None)
        if chooser is not None and code != self._lang:
            chooser.emit(code)
