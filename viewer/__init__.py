"""Archive Viewer: read, search and annotate collections of historical documents, offline."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "Archive Viewer"
APP_ID = "org.archiveviewer.ArchiveViewer"
ORG_NAME = "ArchiveViewer"

try:
    __version__ = version("archive-viewer")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"
