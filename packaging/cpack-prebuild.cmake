# Run by cpack (CPACK_PRE_BUILD_SCRIPTS) on the staged files, after CPACK_STRIP_FILES: remove
# the .comment and .note sections from the program, as Debian's dh_strip does.
file(GLOB _pk_bins "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/usr/bin/*")
foreach(_pk_bin IN LISTS _pk_bins)
  message(STATUS "plankiosk: ${CPACK_PLANKIOSK_STRIP} --remove-section=.comment --remove-section=.note ${_pk_bin}")
  execute_process(COMMAND "${CPACK_PLANKIOSK_STRIP}" --remove-section=.comment --remove-section=.note "${_pk_bin}"
                  RESULT_VARIABLE _pk_rc)
  if(NOT _pk_rc EQUAL 0)
    message(FATAL_ERROR "plankiosk: strip failed on ${_pk_bin}")
  endif()
endforeach()
if(NOT _pk_bins)
  message(FATAL_ERROR "plankiosk: no program staged under ${CPACK_TEMPORARY_INSTALL_DIRECTORY}/usr/bin")
endif()
