# The Debian package: `cpack -G DEB` in a build configured with -DCMAKE_INSTALL_PREFIX=/usr
# (packaging/build-deb configures, builds and packages in one go). Included at the end of the
# top-level CMakeLists.txt, after the program's own install rules (binary, assets, configs).
#
# The package holds: /usr/bin/plankiosk; /usr/share/plankiosk (assets, config/ with the example
# and its reference); /etc/plankiosk/config.yaml (a conffile, a copy of the example);
# /lib/systemd/system/plankiosk.service; the man page; the copyright file and a changelog.
# Maintainer scripts (packaging/deb/) create the plankiosk user and /var/lib/plankiosk.
#
# Cache variables:
#   PLANKIOSK_DEB_ARCH        Debian architecture (default: the toolchain's, else dpkg's)
#   PLANKIOSK_DEB_SHLIBDEPS   compute Depends with dpkg-shlibdeps (default ON); OFF uses
#                             PLANKIOSK_DEB_FALLBACK_DEPENDS, for cross builds where the
#                             target's libraries are not installed with dpkg multiarch
#   PLANKIOSK_DEB_MAINTAINER  the Maintainer field
#   PLANKIOSK_DEB_RELEASE     the Debian revision (the version is PROJECT_VERSION-revision)

set(PLANKIOSK_PKG_SRC "${CMAKE_CURRENT_LIST_DIR}")
set(PLANKIOSK_PKG_OUT "${CMAKE_BINARY_DIR}/packaging")

# ---- Settings -------------------------------------------------------------------------------

# The architecture: a toolchain file may name it (CPACK_DEBIAN_PACKAGE_ARCHITECTURE, as
# packaging/toolchain-aarch64.cmake does); a cross compiler's multiarch triplet gives it;
# otherwise it is this machine's.
if(DEFINED CPACK_DEBIAN_PACKAGE_ARCHITECTURE AND NOT CPACK_DEBIAN_PACKAGE_ARCHITECTURE STREQUAL "")
  set(_pk_arch "${CPACK_DEBIAN_PACKAGE_ARCHITECTURE}")
