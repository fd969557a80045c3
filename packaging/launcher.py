"""The frozen bundle's entry point: the same as the ``archive-viewer`` console script."""

from viewer.cli import main

if __name__ == "__main__":
    main(prog_name="archive-viewer")
