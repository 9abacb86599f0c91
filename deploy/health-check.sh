#!/bin/sh
# Thin wrapper over `rina health-check`: arguments are passed through unchanged (see `rina health-check --help`).
# Uses rina from PATH when installed, else the project's own copy through npx.
set -eu
if command -v rina >/dev/null 2>&1; then
  exec rina health-check "$@"
fi
exec npx --no-install rina health-check "$@"
