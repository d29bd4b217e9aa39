"""Computes a console's indicator engine once, off the GUI thread, for every panel that needs it."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.models.indicators import IndicatorEngine
from app.models.memory import release_free_memory
from app.views.worker import FunctionWorker, detached_worker

_LOADERS: WeakKeyDictionary[IndicatorEngine, IndicatorLoader] = WeakKeyDictionary()


class IndicatorLoader(QObject):
    """One per engine. ``sigProgress(fraction, step)`` while computing, ``sigReady()`` when the engine can answer,
    ``sigFailed(message)`` if it cannot; ``sigSaved(written)`` once what it computed is kept for the next start
    (written False: it was kept already, or could not be)."""

    sigProgress = Signal(float, str)
    sigReady = Signal()
    sigFailed = Signal(str)
    sigSaved = Signal(bool)

    # Loaders asked to start while the console's first paint is pending (see hold): the computation would take the
    # processor (two cores, one interpreter lock) from the window being built.
    _held: list[IndicatorLoader] | None = None
    HOLD_AT_MOST_MS = 2000  # a window that is never painted (minimised) still gets its indicators

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
            if IndicatorLoader._held is not None:
                IndicatorLoader._held.append(self)
            else:
                self.worker.start()
        return False

    @classmethod
    def hold(cls) -> None:
        """Computations asked for from now on wait for :meth:`release` (the console's start: the map first)."""
        if cls._held is None:
            cls._held = []

    @classmethod
    def release(cls) -> None:
        held, cls._held = cls._held or [], None
        for loader in held:
            if loader.worker is not None:
                loader.worker.start()

    @classmethod
    def release_after_paint(cls, widget: QWidget) -> None:
        """:meth:`release` once ``widget`` has painted (or after ``HOLD_AT_MOST_MS``)."""
        _FirstPaint(widget, cls.release)

    def _on_done(self, _result: object) -> None:
        self.worker = None
        release_free_memory()  # the computation's temporaries, held by the worker thread's heap otherwise
        self.sigReady.emit()
        saving = detached_worker(self.engine.save)  # for the next start, once this one answers (a second of writing)
        saving.sigDone.connect(self._on_saved)
        saving.start()

    def _on_saved(self, written: object) -> None:
        self.sigSaved.emit(bool(written))

    def _on_failed(self, message: str) -> None:
        self.worker = None
        self.sigFailed.emit(message)


class _FirstPaint(QObject):
    """Calls ``then`` once, the event-loop turn after ``widget`` first paints (that paint has reached the screen)."""

    def __init__(self, widget: QWidget, then) -> None:  # noqa: ANN001
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)
        QTimer.singleShot(IndicatorLoader.HOLD_AT_MOST_MS, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if self._then is not None:
            then, self._then = self._then, None
            then()
