"""Before Qt starts: can its display plugin load here? If not, say what is missing.

Qt aborts the process (``qFatal``) when no platform plugin loads, and its one line of
reason names only the *first* library its loader tripped over (often the wrong one, the
cursor library, when half a dozen are missing). A new officer then sees nothing at all.
This module answers the question without starting Qt and without showing a window:

- Linux with the X11 plugin (``xcb``, Qt's default there): the plugin's ELF files are read
  (their ``DT_NEEDED`` libraries, followed through Qt's own libraries) and each system
  library is opened with the dynamic loader; what cannot be opened is reported with the
  Debian/Ubuntu package that provides it. No display → said so too.
- Any other platform (``offscreen`` for tests and CI, Wayland, Windows, macOS): nothing to
  check here; a fatal message Qt still prints is shown by :func:`report_fatal_qt_message`.

Only library names and package names are printed, never anything from the ledger.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

# Loaded with dlopen at run time by the xcb plugin (not in its DT_NEEDED), required since Qt 6.5.
_DLOPENED_BY_XCB = ("libxcb-cursor.so.0",)
_OWN_LIBRARY = re.compile(r"^lib(Qt6|pyside6|shiboken6|icu)", re.IGNORECASE)
# Libraries whose package does not follow the naming rule (glibc, zlib, GLib, the C++ runtime).
_PACKAGE_OF = {"libc": "libc6", "libm": "libc6", "libdl": "libc6", "libpthread": "libc6", "librt": "libc6",
               "ld-linux-x86-64": "libc6", "libz": "zlib1g", "libglib-2.0": "libglib2.0-0",
               "libgthread-2.0": "libglib2.0-0", "libstdc++": "libstdc++6", "libgcc_s": "libgcc-s1"}
_CANNOT_OPEN = re.compile(r"([^\s:]+\.so[.\d]*): cannot open shared object file")


@dataclass
class DisplayProblem:
    """Why no window can be shown, with what to do about it (Japanese and English)."""

    missing_libraries: list[str] = field(default_factory=list)
    no_display: bool = False

    def packages(self) -> list[str]:
        """Debian/Ubuntu package names for the missing libraries, in the same order."""
        return [debian_package(name) for name in self.missing_libraries]

    def message(self, lang: str) -> str:
        """Several lines: what is missing and the one command that installs it."""
        lines: list[str] = []
        if self.missing_libraries:
            libs = ", ".join(self.missing_libraries)
            if lang == "en":
                lines.append("Tokki Desktop cannot open its window: the system libraries Qt needs to "
                             f"draw on the screen (X11) are missing: {libs}.")
            else:
                lines.append("Tokki Desktop の画面を開けません。画面表示（X11）に必要なシステムライブラリが"
                             f"ありません: {libs}")
            command = install_command(self.packages())
            if command:
                lines.append(("Install them with:  " if lang == "en" else "次のコマンドでインストールしてください:  ")
                             + command)
            else:
                lines.append("Install them with your system's package manager." if lang == "en"
                             else "お使いのシステムのパッケージ管理ツールでインストールしてください。")
        if self.no_display:
            if lang == "en":
                lines.append("No screen is available (DISPLAY is not set). Start Tokki Desktop from the "
                             "desktop session, or run the tests with QT_QPA_PLATFORM=offscreen.")
            else:
                lines.append("表示できる画面がありません（DISPLAY が設定されていません）。デスクトップ画面から"
                             "起動してください。テストは QT_QPA_PLATFORM=offscreen で実行できます。")
        return "\n".join(lines)


def debian_package(soname: str) -> str:
    """The Debian package naming rule for a shared library: libfoo.so.1 → libfoo1,
    libfoo-x11.so.0 → libfoo-x11-0 (a dash when the name ends in a digit)."""
    match = re.match(r"^(?P<name>.+?)\.so\.(?P<major>\d+)", soname)
    if not match:
        return soname.split(".so")[0].lower()
    if match["name"] in _PACKAGE_OF:
        return _PACKAGE_OF[match["name"]]
    name, major = match["name"].lower(), match["major"]
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def install_command(packages: Iterable[str]) -> str:
    """``sudo apt-get install …`` on Debian/Ubuntu; empty where apt is not the package manager."""
    names = list(dict.fromkeys(packages))
    if not names or shutil.which("apt-get") is None:
        return ""
    return "sudo apt-get install " + " ".join(names)


def chosen_platform(env: Mapping[str, str], system: str = sys.platform) -> str:
    """The platform plugin Qt will try first (what matters for the check)."""
    forced = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if forced:
        return forced
    if not system.startswith("linux"):
        return "native"
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        return "wayland"
    return "xcb"


def _plugin_dir() -> Path:
    import PySide6  # only the package's folder; Qt itself is not loaded

    return Path(PySide6.__file__).resolve().parent / "Qt"


def needed_libraries(elf_file: Path, qt_lib_dir: Path) -> list[str]:
    """System libraries an ELF file needs, followed through Qt's own libraries (in order)."""
    from elftools.elf.dynamic import DynamicSection
    from elftools.elf.elffile import ELFFile

    seen_files: set[Path] = set()
    system: list[str] = []
    pending = [elf_file]
    while pending:
        current = pending.pop(0)
        if current in seen_files or not current.is_file():
            continue
        seen_files.add(current)
        with current.open("rb") as stream:
            for section in ELFFile(stream).iter_sections():
                if not isinstance(section, DynamicSection):
                    continue
                for tag in section.iter_tags():
                    if tag.entry.d_tag != "DT_NEEDED":
                        continue
                    name = tag.needed
                    if _OWN_LIBRARY.match(name):
                        pending.append(qt_lib_dir / name)
                    elif name not in system:
                        system.append(name)
    return system


