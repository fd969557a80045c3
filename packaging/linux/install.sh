#!/usr/bin/env bash
# Install the Archive Viewer bundle this script sits in, like any desktop program.
#
#   ./install.sh            # for you: ~/.local/lib/archive-viewer, ~/.local/bin, your menu
#   sudo ./install.sh /usr/local   # for everyone (a kiosk, a lab)
#
# Copies the folder to PREFIX/lib/archive-viewer, links PREFIX/bin/archive-viewer to it, and puts the
# menu entry, the icons and the AppStream metadata under PREFIX/share. Uninstall by removing those.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix=${1:-$HOME/.local}
app=$prefix/lib/archive-viewer

mkdir -p "$prefix/lib" "$prefix/bin"
rm -rf "$app"
cp -a "$here" "$app"
chmod 0444 "$app/_internal/archive.db"   # the sample stays read-only; first start copies it
ln -sf "$app/archive-viewer" "$prefix/bin/archive-viewer"
mkdir -p "$prefix/share"
cp -r "$here/share/." "$prefix/share/"
sed -i "s|^Exec=archive-viewer|Exec=$app/archive-viewer|" \
  "$prefix/share/applications/org.archiveviewer.ArchiveViewer.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
echo "installed: $prefix/bin/archive-viewer"
