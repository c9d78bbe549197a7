using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Core.Events;
using Platform.Core.Gateway;

namespace Platform.Core.Tests.Interactions;

/// <summary>Each buffer writer is a thread and a connection: a configured count beyond the bound stops the start, naming the key.</summary>
public sealed class WriterBoundsTests
{
    [Theory]
    [InlineData("Interactions:Buffer:Writers", "1000")]
    [InlineData("Events:Buffer:Writers", "-1")]
    public void Too_many_writers_stop_the_start_naming_the_key(string key, string value)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new(key, value)]);
        builder.AddInteractionRecording();
        builder.AddProductEvents();
        using var host = builder.Build();

        // What ValidateOnStart runs when the host starts.
        var refused = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"{key} must be between 0 (the default) and 16.", refused.Message);
    }
}
