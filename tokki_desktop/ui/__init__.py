"""The PySide6 desktop application: a thin layer over the Qt-free core.

Windows and screens talk to the core only through its Python API; background work runs on
a thread pool (:mod:`tokki_desktop.ui.tasks`) and comes back to the main thread as signals.
"""
