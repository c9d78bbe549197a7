using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Platform.Core.Data;

internal static class SnakeCaseNaming
{
    /// <summary>
    /// Columns read the same in psql and sqlite3 as in the docs (user_id, created_at); keys, foreign keys and indexes
    /// take EF Core's default names in lowercase (pk_users, ix_api_keys_user_id), so that a migration names them as
    /// the database does.
    /// </summary>
    public static void UseSnakeCaseColumns(this ModelBuilder modelBuilder)
    {
        var entities = modelBuilder.Model.GetEntityTypes().ToList();
        foreach (var property in entities.SelectMany(e => e.GetProperties()))
        {
            property.SetColumnName(ToSnakeCase(property.Name));
        }

        // Default names are made of column names, so they come after every column is renamed.
        foreach (var entity in entities)
        {
            foreach (var key in entity.GetKeys())
            {
                key.SetName(key.GetDefaultName()?.ToLowerInvariant());
            }
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(foreignKey.GetDefaultName()?.ToLowerInvariant());
            }
            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(index.GetDefaultDatabaseName()?.ToLowerInvariant());
            }
        }
    }

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                builder.Append('_');
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
