namespace Platform.EndToEnd.Tests;

/// <summary>One platform in the embedded mode (SQLite, in-memory cache) shared by the tests of its collection.</summary>
public sealed class EmbeddedPlatform : IAsyncLifetime
{
    private PlatformApp? _app;

    public PlatformApp App => _app ?? throw new InvalidOperationException("The platform is not started.");

    public async ValueTask InitializeAsync() => _app = await PlatformApp.StartAsync("embedded", TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EmbeddedCollection : ICollectionFixture<EmbeddedPlatform>
{
    public const string Name = "embedded platform";
}
