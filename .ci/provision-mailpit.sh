#!/usr/bin/env bash
# Provisions Mailpit (a real SMTP server with an HTTP API to read what arrived) into the Seatwise cache,
# outside the repo, and reuses it when present. Prints the binary's path. The alerts service sends email to
# it in `npm run stack` and in the integration specs.
set -euo pipefail
VERSION="${MAILPIT_VERSION:-v1.33.1}"
CACHE_DIR="${SEATWISE_CACHE_DIR:-$HOME/.cache/seatwise}"
BIN="$CACHE_DIR/bin/mailpit"

# `mailpit version` prints e.g. "mailpit v1.33.1 compiled with go1.26 on linux/amd64" (no network check with
# --no-release-check).
if [ -x "$BIN" ] && "$BIN" version --no-release-check 2>/dev/null | grep -q "$VERSION"; then
  echo "$BIN"
  exit 0
fi
command -v go >/dev/null || { echo "Go is needed to build Mailpit $VERSION" >&2; exit 1; }

mkdir -p "$CACHE_DIR/bin"
gobin="$(mktemp -d)"
trap 'rm -rf "$gobin"' EXIT
# The version is stamped the way Mailpit's release build does it, so `mailpit version` (the cache check
# above) reports it.
GOBIN="$gobin" go install -ldflags "-s -w -X github.com/axllent/mailpit/config.Version=$VERSION" \
  "github.com/axllent/mailpit@$VERSION" >&2
mv "$gobin/mailpit" "$BIN"
"$BIN" version --no-release-check >&2 || true
echo "$BIN"
