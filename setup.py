"""Build hook for the one compiled module: src/boilerstrip/_events.py, the HTML
segmenter's parser target and class/id hint functions, compiled by Cython from the
same .py file.

Everything else is in pyproject.toml. The extension is optional: where it cannot be
built (no C compiler, no Cython), the install goes on without it and Python runs
_events.py as it is (same output, slower).
"""
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    """build_ext that warns instead of failing when the compiler is missing or fails
    (setuptools' own ``optional=True`` did not catch a compiler that exits non-zero)."""

    def run(self):
        try:
            super().run()
        except Exception as exc:
            self.warn(f"boilerstrip: the compiled segmenter was not built ({exc}); "
                      "the pure-Python module will be used")


try:
    from Cython.Build import cythonize
except ImportError:  # (Cython is a build requirement; a plain `setup.py` run may lack it)
    ext_modules = []
else:
    ext_modules = cythonize(
        [Extension("boilerstrip._events", ["src/boilerstrip/_events.py"])],
        compiler_directives={"language_level": 3},
        quiet=True,
    )

setup(ext_modules=ext_modules, cmdclass={"build_ext": OptionalBuildExt})
