# seccoop_set_warnings(target): the project's warning set; errors in developer mode.
function(seccoop_set_warnings target)
  target_compile_options(
    ${target}
    PRIVATE -Wall
            -Wextra
            -Wpedantic
            -Wshadow
            -Wconversion
            -Wsign-conversion
            -Wnon-virtual-dtor
            -Wold-style-cast
            -Woverloaded-virtual
            -Wimplicit-fallthrough
            # Designated initializers leave defaulted members out on purpose.
            -Wno-missing-field-initializers)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12 at -O3 reports false positives inside std::string (GCC bugs 107138, 105329):
    # uninitialized members of designated-initialized aggregates and overlapping memcpy in
    # concatenation. clang builds keep the equivalent checks.
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized -Wno-restrict)
  endif()
  if(SECCOOP_DEVELOPER_MODE)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
