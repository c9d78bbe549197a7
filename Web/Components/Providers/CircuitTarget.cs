using Platform.Web.Api;

namespace Platform.Web.Components.Providers;

/// <summary>What a Reset button closes: one model's circuit, or (Model null) every circuit of the provider.</summary>
public sealed record CircuitTarget(ApiProvider Provider, string? Model)
{
    public string Key() => Key(Provider.Name, Model);

    public static string Key(string provider, string? model) => model is null ? provider : provider + "/" + model;
}
