# Run by cpack (CPACK_PROJECT_CONFIG_FILE) before it builds a package: stop a .deb built from a
# tree not configured for /usr, whose program would look for its assets and config in the
# wrong place once installed.
if(CPACK_GENERATOR STREQUAL "DEB" AND NOT CPACK_PLANKIOSK_INSTALL_PREFIX STREQUAL "/usr")
  message(FATAL_ERROR
    "plankiosk: this build is configured with CMAKE_INSTALL_PREFIX=${CPACK_PLANKIOSK_INSTALL_PREFIX}; "
    "a .deb needs /usr. Reconfigure with -DCMAKE_INSTALL_PREFIX=/usr, or use packaging/build-deb.")
endif()
