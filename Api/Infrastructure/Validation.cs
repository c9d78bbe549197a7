namespace Platform.Api.Infrastructure;

/// <summary>Collects field errors for a ValidationProblem answer (400, RFC 9457, errors keyed by field).</summary>
internal sealed class Validation
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;
    public IDictionary<string, string[]> Errors => _errors;

    public Validation Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        }
        return this;
    }

    public Validation Text(string? value, string field, int maxLength, bool required = true) =>
        Text(value, field, maxLength, setting: null, required);

    /// <summary><paramref name="setting"/>: the configuration key of a configurable cap, named in the message.</summary>
    public Validation Text(string? value, string field, int maxLength, string? setting, bool required = true)
    {
        if (value is null)
        {
            return Require(!required, field, "is required.");
        }
        var limit = setting is null ? "" : $" ({setting})";
        return Require(!string.IsNullOrWhiteSpace(value), field, "must not be empty.")
            .Require(value.Length <= maxLength, field, $"is {value.Length} characters; the limit is {maxLength}{limit}.");
    }

    /// <summary>The record labels a chat or a job may carry (type, promptVersion, metadata, requiredVariables).</summary>
    public Validation Labels(Core.Interactions.InteractionLabels labels)
    {
        foreach (var (field, message) in labels.Problems())
        {
            Require(false, field, message);
        }
        return this;
    }

    /// <summary>A page size: at most the configured cap, named with its value.</summary>
    public Validation PageSize(int? limit, int max) =>
        Require(limit is null || (limit >= 1 && limit <= max), "limit",
            $"is {limit}; it must be between 1 and {max} ({Core.Limits.LimitOptions.Section}:MaxPageSize).");
}
