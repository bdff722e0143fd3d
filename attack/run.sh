#!/bin/bash
# Runs hostile inputs against the assembled distribution and checks that each one ends quickly with
# a clear error (its exit status and an expected phrase), never with a crash, a hang, a silent
# approval or a leaked secret. A tool for checking a change by hand, not part of the build:
#
#   mvn -B -DskipTests package
#   attack/run.sh [distribution/target/victor]
#
# Each case runs in a scratch copy of the distribution (its data/ and etc/ are changed by some
# cases). Prints one line per case, PASS or FAIL with the reason, and exits 1 if any case failed.
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
DIST=$(cd "${1:-$HERE/../distribution/target/victor}" && pwd) || { echo "no distribution; build it first"; exit 2; }
INPUTS=$HERE/inputs
WORK=$(mktemp -d "${TMPDIR:-/tmp}/victor-attack.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
COPY=$WORK/victor
cp -a "$DIST" "$COPY"
rm -rf "$COPY/data"/*
VICTOR=$COPY/bin/victor
GEN=$WORK/generated
mkdir -p "$GEN"
PASSED=0
FAILED=0
FAILURES=()

# check NAME SECONDS STATUS PHRASE FORBIDDEN -- COMMAND...
#   STATUS: a number, "nonzero" or "any"; PHRASE: an extended regular expression the output must match
#   ("" for none); FORBIDDEN: one it must not match ("" for none). Output is stdout and stderr.
check() {
  local name=$1 seconds=$2 status=$3 phrase=$4 forbidden=$5
  shift 6
  local out=$WORK/out.txt started ended took code reason=""
  started=$(date +%s%N)
  timeout -s KILL "$seconds" "$@" > "$out" 2>&1 < /dev/null
  code=$?
  ended=$(date +%s%N)
  took=$(( (ended - started) / 1000000000 )).$(( (ended - started) / 100000000 % 10 ))
  if [ "$code" = 137 ]; then
    reason="did not end within ${seconds}s"
  elif [ "$status" = nonzero ] && [ "$code" = 0 ]; then
    reason="exit status 0, expected a failure"
  elif [ "$status" != nonzero ] && [ "$status" != any ] && [ "$code" != "$status" ]; then
    reason="exit status $code, expected $status"
  elif [ -n "$phrase" ] && ! grep -Eq -- "$phrase" "$out"; then
    reason="no /$phrase/ in the output"
  elif [ -n "$forbidden" ] && grep -Eq -- "$forbidden" "$out"; then
    reason="the output has /$forbidden/"
  fi
  if [ -z "$reason" ]; then
    PASSED=$((PASSED + 1))
    printf 'PASS %-58s %6ss\n' "$name" "$took"
  else
    FAILED=$((FAILED + 1))
    FAILURES+=("$name")
    printf 'FAIL %-58s %6ss  %s\n' "$name" "$took" "$reason"
    grep -v '^  [<>]' "$out" | tail -n 4 | cut -c1-200 | sed 's/^/       | /'
  fi
}

CRASH='InvocationTargetException|StackOverflowError|OutOfMemoryError|NullPointerException|\bat [a-z]+\.[a-z]+\.'

# ---------------------------------------------------------------- 1. approvals fail closed
run_approval() {
  "$VICTOR" workflow:run examples/approval.yaml '{"payee": "Mallory", "amount": 40}' 2>&1 |
    sed -n 's/.*workflow:resume \(--pause [0-9a-f-]* \)\{0,1\}\([0-9a-f-]*\) .*/\2/p'
}
cd "$COPY" || exit 2
for answer in '{bad json' '' 'null' 'no' '0' '{}' '{"approved": "false"}' 'rejected' '"yes"' '[true]' '1'; do
  thread=$(run_approval)
  check "1 approval answer '$answer' is refused" 30 nonzero '' '"paid": ?true|COMPLETED|paid [0-9]' \
    -- "$VICTOR" workflow:resume --json "$thread" "$answer"
  check "1 ... and the thread still waits after '$answer'" 30 nonzero 'FAILED' 'COMPLETED|no interrupted run' \
    -- "$VICTOR" workflow:resume --json "$thread" false
done

# ---------------------------------------------------------------- 2. CPU inside a step, past the timeout
# (the work is charged by what it costs, so a step may also end first at a named limit: both fail closed)
for f in cpu-contains cpu-bigint; do
  check "2 $f.yaml with timeout: 5 ends TIMED_OUT or at a named limit" 20 nonzero \
    '"status":"TIMED_OUT"|ExpressionLimits\.MAX_[A-Z_]+' "COMPLETED|$CRASH" \
    -- "$VICTOR" workflow:run --json "$INPUTS/$f.yaml"
done

