#!/usr/bin/env bash
# `npm test`: everything CI checks, in order of cost, so a cheap failure stops the run early.
# SKIP_BUILD=1 reuses an existing .next for local iteration; TEST_DATABASE_URL adds a PostgreSQL pass.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 # closed networks: no telemetry calls from `next build`

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [[ ! -x $chromium ]]; then
  echo "npm test: Chromium not found at $chromium; run 'apt-get install -y chromium' (as root) or set CHROMIUM_PATH." >&2
  exit 1
fi

summary=()
stage() {
  local name=$1 t0=$SECONDS
  shift
  echo "── $name"
  if ! "$@"; then
    echo "── $name FAILED after $((SECONDS - t0)) s (before it: ${summary[*]:-nothing})" >&2
    exit 1
  fi
  echo "── $name: $((SECONDS - t0)) s"
  summary+=("$name $((SECONDS - t0))s")
}

stage typecheck npx tsc --noEmit
stage vitest npx vitest run
if [[ -n ${TEST_DATABASE_URL:-} ]]; then
  stage vitest-postgres env TEST_DB=postgres npx vitest run --project integration
fi
if [[ ${SKIP_BUILD:-} == 1 && -f .next/BUILD_ID ]]; then
  echo "── build skipped (SKIP_BUILD=1)"
else
  stage build npx next build
fi
stage e2e npx playwright test

echo "── all passed: ${summary[*]}"
