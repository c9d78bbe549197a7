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

    public Validation Text(string? value, string field, int maxLength, bool required = true)
    {
        if (value is null)
        {
            return Require(!required, field, "is required.");
        }
        return Require(!string.IsNullOrWhiteSpace(value), field, "must not be empty.")
            .Require(value.Length <= maxLength, field, $"must be at most {maxLength} characters.");
    }
}
