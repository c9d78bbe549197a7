using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Platform.Core.Jobs.Processing;

/// <summary>
/// Reads <see cref="Job"/>s from a raw <c>RETURNING *</c> of the jobs table. Columns, value conversions and properties
/// come from the EF model, so a claimed job carries every column EF would have read.
/// </summary>
internal sealed class JobRows
{
    private readonly (string Column, ValueConverter? Converter, PropertyInfo Property)[] _columns;

    public JobRows(IModel model)
    {
        var entity = model.FindEntityType(typeof(Job)) ?? throw new InvalidOperationException("Job is not mapped.");
        _columns = entity.GetProperties()
            .Select(p => (p.GetColumnName(), p.GetTypeMapping().Converter,
                p.PropertyInfo ?? throw new InvalidOperationException($"Job.{p.Name} has no CLR property.")))
            .ToArray();
    }

    public async Task<List<Job>> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var jobs = new List<Job>();
        if (!reader.HasRows)
        {
            return jobs;
        }
        var ordinals = _columns.Select(c => reader.GetOrdinal(c.Column)).ToArray();
        while (await reader.ReadAsync(cancellationToken))
        {
            // Every property, Kind included, is set from its column below.
            var job = new Job { Kind = "" };
            for (var i = 0; i < _columns.Length; i++)
            {
                var (_, converter, property) = _columns[i];
                var value = reader.IsDBNull(ordinals[i]) ? null : reader.GetValue(ordinals[i]);
                property.SetValue(job, value is null ? null : converter?.ConvertFromProvider(value) ?? value);
            }
            jobs.Add(job);
        }
        return jobs;
    }
}
