"""What ``_events.py`` needs of the ``cython`` module when Cython is not installed (it
is needed only to build the compiled twin): type names and decorators that do nothing."""
from __future__ import annotations

from types import SimpleNamespace


def _declare(t=None, value=None, **_kw):
    return value


cython = SimpleNamespace(
    declare=_declare,
    cclass=lambda cls: cls,
    cfunc=lambda fn: fn,
    ccall=lambda fn: fn,
    inline=lambda fn: fn,
    long=int,
    bint=bool,
    Py_ssize_t=int,
    Py_UCS4=str,
    double=float,
    longlong=int,
    cast=lambda t, v: t(v),
    compiled=False,
)
