#!/usr/bin/env bash
# Fails when the model has changes that a provider's migrations do not describe yet (run by .ci/run before the tests).
set -euo pipefail

cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
status=0
for project in Core/Migrations.Sqlite Core/Migrations.PostgreSql; do
  # dotnet ef reads the project's metadata before it builds, and that needs restored assets (a fresh clone has none).
  dotnet restore "$project" >/dev/null
  if ! dotnet ef migrations has-pending-model-changes --project "$project" --startup-project "$project"; then
    echo "error: the model has changes that no migration in $project describes (or the project does not build)." >&2
    status=1
  fi
done
if [ "$status" -ne 0 ]; then
  echo "Generate them with scripts/add-migration.sh <Name> and commit the generated files (docs/migrations.md)." >&2
fi
exit "$status"