# ---------------------------------------------------------------- 3. parse time linear, or refused at once
python3 - "$GEN" <<'PY'
import sys, os
d = sys.argv[1]
def write(name, text):
    with open(os.path.join(d, name), "w") as f:
        f.write(text)
write("flow-200k.yaml", "workflows: {w: {nodes: [" + ", ".join("x%d" % i for i in range(30000)) + "]}}\n")
write("flowmap-200k.yaml", "workflows: {w: {" + ", ".join("k%d: v" % i for i in range(20000)) + "}}\n")
write("quoted-9m.yaml", 'workflows:\n  w:\n    description: "' + "x" * (9 * 1024 * 1024) + '"\n')
write("plain-9m.yaml", "workflows:\n  w:\n    description: " + "x" * (9 * 1024 * 1024) + "\n")
write("comment-9m.yaml", "# " + "x" * (9 * 1024 * 1024) + "\nworkflows: {}\n")
write("keys-700k.yaml", "workflows:\n  w:\n    nodes: []\n" + "".join("k%d: 1\n" % i for i in range(700000)))
write("keys-700k.json", "{" + ",".join('"k%d": 1' % i for i in range(700000)) + "}")
write("string-1m.json", '{"workflows": {"w": {"description": "' + "x" * (1024 * 1024 - 64) + '"}}}')
write("too-big.yaml", "# " + "x" * (11 * 1024 * 1024) + "\n")
write("deep.yaml", "[" * 5000 + "]" * 5000 + "\n")
write("deep.json", "[" * 5000 + "]" * 5000)
laughs = "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n"
for i, n in enumerate("bcdefghi"):
    prev = "abcdefghi"[i]
    laughs += "%s: &%s [%s]\n" % (n, n, ",".join(["*" + prev] * 9))
write("laughs.yaml", laughs)
PY
for f in flow-200k.yaml flowmap-200k.yaml quoted-9m.yaml plain-9m.yaml comment-9m.yaml string-1m.json; do
  check "3 validating $f ends quickly" 30 nonzero 'is invalid|is valid' "$CRASH" -- "$VICTOR" workflow:validate "$GEN/$f"
done
check "3 a 700k-key YAML document is refused by the values limit" 30 1 'limit of [0-9]+ values' "$CRASH" \
  -- "$VICTOR" workflow:validate "$GEN/keys-700k.yaml"
check "3 a 700k-key JSON document is refused by the values limit" 30 1 'limit of [0-9]+ values' "$CRASH" \
  -- "$VICTOR" workflow:validate "$GEN/keys-700k.json"
check "3 an 11 MiB document is refused by the size limit" 30 1 'larger than the limit' "$CRASH" \
  -- "$VICTOR" workflow:validate "$GEN/too-big.yaml"
check "3 a 5,000-deep YAML document is refused" 30 1 'nests deeper than the limit' "$CRASH" \
  -- "$VICTOR" workflow:validate "$GEN/deep.yaml"
check "3 a 5,000-deep JSON document is refused" 30 1 'nests deeper than the limit' "$CRASH" \
  -- "$VICTOR" workflow:validate "$GEN/deep.json"
check "3 a billion-laughs document is refused" 30 1 'alias' "$CRASH" \
  -- "$VICTOR" workflow:validate "$GEN/laughs.yaml"

# ---------------------------------------------------------------- 4. and 5. memory and depth
check "4 a memory bomb fails naming a limit" 60 1 'limit' "COMPLETED|$CRASH" \
  -- "$VICTOR" workflow:run --json "$INPUTS/memory-bomb.yaml"
check "5 a 3,000-deep list fails naming the depth limit" 30 1 'depth|deep' "COMPLETED|$CRASH" \
  -- "$VICTOR" workflow:run --json "$INPUTS/deep-list.yaml"
check "5 a list that contains itself fails clearly" 30 1 'itself|recursive|depth|deep' "COMPLETED|$CRASH" \
  -- "$VICTOR" workflow:run --json "$INPUTS/self-containing.yaml"

