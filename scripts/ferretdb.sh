#!/usr/bin/env bash
# Builds (once, cached) and runs a FerretDB v1.24 with its SQLite backend, so that the MongoDB
# adapter and its contract tests run against a real MongoDB-wire server without Docker.
#
#   scripts/ferretdb.sh build                      # build only; prints the binary's path
#   scripts/ferretdb.sh start --port P --dir D     # build if needed, run in the foreground
#
# Why not `go install .../cmd/ferretdb`: the module as published lacks build/version/version.txt
# (generated from git in FerretDB's own tree) and the binary panics at start without it. We copy
# the module source out of the read-only module cache, write that file, and build there.
set -euo pipefail

FERRETDB_VERSION="${FERRETDB_VERSION:-v1.24.2}"
CACHE_DIR="${PARLEY_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/parley}/ferretdb-${FERRETDB_VERSION}"
BINARY="$CACHE_DIR/bin/ferretdb"

die() { echo "ferretdb.sh: $*" >&2; exit 1; }

build() {
  if [[ -x "$BINARY" ]]; then return 0; fi
  command -v go >/dev/null || die "the Go toolchain is needed to build FerretDB (https://go.dev/dl/); or set MONGODB_URI"
  local src="$CACHE_DIR/src"
  rm -rf "$src" && mkdir -p "$src" "$CACHE_DIR/bin"
  echo "ferretdb.sh: downloading and building FerretDB $FERRETDB_VERSION (once, cached in $CACHE_DIR)" >&2
  local module_dir
  module_dir="$(cd "$src" && GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
  [[ -d "$module_dir" ]] || die "go mod download gave no module directory"
  cp -R "$module_dir/." "$src/" && chmod -R u+w "$src"
  echo "$FERRETDB_VERSION" > "$src/build/version/version.txt"
  echo "parley" > "$src/build/version/package.txt"
  (cd "$src" && CGO_ENABLED=0 go build -trimpath -o "$BINARY.tmp" ./cmd/ferretdb)
  mv "$BINARY.tmp" "$BINARY"
}

start() {
  local port="" dir=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --port) port="$2"; shift 2 ;;
      --dir) dir="$2"; shift 2 ;;
      *) die "unknown option $1 (usage: start --port P --dir D)" ;;
    esac
  done
  [[ -n "$port" && -n "$dir" ]] || die "usage: scripts/ferretdb.sh start --port P --dir D"
  build
  mkdir -p "$dir"
  # exec: the caller's PID is FerretDB's own, so stopping it by PID stops the server.
  exec "$BINARY" --handler=sqlite --sqlite-url="file:$(cd "$dir" && pwd)/" \
    --listen-addr="127.0.0.1:$port" --debug-addr=- --telemetry=disable --log-level=warn
}

case "${1:-}" in
  build) build; echo "$BINARY" ;;
  start) shift; start "$@" ;;
  *) die "usage: scripts/ferretdb.sh build | start --port P --dir D" ;;
esac
