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
    def _field_names(cls) -> tuple[str, ...]:
        names = cls.__dict__.get("_fc_field_names")
        if names is None:
            names = tuple(cls.model_fields)
            cls._fc_field_names = names
            # every restored instance has all fields set: one set per class, not one per
            # object (pydantic only adds field names to it, which are all there already)
            cls._fc_fields_set = set(names)
        return names

    def __getstate__(self) -> tuple[Any, ...]:  # type: ignore[override]
        values = self.__dict__
        return tuple([values[name] for name in self._field_names()])

    def __setstate__(self, state: Any) -> None:
        if isinstance(state, dict):  # pydantic's own format
            super().__setstate__(state)
            return
        names = type(self).__dict__.get("_fc_field_names") or self._field_names()
        setter = object.__setattr__
        setter(self, "__dict__", dict(zip(names, state, strict=False)))
        setter(self, "__pydantic_fields_set__", type(self).__dict__["_fc_fields_set"])
        setter(self, "__pydantic_extra__", None)
        setter(self, "__pydantic_private__", None)
