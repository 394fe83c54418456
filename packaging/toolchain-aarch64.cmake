# CMake toolchain file: cross-build for arm64 (Raspberry Pi 4/5, Raspberry Pi OS bookworm) on a
# Debian 12 amd64 machine with Debian multiarch. packaging/cross-arm64 installs what it needs:
# gcc-aarch64-linux-gnu, qemu-user, and the :arm64 -dev packages, whose headers and libraries
# live beside the native ones (/usr/include, /usr/lib/aarch64-linux-gnu), so the sysroot is "/".
# Used by the `cross-arm64` presets in CMakePresets.json.

set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(PLANKIOSK_CROSS_TRIPLET aarch64-linux-gnu)
set(CMAKE_LIBRARY_ARCHITECTURE ${PLANKIOSK_CROSS_TRIPLET})

set(CMAKE_C_COMPILER ${PLANKIOSK_CROSS_TRIPLET}-gcc)
# ar, ranlib and strip: CMake takes the aarch64-linux-gnu- ones from the compiler's name.

# Multiarch: the sysroot is "/". find_library() looks in lib/aarch64-linux-gnu (from
# CMAKE_LIBRARY_ARCHITECTURE), never in lib/x86_64-linux-gnu, so it cannot pick an amd64
# library; build tools (find_program) are the host's. No CMAKE_FIND_ROOT_PATH is needed.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)

# pkg-config reads only the arm64 .pc files (and the architecture-independent ones).
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/${PLANKIOSK_CROSS_TRIPLET}/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")

# ctest runs the arm64 test programs under qemu-user. "-L /" makes qemu use the multiarch
# dynamic loader (/lib/ld-linux-aarch64.so.1) and libraries installed on this machine. This
# works in containers too, where no binfmt_misc handler is registered.
find_program(PLANKIOSK_QEMU_AARCH64 NAMES qemu-aarch64 qemu-aarch64-static)
if(PLANKIOSK_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${PLANKIOSK_QEMU_AARCH64};-L;/")
endif()

# A CPack .deb built from this tree is for arm64, not for the machine that builds it.
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
