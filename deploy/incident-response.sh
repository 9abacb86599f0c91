#!/bin/sh
# Thin wrapper over `rina incident-response`: arguments are passed through unchanged (see `rina incident-response --help`).
# Uses rina from PATH when installed, else the project's own copy through npx.
set -eu
if command -v rina >/dev/null 2>&1; then
  exec rina incident-response "$@"
fi
exec npx --no-install rina incident-response "$@"
