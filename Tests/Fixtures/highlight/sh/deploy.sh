#!/usr/bin/env bash
# Deploy the notes site to the staging bucket.
set -euo pipefail

BUCKET="${BUCKET:-notes-staging}"
RETRIES=3

log() {
  echo "[$(date +%H:%M:%S)] $*" >&2
}

for attempt in $(seq 1 "$RETRIES"); do
  if aws s3 sync output/ "s3://$BUCKET/" --delete; then
    log "synced on attempt $attempt"
    break
  fi
  sleep $((attempt * 2))
done

if [ -z "${CI:-}" ] && [[ "$1" == "--open" ]]; then
  xdg-open "https://$BUCKET.example.com/" || true
fi
cat <<'EOF2' > .deployed
deployed by the script; do not edit
EOF2
exit 0
