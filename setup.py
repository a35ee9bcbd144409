"""Build hook for the one compiled module: src/boilerstrip/_events.py, the HTML
segmenter's parser-target handlers, compiled by Cython from the same .py file.

Everything else is in pyproject.toml. The extension is optional: where it cannot be
built (no C compiler), the install goes on and Python runs _events.py as it is.
"""
from setuptools import Extension, setup

try:
    from Cython.Build import cythonize
except ImportError:  # (Cython is a build requirement; a plain `setup.py` run may lack it)
    ext_modules = []
else:
    ext_modules = cythonize(
        [Extension("boilerstrip._events", ["src/boilerstrip/_events.py"], optional=True)],
        compiler_directives={"language_level": 3},
        quiet=True,
    )

setup(ext_modules=ext_modules)
