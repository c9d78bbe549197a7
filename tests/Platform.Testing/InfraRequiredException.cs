namespace Platform.Testing;

/// <summary>A dependency the tests need is missing while PLATFORM_REQUIRE_INFRA=1.</summary>
public sealed class InfraRequiredException(string message) : Exception(message);
