# The source revision is written into every results file. It is read at build time (not only
# at configure time) so that a rebuild after a commit records the new revision.
add_custom_target(
  seccoop_revision ALL
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DOUTPUT=${PROJECT_BINARY_DIR}/generated/seccoop/revision.hpp
          -DVERSION=${PROJECT_VERSION} -P ${PROJECT_SOURCE_DIR}/cmake/WriteRevision.cmake
  BYPRODUCTS ${PROJECT_BINARY_DIR}/generated/seccoop/revision.hpp
  COMMENT "Recording the source revision")
