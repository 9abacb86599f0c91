#!/bin/sh
# Thin wrapper over `rina deploy production`: arguments are passed through unchanged (see `rina deploy production --help`).
# Uses rina from PATH when installed, else the project's own copy through npx.
set -eu
if command -v rina >/dev/null 2>&1; then
  exec rina deploy production "$@"
fi
exec npx --no-install rina deploy production "$@"
