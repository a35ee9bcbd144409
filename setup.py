"""Build hook for the two compiled modules, both optional:

- src/boilerstrip/_events.py: the HTML segmenter (its event handlers and class/id hints)
  and the text path's word loops, compiled by Cython from the same .py file;
- src/boilerstrip/_sax.pyx: the SAX handlers that feed libxml2's events to the compiled
  segmenter without lxml's parser-target layer (it needs lxml's libxml2 headers).

Everything else is in pyproject.toml. Where a module cannot be built (no C compiler, no
Cython, no headers), the install goes on without it: Python runs _events.py as it is,
and segment.py uses lxml's parser target (same output, slower).
"""
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    """build_ext that warns instead of failing when a module cannot be compiled
    (setuptools' own ``optional=True`` did not catch a compiler that exits non-zero)."""

    def run(self):
        try:
            super().run()
        except Exception as exc:
            self.warn(f"boilerstrip: the compiled modules were not built ({exc}); "
                      "the pure-Python modules will be used")

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as exc:
            self.warn(f"boilerstrip: {ext.name} was not built ({exc}); it is optional")


def _extensions():
    try:
        from Cython.Build import cythonize
    except ImportError:  # (Cython is a build requirement; a plain `setup.py` run may lack it)
        return []
    exts = [Extension("boilerstrip._events", ["src/boilerstrip/_events.py"])]
    try:
        import lxml
        include = lxml.get_include()
    except ImportError:
        include = None
    if include:
        exts.append(Extension("boilerstrip._sax", ["src/boilerstrip/_sax.pyx"], include_dirs=include))
    out = []
    for ext in exts:  # one at a time: a module Cython cannot translate leaves the other
        try:
            out += cythonize([ext], compiler_directives={"language_level": 3}, quiet=True,
                             include_path=["src"])
        except Exception as exc:
            print(f"boilerstrip: {ext.name} was not translated ({exc}); it is optional")
    return out


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
