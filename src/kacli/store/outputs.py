"""Where kacli writes: the one check every option naming a file to write goes through.

``-o``/``--output``, ``--svg``, ``--skip-bad``, ``import template -o``, ``dossier backup FILE`` and
``demo --file`` all ask ``target()`` first, before anything else happens, and write with ``write()``:

- ``-`` is standard output.
- A link is followed, as ``cp`` and a shell's ``>`` do: the file it points to is written (made if it
  does not exist yet), the link stays. Everything below is about that file.
- Never the dossier, its ``-wal``/``-shm``/``-journal``, a copy beside it (a ``.bak`` backup, a
  ``.replaced`` dossier, a temporary file) or the rules file, however the path is spelled (``../``,
  a link, a second hard link): exit 2 naming the clash, nothing written.
- A character device, FIFO or socket (``/dev/null``, ``/dev/stdout``, a named pipe) is written
  into, never replaced by a file. A block device or a folder is refused.
- A new file is made whole under a temporary name beside it and then given its name in one step,
  0600. An existing file is replaced (in the same way, becoming 0600) only with ``--force``.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kacli.errors import BadInput
from kacli.store import safefile

STDOUT = "-"


class OutputRefused(BadInput):
    """An output path kacli will not write to, or could not write to. Nothing was written."""


@dataclass(frozen=True)
class Output:
    """A checked place to write: standard output, a stream (device, FIFO, socket) or a file."""

    given: str  # as the user wrote it, for messages
    kind: Literal["stdout", "stream", "file"]
    path: Path | None  # the stream as given (a link to it is opened as is), or the file's real path
    replace: bool = False

    def __str__(self) -> str:
        return self.given


def _protected(dossier: Path, rules: Path) -> list[tuple[Path, str]]:
    """The files no output may be: each with the message key naming the clash."""
    from kacli.store.dossier import copies_beside

    own = [(dossier, "error.output_is_dossier")]
    own += [(Path(f"{dossier}{side}"), "error.output_is_dossier")
            for side in ("-wal", "-shm", "-journal")]
    own += [(copy, "error.output_is_dossier_copy") for copy in copies_beside(dossier)]
    own.append((rules, "error.output_is_rules"))
    return own


def _same(a: Path, b: Path) -> bool:
    """The same file, however spelled: the same inode when both exist, else the same real path."""
    try:
        if os.path.samefile(a, b):
            return True
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


def _clash(path: Path) -> tuple[str, dict] | None:
    from kacli import settings
    from kacli.store.dossier import default_path, resolve_path, server_uri
    from kacli.store.rules_file import rules_path

    # A dossier on a server has no file to protect; the one in the default place is then not
    # the dossier in use, but still the salesperson's own.
    db = settings.get().db
    dossier = default_path() if server_uri(db) else resolve_path(db)
    for own, key in _protected(dossier, rules_path()):
        if _same(path, own):
            return key, {"dossier": dossier, "rules": own}
    return None


def _refuse_clash(given: str, path: Path) -> None:
    found = _clash(path)
    if found is not None:
        key, params = found
        raise OutputRefused(key, path=given, **params)


def target(given: Path | str | None, *, force: bool, file_only: bool = False) -> Output:
    """The checked place ``given`` names (None: standard output). ``file_only`` for outputs that
    must be an ordinary file (a backup, the demo's dossier): a stream or ``-`` is refused."""
    if given is None or str(given) == STDOUT:
        if file_only:
            raise OutputRefused("error.output_needs_file", path=STDOUT)
        return Output(STDOUT, "stdout", None)
    text = str(given)
    path = Path(text).expanduser()
    _refuse_clash(text, path)
    try:
        mode = path.stat().st_mode  # follows a link, as opening it would
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OutputRefused("error.output_unwritable", path=text, detail=_why(exc)) from None
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
        if file_only:
            raise OutputRefused("error.output_needs_file", path=text)
        return Output(text, "stream", path)
    if mode is not None and stat.S_ISDIR(mode) or text.endswith(os.sep):
        raise OutputRefused("error.output_needs_file" if file_only else "error.output_is_folder", path=text)
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputRefused("error.output_not_a_file", path=text)
    real = Path(os.path.realpath(path))
    if real.name in ("", ".", ".."):
        raise OutputRefused("error.output_is_folder", path=text)
    if mode is not None and not force:
        raise OutputRefused("error.output_exists", path=text)
    _probe(text, real)
    return Output(text, "file", real, replace=force)


def folder(given: Path | str, *, force: bool) -> Path:
    """A folder to write several files into (``export all --format csv -o DIR``): made if
    missing; each file in it is then a ``target()`` of its own."""
    text = str(given)
    path = Path(text).expanduser()
    if text == STDOUT:
        raise OutputRefused("error.output_needs_folder", path=text)
    _refuse_clash(text, path)
    if path.exists() and not path.is_dir():
        raise OutputRefused("error.output_needs_folder", path=text)
    return path


def _probe(given: str, real: Path) -> None:
    """Refuse now a place that can never hold a new file (``/proc``, a path through a file), so
    the error names the output; no rights or no space are left to the write, which says so."""
    if not real.parent.exists():
        ancestor = real.parent
        while not ancestor.exists():
            ancestor = ancestor.parent
        if not ancestor.is_dir():
            raise OutputRefused("error.output_unwritable", path=given,
                                detail=os.strerror(errno.ENOTDIR))
        return
    probe = safefile.temp_beside(real, "probe")
    try:
        fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EROFS, errno.ENOSPC, errno.EDQUOT):
            return
        raise OutputRefused("error.output_unwritable", path=given, detail=_why(exc)) from None
    os.close(fd)
    probe.unlink(missing_ok=True)


def write(out: Output, data: bytes | str) -> None:
    """Put ``data`` at the checked place: stdout, into a stream, or a whole new 0600 file."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if out.kind == "stdout":
        _to_stdout(raw)
        return
    assert out.path is not None
    try:
        if out.kind == "stream":
            _into_stream(out.path, raw)
        else:
            _new_file(out.path, raw, replace=out.replace)
    except FileExistsError:
        raise OutputRefused("error.output_exists", path=out.given) from None
    except OSError as exc:
        raise OutputRefused("error.output_unwritable", path=out.given, detail=_why(exc)) from None


def _to_stdout(raw: bytes) -> None:
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        buffer.write(raw)
        buffer.flush()
    else:  # a stream that only takes text
        sys.stdout.write(raw.decode("utf-8", errors="replace"))
        sys.stdout.flush()


def _into_stream(path: Path, raw: bytes) -> None:
    if stat.S_ISSOCK(path.stat().st_mode):
        import socket

        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as peer:
            peer.connect(str(path))
            peer.sendall(raw)
        return
    fd = os.open(path, os.O_WRONLY)  # no O_CREAT, no O_TRUNC: into the device, as ``>`` does
    try:
        view = memoryview(raw)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _new_file(path: Path, raw: bytes, *, replace: bool) -> None:
    safefile.make_folders(path.parent)
    safefile.sweep(path)
    temp = safefile.temp_beside(path, "out")
    try:
        fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        try:
            os.fchmod(fd, 0o600)  # the umask narrows, never widens; be explicit anyway
            view = memoryview(raw)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        safefile.publish(temp, path, replace=replace)
    finally:
        safefile.discard(temp)


def _why(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)
