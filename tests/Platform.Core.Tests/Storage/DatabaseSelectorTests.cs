using Platform.Core.Data;
using Platform.Testing;

namespace Platform.Core.Tests.Storage;

public sealed class DatabaseSelectorTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void No_connection_string_selects_the_embedded_sqlite_file_in_the_data_directory()
    {
        var database = DatabaseSelector.Select(null, _directory.Path);
        Assert.Equal(DatabaseProvider.Sqlite, database.Provider);
        Assert.Equal(Path.Combine(_directory.Path, "platform.db"), database.Description);
    }

    [Fact]
    public void A_host_selects_postgresql_and_hides_the_password_from_the_description()
    {
        var database = DatabaseSelector.Select("Host=db.internal;Port=5433;Database=platform;Username=u;Password=secret", _directory.Path);
        Assert.Equal(DatabaseProvider.PostgreSql, database.Provider);
        Assert.Equal("db.internal:5433/platform", database.Description);
    }

    [Fact]
    public void A_data_source_selects_sqlite_at_that_path_with_a_busy_timeout()
    {
        var path = Path.Combine(_directory.Path, "nested", "other.db");
        var database = DatabaseSelector.Select($"Data Source={path}", _directory.Path);
        Assert.Equal(DatabaseProvider.Sqlite, database.Provider);
        Assert.Equal(path, database.Description);
        Assert.Contains("Default Timeout=30", database.ConnectionString);
        Assert.True(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public void An_unrecognised_connection_string_fails_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSelector.Select("mongodb://localhost", _directory.Path));
        Assert.Contains("ConnectionStrings:platformdb", error.Message);
    }

    public void Dispose() => _directory.Dispose();
}
