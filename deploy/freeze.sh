#!/bin/sh
# Thin wrapper over `rina freeze`: arguments are passed through unchanged (see `rina freeze --help`).
# Uses rina from PATH when installed, else the project's own copy through npx.
set -eu
if command -v rina >/dev/null 2>&1; then
  exec rina freeze "$@"
fi
exec npx --no-install rina freeze "$@"
