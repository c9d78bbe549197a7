using Xunit.v3;

namespace Platform.Testing;

/// <summary>
/// What Assert.Skip throws, without taking a dependency on xunit.v3.assert: xunit v3 reports any
/// exception whose message starts with DynamicSkipToken.Value as a skip with the rest as reason.
/// </summary>
internal sealed class InfraSkipException(string reason) : Exception(DynamicSkipToken.Value + reason);
