"""The files of an imported folder: each folder's own files (sorted) before its subfolders' (sorted),
top down; hidden names, other suffixes and links leading out left aside (these last said); a folder
reached twice through links walked once. Read with ``os.scandir`` (batch._walk_folder)."""

from __future__ import annotations

from pathlib import Path

from viewer.core.importers.batch import find_files


def _tree(root: Path) -> Path:
    outside = root / "outside"
    (outside / "more").mkdir(parents=True)
    (outside / "secret.txt").write_text("s")
    (outside / "more" / "another.txt").write_text("a")
    folder = root / "letters"
    for name in ["b/2.txt", "b/1.TXT", "b/c/3.md", "a/9.txt", "z.txt", "m.pdf", "k.csv", ".hidden/4.txt", ".x.txt"]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("t")
    (folder / "notes.docx").write_text("not ours")
    (folder / "a" / "out.txt").symlink_to(outside / "secret.txt")
    (folder / "a" / "in.txt").symlink_to(folder / "z.txt")
    (folder / "a" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "elsewhere").symlink_to(outside / "more", target_is_directory=True)
    (folder / "gone.txt").symlink_to(root / "nothing.txt")
    return folder


def test_a_folder_is_walked_top_down_in_order(tmp_path):
    folder = _tree(tmp_path)
    found = find_files([folder])
    names = [str(path.relative_to(folder)) for path in found.files]
    assert names == ["m.pdf", "z.txt", "a/9.txt", "a/in.txt", "b/1.TXT", "b/2.txt", "b/c/3.md"]
    # leading out: a file, a folder, and a link to nothing there
    assert sorted(path.name for path, _why in found.skipped) == ["elsewhere", "gone.txt", "out.txt"]
    assert all("not followed" in why for _path, why in found.skipped)


def test_links_are_followed_when_asked_each_folder_once(tmp_path):
    folder = _tree(tmp_path)
    found = find_files([folder], follow_links=True)
    names = [str(path.relative_to(folder)) for path in found.files]
    assert names == [
        *["gone.txt", "m.pdf", "z.txt", "a/9.txt", "a/in.txt", "a/out.txt"],
        *["b/1.TXT", "b/2.txt", "b/c/3.md", "elsewhere/another.txt"],  # not a/loop/...: the folder again
    ]
    assert not found.skipped