else()
  set(_pk_arch "")
  if(CMAKE_CROSSCOMPILING AND CMAKE_LIBRARY_ARCHITECTURE)
    execute_process(COMMAND dpkg-architecture -t "${CMAKE_LIBRARY_ARCHITECTURE}" -qDEB_HOST_ARCH
                    OUTPUT_VARIABLE _pk_arch OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  endif()
  if(_pk_arch STREQUAL "")
    execute_process(COMMAND dpkg --print-architecture
                    OUTPUT_VARIABLE _pk_arch OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  endif()
endif()
set(PLANKIOSK_DEB_ARCH "${_pk_arch}" CACHE STRING "Debian architecture of the .deb (amd64, arm64, armhf)")

option(PLANKIOSK_DEB_SHLIBDEPS "Compute the .deb's Depends with dpkg-shlibdeps" ON)
# The libraries the program links, by their bookworm package names (also Raspberry Pi OS).
set(PLANKIOSK_DEB_FALLBACK_DEPENDS
    "libc6, libsdl2-2.0-0, libsdl2-ttf-2.0-0, libsdl2-image-2.0-0, libyaml-0-2, libjansson4, libsodium23, libsystemd0, libfribidi0, libespeak-ng1, espeak-ng-data, libxlsxwriter4, libyajl2, libharfbuzz-subset0, libzip4, libxml2"
    CACHE STRING "Depends when PLANKIOSK_DEB_SHLIBDEPS is OFF")
set(PLANKIOSK_DEB_MAINTAINER "plankiosk developers <plankiosk@example.org>"
    CACHE STRING "Maintainer field of the .deb: Name <address>")
set(PLANKIOSK_DEB_RELEASE "1" CACHE STRING "Debian revision of the .deb")
set(PLANKIOSK_SYSTEMD_UNIT_DIR "" CACHE PATH
    "Where plankiosk.service is installed (default: /lib/systemd/system for /usr, else PREFIX/lib/systemd/system)")

if(PLANKIOSK_SYSTEMD_UNIT_DIR)
  set(_pk_unitdir "${PLANKIOSK_SYSTEMD_UNIT_DIR}")
elseif(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(_pk_unitdir "/lib/systemd/system") # Debian 12's place for packaged units
else()
  set(_pk_unitdir "lib/systemd/system") # under the prefix: /usr/local/lib/systemd/system
endif()

# ---- Files generated at build time ----------------------------------------------------------

# The unit, with ExecStart and --config following the install prefix (unchanged for /usr).
file(READ "${PLANKIOSK_PKG_SRC}/plankiosk.service" _pk_unit)
string(REPLACE "ExecStart=/usr/bin/plankiosk" "ExecStart=${CMAKE_INSTALL_FULL_BINDIR}/plankiosk" _pk_unit "${_pk_unit}")
string(REPLACE "--config /etc/plankiosk/" "--config ${CMAKE_INSTALL_FULL_SYSCONFDIR}/plankiosk/" _pk_unit "${_pk_unit}")
file(CONFIGURE OUTPUT "${PLANKIOSK_PKG_OUT}/plankiosk.service" CONTENT "${_pk_unit}" @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${PLANKIOSK_PKG_SRC}/plankiosk.service")

# changelog.Debian: one entry for this version. The date honours SOURCE_DATE_EPOCH.
set(PLANKIOSK_DEB_VERSION "${PROJECT_VERSION}-${PLANKIOSK_DEB_RELEASE}")
string(TIMESTAMP PLANKIOSK_DEB_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file("${PLANKIOSK_PKG_SRC}/deb/changelog.in" "${PLANKIOSK_PKG_OUT}/changelog.Debian" @ONLY)

# Compressed with gzip -9n (no name, no timestamp) as Debian policy asks: the man page and
# the changelog.
find_program(PLANKIOSK_GZIP gzip REQUIRED)
add_custom_command(
  OUTPUT "${PLANKIOSK_PKG_OUT}/plankiosk.1.gz"
  COMMAND "${CMAKE_COMMAND}" -E copy "${PLANKIOSK_PKG_SRC}/plankiosk.1" "${PLANKIOSK_PKG_OUT}/plankiosk.1"
  COMMAND "${PLANKIOSK_GZIP}" -9nf "${PLANKIOSK_PKG_OUT}/plankiosk.1"
  DEPENDS "${PLANKIOSK_PKG_SRC}/plankiosk.1"
  COMMENT "Compressing the man page"
  VERBATIM)
add_custom_command(
  OUTPUT "${PLANKIOSK_PKG_OUT}/changelog.Debian.gz"
  COMMAND "${PLANKIOSK_GZIP}" -9nkf "${PLANKIOSK_PKG_OUT}/changelog.Debian"
  DEPENDS "${PLANKIOSK_PKG_OUT}/changelog.Debian"
  COMMENT "Compressing changelog.Debian"
  VERBATIM)
add_custom_target(plankiosk_package_docs ALL
  DEPENDS "${PLANKIOSK_PKG_OUT}/plankiosk.1.gz" "${PLANKIOSK_PKG_OUT}/changelog.Debian.gz")

# ---- Install rules beyond the program's own -------------------------------------------------

# The kiosk's config, a conffile: a copy of the shipped example. Its image and icon paths are
# relative, and are found in /usr/share/plankiosk because /etc/plankiosk has no images/.
install(FILES config/rotherham-2025.yaml
        DESTINATION "${CMAKE_INSTALL_FULL_SYSCONFDIR}/plankiosk" RENAME config.yaml)
install(FILES "${PLANKIOSK_PKG_OUT}/plankiosk.service" DESTINATION "${_pk_unitdir}")
install(FILES "${PLANKIOSK_PKG_OUT}/plankiosk.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES "${PLANKIOSK_PKG_SRC}/copyright" "${PLANKIOSK_PKG_OUT}/changelog.Debian.gz"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(FILES "${PLANKIOSK_PKG_SRC}/deb/lintian-overrides"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/lintian/overrides" RENAME plankiosk)

# ---- CPack ----------------------------------------------------------------------------------

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "plankiosk")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${PLANKIOSK_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline touchscreen kiosk for a town's plan, with feedback")
# Debian's Description: the summary line, then the text (lines under 80 columns; CPack indents
# them and turns the empty line into " .").
set(CPACK_PACKAGE_DESCRIPTION [=[
plankiosk shows a council's plan full screen on a touchscreen in a library,
town hall or shopping centre: headline numbers, themes, milestones,
indicators, quotes and pictures, all from one YAML file that staff can edit.
Passers-by can have their say by touch. Responses are kept on the kiosk, and
staff export them to a USB stick as a spreadsheet and a printable report.

It runs offline and needs no browser. On a Raspberry Pi it draws straight to
the screen through KMSDRM, with no X server. The package includes a systemd
service, which is not enabled when the package is installed.]=])
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
# Absolute destinations (/etc, /lib/systemd) go into the package through DESTDIR.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # plankiosk_0.1.0-1_amd64.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE "${PLANKIOSK_DEB_RELEASE}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${PLANKIOSK_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE "${PLANKIOSK_DEB_ARCH}")
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
# adduser: postinst creates the system user. The libraries come from dpkg-shlibdeps, which
# CPack appends to this list. espeak-ng-data holds the read-aloud voices, which the library
# loads at run time (dpkg-shlibdeps cannot see them); libespeak-ng1 depends on it too, but the
# kiosk's speech is ours to promise.
# SDL's KMSDRM driver (the service's) opens EGL, GLES and GBM with dlopen, so dpkg-shlibdeps
# cannot see them either: without them the kiosk stops at "EGL not initialized" (found by
# packaging/vm-test on a minimal system). libegl-mesa0 is EGL's Mesa vendor library (libegl1
# only Recommends it) and libgl1-mesa-dri holds the GPU drivers (the Pi's V3D, llvmpipe).
set(PLANKIOSK_DEB_RUNTIME_DEPENDS "libegl1, libegl-mesa0, libgles2, libgbm1, libgl1-mesa-dri")
if(PLANKIOSK_DEB_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, espeak-ng-data, ${PLANKIOSK_DEB_RUNTIME_DEPENDS}")
else()
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, ${PLANKIOSK_DEB_FALLBACK_DEPENDS}, ${PLANKIOSK_DEB_RUNTIME_DEPENDS}")
endif()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${PLANKIOSK_PKG_SRC}/deb/conffiles"
    "${PLANKIOSK_PKG_SRC}/deb/postinst"
    "${PLANKIOSK_PKG_SRC}/deb/prerm"
    "${PLANKIOSK_PKG_SRC}/deb/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Checked when cpack runs (packaging/cpack-check.cmake): the program looks for its assets in
# the folder compiled in from CMAKE_INSTALL_PREFIX, so a .deb must come from a /usr build.
set(CPACK_PLANKIOSK_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_PROJECT_CONFIG_FILE "${PLANKIOSK_PKG_SRC}/cpack-check.cmake")
# After staging: strip .comment and .note as dh_strip does (the toolchain's strip when cross).
set(CPACK_PLANKIOSK_STRIP "${CMAKE_STRIP}")
set(CPACK_PRE_BUILD_SCRIPTS "${PLANKIOSK_PKG_SRC}/cpack-prebuild.cmake")

# `make package_source` (not used for the .deb): leave out builds and git.
set(CPACK_SOURCE_IGNORE_FILES "/[.]git/" "/build[^/]*/" "/out/")

include(CPack)
