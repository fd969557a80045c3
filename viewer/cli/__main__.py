"""``python -m viewer.cli``: the same as the ``archive-viewer`` command."""

from viewer.cli import main

main()
