#!/bin/sh
# Rebuilds the exception benchmark modules from their text with Gatun's own text parser (Wat2Wasm.java,
# run as a single-file program on the CLI's class path; ./gatun builds the CLI on first use).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../.." && pwd)
. "$root/scripts/java-env.sh"
"$root/gatun" validate "$here/roundtrip.wasm" >/dev/null
for f in roundtrip roundtrip-legacy; do
  "$JAVA_HOME/bin/java" -cp "$root/cli/target/gatun-cli.jar:$root/cli/target/lib/*" "$here/Wat2Wasm.java" "$here/$f.wat" "$here/$f.wasm"
  echo "built $here/$f.wasm"
done
