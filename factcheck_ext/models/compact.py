"""The base of every stored model: frozen, and pickled as a tuple of its values."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict


class CompactPickle(BaseModel):
    """Pickle as a tuple of field values; frozen.

    The build environment is pickled after every build and loaded before the next;
    with ten thousand claims pydantic's default state (a dict, the set of fields set,
    extras) makes that file several times larger and slower to load.  Frozen because
    a stored record keeps its pickled form (see ``domain.records``): a change is a
    ``model_copy``, never an assignment.
    """

    model_config = ConfigDict(frozen=True)

    #: the field names, and the set of them every restored instance shares
    _fc_field_names: ClassVar[tuple[str, ...]]
    _fc_fields_set: ClassVar[set[str]]

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._fc_field_names = tuple(cls.model_fields)
        # every restored instance has all fields set: one set per class, not one per
        # object (pydantic only adds field names to it, which are all there already)
        cls._fc_fields_set = set(cls._fc_field_names)

    def __getstate__(self) -> tuple[Any, ...]:  # type: ignore[override]
        values = self.__dict__
        return tuple([values[name] for name in self._fc_field_names])

    def __setstate__(self, state: Any) -> None:
        # once per stored object per build (ten thousand claims: tens of thousands of
        # calls), so pydantic's slots are set through their descriptors, not setattr
        if type(state) is dict:  # pydantic's own format
            super().__setstate__(state)
            return
        cls = type(self)
        _set_attribute(self, "__dict__", dict(zip(cls._fc_field_names, state, strict=False)))
        _set_fields_set(self, cls._fc_fields_set)
        _set_extra(self, None)
        _set_private(self, None)


def _slot_setter(name: str) -> Any:
    """The setter of one of BaseModel's slots (a C call, no attribute lookup)."""
    return BaseModel.__dict__[name].__set__


_set_fields_set = _slot_setter("__pydantic_fields_set__")
_set_extra = _slot_setter("__pydantic_extra__")
_set_private = _slot_setter("__pydantic_private__")

_set_attribute = object.__setattr__
