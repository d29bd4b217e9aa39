"""Computes a console's indicator engine once, off the GUI thread, for every panel that needs it."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.models.indicators import IndicatorEngine
from app.models.memory import release_free_memory
from app.views.worker import FunctionWorker

_LOADERS: WeakKeyDictionary[IndicatorEngine, IndicatorLoader] = WeakKeyDictionary()


class IndicatorLoader(QObject):
    """One per engine. ``sigProgress(fraction, step)`` while computing, ``sigReady()`` when the engine can answer,
    ``sigFailed(message)`` if it cannot."""

    sigProgress = Signal(float, str)
    sigReady = Signal()
    sigFailed = Signal(str)

    def __init__(self, engine: IndicatorEngine) -> None:
        super().__init__()
        self.engine = engine
        self.worker: FunctionWorker | None = None

    @classmethod
    def of(cls, engine: IndicatorEngine) -> IndicatorLoader:
        if engine not in _LOADERS:
            _LOADERS[engine] = cls(engine)
        return _LOADERS[engine]

    def start(self) -> bool:
        """Start computing unless done or under way; True if the engine is ready now."""
        if self.engine.ready:
            return True
        if self.worker is None:
            engine = self.engine
            # Owned by the application, not by this loader: the thread object outlives any panel or console that
            # goes away while it runs, and deletes itself when it ends.
            app = QCoreApplication.instance()
            self.worker = FunctionWorker(lambda progress, cancelled: engine.compute(lambda step, f: progress(f, step), cancelled),
                                         app)
            self.worker.sigProgress.connect(self.sigProgress)
            self.worker.sigDone.connect(self._on_done)
            self.worker.sigFailed.connect(self._on_failed)
            self.worker.finished.connect(self.worker.deleteLater)
            if app is not None:
                app.aboutToQuit.connect(self.worker.cancel)
                app.aboutToQuit.connect(self.worker.wait)
            self.worker.start()
        return False

    def _on_done(self, _result: object) -> None:
        self.worker = None
        release_free_memory()  # the computation's temporaries, held by the worker thread's heap otherwise
        self.sigReady.emit()

    def _on_failed(self, message: str) -> None:
        self.worker = None
        self.sigFailed.emit(message)
