"""The embedded video player for camera feeds: plays what Qt can open, says clearly what failed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.models.cameras import resolve_stream
from app.views.playback_notice import unavailable_text
from app.views.qt_libraries import qt_files, unavailable

PLAYABLE_SCHEMES = {"file", "http", "https", "rtsp", "rtmp"}  # Qt's FFmpeg backend opens these


def open_stream(url: str, player: VideoPlayerDialog, title: str = "") -> str:
    """Play ``url`` in ``player`` if Qt can, else hand it to the system's handler; returns which it did."""
    resolved = resolve_stream(url)
    title = f"{title} <{url}>" if title else url
    if QUrl(resolved).scheme() in PLAYABLE_SCHEMES:
        player.play(resolved, title)
        return "player"
    if not QDesktopServices.openUrl(QUrl(resolved)):
        player.show_error(title, QCoreApplication.translate(
            "VideoPlayerDialog", "no application on this computer opens this kind of link"))
    return "handler"


class VideoPlayerDialog(QDialog):
    """A reusable, non-modal player window; ``status`` shows loading, playing or the error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Camera feed"))
        self.resize(720, 470)
        self.video = QVideoWidget(self)
        self.player = QMediaPlayer(self)
        self.player.setVideoOutput(self.video)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.player.errorOccurred.connect(self._on_error)
        self.player.mediaStatusChanged.connect(self._on_media_status)
        stop = QPushButton(self.tr("Stop"), self)
        stop.clicked.connect(self.player.stop)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(stop)
        box = QVBoxLayout(self)
        box.addWidget(self.video, 1)
        box.addLayout(row)
        self._title = ""

    def play(self, resolved: str, title: str) -> None:
        self._title = title
        self.setWindowTitle(f"{self.tr('Camera feed')} — {title}")
        self.show()
        self.raise_()
        if not self.player.isAvailable():  # Qt Multimedia imported, but its FFmpeg backend plugin did not load
            problem = unavailable(qt_files((), ("multimedia/*.so",)), self.tr("no video backend could be loaded"))
            self._show_status(unavailable_text(problem), error=True)
            return
        self._show_status(self.tr("Connecting to %1…").replace("%1", title))
        self.player.setSource(QUrl(resolved))
        self.player.play()

    def show_error(self, title: str, message: str, detail: str = "") -> None:
        """Says in the interface language why ``title`` cannot play; ``detail`` (Qt's own words) is the tooltip."""
        self._show_status(self.tr("Cannot play %1: %2").replace("%1", title).replace("%2", message), True, detail)
        self.show()

    def _show_status(self, text: str, error: bool = False, detail: str = "") -> None:
        self.status.setText(text)
        self.status.setToolTip(detail)
        self.status.setStyleSheet("color: #c53030; font-weight: bold;" if error else "")

    def _error_text(self, error: QMediaPlayer.Error) -> str:
        """Qt Multimedia's error strings are English only ("Could not open file"): say it in the UI's language."""
        e = QMediaPlayer.Error
        return {e.ResourceError: self.tr("the stream cannot be opened (unreachable, or not a video)"),
                # Qt's FFmpeg backend also reports an unreachable stream as a format error (FFmpeg's EINVAL)
                e.FormatError: self.tr("the stream cannot be opened, or its video format is not supported"),
                e.NetworkError: self.tr("the network connection to the camera failed"),
                e.AccessDeniedError: self.tr("the camera refused access")}.get(
                    error, self.tr("the stream is unreachable"))

    def _on_error(self, error: QMediaPlayer.Error, message: str) -> None:
        self.show_error(self._title, self._error_text(error), message)

    def _on_media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.BufferedMedia:
            self._show_status(self.tr("Playing %1").replace("%1", self._title))
        elif status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._show_status(self.tr("End of %1").replace("%1", self._title))

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        self.player.stop()
        super().closeEvent(event)
