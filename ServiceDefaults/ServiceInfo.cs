using System.Reflection;

namespace Platform.ServiceDefaults;

public static class ServiceInfo
{
    /// <summary>The platform version, from the informational version stamped at build (Directory.Build.props).</summary>
    public static string Version { get; } =
        (Assembly.GetEntryAssembly() ?? typeof(ServiceInfo).Assembly)
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
