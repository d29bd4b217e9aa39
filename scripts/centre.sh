#!/usr/bin/env bash
# Set up a command centre on an existing PostgreSQL/PostGIS server: the database (if missing), the schema, the
# roles, row-level security, privileges, guard triggers and a first admin.
#   bash scripts/centre.sh postgresql+psycopg://postgres@dbhost/jingkong ADMIN_NAME
# Connect as the server's superuser (password in ~/.pgpass or $PGPASSWORD); the admin's password is read from
# $JINGKONG_ADMIN_PASSWORD or asked. Then fill it: jingkong demo --out URL (and run this again), or copy a store.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
    echo "usage: bash scripts/centre.sh postgresql+psycopg://superuser@host/dbname [ADMIN_NAME]" >&2
    exit 2
fi
exec python3 -m app.cli centre init --url "$1" ${2:+--admin "$2"}
