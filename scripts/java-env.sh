# Sourced by ./gatun, scripts/test and .ci/run: finds a JDK >= 25 and exports JAVA_HOME.
# Order: JAVA_HOME if it is >= 25, then the newest JDK >= 25 under /usr/lib/jvm.

gatun_java_feature() {  # prints the feature version of the JDK at $1, or nothing
  local release="$1/release"
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
  fi
}

gatun_find_jdk() {
  local v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(gatun_java_feature "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  local best="" bestv=0 d
  for d in /usr/lib/jvm/*/; do
    d="${d%/}"
    [ -L "$d" ] && continue
    v=$(gatun_java_feature "$d")
    if [ -n "$v" ] && [ "$v" -ge 25 ] && [ "$v" -gt "$bestv" ]; then best="$d"; bestv="$v"; fi
  done
  [ -n "$best" ] && echo "$best"
}

GATUN_JDK=$(gatun_find_jdk)
if [ -z "$GATUN_JDK" ]; then
  echo "gatun: no JDK 25 or newer found (checked JAVA_HOME=${JAVA_HOME:-unset} and /usr/lib/jvm)." >&2
  echo "gatun: install one (e.g. Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64) or point JAVA_HOME at it." >&2
  exit 1
fi
export JAVA_HOME="$GATUN_JDK"
export PATH="$JAVA_HOME/bin:$PATH"

if ! command -v mvn >/dev/null 2>&1; then
  echo "gatun: Maven (mvn) is not on PATH; on Debian: apt-get install maven" >&2
  exit 1
fi

# Maven 3.8's bundled Guava touches sun.misc.Unsafe; keep JDK 25's warning about it out of the output.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
