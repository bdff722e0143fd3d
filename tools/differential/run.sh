#!/bin/sh
# The differential check against CPython: builds the engine's classes (offline), compiles the
# runner and compares every case. COUNT (generated cases, default 3000), SEED (default 12) and
# SHOW (differences printed per origin, default 15) come from the environment.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
if [ ! -d engine-bundle/target/classes/dev/victor/workflow/expr ] || [ "$REBUILD" = 1 ]; then
    mvn -B -q -o -pl engine-bundle -am compile
fi
cp="$root/engine-bundle/target/classes:$root/api-bundle/target/classes"
out="$root/engine-bundle/target/differential"
mkdir -p "$out"
javac -d "$out" -cp "$cp" "$here/Runner.java"
exec python3 "$here/differential.py" "$root/yaml-bundle/src/test/resources/conformance/victor" \
    java -Xss8m -cp "$out:$cp" Runner
