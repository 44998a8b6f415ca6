#!/usr/bin/env bash
# Restores the four services' databases from a folder backup.sh wrote, into empty (or new) databases, with the
# services stopped. Usage:
#   deploy/ops/restore.sh IN_DIR [service=database ...]
# Databases default to ownersvote_<service>; the server is the usual libpq environment (PGHOST, PGPORT, PGUSER,
# PGPASSWORD), 127.0.0.1:5432 as postgres by default. A database that exists must be empty: restore never
# overwrites one that holds data.
#
# After the restore every service announces all its events again (outbox rows marked unsent): a consumer that
# already applied an event skips it (its processed_event inbox came back with the backup), one that had not — the
# event was in flight when the backup was taken — applies it now. So nothing is lost and nothing applied twice, and
# the Kafka topics may be new and empty (docs/operations/backup-and-restore.md).
set -euo pipefail
in="${1:?usage: restore.sh IN_DIR [service=database ...]}"
shift
source "$(dirname "${BASH_SOURCE[0]}")/databases.sh"

(cd "$in" && sha256sum --check --quiet SHA256SUMS) || { echo "restore.sh: the backup in $in is damaged" >&2; exit 1; }
for service in election ballot notification gateway; do
  name="${db[$service]}"
  if [ "$(psql -d postgres -Atc "select count(*) from pg_database where datname = '$name'")" = 0 ]; then
    psql -d postgres -qc "create database \"$name\""
  elif [ "$(psql -d "$name" -Atc "select count(*) from pg_tables where schemaname = 'public'")" != 0 ]; then
    echo "restore.sh: database $name is not empty; restore into a new or empty database" >&2
    exit 1
  fi
  pg_restore --no-owner --exit-on-error --dbname="$name" "$in/$service.dump"
  if [ "$(psql -d "$name" -Atc "select to_regclass('outbox_event') is not null")" = t ]; then
    announced="$(psql -d "$name" -Atc "update outbox_event set sent_at = null, attempts = 0, last_error = null
      returning 1" | wc -l)"
    echo "restored $service into $name; $announced events to announce again"
  else
    echo "restored $service into $name"
  fi
done
