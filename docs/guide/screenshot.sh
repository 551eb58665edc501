#!/usr/bin/env bash
# Remakes docs/images/story-page.png: the guide's two versions in a fresh store, the page in
# headless Chromium (Debian package chromium). Run from the repository root.
set -euo pipefail
store=$(mktemp -d)
port=${PORT:-8099}
./storytrack ingest docs/guide/two-sites.jsonl --store "$store"
./storytrack serve --store "$store" --port "$port" & server=$!
trap 'kill $server; rm -rf "$store"' EXIT
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 1; done
story=$(curl -fs "http://127.0.0.1:$port/api/stories" | sed -E 's/.*"id":"(s[0-9]+)".*/\1/')
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1400 \
  --virtual-time-budget=8000 --screenshot=docs/images/story-page.png "http://127.0.0.1:$port/#/story/$story"
