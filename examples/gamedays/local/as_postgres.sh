#!/bin/sh
# Runs a PostgreSQL command as the postgres user when we are root (PostgreSQL refuses to run as root), as
# ourselves otherwise. `exec` all the way down: the pid a drill signals is the server's own, not a wrapper's.
if [ "$(id -u)" = 0 ]; then
  exec setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
fi
exec "$@"
