"""The package version: the library version it is written for (include/actorgraph/version.h).

tests/python/test_package.py checks that the two agree."""
__version__ = "0.1.0"
