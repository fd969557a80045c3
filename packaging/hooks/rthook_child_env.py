"""Runtime hook: programs we start (Tesseract for OCR) see the system's libraries, not the bundle's.

PyInstaller's bootloader puts the bundle's folder first on ``LD_LIBRARY_PATH`` so the frozen Python
finds its libraries. The dynamic loader has read that value by the time this hook runs, so undoing it
here changes nothing for us, but a child process would otherwise inherit it and could load the
bundle's copy of, say, libz or libpng in place of its own. The bootloader keeps the user's value in
``LD_LIBRARY_PATH_ORIG``; we put it back (or remove the variable when there was none).
"""

import os

_original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
if _original is not None:
    os.environ["LD_LIBRARY_PATH"] = _original
else:
    os.environ.pop("LD_LIBRARY_PATH", None)
