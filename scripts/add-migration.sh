#!/usr/bin/env bash
# Generates migration <Name> from the model changes for every database provider: one migrations project per provider
# (docs/migrations.md). Review the generated files, then commit them together with the model change.
set -euo pipefail

if [ $# -ne 1 ] || [[ ! "$1" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "usage: $0 <Name>   (PascalCase, e.g. $0 RateLimits)" >&2
  exit 2
fi

cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for project in Core/Migrations.Sqlite Core/Migrations.PostgreSql; do
  echo "== $project"
  # dotnet ef reads the project's metadata before it builds, and that needs restored assets (a fresh clone has none).
  dotnet restore "$project" >/dev/null
  # The migrations project is also the startup project: its design-time factory supplies the provider.
  dotnet ef migrations add "$1" --project "$project" --startup-project "$project"
done
