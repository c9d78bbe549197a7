using Microsoft.Extensions.Options;
using Platform.Core.Gateway.Providers;

namespace Platform.Core.Gateway;

/// <summary>Fails at start, naming the key, when a provider's configuration cannot work.</summary>
internal sealed class ProviderOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var failures = new List<string>();
        foreach (var (provider, settings) in options.Providers)
        {
            if (!ProviderTypes.All.Contains(settings.Type, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"Llm:Providers:{provider}:Type is '{settings.Type}'; expected one of: {string.Join(", ", ProviderTypes.All)}.");
            }
            if (settings.TimeoutSeconds <= 0)
            {
                failures.Add($"Llm:Providers:{provider}:TimeoutSeconds must be positive.");
            }
            if (string.Equals(settings.Type, ProviderTypes.OpenAICompatible, StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(settings.BaseUrl))
            {
                failures.Add($"Llm:Providers:{provider}:BaseUrl is required for an openai-compatible provider.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
