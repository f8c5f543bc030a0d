# parley_warnings(target): the project's warning set, as errors unless PARLEY_WERROR=OFF.
function(parley_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
    -Wimplicit-fallthrough)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 at -O3 reports std::string's operator+ as an overlapping memcpy
    # (GCC bug 105651, fixed in 13).
    target_compile_options(${target} PRIVATE -Wno-restrict)
    # And the three-way comparison of two std::vector<std::uint8_t> (a map
    # keyed by bytes, in sync_set.cc) as a memcmp over a bound that cannot
    # be (-Wstringop-overread); ASan checks the real bounds.
    target_compile_options(${target} PRIVATE -Wno-stringop-overread)
  endif()
  if(PARLEY_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12's -Wmaybe-uninitialized misfires under ASan instrumentation (inside
    # libstdc++'s <regex>, for one); the release build keeps the warning.
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
  endif()
  if(PARLEY_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
