using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Platform.Core.Jobs;

public sealed partial class JobStore
{
    /// <summary>The model's columns of a job and one INSERT of all of them, built once from the EF model.</summary>
    private static (IProperty[] Properties, string Sql)? _insert;

    /// <summary>
    /// A lone job (no output, no idempotency key) on PostgreSQL: one INSERT without the change tracker, whose CPU on a
    /// busy 2-core machine was half of an idle job's enqueue-to-start time (bench `jobs-vs-peers`). Columns and value
    /// conversions come from the model, so the row is what SaveChanges would write.
    /// </summary>
    private Task InsertOneAsync(Job job, CancellationToken cancellationToken)
    {
        var (properties, sql) = _insert ??= BuildInsert(db.Model);
        var values = new object?[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var value = properties[i].GetGetter().GetClrValueUsingContainingEntity(job);
            values[i] = value is null ? null : properties[i].GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
        }
        return db.Database.ExecuteSqlRawAsync(sql, values!, cancellationToken);
    }

    private static (IProperty[], string) BuildInsert(IModel model)
    {
        var entity = model.FindEntityType(typeof(Job)) ?? throw new InvalidOperationException("Job is not mapped.");
        var properties = entity.GetProperties().ToArray();
        var columns = string.Join(", ", properties.Select(p => "\"" + p.GetColumnName() + "\""));
        var parameters = string.Join(", ", properties.Select((_, i) => $"{{{i}}}"));
        return (properties, $"INSERT INTO \"{entity.GetTableName()}\" ({columns}) VALUES ({parameters})");
    }
}
