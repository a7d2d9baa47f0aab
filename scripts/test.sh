#!/usr/bin/env bash
# Install criticscope with its test extras (and the system packages the tests drive:
# a PostgreSQL 15 server and Chromium), then lint, gate the evaluations and run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need_apt+=(postgresql)
command -v chromium >/dev/null || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "missing system packages: ${need_apt[*]} (install them with apt-get as root)" >&2
  fi
fi

# one data folder for the evaluations and the tests, so models are trained once
export CRITICSCOPE_HOME="$PWD/.cache/test-home"

python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e ".[test,dask]"

.venv/bin/ruff check src tests bench
.venv/bin/criticscope eval --gate --quick
set +e
.venv/bin/python -m pytest -q "$@"
status=$?
set -e
if [ "$status" = 5 ]; then
  echo "pytest collected no tests" >&2
  exit 1
fi
exit "$status"
