#!/bin/sh
# Thin wrapper over `rina notify`: arguments are passed through unchanged (see `rina notify --help`).
# Uses rina from PATH when installed, else the project's own copy through npx.
set -eu
if command -v rina >/dev/null 2>&1; then
  exec rina notify "$@"
fi
exec npx --no-install rina notify "$@"
