# Debian packages each kind of work needs; .ci/apt-install installs the missing ones.

# go test -race needs cgo; the PDF tests read the output back with poppler.
PKGS_TEST := gcc libc6-dev poppler-utils

# The window compiles GLFW's C code against the X11 and OpenGL headers.
PKGS_BUILD := gcc libc6-dev pkg-config libgl1-mesa-dev libxcursor-dev libxrandr-dev \
	libxinerama-dev libxi-dev libxxf86vm-dev

# Cross-compiling the window for Windows.
PKGS_WINDOWS := gcc-mingw-w64-x86-64

# Looking at the window without a display, and driving it.
PKGS_SCREENSHOT := xvfb xauth x11-apps imagemagick xdotool

# The portable zip and the NSIS installer.
PKGS_DIST := zip nsis

# Running the Windows programs under Wine (make wine-smoke): Wine, the OpenGL
# and X libraries it loads at run time (only recommended by Debian), fonts for
# its message boxes, mingw for the stub DLL, and the screen tools.
PKGS_WINE := wine wine64 libgl1 libglx-mesa0 libgl1-mesa-dri libxcursor1 libxrandr2 \
	libxi6 libxinerama1 libxxf86vm1 libxrender1 libxcomposite1 libxfixes3 fonts-wine \
	gcc-mingw-w64-x86-64 xvfb xauth x11-apps imagemagick xdotool

# make bench: the window's build, a virtual screen for its first frame, and
# LibreOffice Calc for the office comparison (installed by the bench only,
# never in CI).
PKGS_BENCH := $(PKGS_BUILD) xvfb xauth libreoffice-calc
