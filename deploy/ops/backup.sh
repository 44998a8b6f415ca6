#!/usr/bin/env bash
# Backs up the four services' databases, one pg_dump each (custom format), into a new folder with a manifest of
# SHA-256 sums. Usage:
#   deploy/ops/backup.sh OUT_DIR [service=database ...]
# Databases default to ownersvote_<service> (election, ballot, notification, gateway); the server is the usual
# libpq environment (PGHOST, PGPORT, PGUSER, PGPASSWORD), 127.0.0.1:5432 as postgres by default.
# Each dump is consistent in itself; between services, events still in flight at the moment of the backup are
# recovered at restore time, when every service announces its events again (restore.sh; docs/operations/backup-and-restore.md).
set -euo pipefail
out="${1:?usage: backup.sh OUT_DIR [service=database ...]}"
shift
source "$(dirname "${BASH_SOURCE[0]}")/databases.sh"

mkdir -p "$out"
[ -z "$(ls -A "$out")" ] || { echo "backup.sh: $out is not empty" >&2; exit 1; }
for service in election ballot notification gateway; do
  pg_dump --format=custom --no-owner --file="$out/$service.dump" "${db[$service]}"
done
(cd "$out" && sha256sum ./*.dump > SHA256SUMS)
printf 'taken %s from %s:%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$PGHOST" "$PGPORT" > "$out/TAKEN"
echo "backed up to $out:"
cat "$out/SHA256SUMS"
