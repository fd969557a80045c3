"""The frozen bundle's entry point: the same as the ``archive-viewer`` console script.

``freeze_support()`` comes first: large imports parse in a pool of "spawn" worker processes
(viewer/core/importers/prepare.py), and in a bundle each worker is this executable started again;
the call turns it into a worker instead of a second command line.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from viewer.cli import main

    main(prog_name="archive-viewer")
