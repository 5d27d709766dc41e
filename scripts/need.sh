# Sourced by the scripts: `need COMMAND PACKAGE` installs the Debian package that provides COMMAND when it
# is missing (as root, with apt-get), so the README's commands work on a fresh machine; otherwise it stops
# with the install command to run.
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "$(basename "$0"): installing $2 (for $1)" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >&2
  else
    echo "$(basename "$0"): $1 is missing; install it (Debian: sudo apt-get install $2)" >&2
    exit 1
  fi
}
