# Python package (python/actorgraph, ctypes bindings of libactorgraph): `cmake --install`
# puts it into the prefix's site-packages next to the library, with a generated
# _install.py that names the installed library by a path relative to the package, so a
# tree installed with --prefix DIR or DESTDIR, or moved, still finds its own library.
# The other way in is `pip install ./python` (python/pyproject.toml).
#   -DAG_PYTHON=OFF                 leave the package out
#   -DPython3_EXECUTABLE=PATH       the interpreter whose site-packages layout to use
#   -DAG_PYTHON_SITEDIR=DIR         where it goes (relative to the prefix, or absolute)
option(AG_PYTHON "Install the Python package actorgraph (python/) with the library" ON)
if(AG_PYTHON)
  find_package(Python3 COMPONENTS Interpreter)
  if(Python3_Interpreter_FOUND)
    if(NOT AG_PYTHON_SITEDIR)
      # The interpreter's purelib path under a placeholder prefix. Debian's interpreters
      # read site-packages from dist-packages (/usr/local/lib/python3.X/dist-packages is
      # on their path), so there the name follows theirs.
      execute_process(
        COMMAND ${Python3_EXECUTABLE} -c
          "import sysconfig as s; p = s.get_path('purelib', 'posix_prefix', {'base': '/@', 'platbase': '/@'})[3:]; print(p.replace('site-packages', 'dist-packages') if 'deb_system' in s.get_scheme_names() else p)"
        OUTPUT_VARIABLE AG_PYTHON_SITEDIR_FOUND OUTPUT_STRIP_TRAILING_WHITESPACE
        RESULT_VARIABLE AG_PYTHON_RC)
      if(NOT AG_PYTHON_RC EQUAL 0 OR NOT AG_PYTHON_SITEDIR_FOUND)
        set(AG_PYTHON_SITEDIR_FOUND
            lib/python${Python3_VERSION_MAJOR}.${Python3_VERSION_MINOR}/site-packages)
      endif()
      set(AG_PYTHON_SITEDIR ${AG_PYTHON_SITEDIR_FOUND} CACHE STRING
          "Where the Python package is installed (relative to the install prefix)")
    endif()
    if(IS_ABSOLUTE ${AG_PYTHON_SITEDIR})
      set(AG_PYTHON_PKGDIR ${AG_PYTHON_SITEDIR}/actorgraph)
    else()
      set(AG_PYTHON_PKGDIR ${CMAKE_INSTALL_PREFIX}/${AG_PYTHON_SITEDIR}/actorgraph)
    endif()
    file(RELATIVE_PATH AG_PYTHON_TO_LIB ${AG_PYTHON_PKGDIR}
         ${CMAKE_INSTALL_FULL_LIBDIR}/libactorgraph.so.${PROJECT_VERSION_MAJOR})
    file(WRITE ${PROJECT_BINARY_DIR}/python/_install.py
         "# Written by cmake/parts/python.cmake at configure time: the installed library,\n"
         "# relative to this package's directory.\nLIBRARY = \"${AG_PYTHON_TO_LIB}\"\n")
    file(GLOB AG_PYTHON_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/python/actorgraph/*.py)
    install(FILES ${AG_PYTHON_SOURCES} ${PROJECT_BINARY_DIR}/python/_install.py
            DESTINATION ${AG_PYTHON_SITEDIR}/actorgraph)
    message(STATUS "python: the actorgraph package installs into PREFIX/${AG_PYTHON_SITEDIR}")
  else()
    message(STATUS "python: no Python 3 interpreter found; the actorgraph package is not "
                   "installed (pip install ./python after installing the library)")
  endif()
endif()
