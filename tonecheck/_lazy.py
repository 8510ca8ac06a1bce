"""``lazy``: a per-instance cached property without a lock.

On Python 3.11 :func:`functools.cached_property` takes a lock on every first access, which costs about
a microsecond each time; the per-draft objects (one parse, one Vale context) are never shared between
threads, so they use this plain version (the behaviour of ``cached_property`` from Python 3.12 on).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

__all__ = ["lazy"]

_T = TypeVar("_T")


class lazy(Generic[_T]):  # noqa: N801 - used like the ``property`` family
    """Compute the attribute once per instance, on first access, and store it in the instance's ``__dict__``."""

    def __init__(self, function: Callable[[Any], _T]) -> None:
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> lazy[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> _T | lazy[_T]:
        if instance is None:
            return self
        value = self.function(instance)
        instance.__dict__[self.name] = value
        return value
