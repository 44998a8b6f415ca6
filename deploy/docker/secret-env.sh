#!/bin/sh
# Secrets arrive as files (compose secrets, Kubernetes secret volumes): for every variable NAME_FILE=/path, export
# NAME with the file's content, then start the service. Keeps passwords out of the environment of the host.
for var in $(env | sed -n 's/^\([A-Z0-9_]*\)_FILE=.*/\1/p'); do
  file="$(printenv "${var}_FILE")"
  if [ -r "$file" ]; then
    export "$var=$(cat "$file")"
  fi
done
exec "$@"
