# Sourced by backup.sh and restore.sh: the PostgreSQL server (libpq environment, 127.0.0.1:5432 as postgres by
# default) and each service's database, ownersvote_<service> unless given as service=database arguments.
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
declare -A db=([election]=ownersvote_election [ballot]=ownersvote_ballot [notification]=ownersvote_notification
  [gateway]=ownersvote_gateway)
for pair in "$@"; do db["${pair%%=*}"]="${pair#*=}"; done
