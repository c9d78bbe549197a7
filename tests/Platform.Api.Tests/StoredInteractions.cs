using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Interactions;

namespace Platform.Api.Tests;

/// <summary>Interactions are written off the request path: tests wait (bounded) until the writer has stored one.</summary>
public static class StoredInteractions
{
    public static async Task<Interaction> WaitAsync(IServiceProvider services, Guid id, TimeSpan within, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            if (await db.Interactions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } found)
            {
                return found;
            }
            await Task.Delay(50, ct);
        }
        throw new InvalidOperationException($"interaction {id} was never stored");
    }
}