def _try_open(name: str) -> str | None:
    """None when the loader opens ``name``; else the library it could not find."""
    try:
        ctypes.CDLL(name)
    except OSError as exc:
        found = _CANNOT_OPEN.search(str(exc))
        return found.group(1) if found else name
    return None


def missing_libraries(libraries: Iterable[str], opener: Callable[[str], str | None] = _try_open) -> list[str]:
    """The libraries (or their own dependencies) the dynamic loader cannot open."""
    missing: list[str] = []
    for name in libraries:
        lost = opener(name)
        if lost and lost not in missing:
            missing.append(lost)
    return missing


def check_display(env: Mapping[str, str] | None = None, system: str = sys.platform) -> DisplayProblem | None:
    """None when Qt's platform plugin should load; else what is missing. Never starts Qt."""
    env = os.environ if env is None else env
    if chosen_platform(env, system) != "xcb":
        return None
    qt = _plugin_dir()
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return None  # a build without the plugin: Qt's own message says so
    wanted = needed_libraries(plugin, qt / "lib") + list(_DLOPENED_BY_XCB)
    problem = DisplayProblem(missing_libraries=missing_libraries(wanted), no_display=not env.get("DISPLAY"))
    return problem if problem.missing_libraries or problem.no_display else None


def tell_user(text: str) -> None:
    """Print the message; on Windows (no console for a GUI app) show it in a message box too."""
    print(text, file=sys.stderr, flush=True)
    if os.name == "nt":
        try:
            ctypes.windll.user32.MessageBoxW(None, text, "Tokki Desktop", 0x10)  # type: ignore[attr-defined]
        except (AttributeError, OSError):
            pass  # no user32 (a service session): the printed line is all we can do


def report_fatal_qt_message(message: str, lang: str) -> None:
    """Qt is about to abort (no platform plugin, no display): show its reason, not only log it."""
    intro = ("Tokki Desktop cannot start its window. Qt says:" if lang == "en"
             else "Tokki Desktop の画面を起動できません。Qt からのメッセージ:")
    tell_user(f"{intro}\n{message}")


if __name__ == "__main__":  # python -m tokki_desktop.ui.platform_check: the same check, by hand
    from tokki_desktop.errors import user_language

    found = check_display()
    if found is not None:
        tell_user(found.message(user_language()))
    raise SystemExit(0 if found is None else 2)
