"""The ways kacli can fail, each with its exit code and a message a salesperson understands.

Exit codes (documented in the README):
  0  success
  1  an unexpected failure (a short message and a hint to run with --debug)
  2  bad input: a usage error, an invalid value, an unknown or ambiguous reference; nothing written
  3  the dossier is unusable: missing for a read, locked past the timeout, damaged, made by a newer kacli
  130  interrupted (Ctrl-C); the write in progress, if any, was rolled back
  141  the reader of kacli's output went away (``kacli week | head -1``); nothing said on stderr
"""

from __future__ import annotations

from enum import IntEnum

from kacli.i18n import label_or_code, t


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1
    BAD_INPUT = 2
    DOSSIER = 3
    INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C
    READER_GONE = 141  # 128 + SIGPIPE, as shells report a writer whose reader went away


class KacliError(Exception):
    """Base error: carries a message key and its parameters; translated when shown."""

    exit_code = ExitCode.FAILURE

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self) -> str:
        params = dict(self.params)
        # Field and record names arrive as codes ("employees", "contact"); show them translated.
        if "field" in params:
            params["field"] = label_or_code(f"field.{params['field']}", params["field"])
        if "what" in params:
            params["what"] = label_or_code(f"what.{params['what']}", params["what"])
        return t(self.key, **params)

    def __str__(self) -> str:
        return self.message()


class BadInput(KacliError):
    """The user gave something kacli cannot accept. Nothing was written."""

    exit_code = ExitCode.BAD_INPUT


class NotFound(BadInput):
    """A reference (id, name, pinyin) matched nothing."""


class Ambiguous(BadInput):
    """A reference matched several records; ``candidates`` lists them."""

    def __init__(self, key: str, candidates: list[str], **params: object) -> None:
        super().__init__(key, **params)
        self.candidates = candidates

    def message(self) -> str:
        lines = [super().message()]
        lines += [f"  {c}" for c in self.candidates]
        return "\n".join(lines)


class DossierError(KacliError):
    """The dossier file cannot be used as it is."""

    exit_code = ExitCode.DOSSIER


class DossierMissing(DossierError):
    pass


class DossierTooNew(DossierError):
    pass


class DossierLocked(DossierError):
    pass


class DossierDamaged(DossierError):
    pass
