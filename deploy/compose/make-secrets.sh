#!/usr/bin/env bash
# Creates deploy/compose/secrets/ once: database and admin passwords, the ballot-code secret and the JWT key pair.
# Keep the folder private and backed up: a new ballot-code secret invalidates every printed verification code.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)/secrets"
mkdir -p "$dir" && chmod 700 "$dir"
cd "$dir"
[ -f db_password ] || openssl rand -hex 24 > db_password
[ -f admin_password ] || { printf 'ov%s9' "$(openssl rand -hex 10)" > admin_password; }
[ -f ballot_code_secret ] || openssl rand -hex 32 > ballot_code_secret
[ -f sms_api_key ] || : > sms_api_key
if [ ! -f jwt_private.pem ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out jwt_private.pem 2>/dev/null
  openssl rsa -in jwt_private.pem -pubout -out jwt_public.pem 2>/dev/null
fi
chmod 600 ./*
echo "secrets in $dir (admin password: $(cat admin_password))"
