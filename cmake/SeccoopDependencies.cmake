# Every dependency comes from a Debian 12 package (see scripts/setup.sh).
find_package(Boost 1.74 REQUIRED COMPONENTS graph)
find_package(TBB REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(fmt REQUIRED)
find_package(CLI11 REQUIRED)
find_package(HDF5 REQUIRED COMPONENTS C HL)
find_path(RANDOM123_INCLUDE_DIR Random123/philox.h REQUIRED)
find_package(Threads REQUIRED)
# zlib: results rows are compressed by the workers, as HDF5's deflate filter would (chunk_filter);
# libdeflate for its vectorised Adler-32 checksum of those rows.
find_package(ZLIB REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBDEFLATE REQUIRED IMPORTED_TARGET libdeflate)
# ISA-L's igzip compresses those rows about three times as fast as zlib (sim/io/raw_deflate.hpp);
# without it (SECCOOP_USE_ISAL=OFF, or libisal-dev missing) zlib does, and files read the same.
if(SECCOOP_USE_ISAL)
  pkg_check_modules(ISAL IMPORTED_TARGET libisal)
  if(NOT ISAL_FOUND)
    message(STATUS "ISA-L not found (Debian: libisal-dev): results are compressed with zlib, "
                   "about 10% slower sweeps")
  endif()
endif()

# Debian's yaml-cpp 0.7 exports a plain `yaml-cpp` target.
if(NOT TARGET yaml-cpp::yaml-cpp)
  add_library(yaml-cpp::yaml-cpp ALIAS yaml-cpp)
endif()

add_library(seccoop_random123 INTERFACE)
target_include_directories(seccoop_random123 SYSTEM INTERFACE ${RANDOM123_INCLUDE_DIR})

add_library(seccoop_hdf5 INTERFACE)
target_include_directories(seccoop_hdf5 SYSTEM INTERFACE ${HDF5_INCLUDE_DIRS})
target_link_libraries(seccoop_hdf5 INTERFACE ${HDF5_HL_LIBRARIES} ${HDF5_C_LIBRARIES})
target_compile_definitions(seccoop_hdf5 INTERFACE ${HDF5_DEFINITIONS} H5_USE_110_API)

# `seccoop run --mpi` (docs/cluster.md). Off by default so that machines without MPI build;
# the dev preset turns it on.
if(SECCOOP_WITH_MPI)
  find_package(MPI COMPONENTS C)
  if(NOT MPI_C_FOUND)
    message(FATAL_ERROR "SECCOOP_WITH_MPI=ON needs MPI (Debian: apt-get install libopenmpi-dev "
                        "openmpi-bin, or scripts/setup.sh), or configure with -DSECCOOP_WITH_MPI=OFF")
  endif()
endif()