# ---------------------------------------------------------------- 6. a broken datasource configuration
CFG=$COPY/etc/dev.victor.workflow.db.datasource-default.cfg
cp "$CFG" "$WORK/datasource.cfg"
echo 'x: 1' > "$GEN/stored.yaml"
for broken in 'table = workflows; DROP TABLE checkpoints' 'url = jdbc:mysql://db.example/victor' \
              'tabel = mine' 'pool.size = ten' 'create.schema = yes'; do
  cp "$WORK/datasource.cfg" "$CFG"
  key=${broken%% =*}
  sed -i "/^$key *=/d" "$CFG"
  echo "$broken" >> "$CFG"
  rm -rf "$COPY/data"/*
  check "6 datasource '$broken' fails loudly" 30 nonzero 'not usable|invalid' 'Stored' \
    -- "$VICTOR" workflow:db-put "$GEN/stored.yaml"
  # the runtime's own caches (class-data archive, framework cache) are not the datasource's data
  written=$(ls -A "$COPY/data" 2>/dev/null | grep -v -x -e cds -e felix-cache -e felix-cache.lock)
  if [ -n "$written" ]; then
    FAILED=$((FAILED + 1)); FAILURES+=("6 nothing written for '$broken'")
    echo "FAIL 6 nothing is written for '$broken': data/ holds $written"
  else
    PASSED=$((PASSED + 1)); printf 'PASS %-58s\n' "6 nothing is written for '$broken'"
  fi
done
cp "$WORK/datasource.cfg" "$CFG"
rm -rf "$COPY/data"/*

# ---------------------------------------------------------------- 8. the shell: Ctrl-C and memory
shell_case() {
  set -m  # job control: a background command keeps SIGINT (a non-interactive shell would ignore it there)
  local fifo=$WORK/shell.in out=$WORK/shell.out pid code
  rm -f "$fifo"; mkfifo "$fifo"
  "$VICTOR" < "$fifo" > "$out" 2>&1 &
  pid=$!
  exec 9> "$fifo"
  wait_for() { for _ in $(seq 1 300); do grep -q -- "$1" "$out" && return 0; sleep 0.1; done; return 1; }
  wait_for 'victor> ' || { echo "no prompt"; return 1; }
  echo "run $INPUTS/spin.yaml" >&9
  wait_for 'started spin' || { echo "the run did not start"; return 1; }
  kill -INT "$pid"
  wait_for 'finished CANCELLED' || { echo "Ctrl-C did not cancel the run"; return 1; }
  kill -0 "$pid" 2>/dev/null || { echo "Ctrl-C ended the runtime"; return 1; }
  for i in $(seq 1 500); do echo "echo line-$i"; done >&9
  wait_for 'line-500' || { echo "the shell stopped answering"; return 1; }
  jobs=$(jcmd "$pid" GC.class_histogram 2>/dev/null | awk '/CommandSessionImpl\$JobImpl/ {print $2}')
  [ "${jobs:-0}" -lt 10 ] || { echo "$jobs Gogo jobs kept after 500 commands"; return 1; }
  exec 9>&-
  wait "$pid"; code=$?
  [ "$code" = 0 ] || { echo "exit status $code at the end of input"; return 1; }
  echo "Ctrl-C cancelled the run; ${jobs:-0} jobs kept after 500 commands"
}
check "8 the shell: Ctrl-C cancels the command, no job kept per command" 90 0 'Ctrl-C cancelled' '' -- \
  bash -c "$(declare -f shell_case); VICTOR='$VICTOR' INPUTS='$INPUTS' WORK='$WORK' shell_case"

# ---------------------------------------------------------------- 9. small ones
check "9 validate does not echo a URL's password" 30 nonzero '\*\*\*' 's3cret' \
  -- "$VICTOR" workflow:validate 'https://ada:s3cret@127.0.0.1:9/w.yaml'
check "9 validate does not echo a URL's token" 30 nonzero '\*\*\*' 't0ken' \
  -- "$VICTOR" workflow:validate 'https://127.0.0.1:9/w.yaml?access_token=t0ken'
mkfifo "$GEN/pipe.yaml"
check "9 validating a named pipe is refused at once" 20 1 'not a regular file' '' \
  -- "$VICTOR" workflow:validate "$GEN/pipe.yaml"
check "9 validating /dev/zero is refused at once" 20 1 'not a regular file' '' \
  -- "$VICTOR" workflow:validate /dev/zero
check "9 max_iterations: 99999999999999 is not called 'not a whole number'" 30 any '' 'not a whole number' \
  -- "$VICTOR" workflow:validate "$INPUTS/max-iterations-huge.yaml"
check "9 a state {\"a\": 1e999999} is refused, not made null" 30 nonzero '' '"a": ?null|COMPLETED' \
  -- "$VICTOR" workflow:run --json examples/linear.yaml '{"a": 1e999999}'
check "9 duplicate keys in a state are refused" 30 nonzero 'uplicate' 'COMPLETED' \
  -- "$VICTOR" workflow:run --json examples/linear.yaml '{"name": "a", "name": "b"}'
"$VICTOR" workflow:db-put "$GEN/stored.yaml" > /dev/null 2>&1
: > "$COPY/data/victor-workflows.mv.db"
check "9 an emptied H2 file is refused, not made a new database" 30 nonzero 'is empty \(0 bytes\)' '' \
  -- "$VICTOR" workflow:db-list
[ -s "$COPY/data/victor-workflows.mv.db" ] && { FAILED=$((FAILED + 1)); FAILURES+=("9 emptied H2 file kept");
  echo "FAIL 9 the emptied H2 file was made a new database"; }

echo
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
