"""Import Great Expectations without loading what our suites never run.

GX 1.24 imports `scipy.stats` while it loads (`from scipy import stats` in its KL-divergence
expectation and KS-test metrics): about 0.9 s of CPU, a third of GX's import on a run that already
holds pandas and SQLAlchemy. No suite here uses those distribution expectations, so during GX's
import that module is a stand-in that loads the real one the first time anything reads from it:
GX behaves the same, it just does not pay for scipy.stats up front. (Measured with
`python -X importtime`; `pipelines.checks.overhead` reports the effect on a whole run.)

`great_expectations()` is the only place the project's code imports GX.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types

# Loaded by GX at import time, used only by expectations our suites do not have.
DEFERRED_MODULES = ("scipy.stats",)
_import_lock = threading.Lock()


class DeferredModule(types.ModuleType):
    """Stands in for a module until an attribute is first read, then forwards to the real module."""

    def __getattr__(self, attr: str):
        return getattr(real_module(self.__name__), attr)


def real_module(name: str) -> types.ModuleType:
    module = sys.modules.get(name)
    if module is None or isinstance(module, DeferredModule):
        sys.modules.pop(name, None)
        module = importlib.import_module(name)
    return module


def stand_in(name: str) -> DeferredModule | None:
    """Put a DeferredModule in sys.modules for `name`, unless the real module is already loaded."""
    if name in sys.modules:
        return None
    spec = importlib.util.find_spec(name)
    if spec is None:
        return None
    module = DeferredModule(name)
    module.__spec__ = spec  # the import system reads __spec__ of a module it finds in sys.modules
    sys.modules[name] = module
    return module


def great_expectations() -> types.ModuleType:
    """The `great_expectations` module, imported once per process."""
    with _import_lock:  # the stand-ins must not be seen by another thread importing GX
        if "great_expectations" in sys.modules:
            return sys.modules["great_expectations"]
        stand_ins = [m for m in (stand_in(name) for name in DEFERRED_MODULES) if m is not None]
        try:
            import great_expectations as gx
        finally:
            # Later imports get the real module; GX keeps its stand-in, which forwards to it.
            for module in stand_ins:
                if sys.modules.get(module.__name__) is module:
                    del sys.modules[module.__name__]
        return gx
