"""The embedded video player for camera feeds: plays what Qt can open, says clearly what failed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.models.cameras import resolve_stream

PLAYABLE_SCHEMES = {"file", "http", "https", "rtsp", "rtmp"}  # Qt's FFmpeg backend opens these


def open_stream(url: str, player: VideoPlayerDialog, title: str = "") -> str:
    """Play ``url`` in ``player`` if Qt can, else hand it to the system's handler; returns which it did."""
    resolved = resolve_stream(url)
    title = f"{title} <{url}>" if title else url
    if QUrl(resolved).scheme() in PLAYABLE_SCHEMES:
        player.play(resolved, title)
        return "player"
    if not QDesktopServices.openUrl(QUrl(resolved)):
        player.show_error(title, QCoreApplication.translate("VideoPlayerDialog", "no application on this computer opens this kind of link"))
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
        self.status.setText(self.tr("Connecting to %1…").replace("%1", title))
        self.status.setStyleSheet("")
        self.player.setSource(QUrl(resolved))
        self.show()
        self.raise_()
        self.player.play()

    def show_error(self, title: str, message: str) -> None:
        self.status.setText(self.tr("Cannot play %1: %2").replace("%1", title).replace("%2", message))
        self.status.setStyleSheet("color: #c53030; font-weight: bold;")
        self.show()

    def _on_error(self, _error: QMediaPlayer.Error, message: str) -> None:
        self.show_error(self._title, message or self.tr("the stream is unreachable"))

    def _on_media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.BufferedMedia:
            self.status.setText(self.tr("Playing %1").replace("%1", self._title))
        elif status == QMediaPlayer.MediaStatus.EndOfMedia:
            self.status.setText(self.tr("End of %1").replace("%1", self._title))

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        self.player.stop()
        super().closeEvent(event)
